package io.socialink.internal.pipeline;

import io.socialink.http.ApiResponse;
import io.socialink.internal.resilience.AttemptFailure;
import io.socialink.internal.resilience.PlatformBreaker;

/**
 * The platform's circuit breaker around each attempt. It only ever hands the breaker an
 * {@link AttemptFailure}, whose message is already free of secrets: anything else thrown below is
 * first turned into one, so Resilience4j never logs a raw exception.
 */
final class BreakerStage extends Stage {
  private final String platformId;
  private final PlatformBreaker breaker;

  BreakerStage(String platformId, PlatformBreaker breaker) {
    this.platformId = platformId;
    this.breaker = breaker;
  }

  @Override
  public String name() {
    return "circuit breaker";
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    breaker.acquire();
    ApiResponse response;
    try {
      response = chain.proceed(chain.call());
    } catch (AttemptFailure f) {
      breaker.onFailure(f);
      throw f;
    } catch (RuntimeException e) {
      AttemptFailure f = new AttemptFailure(Failures.unexpected(platformId, chain.call(), "the call pipeline", e,
          chain.state(), "An unexpected failure inside Socialink's call pipeline; report it with this message."),
          false, AttemptFailure.BreakerVerdict.NOT_COUNTED);
      breaker.onFailure(f);
      throw f;
    }
    breaker.onSuccess();
    return response;
  }
}
