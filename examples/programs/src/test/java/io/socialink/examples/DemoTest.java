package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void linksUsesPlansRevokesAndVerifiesWithoutPrintingATokenOrSecret() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("instagram", "pebble", "tiktok", "x")
        .contains("APP_AUTHORIZATION the application Socialink Demo -> x account @XDevelopers")
        .contains("profile  @XDevelopers (X Developers)")
        .containsPattern("post     caption of weighted length \\d+ fitted to 2\\d\\d of 280; posted as \\d+")
        .contains("[REVOKE] Revoke grant")
        .contains("https://x.com/settings/connected_apps")
        .contains("DONE          revoke:x:")
        .contains("AWAITING_USER manual:x:")
        .contains("DONE          verify:x:")
        .contains("verify   GET /2/users/me with the old token is refused: true; grants still stored: 0")
        .contains("APP_AUTHORIZATION the application Socialink Demo -> pebble account @pebble_fan")
        .contains("the old token is refused (AUTH_REVOKED)")
        .contains("TikTok app → Profile → Edit profile")
        .contains("links    {UNLINKED=100}; grants still stored: 0");
    assertThat(out.lines().filter(l -> l.contains("refresh token rotated: true"))).hasSize(2);
    // The local server mints tokens starting with these prefixes; none may be printed.
    assertThat(out).doesNotContain("pat-").doesNotContain("prt-").doesNotContain("demo-client-secret")
        .doesNotContain("emulator-client-secret")
        .doesNotContain("code-");
  }
}
