package io.socialink.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DefaultErrorClassifierTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  static Classification classify(int status, Headers headers) {
    return DefaultErrorClassifier.classify("x", new ApiResponse(status, headers, new byte[0]), NOW).orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "400, INVALID_REQUEST, false", "401, AUTH_EXPIRED, false", "403, PERMISSION_DENIED, false",
    "404, NOT_FOUND, false", "410, NOT_FOUND, false", "408, TRANSIENT, true", "409, DUPLICATE, false",
    "422, INVALID_REQUEST, false", "429, RATE_LIMITED, true", "500, TRANSIENT, true", "502, TRANSIENT, true",
    "503, TRANSIENT, true", "504, TRANSIENT, true", "501, INVALID_REQUEST, false", "302, UNKNOWN, false"
  })
  void statusRules(int status, ErrorCategory category, boolean retryable) {
    Classification c = classify(status, Headers.empty());
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.retryable()).isEqualTo(retryable);
    assertThat(c.httpStatus()).isEqualTo(status);
    assertThat(c.platformId()).isEqualTo("x");
    assertThat(c.remediation()).isNotBlank();
  }

  @Test
  void successIsNoClassification() {
    assertThat(DefaultErrorClassifier.classify("x", new ApiResponse(201, Headers.empty(), new byte[0]), NOW)).isEmpty();
  }

  @Test
  void retryAfterInSecondsAndAsHttpDate() {
    assertThat(classify(429, Headers.of("Retry-After", "120")).retryAt()).contains(NOW.plusSeconds(120));
    assertThat(classify(503, Headers.of("retry-after", "Sun, 22 Nov 2026 10:05:00 GMT")).retryAt())
        .contains(Instant.parse("2026-11-22T10:05:00Z"));
    assertThat(classify(429, Headers.of("Retry-After", "soon")).retryAt()).isEmpty();
    assertThat(classify(400, Headers.of("Retry-After", "5")).retryAt()).isEmpty();
  }

  @Test
  void absurdRetryAfterValuesAreCappedAtADayAndNeverThrow() {
    assertThat(classify(429, Headers.of("Retry-After", "100000000000000000")).retryAt()).contains(NOW.plus(Duration.ofDays(1)));
    assertThat(classify(429, Headers.of("Retry-After", "10000000000000000")).retryAt()).contains(NOW.plus(Duration.ofDays(1)));
    assertThat(classify(429, Headers.of("Retry-After", "172800")).retryAt()).contains(NOW.plus(Duration.ofDays(1)));
    assertThat(classify(503, Headers.of("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")).retryAt())
        .contains(NOW.plus(Duration.ofDays(1)));
    assertThat(classify(429, Headers.of("Retry-After", "Mon, 99 Foo 2026 10:05:00 GMT")).retryAt()).isEmpty();
  }

  @Test
  void retryAfterWithLeadingZerosIsReadAsItsValueNotCapped() {
    assertThat(classify(429, Headers.of("Retry-After", "000000000005")).retryAt()).contains(NOW.plusSeconds(5));
    assertThat(classify(503, Headers.of("Retry-After", " 0120 ")).retryAt()).contains(NOW.plusSeconds(120));
  }

  @Test
  void nonAsciiDigitsAndSignsAreIgnored() {
    assertThat(classify(429, Headers.of("Retry-After", "\u0665")).retryAt()).isEmpty();
    assertThat(classify(429, Headers.of("Retry-After", "-5")).retryAt()).isEmpty();
    assertThat(classify(429, Headers.of("Retry-After", "+5")).retryAt()).isEmpty();
  }

  @Test
  void requestIdsAreOneBoundedLine() {
    String forged = "req-9\r\nINFO forged line\u001b[2J" + "x".repeat(10_000);

    assertThat(classify(500, Headers.of("X-Request-Id", forged)).requestId()).hasValueSatisfying(id -> {
      assertThat(id).startsWith("req-9 INFO forged line").doesNotContain("\r", "\n", "\u001b");
      assertThat(id.length()).isLessThanOrEqualTo(DefaultErrorClassifier.MAX_REQUEST_ID_LENGTH + 1);
    });
    assertThat(classify(500, Headers.of("X-Request-Id", "\r\n", "request-id", "r2")).requestId()).contains("r2");
  }

  @Test
  void readsGenericRequestIds() {
    assertThat(classify(500, Headers.of("X-Request-Id", "req-9")).requestId()).contains("req-9");
  }

  @Test
  void ioFailuresAreTransientAndSayWhetherTheRequestWasSent() {
    IOException refused = new ConnectException("Connection refused");
    IOException connectTimeout = new HttpConnectTimeoutException("connect timed out");
    IOException readTimeout = new HttpTimeoutException("request timed out");
    assertThat(DefaultErrorClassifier.classify("x", refused).category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(DefaultErrorClassifier.classify("x", readTimeout).message()).contains("response timeout");
    assertThat(DefaultErrorClassifier.provesNotSent(refused)).isTrue();
    assertThat(DefaultErrorClassifier.provesNotSent(connectTimeout)).isTrue();
    assertThat(DefaultErrorClassifier.provesNotSent(readTimeout)).isFalse();
  }
}
