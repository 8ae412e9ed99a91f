/** The Instagram provider for Socialink. */
module io.socialink.instagram {
  requires transitive io.socialink.core;

  exports io.socialink.instagram;

  provides io.socialink.spi.PlatformProvider with io.socialink.instagram.InstagramProvider;
}
