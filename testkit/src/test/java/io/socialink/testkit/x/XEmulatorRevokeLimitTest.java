package io.socialink.testkit.x;

import static io.socialink.testkit.x.EmulatorHttp.basic;
import static io.socialink.testkit.x.EmulatorHttp.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.testkit.TestClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XEmulatorRevokeLimitTest {
  static final Set<String> SCOPES = Set.of("tweet.read", "users.read", "offline.access");
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00.400Z"));

  HttpResponse<String> revoke(EmulatorHttp h, String token) {
    return h.postForm("/2/oauth2/revoke", fields("token", token), "Authorization",
        basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));
  }

  @Test
  void issuedTokensWorkWithoutTheBrowserFlow() {
    try (XEmulator x = XEmulator.builder().clock(clock).start()) {
      EmulatorHttp h = new EmulatorHttp(x);
      XEmulator.IssuedTokens t = x.issueTokens(XEmulator.CLIENT_ID, new XEmulator.User("42", "fortytwo", "Forty Two"),
          SCOPES);

      HttpResponse<String> me = h.get(URI.create(x.apiBaseUri() + "/2/users/me"), "Authorization",
          "Bearer " + t.accessToken());

      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"username\":\"fortytwo\"");
      assertThat(t.refreshToken()).isPresent();
      assertThat(t.expiresIn()).isEqualTo(Duration.ofHours(2));
      assertThat(t.toString()).doesNotContain(t.accessToken()).doesNotContain(t.refreshToken().get());
      assertThat(x.issueTokens(XEmulator.CLIENT_ID, XEmulator.DEFAULT_USER, Set.of("tweet.read")).refreshToken())
          .isEmpty();
      assertThatThrownBy(() -> x.issueTokens("nobody", XEmulator.DEFAULT_USER, SCOPES))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theRevokeLimitCountsWholeSecondsAndAnswers429WithXsHeaders() {
    try (XEmulator x = XEmulator.builder().clock(clock).revokeLimit(2).start()) {
      EmulatorHttp h = new EmulatorHttp(x);
      String a = x.issueTokens(XEmulator.CLIENT_ID, XEmulator.DEFAULT_USER, SCOPES).accessToken();
      String b = x.issueTokens(XEmulator.CLIENT_ID, XEmulator.DEFAULT_USER, SCOPES).accessToken();
      String c = x.issueTokens(XEmulator.CLIENT_ID, XEmulator.DEFAULT_USER, SCOPES).accessToken();
      long reset = Instant.parse("2026-03-01T10:00:01Z").getEpochSecond();

      HttpResponse<String> first = revoke(h, a);
      HttpResponse<String> second = revoke(h, b);
      HttpResponse<String> third = revoke(h, c);
      clock.advance(Duration.ofMillis(600)); // 10:00:01.000, the next window
      HttpResponse<String> fourth = revoke(h, c);
      HttpResponse<String> again = revoke(h, a);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("x-rate-limit-limit")).hasValue("2");
      assertThat(first.headers().firstValue("x-rate-limit-remaining")).hasValue("1");
      assertThat(first.headers().firstValue("x-rate-limit-reset")).hasValue(Long.toString(reset));
      assertThat(second.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
      assertThat(third.headers().firstValue("x-rate-limit-reset")).hasValue(Long.toString(reset));
      assertThat(fourth.statusCode()).isEqualTo(200);
      assertThat(fourth.headers().firstValue("x-rate-limit-reset")).hasValue(Long.toString(reset + 1));
      assertThat(again.statusCode()).isEqualTo(400);
      assertThat(x.throttledRevocations()).containsExactly(Instant.parse("2026-03-01T10:00:00.400Z"));
      assertThat(x.revocationsOf(a)).hasSize(2);
      assertThat(x.revocationsOf(c)).containsExactly(Instant.parse("2026-03-01T10:00:01Z"));
    }
  }

  @Test
  void revokeIsUnlimitedByDefault() {
    try (XEmulator x = XEmulator.builder().clock(clock).start()) {
      EmulatorHttp h = new EmulatorHttp(x);
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = revoke(h, x.issueTokens(XEmulator.CLIENT_ID, XEmulator.DEFAULT_USER, SCOPES)
            .accessToken());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-rate-limit-limit")).isEmpty();
      }
      assertThat(x.throttledRevocations()).isEmpty();
      assertThatThrownBy(() -> XEmulator.builder().revokeLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
