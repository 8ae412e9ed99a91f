/** The TikTok provider for Socialink. */
module io.socialink.tiktok {
  requires transitive io.socialink.core;

  exports io.socialink.tiktok;

  provides io.socialink.spi.PlatformProvider with io.socialink.tiktok.TikTokProvider;
}
