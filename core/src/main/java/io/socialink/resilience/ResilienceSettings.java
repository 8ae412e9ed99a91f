package io.socialink.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How every call to a platform is protected: retry, the per-platform circuit breaker, rate limits,
 * and the longest in-process wait. Immutable.
 *
 * <pre>{@code
 * Socialink.builder().resilience(ResilienceSettings.ofDefaults()
 *     .withRetry(RetryPolicy.custom().maxAttempts(4).build())
 *     .withMaxWait(Duration.ofSeconds(10)))
 * }</pre>
 *
 * @param retry how failed calls are retried
 * @param circuitBreaker when a platform's circuit breaker opens
 * @param rateLimits overrides of the providers' declared rate limits
 * @param maxWait the longest a call waits in-process for a rate limit or a platform's retry time; a
 *     longer wait fails the call at once with {@link io.socialink.error.ErrorCategory#RATE_LIMITED}
 *     and the instant it may go; zero never waits
 */
public record ResilienceSettings(RetryPolicy retry, CircuitBreakerPolicy circuitBreaker, RateLimitSettings rateLimits,
    Duration maxWait) {
  /** The default maximum wait: 30 seconds. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  /** Validates the components. */
  public ResilienceSettings {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative; got " + maxWait);
    }
  }

  /**
   * The defaults: {@link RetryPolicy#ofDefaults()}, {@link CircuitBreakerPolicy#ofDefaults()}, the
   * providers' declared limits, and a 30-second maximum wait.
   *
   * @return the settings
   */
  public static ResilienceSettings ofDefaults() {
    return new ResilienceSettings(RetryPolicy.ofDefaults(), CircuitBreakerPolicy.ofDefaults(),
        RateLimitSettings.ofDefaults(), DEFAULT_MAX_WAIT);
  }

  /**
   * A copy with another retry policy.
   *
   * @param policy the policy
   * @return the copy
   */
  public ResilienceSettings withRetry(RetryPolicy policy) {
    return new ResilienceSettings(policy, circuitBreaker, rateLimits, maxWait);
  }

  /**
   * A copy with another circuit breaker policy.
   *
   * @param policy the policy
   * @return the copy
   */
  public ResilienceSettings withCircuitBreaker(CircuitBreakerPolicy policy) {
    return new ResilienceSettings(retry, policy, rateLimits, maxWait);
  }

  /**
   * A copy with other rate-limit overrides.
   *
   * @param settings the overrides
   * @return the copy
   */
  public ResilienceSettings withRateLimits(RateLimitSettings settings) {
    return new ResilienceSettings(retry, circuitBreaker, settings, maxWait);
  }

  /**
   * A copy with another maximum wait.
   *
   * @param value non-negative duration
   * @return the copy
   */
  public ResilienceSettings withMaxWait(Duration value) {
    return new ResilienceSettings(retry, circuitBreaker, rateLimits, value);
  }
}
