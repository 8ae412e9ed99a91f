package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackIntakeTest {
  @Test
  void theEmulatorsCallbacksRevokeEveryLinkAndTheDeletionIsTrackedWithoutPrintingASecret() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CallbackIntake.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("X CRC check at /x: passed")
        .contains("Meta hub.challenge at /instagram: passed")
        .contains("TikTok authorization.removed -> 200")
        .contains("Meta deauthorize -> 200")
        .containsPattern("Meta data deletion -> 200 \\{\"url\":\"https://app\\.example/deletion\\?code=[A-Za-z0-9]+\","
            + "\"confirmation_code\":\"[A-Za-z0-9]+\"}")
        .contains("X oauth.revoke -> 200")
        .contains("X oauth.revoke again (a retry) -> 200, nothing changes")
        .contains("forged TikTok delivery -> 401")
        .contains("Grants still stored: 0")
        .containsPattern("Data deletion [A-Za-z0-9]+: RECEIVED")
        .containsPattern("Data deletion [A-Za-z0-9]+ after the application deleted the data: COMPLETED");
    String after = out.substring(out.indexOf("Links now:"));
    assertThat(after.lines().filter(l -> l.startsWith("  REVOKED  APP_AUTHORIZATION"))).hasSize(3);
    assertThat(out.substring(0, out.indexOf("Handshakes:")).lines()
        .filter(l -> l.startsWith("  ACTIVE  APP_AUTHORIZATION"))).hasSize(3);
    assertThat(out.lines().filter(l -> l.startsWith("    listener: ") && l.contains("removed the app"))).hasSize(3);
    assertThat(out).doesNotContain(TikTokEmulator.CLIENT_SECRET).doesNotContain(InstagramEmulator.APP_SECRET)
        .doesNotContain(XEmulator.CONSUMER_SECRET).doesNotContain("example-verify-token")
        .doesNotContainPattern("act\\.[A-Za-z0-9]").doesNotContain("IGAA");
  }
}
