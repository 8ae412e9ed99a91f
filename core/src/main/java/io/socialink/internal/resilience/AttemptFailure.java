package io.socialink.internal.resilience;

import io.socialink.error.SocialinkException;

/**
 * One failed attempt inside the pipeline, carrying the classified failure and the two verdicts the
 * outer layers need: may the retry layer repeat the call, and what the circuit breaker makes of it.
 * Never leaves the pipeline; the caller gets {@link #failure()}. Has no stack trace of its own.
 * Immutable and thread-safe.
 */
public final class AttemptFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What a failure means to the platform's circuit breaker. */
  public enum BreakerVerdict {
    /** The platform or network failed: counts as a failure. */
    FAILURE,
    /** The platform answered (authorization, validation, not found ...): counts as a success. */
    ANSWERED,
    /** Not about the platform's health (throttling, our own rate limiter, interruption): not counted. */
    NOT_COUNTED
  }

  private final transient SocialinkException failure;
  private final boolean retryPermitted;
  private final BreakerVerdict verdict;

  /**
   * Creates the failure.
   *
   * @param failure the classified failure for the caller
   * @param retryPermitted whether the call may be repeated (retryable category and safe to repeat)
   * @param verdict what the circuit breaker makes of it
   */
  public AttemptFailure(SocialinkException failure, boolean retryPermitted, BreakerVerdict verdict) {
    super(null, null, false, false);
    this.failure = failure;
    this.retryPermitted = retryPermitted;
    this.verdict = verdict;
  }

  /**
   * The classified failure.
   *
   * @return the exception to throw to the caller
   */
  public SocialinkException failure() {
    return failure;
  }

  /**
   * Whether the retry layer may repeat the call.
   *
   * @return true if permitted
   */
  public boolean retryPermitted() {
    return retryPermitted;
  }

  /**
   * What the circuit breaker makes of the failure.
   *
   * @return the verdict
   */
  public BreakerVerdict verdict() {
    return verdict;
  }

  @Override
  public String getMessage() {
    return failure.getMessage();
  }
}
