package io.socialink.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.fuzz.Fuzz;
import io.socialink.fuzz.Mutator;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.resilience.RetryTimes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing of core's generic classification and of every header-to-time reading. */
class DefaultErrorClassifierFuzzTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant LATEST = NOW.plus(Duration.ofDays(1));
  static final List<String> BODIES = List.of("{\"error\":\"server_error\"}", "<html>Bad gateway</html>", "");

  static int status(Mutator m) {
    return m.chance(0.7) ? m.pick(List.of(429, 503, 500, 400, 401, 403, 404, 200, 204)) : m.between(100, 599);
  }

  static String retryAfter(Mutator m) {
    return m.chance(0.5) ? m.headerValue() : m.mutate(m.pick("120", "Sun, 22 Nov 2026 10:05:00 GMT", "0"));
  }

  @Test
  void responses() {
    Fuzz.run("core classify", 2_000, t -> false,
        m -> new ApiResponse(status(m), Headers.of("retry-after", retryAfter(m), "x-request-id", m.mutate("req-1")),
            m.mutate(m.pick(BODIES)).getBytes(StandardCharsets.UTF_8)),
        r -> DefaultErrorClassifier.classify("x", r, NOW).ifPresent(c -> {
          c.retryAt().ifPresent(at -> assertThat(at).isBeforeOrEqualTo(LATEST));
          c.requestId().ifPresent(id -> Fuzz.assertOneLine("request id", id, DefaultErrorClassifier.MAX_REQUEST_ID_LENGTH + 1));
          Fuzz.assertOneLine("message", c.message(), 300);
        }));
  }

  record TimeCase(Optional<String> value, Instant receivedAt) {}

  @Test
  void headerTimesAndCounts() {
    Fuzz.run("header times", 3_000, t -> false,
        m -> new TimeCase(Optional.of(m.chance(0.8) ? m.headerValue() : m.mutate("1772360000")),
            m.chance(0.05) ? Instant.MAX.minusSeconds(m.between(0, 100_000)) : NOW),
        c -> {
          Instant latest = c.receivedAt().isAfter(Instant.MAX.minus(Duration.ofDays(1))) ? Instant.MAX
              : c.receivedAt().plus(Duration.ofDays(1));
          for (Optional<Instant> at : List.of(RetryTimes.retryAfter(c.value(), c.receivedAt()),
              RetryTimes.afterSeconds("w", c.value(), c.receivedAt()),
              RetryTimes.atEpochSecond("r", c.value(), c.receivedAt()),
              RetryTimes.atHttpDate("d", c.value(), c.receivedAt()))) {
            at.ifPresent(i -> assertThat(i).isBeforeOrEqualTo(latest));
          }
          RetryTimes.count("c", c.value()).ifPresent(n -> assertThat(n).isNotNegative());
        });
  }
}
