package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnlinkInstagramFromTikTokTest {
  @Test
  void takesInstagramOffTikTokThenDisconnectsBothAccountsAndPrintsNoSecret() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    UnlinkInstagramFromTikTok.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("TikTok app → Profile → Edit profile")
        .contains("Grants still used by other links are kept")
        .contains("DONE          revoke:tiktok:")
        .contains("DONE          verify:tiktok:")
        .contains("AWAITING_USER manual:instagram:")
        .contains("DONE          verify:instagram:")
        .contains("instagram refuses the old token (AUTH_REVOKED)")
        .contains("Grants still stored: 0");
    assertThat(out.lines().filter(l -> l.contains(": complete"))).hasSize(3);
    assertThat(out.lines().filter(l -> l.startsWith("  UNLINKED  "))).hasSize(3);
    assertThat(out).doesNotContain("emulator-client-secret").doesNotContain("emulator-instagram-app-secret")
        .doesNotContainPattern("act\\.[A-Za-z0-9]").doesNotContain("IGAA");
  }
}
