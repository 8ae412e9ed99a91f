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
        .contains("verify   GET /2/users/me with the old token is refused: true; grant forgotten: true")
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

  @Test
  void aSecondRunOnTheH2FileSeesTheFirstRunsLinksAndTheFileHoldsNoToken(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    String first = runOn(DemoState.h2File(dir));
    String second = runOn(DemoState.h2File(dir));

    assertThat(first).contains("State: H2 file").contains("links from earlier runs: 0");
    assertThat(second).contains("links from earlier runs: 2");
    assertThat(second).contains("verify   GET /2/users/me with the old token is refused: true; grant forgotten: true");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("socialink") + ";DB_CLOSE_DELAY=-1", "sa", "");
        java.sql.Statement s = c.createStatement()) {
      s.execute("CHECKPOINT SYNC");
    }
    String file = new String(java.nio.file.Files.readAllBytes(dir.resolve("socialink.mv.db")),
        StandardCharsets.ISO_8859_1);
    assertThat(file).contains("APP_AUTHORIZATION").doesNotContain("pat-").doesNotContain("prt-");
    assertThat(runOn(DemoState.inMemory())).contains("State: memory only").contains("links from earlier runs: 0");
  }

  private static String runOn(DemoState state) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), state, java.util.List.of("x-and-pebble"));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
