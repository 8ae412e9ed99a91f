package io.socialink.internal.pipeline;

import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outermost stage: reports the call's outcome ({@code CallSucceeded} or {@code CallFailed}, once
 * per call) and makes sure that whatever leaves the pipeline is a {@link SocialinkException} free of
 * the call's secrets along its whole cause chain.
 */
final class EventStage extends Stage {
  private final String platformId;
  private final PipelineEvents events;

  EventStage(String platformId, PipelineEvents events) {
    this.platformId = platformId;
    this.events = events;
  }

  @Override
  public String name() {
    return "events";
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    ApiCall call = chain.call();
    CallState state = chain.state();
    // Read only when a listener wants the call's duration.
    @Nullable Instant start = events.startOf(call);
    SocialinkException failure;
    try {
      ApiResponse response = chain.proceed(call);
      events.succeeded(call, response.status(), state.attempts, start);
      return response;
    } catch (SocialinkException e) {
      failure = Failures.scrub(e, state);
    } catch (RuntimeException e) {
      failure = Failures.unexpected(platformId, call, "the call pipeline", e, state,
          "An unexpected failure inside Socialink's call pipeline; report it with this message.");
    }
    events.failed(call, failure, state.attempts, start);
    throw failure;
  }
}
