package io.socialink.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How the pipeline retries a failed call: at most {@code maxAttempts} attempts in all, waiting before
 * each retry {@code max(server's Retry-After or reset, full-jitter exponential backoff)}.
 *
 * <p>The backoff before retry {@code n} (1 for the first retry) is a uniformly random duration between
 * zero and {@code min(maxBackoff, base × 2^(n-1))}, where {@code base} is {@link #throttledBase()} after
 * a {@link io.socialink.error.ErrorCategory#RATE_LIMITED} answer and {@link #transientBase()} after a
 * {@link io.socialink.error.ErrorCategory#TRANSIENT} one. Only those two categories are retried; a
 * non-idempotent write is retried only when the failure proves the platform did not process it.
 * A server-given wait longer than the pipeline's maximum wait is not slept through: the call fails
 * at once with the instant it may go.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.custom().maxAttempts(4).transientBase(Duration.ofMillis(100)).build();
 * }</pre>
 *
 * @param maxAttempts attempts in all, including the first; 1 disables retrying
 * @param transientBase the backoff base after a transient failure; positive
 * @param throttledBase the backoff base after a throttling answer; positive, usually larger
 * @param maxBackoff the cap on one jittered backoff; at least both bases
 */
public record RetryPolicy(int maxAttempts, Duration transientBase, Duration throttledBase, Duration maxBackoff) {

  /** Validates the components. */
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and 20; got " + maxAttempts);
    }
    positive(transientBase, "transientBase");
    positive(throttledBase, "throttledBase");
    positive(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(transientBase) < 0 || maxBackoff.compareTo(throttledBase) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least transientBase and throttledBase; got "
          + maxBackoff);
    }
  }

  private static void positive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive; got " + d);
    }
  }

  /**
   * Three attempts, 200 ms base after transient failures, 1 s base after throttling, backoff capped
   * at 20 s.
   *
   * @return the defaults
   */
  public static RetryPolicy ofDefaults() {
    return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(20));
  }

  /**
   * One attempt: nothing is retried.
   *
   * @return the policy
   */
  public static RetryPolicy disabled() {
    return ofDefaults().toBuilder().maxAttempts(1).build();
  }

  /**
   * A builder starting from {@link #ofDefaults()}.
   *
   * @return the builder
   */
  public static Builder custom() {
    return new Builder(ofDefaults());
  }

  /**
   * A builder starting from this policy.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link RetryPolicy}; not thread-safe. */
  public static final class Builder {
    private int maxAttempts;
    private Duration transientBase;
    private Duration throttledBase;
    private Duration maxBackoff;

    private Builder(RetryPolicy from) {
      this.maxAttempts = from.maxAttempts;
      this.transientBase = from.transientBase;
      this.throttledBase = from.throttledBase;
      this.maxBackoff = from.maxBackoff;
    }

    /**
     * Attempts in all, including the first.
     *
     * @param value 1 to 20
     * @return this builder
     */
    public Builder maxAttempts(int value) {
      if (value < 1 || value > 20) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 20; got " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * The backoff base after a transient failure.
     *
     * @param value positive
     * @return this builder
     */
    public Builder transientBase(Duration value) {
      positive(value, "transientBase");
      this.transientBase = value;
      return this;
    }

    /**
     * The backoff base after a throttling answer.
     *
     * @param value positive
     * @return this builder
     */
    public Builder throttledBase(Duration value) {
      positive(value, "throttledBase");
      this.throttledBase = value;
      return this;
    }

    /**
     * The cap on one jittered backoff.
     *
     * @param value positive, at least both bases when built
     * @return this builder
     */
    public Builder maxBackoff(Duration value) {
      positive(value, "maxBackoff");
      this.maxBackoff = value;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if {@code maxBackoff} is below a base
     */
    public RetryPolicy build() {
      return new RetryPolicy(maxAttempts, transientBase, throttledBase, maxBackoff);
    }
  }
}
