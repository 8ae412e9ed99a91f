package io.socialink.testkit.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.testkit.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TikTokEmulatorRevokeLimitTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));

  HttpResponse<String> revoke(TikTokHttp h, String token) {
    return h.postForm("/v2/oauth/revoke/", TikTokHttp.fields("client_key", TikTokEmulator.CLIENT_KEY, "client_secret",
        TikTokEmulator.CLIENT_SECRET, "token", token));
  }

  TikTokEmulator.User user(int i) {
    return new TikTokEmulator.User("open-id-" + i, "user" + i, "User " + i);
  }

  @Test
  void issuedTokensWorkWithoutTheBrowserFlow() {
    try (TikTokEmulator t = TikTokEmulator.builder().clock(clock).start()) {
      TikTokHttp h = new TikTokHttp(t);
      TikTokEmulator.IssuedTokens tokens = t.issueTokens(user(1), Set.of("user.info.basic"));

      HttpResponse<String> info = h.userInfo(tokens.accessToken(), "open_id,display_name");
      HttpResponse<String> revoked = revoke(h, tokens.accessToken());

      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body()).contains("open-id-1").contains("User 1");
      assertThat(revoked.statusCode()).isEqualTo(200);
      assertThat(h.userInfo(tokens.accessToken(), "open_id").statusCode()).isEqualTo(401);
      assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
    }
  }

  @Test
  void theRevokeLimitSlidesOverOneSecondAndAnswers429RateLimitExceeded() {
    try (TikTokEmulator t = TikTokEmulator.builder().clock(clock).revokeLimit(2).start()) {
      TikTokHttp h = new TikTokHttp(t);
      String a = t.issueTokens(user(1), Set.of("user.info.basic")).accessToken();
      String b = t.issueTokens(user(2), Set.of("user.info.basic")).accessToken();
      String c = t.issueTokens(user(3), Set.of("user.info.basic")).accessToken();

      HttpResponse<String> first = revoke(h, a);
      clock.advance(Duration.ofMillis(500));
      HttpResponse<String> second = revoke(h, b);
      HttpResponse<String> third = revoke(h, c);
      clock.advance(Duration.ofMillis(500)); // the first call leaves the window
      HttpResponse<String> fourth = revoke(h, c);
      HttpResponse<String> fifth = revoke(h, a);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(TikTokHttp.json(third).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
      assertThat(third.headers().firstValue("x-rate-limit-limit")).isEmpty();
      assertThat(fourth.statusCode()).isEqualTo(200);
      assertThat(fifth.statusCode()).isEqualTo(429);
      assertThat(t.throttledRevocations()).containsExactly(Instant.parse("2026-03-01T10:00:00.500Z"),
          Instant.parse("2026-03-01T10:00:01Z"));
      assertThat(t.revocationsOf(a)).containsExactly(Instant.parse("2026-03-01T10:00:00Z"));
      assertThat(t.revocationsOf(c)).containsExactly(Instant.parse("2026-03-01T10:00:01Z"));
      assertThatThrownBy(() -> TikTokEmulator.builder().revokeLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
