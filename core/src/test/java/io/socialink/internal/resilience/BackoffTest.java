package io.socialink.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.error.ErrorCategory;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testsupport.HalfRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  final RetryPolicy policy = RetryPolicy.custom().transientBase(Duration.ofMillis(100))
      .throttledBase(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(3)).build();

  @Test
  void ceilingDoublesFromTheCategoryBaseUpToTheCap() {
    Backoff b = new Backoff(policy, Duration.ofSeconds(30), new HalfRandom());
    assertThat(b.ceilingMillis(ErrorCategory.TRANSIENT, 1)).isEqualTo(100);
    assertThat(b.ceilingMillis(ErrorCategory.TRANSIENT, 3)).isEqualTo(400);
    assertThat(b.ceilingMillis(ErrorCategory.RATE_LIMITED, 1)).isEqualTo(1000);
    assertThat(b.ceilingMillis(ErrorCategory.RATE_LIMITED, 2)).isEqualTo(2000);
    assertThat(b.ceilingMillis(ErrorCategory.RATE_LIMITED, 3)).isEqualTo(3000);
    assertThat(b.ceilingMillis(ErrorCategory.RATE_LIMITED, 20)).isEqualTo(3000);
  }

  @Test
  void fullJitterSpansZeroToTheCeiling() {
    RandomGenerator lowest = new RandomGenerator() {
      public long nextLong() {
        return 0;
      }

      public long nextLong(long bound) {
        return 0;
      }
    };
    RandomGenerator highest = new RandomGenerator() {
      public long nextLong() {
        return 0;
      }

      public long nextLong(long bound) {
        return bound - 1;
      }
    };
    assertThat(new Backoff(policy, Duration.ofSeconds(30), lowest)
        .delayMillis(ErrorCategory.TRANSIENT, 2, Optional.empty(), NOW)).isZero();
    assertThat(new Backoff(policy, Duration.ofSeconds(30), highest)
        .delayMillis(ErrorCategory.TRANSIENT, 2, Optional.empty(), NOW)).isEqualTo(200);
  }

  @Test
  void theServersWaitWinsWhenLongerAndGivesUpBeyondTheMaximumWait() {
    Backoff b = new Backoff(policy, Duration.ofSeconds(30), new HalfRandom());
    assertThat(b.delayMillis(ErrorCategory.RATE_LIMITED, 1, Optional.of(NOW.plusSeconds(12)), NOW)).isEqualTo(12_000);
    assertThat(b.delayMillis(ErrorCategory.RATE_LIMITED, 1, Optional.of(NOW.minusSeconds(5)), NOW)).isEqualTo(500);
    assertThat(b.delayMillis(ErrorCategory.RATE_LIMITED, 1, Optional.of(NOW.plusMillis(1500).plusNanos(1)), NOW))
        .isEqualTo(1501);
    assertThat(b.delayMillis(ErrorCategory.RATE_LIMITED, 1, Optional.of(NOW.plusSeconds(31)), NOW))
        .isEqualTo(Backoff.GIVE_UP);
  }
}
