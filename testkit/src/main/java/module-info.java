/**
 * Socialink's test kit: local platform emulators on the JDK's built-in HTTP server, the documented
 * payloads they are checked against, and the provider contract test.
 */
module io.socialink.testkit {
  requires transitive io.socialink.core;
  // Needed by the contract test only; the emulators run without them (e.g. in example programs).
  requires static org.junit.jupiter.api;
  requires static org.assertj.core;
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;
  // The X emulator weighs post text as X does; an automatic module, used only in the internal package.
  requires twitter.text;

  exports io.socialink.testkit;
  exports io.socialink.testkit.x;
  exports io.socialink.testkit.tiktok;
  exports io.socialink.testkit.instagram;

  opens io.socialink.testkit to org.junit.platform.commons;
}
