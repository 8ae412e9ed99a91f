package io.socialink.testkit.tiktok;

import static io.socialink.testkit.tiktok.TikTokHttp.LOGIN_KIT_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokEmulatorAccountDeletionTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  TikTokEmulator t;
  TikTokHttp h;

  @BeforeEach
  void start() {
    t = TikTokEmulator.builder().clock(clock).start();
    h = new TikTokHttp(t);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void deletingTheAccountKillsEveryTokenAndSendsReason2() {
    JsonNode tokens = h.tokens(LOGIN_KIT_SCOPES);

    TikTokEmulator.WebhookDelivery d = t.deleteAccount(TikTokEmulator.DEFAULT_USER.openId());

    assertThat(new String(d.body(), StandardCharsets.UTF_8)).contains("\"event\":\"authorization.removed\"",
        "\"content\":\"{\\\"reason\\\": 2 }\"");
    assertThat(d.signature()).startsWith("t=" + clock.instant().getEpochSecond() + ",s=");
    assertThat(h.userInfo(tokens.get("access_token").asText(), "open_id").statusCode()).isEqualTo(401);
  }
}
