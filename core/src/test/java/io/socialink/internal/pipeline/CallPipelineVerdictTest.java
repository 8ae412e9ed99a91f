package io.socialink.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.event.CallEventListener;
import io.socialink.event.CircuitState;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.ResponseTooLargeException;
import io.socialink.spi.Sleeper;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RetryPolicy;
import io.socialink.resilience.RetryTimes;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the pipeline makes of any interpreter's verdict, a third party's included, and of oversized answers. */
class CallPipelineVerdictTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  final MutableClock clock = new MutableClock(T0);

  /** An interpreter as a careless third party might write one. */
  static ResponseInterpreter careless(Classification verdict) {
    return (response, generic) -> response.status() == 200 ? Optional.empty() : Optional.of(verdict);
  }

  static ApiResponse answer(int status) {
    return new ApiResponse(status, new Headers(Map.of()), new byte[0]);
  }

  @Test
  void anyInterpretersRetryTimeIsCappedAtADayAfterTheAnswer() {
    Classification farOff = Classification.of(ErrorCategory.RATE_LIMITED, "acme", 429, "slow down")
        .withRetryAt(Instant.parse("+1000000-01-01T00:00:00Z"));

    Classification c = CallPipeline.verdict("acme", careless(farOff), answer(429), T0, List.of()).orElseThrow();

    assertThat(c.retryAt()).contains(T0.plus(RetryTimes.MAX_WAIT));
  }

  @Test
  void aHugeMessageIsCutBeforeItIsRedactedAndKeepsNoSecret() {
    String message = "refused access_token=planted-canary-token " + "x".repeat(5_000_000);
    Classification verbose = Classification.of(ErrorCategory.INVALID_REQUEST, "acme", 400, message);

    Classification c = CallPipeline.verdict("acme", careless(verbose), answer(400), T0, List.of()).orElseThrow();

    assertThat(c.message().length()).isLessThanOrEqualTo(CallPipeline.MAX_MESSAGE_CHARS + 1);
    assertThat(c.message()).startsWith("refused").doesNotContain("planted-canary-token");
  }

  @Test
  void answersOverTheSizeLimitAreNotRetriedAndNeverOpenTheBreaker() {
    int[] sent = {0};
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.custom().slidingWindowSize(2).minimumNumberOfCalls(2)
        .failureRateThreshold(50).build();
    PipelineConfig config = new PipelineConfig(RetryPolicy.ofDefaults(), breaker, List.of(), Duration.ZERO,
        CallEventListener.noop(), Sleeper.system(), PipelineConfig.threadLocalRandom(), clock, List.of());
    CallPipeline pipeline = new CallPipeline("acme", request -> {
      sent[0]++;
      throw new ResponseTooLargeException("GET /feed", 1024, 5_000_000);
    }, ResponseInterpreter.generic(), config);
    ApiCall call = new ApiCall("acme", "feed", ApiRequest.newBuilder(HttpMethod.GET,
        URI.create("https://acme.example/feed")).build(), Idempotency.IDEMPOTENT, "client-1", Optional.empty());

    for (int i = 0; i < 4; i++) {
      ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> pipeline.execute(call));
      assertThat(e.getMessage()).contains("maxResponseBytes");
    }

    assertThat(sent[0]).as("one request per call: not retried").isEqualTo(4);
    assertThat(pipeline.circuitState()).isEqualTo(CircuitState.CLOSED);
  }
}
