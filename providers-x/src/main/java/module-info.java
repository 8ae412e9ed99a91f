/**
 * The X provider for Socialink: OAuth 2.0 with PKCE, rotating refresh tokens, revocation, profile,
 * posts and media, rate limits, webhooks and text rules.
 *
 * <p>ScribeJava and twitter-text have no module names of their own; they are required by the
 * automatic names their jar files give ({@code scribejava.core}, {@code twitter.text}) and used only
 * in the unexported {@code io.socialink.x.internal} package.
 */
module io.socialink.x {
  requires transitive io.socialink.core;
  requires scribejava.core;
  requires twitter.text;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.socialink.x;

  provides io.socialink.spi.PlatformProvider with io.socialink.x.XProvider;
}
