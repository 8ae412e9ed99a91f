package io.socialink.internal.resilience;

import io.socialink.error.ErrorCategory;
import io.socialink.resilience.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The retry delay: {@code max(server's wait, full-jitter exponential backoff)}, or "do not retry"
 * when the server's wait is longer than the maximum wait. Pure apart from the random source;
 * thread-safe when that source is.
 */
public final class Backoff {
  /** Returned when the call must not be retried. */
  public static final long GIVE_UP = -1L;

  private final RetryPolicy policy;
  private final Duration maxWait;
  private final RandomGenerator random;

  /**
   * Creates the computation.
   *
   * @param policy the retry policy
   * @param maxWait the longest server-given wait worth sleeping through
   * @param random the jitter source
   */
  public Backoff(RetryPolicy policy, Duration maxWait, RandomGenerator random) {
    this.policy = policy;
    this.maxWait = maxWait;
    this.random = random;
  }

  /**
   * The ceiling of the jittered backoff before a retry.
   *
   * @param category the failed attempt's category
   * @param retryNumber 1 for the first retry
   * @return {@code min(maxBackoff, base × 2^(retryNumber-1))} in milliseconds
   */
  public long ceilingMillis(ErrorCategory category, int retryNumber) {
    Duration base = category == ErrorCategory.RATE_LIMITED ? policy.throttledBase() : policy.transientBase();
    long cap = policy.maxBackoff().toMillis();
    long ceiling = base.toMillis();
    for (int i = 1; i < retryNumber && ceiling < cap; i++) {
      ceiling *= 2;
    }
    return Math.min(cap, ceiling);
  }

  /**
   * The delay before a retry.
   *
   * @param category the failed attempt's category
   * @param retryNumber 1 for the first retry
   * @param retryAt when the server said a retry may go, if it did
   * @param now the current instant
   * @return the delay in milliseconds, or {@link #GIVE_UP} when the server's wait exceeds the maximum wait
   */
  public long delayMillis(ErrorCategory category, int retryNumber, Optional<Instant> retryAt, Instant now) {
    long server = 0;
    if (retryAt.isPresent()) {
      Duration d = Duration.between(now, retryAt.get());
      if (d.compareTo(maxWait) > 0) {
        return GIVE_UP;
      }
      server = Math.max(0, ceilMillis(d));
    }
    long jitter = random.nextLong(ceilingMillis(category, retryNumber) + 1);
    return Math.max(server, jitter);
  }

  private static long ceilMillis(Duration d) {
    long ms = d.toMillis();
    return d.minusMillis(ms).isZero() ? ms : ms + 1;
  }
}
