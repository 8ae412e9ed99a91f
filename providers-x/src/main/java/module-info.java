/** The X provider for Socialink. */
module io.socialink.x {
  requires transitive io.socialink.core;

  exports io.socialink.x;

  provides io.socialink.spi.PlatformProvider with io.socialink.x.XProvider;
}
