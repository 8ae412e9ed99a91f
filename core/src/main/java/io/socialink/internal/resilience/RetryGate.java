package io.socialink.internal.resilience;

import io.socialink.spi.Sleeper;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.socialink.resilience.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The retry layer of one platform, on a Resilience4j {@link Retry}: it counts attempts, asks which
 * failures may be repeated ({@link AttemptFailure#retryPermitted()}) and computes each delay with
 * {@link Backoff}. It never sleeps itself (Resilience4j's synchronous retry sleeps through a static
 * function); the pipeline waits through its injected {@link Sleeper}. Thread-safe.
 */
public final class RetryGate {
  private final Retry retry;
  private final int maxAttempts;

  /**
   * Creates the layer.
   *
   * @param platformId the platform, naming the retry
   * @param policy the policy
   * @param maxWait the longest server-given wait worth sleeping through
   * @param clock the clock
   * @param random the jitter source
   */
  public RetryGate(String platformId, RetryPolicy policy, Duration maxWait, Clock clock, RandomGenerator random) {
    Backoff backoff = new Backoff(policy, maxWait, random);
    IntervalBiFunction<Object> interval = (attempt, outcome) -> {
      Throwable t = outcome.isLeft() ? outcome.getLeft() : null;
      if (!(t instanceof AttemptFailure f)) {
        return Backoff.GIVE_UP;
      }
      return backoff.delayMillis(f.failure().category(), attempt, f.failure().retryAt(), clock.instant());
    };
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(t -> t instanceof AttemptFailure f && f.retryPermitted())
        .intervalBiFunction(interval)
        .failAfterMaxAttempts(false)
        .build();
    this.retry = Retry.of("socialink-" + platformId, config);
    this.maxAttempts = policy.maxAttempts();
  }

  /**
   * The attempts allowed in all.
   *
   * @return the maximum
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Starts counting the attempts of one call; create it at the call's first failure.
   *
   * @return the call's retry context
   */
  public Context context() {
    Retry.AsyncContext<Object> ctx = retry.asyncContext();
    return new Context(ctx);
  }

  /** The retry state of one call; used by one thread. */
  public static final class Context {
    private final Retry.AsyncContext<Object> ctx;

    private Context(Retry.AsyncContext<Object> ctx) {
      this.ctx = ctx;
    }

    /**
     * Records a failed attempt.
     *
     * @param failure the failure
     * @return the delay before the next attempt in milliseconds, or a negative number to give up
     */
    public long onFailure(AttemptFailure failure) {
      return ctx.onError(failure);
    }

    /** Records that the call finally succeeded. */
    public void onSuccess() {
      ctx.onComplete();
    }
  }
}
