package io.socialink.internal.pipeline;

import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.internal.resilience.AttemptFailure;
import io.socialink.internal.resilience.RetryGate;
import io.socialink.spi.Sleeper;
import java.time.Duration;

/**
 * Repeats an attempt when {@link RetryGate} allows it, waiting through the {@link Sleeper}; reports
 * each attempt and each retry. Turns the last {@link AttemptFailure} into the caller's exception with
 * the number of attempts made. The one stage that passes a call on more than once.
 */
final class RetryStage extends Stage {
  private final RetryGate retry;
  private final Sleeper sleeper;
  private final PipelineEvents events;
  private final Interruptions interruptions;

  RetryStage(RetryGate retry, Sleeper sleeper, PipelineEvents events, Interruptions interruptions) {
    this.retry = retry;
    this.sleeper = sleeper;
    this.events = events;
    this.interruptions = interruptions;
  }

  @Override
  public String name() {
    return "retry";
  }

  @Override
  public boolean repeats() {
    return true;
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    ApiCall call = chain.call();
    CallState state = chain.state();
    RetryGate.Context context = null;
    while (true) {
      int attempt = ++state.attempts;
      events.started(call, attempt);
      try {
        ApiResponse response = chain.proceed(call);
        if (context != null) {
          context.onSuccess();
        }
        return response;
      } catch (AttemptFailure f) {
        if (context == null) {
          context = retry.context();
        }
        long delay = context.onFailure(f);
        if (delay < 0) {
          throw withAttempts(f.failure(), attempt);
        }
        Duration wait = Duration.ofMillis(delay);
        events.retried(call, f.failure().category(), attempt, wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw withAttempts(interruptions.of(call, e), attempt);
        }
      }
    }
  }

  private static SocialinkException withAttempts(SocialinkException failure, int attempts) {
    return attempts > 1 ? failure.withAttempts(attempts) : failure;
  }
}
