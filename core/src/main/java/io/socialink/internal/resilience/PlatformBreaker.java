package io.socialink.internal.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.event.CircuitState;
import io.socialink.resilience.CircuitBreakerPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The circuit breaker of one platform, on a Resilience4j {@link CircuitBreaker} driven by the
 * pipeline's clock. Only {@link AttemptFailure.BreakerVerdict#FAILURE}s count as failures;
 * {@link AttemptFailure.BreakerVerdict#ANSWERED} counts as a success and
 * {@link AttemptFailure.BreakerVerdict#NOT_COUNTED} is ignored. Thread-safe.
 */
public final class PlatformBreaker {
  /**
   * A state change.
   *
   * @param from the previous state
   * @param to the new state
   * @param retryAt when trial calls may go, for a change to open
   * @param at when the change was seen
   */
  public record Transition(CircuitState from, CircuitState to, Optional<Instant> retryAt, Instant at) {}

  private final String platformId;
  private final boolean enabled;
  private final int windowSize;
  private final CircuitBreaker breaker;
  private final Duration waitInOpenState;
  private final Clock clock;
  private final Consumer<Transition> transitions;
  private final AtomicReference<CircuitState> lastState;
  private volatile Instant openedAt = Instant.EPOCH;
  /**
   * Bit 0: the breaker is closed and its window full of successes, so a success changes nothing. The
   * bits above count the failures recorded, so that a mark read before a failure cannot be set after it.
   */
  private final AtomicLong settled = new AtomicLong();

  /**
   * Creates the breaker.
   *
   * @param platformId the platform
   * @param policy the policy
   * @param clock the clock
   * @param transitions receives state changes, on the thread that saw them
   */
  public PlatformBreaker(String platformId, CircuitBreakerPolicy policy, Clock clock, Consumer<Transition> transitions) {
    this.platformId = platformId;
    this.enabled = policy.enabled();
    this.windowSize = policy.slidingWindowSize();
    this.waitInOpenState = policy.waitInOpenState();
    this.clock = clock;
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(policy.slidingWindowSize())
        // Every attempt of every caller records its outcome in this one window: a compare-and-set
        // instead of the default lock, which under many callers parks the losers on every call.
        .slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
        .minimumNumberOfCalls(policy.minimumNumberOfCalls())
        .failureRateThreshold(policy.failureRateThreshold())
        .waitDurationInOpenState(policy.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(policy.permittedCallsInHalfOpenState())
        // Only failures open the breaker: a slow call (a long upload, a wait on a rate limit) is not
        // a sign of a dead platform, so Resilience4j's slow-call rule is switched off.
        .slowCallRateThreshold(100)
        .slowCallDurationThreshold(Duration.ofDays(365))
        .recordException(t -> t instanceof AttemptFailure f && f.verdict() == AttemptFailure.BreakerVerdict.FAILURE)
        .ignoreException(t -> t instanceof AttemptFailure f && f.verdict() == AttemptFailure.BreakerVerdict.NOT_COUNTED)
        .writableStackTraceEnabled(false)
        .clock(clock)
        .build();
    this.breaker = CircuitBreaker.of("socialink-" + platformId, config);
    this.transitions = transitions;
    this.lastState = new AtomicReference<>(CircuitState.CLOSED);
  }

  /**
   * Reports a state change seen after one of our calls into the breaker. Polling instead of
   * subscribing to Resilience4j's events keeps it from building an event object for every call.
   */
  private void checkTransition() {
    CircuitState now = map(breaker.getState());
    CircuitState before = lastState.get();
    if (now != before && lastState.compareAndSet(before, now)) {
      Instant at = clock.instant();
      if (now == CircuitState.OPEN) {
        openedAt = at;
      }
      transitions.accept(new Transition(before, now,
          now == CircuitState.OPEN ? Optional.of(at.plus(waitInOpenState)) : Optional.empty(), at));
    }
  }

  private static CircuitState map(CircuitBreaker.State s) {
    switch (s) {
      case OPEN:
      case FORCED_OPEN:
        return CircuitState.OPEN;
      case HALF_OPEN:
        return CircuitState.HALF_OPEN;
      default:
        return CircuitState.CLOSED;
    }
  }

  /**
   * The current state.
   *
   * @return the state
   */
  public CircuitState state() {
    return map(breaker.getState());
  }

  /**
   * Lets an attempt through, or fails it at once while the breaker is open.
   *
   * @throws AttemptFailure a {@link ErrorCategory#TRANSIENT} failure naming the platform and when
   *     it will be tried again; not retried and not counted
   */
  public void acquire() {
    if (!enabled) {
      return;
    }
    boolean permitted = breaker.tryAcquirePermission();
    checkTransition();
    if (permitted) {
      return;
    }
    Instant now = clock.instant();
    Instant retryAt = openedAt.plus(waitInOpenState);
    if (retryAt.isBefore(now)) {
      retryAt = now;
    }
    String state = breaker.getState() == CircuitBreaker.State.HALF_OPEN
        ? "is half-open and its trial calls are in flight"
        : "is open after repeated transient failures";
    Classification c = Classification.of(ErrorCategory.TRANSIENT, platformId, 0,
            "call to " + platformId + " not sent: the circuit breaker of " + platformId + " " + state
                + "; it lets calls through again at " + retryAt)
        .withRetryAt(retryAt)
        .withRemediation(platformId + " has been failing or unreachable; Socialink pauses calls to it until "
            + retryAt + ". Nothing needs fixing on your side: try again after that time, and check the platform's "
            + "status page if it persists.");
    throw new AttemptFailure(SocialinkException.of(c, null, 1), false, AttemptFailure.BreakerVerdict.NOT_COUNTED);
  }

  /**
   * Records a successful attempt. No duration is recorded: the slow-call rule is off, so how long an
   * attempt took never moves the breaker, and the clock is not read on every attempt for it.
   *
   * <p>A closed breaker whose window is full of successes is left as it is: one more success would
   * push out a success and put in a success, the same window, and every caller of the platform would
   * write the state they share on every call to get it. Once a success finds the window full of
   * successes it marks the breaker settled, and later successes only read that mark; every failure
   * clears it. Only when two callers race with a failure can the window keep an older success in place
   * of a newer one, which moves nothing but that success's position; the mark is never left set over
   * a window holding a failure.
   */
  public void onSuccess() {
    if (!enabled) {
      return;
    }
    long seen = settled.get();
    if ((seen & 1) != 0) {
      return;
    }
    breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    checkTransition();
    settle(seen);
  }

  /**
   * Marks the breaker settled if it is closed with a window full of successes and no failure was
   * recorded since {@code seen} was read: a failure recorded before the window was read shows in the
   * window, and one recorded after it moved the sequence on, so the compare-and-set fails.
   */
  private void settle(long seen) {
    if (breaker.getState() == CircuitBreaker.State.CLOSED
        && breaker.getMetrics().getNumberOfSuccessfulCalls() >= windowSize) {
      settled.compareAndSet(seen, seen | 1);
    }
  }

  /**
   * Records a failed attempt; its verdict decides how it counts.
   *
   * @param failure the failure
   */
  public void onFailure(Throwable failure) {
    if (enabled) {
      breaker.onError(0, TimeUnit.NANOSECONDS, failure);
      // After recording, so that a success settling on a window read before this failure fails its
      // compare-and-set, and one that read the window after it sees the failure there.
      settled.getAndUpdate(v -> (v | 1) + 1);
      checkTransition();
    }
  }
}
