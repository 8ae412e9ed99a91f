package io.socialink.internal.pipeline;

import io.socialink.event.CallEventListener;
import io.socialink.http.Interceptor;
import io.socialink.spi.Sleeper;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Everything one platform's {@link CallPipeline} is built from. Immutable; thread-safe when its
 * listener, sleeper and random source are, as they must be.
 *
 * @param retry the retry policy
 * @param circuitBreaker the circuit breaker policy
 * @param rateLimits the declared rate limits in force for the platform
 * @param maxWait the longest a call waits for a rate limit or a server-given retry time before failing fast
 * @param listener the event listener
 * @param sleeper how to wait
 * @param random the backoff jitter source; thread-safe
 * @param clock the clock
 * @param interceptors the user's application-level interceptors, outermost first; they run once per
 *     logical call, outside retry
 */
public record PipelineConfig(
    RetryPolicy retry,
    CircuitBreakerPolicy circuitBreaker,
    List<RateLimitPolicy> rateLimits,
    Duration maxWait,
    CallEventListener listener,
    Sleeper sleeper,
    RandomGenerator random,
    Clock clock,
    List<Interceptor> interceptors) {

  /** The default maximum wait. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  /** Validates and copies the components. */
  public PipelineConfig {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    rateLimits = List.copyOf(Objects.requireNonNull(rateLimits, "rateLimits"));
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative; got " + maxWait);
    }
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(clock, "clock");
    interceptors = List.copyOf(Objects.requireNonNull(interceptors, "interceptors"));
  }

  /**
   * A configuration without interceptors.
   *
   * @param retry the retry policy
   * @param circuitBreaker the circuit breaker policy
   * @param rateLimits the declared rate limits in force for the platform
   * @param maxWait the longest a call waits for a rate limit or a server-given retry time before failing fast
   * @param listener the event listener
   * @param sleeper how to wait
   * @param random the backoff jitter source; thread-safe
   * @param clock the clock
   */
  public PipelineConfig(RetryPolicy retry, CircuitBreakerPolicy circuitBreaker, List<RateLimitPolicy> rateLimits,
      Duration maxWait, CallEventListener listener, Sleeper sleeper, RandomGenerator random, Clock clock) {
    this(retry, circuitBreaker, rateLimits, maxWait, listener, sleeper, random, clock, List.of());
  }

  /**
   * The defaults: default policies, no declared limits, 30 s maximum wait, no listener, real sleeping.
   *
   * @param clock the clock
   * @return the configuration
   */
  public static PipelineConfig defaults(Clock clock) {
    return new PipelineConfig(RetryPolicy.ofDefaults(), CircuitBreakerPolicy.ofDefaults(), List.of(),
        DEFAULT_MAX_WAIT, CallEventListener.noop(), Sleeper.system(), threadLocalRandom(), clock);
  }

  /**
   * A thread-safe random source backed by {@link ThreadLocalRandom}.
   *
   * @return the source
   */
  public static RandomGenerator threadLocalRandom() {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
      }

      @Override
      public long nextLong(long bound) {
        return ThreadLocalRandom.current().nextLong(bound);
      }
    };
  }

  /**
   * A copy with other declared rate limits.
   *
   * @param policies the policies
   * @return the copy
   */
  public PipelineConfig withRateLimits(List<RateLimitPolicy> policies) {
    return new PipelineConfig(retry, circuitBreaker, policies, maxWait, listener, sleeper, random, clock,
        interceptors);
  }

  /**
   * A copy with other interceptors.
   *
   * @param list the interceptors, outermost first
   * @return the copy
   */
  public PipelineConfig withInterceptors(List<Interceptor> list) {
    return new PipelineConfig(retry, circuitBreaker, rateLimits, maxWait, listener, sleeper, random, clock, list);
  }
}
