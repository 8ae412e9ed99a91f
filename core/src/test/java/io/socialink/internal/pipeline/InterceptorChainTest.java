package io.socialink.internal.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Secret;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.error.TransientException;
import io.socialink.event.CallFailed;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.Interceptor;
import io.socialink.http.TransportOptions;
import io.socialink.internal.http.JdkTransport;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.HeaderRateLimitInterpreter;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingListener;
import io.socialink.testsupport.RecordingSleeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User interceptors in the pipeline: where they sit (once per logical call, outside retry), what they
 * can change, what they see, and what happens when they break the chain's rule or throw.
 */
class InterceptorChainTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
      .build();

  static final String TOKEN = "CANARYinterceptor8e8e";

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final RecordingListener events = new RecordingListener();

  CallPipeline pipeline(Interceptor... interceptors) {
    PipelineConfig config = new PipelineConfig(RetryPolicy.ofDefaults(), CircuitBreakerPolicy.ofDefaults(), List.of(),
        Duration.ofSeconds(30), events, sleeper, new HalfRandom(), clock, List.of(interceptors));
    return new CallPipeline("test", new JdkTransport(TransportOptions.ofDefaults()), new HeaderRateLimitInterpreter(),
        config);
  }

  static ApiCall me() {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(wm.baseUrl() + "/me?access_token=" + TOKEN))
        .header("Authorization", "Bearer " + TOKEN).build();
    return new ApiCall("test", "users.me", request, Idempotency.IDEMPOTENT, "client-1", Optional.of("test:alice"));
  }

  static ApiCall withHeader(ApiCall call, String name, String value) {
    return call.withRequest(call.request().toBuilder().header(name, value).build());
  }

  @Test
  void theStagesRunInTheDocumentedOrderWithInterceptorsOutsideRetry() {
    Interceptor first = chain -> chain.proceed(chain.call());

    assertThat(pipeline(first).stageNames()).containsExactly("events", "interceptor " + first.getClass().getName(),
        "retry", "circuit breaker", "rate limit", "interpretation", "transport");
  }

  @Test
  void anInterceptorAddsAHeaderToEveryAttemptAndRunsOncePerLogicalCall() {
    wm.stubFor(get(urlEqualTo("/me?access_token=" + TOKEN)).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(get(urlEqualTo("/me?access_token=" + TOKEN)).inScenario("s").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200).withBody("{}")));
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor tracing = chain -> {
      seen.add(chain.call().toString());
      return chain.proceed(withHeader(chain.call(), "X-Trace", "trace-1"));
    };

    ApiResponse response = pipeline(tracing).execute(me());

    assertThat(response.status()).isEqualTo(200);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).doesNotContain(TOKEN).contains("access_token=****");
    wm.verify(exactly(2), getRequestedFor(urlEqualTo("/me?access_token=" + TOKEN))
        .withHeader("X-Trace", equalTo("trace-1")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void interceptorsNestInTheOrderGivenAndSeeTheFinalFailureAfterRetries() {
    wm.stubFor(get(urlEqualTo("/me?access_token=" + TOKEN)).willReturn(aResponse().withStatus(503)));
    List<String> order = new CopyOnWriteArrayList<>();
    List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();
    Interceptor outer = chain -> {
      order.add("outer in");
      try {
        return chain.proceed(chain.call());
      } catch (SocialinkException e) {
        attemptsSeen.add(e.attempts());
        throw e;
      } finally {
        order.add("outer out");
      }
    };
    Interceptor inner = chain -> {
      order.add("inner in");
      try {
        return chain.proceed(chain.call());
      } finally {
        order.add("inner out");
      }
    };

    TransientException e = catchThrowableOfType(TransientException.class, () -> pipeline(outer, inner).execute(me()));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(attemptsSeen).containsExactly(3);
    assertThat(order).containsExactly("outer in", "inner in", "inner out", "outer out");
    wm.verify(exactly(3), getRequestedFor(urlEqualTo("/me?access_token=" + TOKEN)));
  }

  @Test
  void anInterceptorThatThrowsFailsTheCallWithARedactedLibraryException() {
    Interceptor broken = chain -> {
      throw new IllegalStateException("cannot trace " + chain.call().request().headers().first("authorization")
          .orElse("") + " / bare " + TOKEN, new RuntimeException("token=" + TOKEN));
    };

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> pipeline(broken).execute(me()));

    assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(e.getMessage()).contains("interceptor").contains("java.lang.IllegalStateException: cannot trace");
    assertThat(CallPipelineSecretsTest.everythingAbout(e)).doesNotContain(TOKEN)
        .contains("Caused by: java.lang.IllegalStateException").contains("Caused by: java.lang.RuntimeException");
    assertThat(events.of(CallFailed.class)).singleElement()
        .satisfies(f -> assertThat(f.category()).isEqualTo(ErrorCategory.UNKNOWN));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void anInterceptorThatProceedsTwiceFailsTheCallAfterOneRequest() {
    wm.stubFor(get(urlEqualTo("/me?access_token=" + TOKEN)).willReturn(aResponse().withStatus(200).withBody("{}")));
    Interceptor twice = chain -> {
      chain.proceed(chain.call());
      return chain.proceed(chain.call());
    };

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> pipeline(twice).execute(me()));

    assertThat(e.getMessage()).contains("called proceed more than once");
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me?access_token=" + TOKEN)));
  }

  @Test
  void anInterceptorThatNeverProceedsFailsTheCallWithoutSending() {
    Interceptor shortCircuit = chain -> new ApiResponse(200, Headers.empty(), new byte[0]);

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> pipeline(shortCircuit).execute(me()));

    assertThat(e.getMessage()).contains("returned without calling proceed");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void anInterceptorCannotSendTheCallToAnotherPlatform() {
    Interceptor elsewhere = chain -> chain.proceed(new ApiCall("other", "users.me", chain.call().request(),
        Idempotency.IDEMPOTENT, "client-1", Optional.empty()));

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> pipeline(elsewhere).execute(me()));

    assertThat(e.getMessage()).contains("platform 'other'");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void redactGivesAnInterceptorThePipelinesOwnRedactionIncludingTheCallsBareSecrets() {
    wm.stubFor(get(urlEqualTo("/me?access_token=" + TOKEN)).willReturn(aResponse().withStatus(200).withBody("{}")));
    List<String> logged = new CopyOnWriteArrayList<>();
    Interceptor logging = chain -> {
      logged.add(chain.redact("sending with " + TOKEN + " and Bearer " + TOKEN));
      return chain.proceed(chain.call());
    };

    pipeline(logging).execute(me());

    assertThat(logged).containsExactly("sending with **** and Bearer ****");
  }

  @Test
  void aSecretTheRequestDeclaresIsScrubbedWhenThePlatformEchoesIt() {
    String apiKey = "CANARYdeclaredKey4242";
    wm.stubFor(get(urlEqualTo("/keyed")).willReturn(aResponse().withStatus(400)
        .withBody("{\"detail\":\"key " + apiKey + " is not valid\"}")));
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(wm.baseUrl() + "/keyed"))
        .header("X-Custom-Key", apiKey).secret(Secret.of(apiKey)).build();
    Interceptor echoing = chain -> {
      try {
        return chain.proceed(chain.call());
      } catch (SocialinkException e) {
        throw SocialinkException.of(e.classification().withMessage(e.getMessage() + " body "
            + new String(wm.getAllServeEvents().get(0).getResponse().getBody(), StandardCharsets.UTF_8)), e, 1);
      }
    };

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> pipeline(echoing)
        .execute(new ApiCall("test", "keyed", request, Idempotency.IDEMPOTENT, "client-1", Optional.empty())));

    assertThat(e.getMessage()).contains("is not valid").doesNotContain(apiKey);
    assertThat(CallPipelineSecretsTest.everythingAbout(e)).doesNotContain(apiKey);
  }
}
