/**
 * The Instagram provider for Socialink.
 *
 * <p>Jackson reads Graph API error bodies and Meta's usage headers in the unexported
 * {@code io.socialink.instagram.internal} package only; no public signature names a Jackson type.
 */
module io.socialink.instagram {
  requires transitive io.socialink.core;
  requires com.fasterxml.jackson.databind;

  exports io.socialink.instagram;

  provides io.socialink.spi.PlatformProvider with io.socialink.instagram.InstagramProvider;
}
