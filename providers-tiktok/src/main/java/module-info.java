/**
 * The TikTok provider for Socialink.
 *
 * <p>Jackson reads TikTok's response bodies inside the unexported {@code io.socialink.tiktok.internal}
 * package only; it is required, not required transitively, and no public signature names it.
 */
module io.socialink.tiktok {
  requires transitive io.socialink.core;
  requires com.fasterxml.jackson.databind;

  exports io.socialink.tiktok;

  provides io.socialink.spi.PlatformProvider with io.socialink.tiktok.TikTokProvider;
}
