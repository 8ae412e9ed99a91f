package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.Idempotency;
import io.socialink.internal.resilience.AttemptFailure;
import io.socialink.internal.resilience.AttemptFailure.BreakerVerdict;
import io.socialink.internal.resilience.RateLimiters;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.spi.ResponseInterpreter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the transport's answer: the provider's rate-limit observations update the limiter, and core's
 * generic classification refined by the provider's interpreter turns a failure into an
 * {@link AttemptFailure} whose texts are free of the call's secrets. A throttling answer holds the
 * call's budget until the platform's reset. Wraps the transport, so it sees its answer.
 */
final class InterpretationStage extends Stage {
  private final String platformId;
  private final ResponseInterpreter interpreter;
  private final RateLimiters limiters;
  private final Clock clock;
  private final PipelineEvents events;

  InterpretationStage(String platformId, ResponseInterpreter interpreter, RateLimiters limiters, Clock clock,
      PipelineEvents events) {
    this.platformId = platformId;
    this.interpreter = interpreter;
    this.limiters = limiters;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public String name() {
    return "interpretation";
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    ApiCall call = chain.call();
    ApiResponse response = chain.proceed(call);
    Instant receivedAt = clock.instant();
    List<RateLimitObservation> observations = observations(chain, response, receivedAt);
    limiters.observe(call, observations);
    Optional<Classification> failure;
    try {
      failure = CallPipeline.verdict(platformId, call.operation(), interpreter, response, receivedAt, observations);
    } catch (RuntimeException e) {
      throw new AttemptFailure(Failures.unexpected(platformId, call, "the " + platformId + " response interpreter",
          e, chain.state(), "The platform's response interpreter failed on an HTTP " + response.status()
              + " answer; report it to the provider's authors with this message."), false, BreakerVerdict.ANSWERED);
    }
    if (failure.isEmpty()) {
      return response;
    }
    Classification c = Failures.scrub(failure.get(), chain.state());
    if (c.category() == ErrorCategory.RATE_LIMITED) {
      limiters.throttledBy(call, c.retryAt());
    }
    // A throttling answer means the platform refused the request before processing it.
    boolean safe = call.idempotency() != Idempotency.NON_IDEMPOTENT || c.category() == ErrorCategory.RATE_LIMITED;
    throw new AttemptFailure(SocialinkException.of(c, null, 1), safe && c.retryable(), verdictOf(c.category()));
  }

  private List<RateLimitObservation> observations(StageChain chain, ApiResponse response, Instant receivedAt) {
    try {
      return interpreter.rateLimits(chain.call().endpointGroup(), response, receivedAt);
    } catch (RuntimeException e) {
      events.log().warn("{} interpreter failed to read rate-limit signals of {}; ignored: {}", platformId,
          chain.call().request(), chain.state().scrub(String.valueOf(e.getMessage())));
      return List.of();
    }
  }

  private static BreakerVerdict verdictOf(ErrorCategory category) {
    switch (category) {
      case TRANSIENT:
        return BreakerVerdict.FAILURE;
      case RATE_LIMITED:
      case QUOTA_EXHAUSTED:
        return BreakerVerdict.NOT_COUNTED;
      default:
        return BreakerVerdict.ANSWERED;
    }
  }
}
