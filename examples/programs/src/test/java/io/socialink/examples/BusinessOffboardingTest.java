package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BusinessOffboardingTest {
  @Test
  void unlinksEveryClientAccountResumingAfterTheConfirmationsWithoutRevokingTwice() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BusinessOffboarding.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 40);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("linked   20 X and 20 TikTok accounts")
        .contains("[##########] 40/40 executed")
        .contains("(40 account holders confirmed that the app is gone from their settings)")
        .contains("result   40/40 done, 0 waiting for the user, 0 failed, 0 to retry, 0 left")
        .contains("links    {UNLINKED=40}; grants still stored: 0; revocation requests sent to X: 40 (refresh and access"
            + " token of each grant), to TikTok: 20");
    assertThat(out.lines().filter(l -> l.startsWith("  result   "))).hasSize(2);
    assertThat(out).doesNotContain("failed   ").doesNotContain("emulator-client-secret");
  }
}
