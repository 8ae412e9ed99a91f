package io.socialink.internal.pipeline;

import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.internal.resilience.AttemptFailure;
import io.socialink.internal.resilience.RateLimiters;

/**
 * Takes a permit of the call's budgets for each attempt ({@link RateLimiters}), and tells the budgets
 * when the attempt is over, so that callers held back after a platform's hold go one answer at a time.
 */
final class RateLimitStage extends Stage {
  private final RateLimiters limiters;
  private final Interruptions interruptions;

  RateLimitStage(RateLimiters limiters, Interruptions interruptions) {
    this.limiters = limiters;
    this.interruptions = interruptions;
  }

  @Override
  public String name() {
    return "rate limit";
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    ApiCall call = chain.call();
    RateLimiters.Permit permit;
    try {
      permit = limiters.acquire(call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interruptions.attempt(call, e);
    }
    boolean answered = false;
    try {
      ApiResponse response = chain.proceed(call);
      answered = true;
      return response;
    } catch (AttemptFailure f) {
      answered = f.failure().httpStatus() != 0;
      throw f;
    } finally {
      limiters.release(permit, answered);
    }
  }
}
