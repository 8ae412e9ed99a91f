package io.socialink.internal.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.RateLimitedException;
import io.socialink.error.TransientException;
import io.socialink.event.CallFailed;
import io.socialink.event.CallRetried;
import io.socialink.event.CallStarted;
import io.socialink.event.CallSucceeded;
import io.socialink.event.CallThrottled;
import io.socialink.event.CircuitState;
import io.socialink.event.CircuitStateChanged;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.TransportOptions;
import io.socialink.internal.http.JdkTransport;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.HeaderRateLimitInterpreter;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingListener;
import io.socialink.testsupport.RecordingSleeper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline against a real HTTP server: exact request counts (WireMock) and exact waits (the
 * recording sleeper, which moves the test clock instead of sleeping). Backoff jitter always picks the
 * middle of its range, so with bases of 1 s (transient) and 2 s (throttled) the first retry waits
 * 500 ms after a transient failure and 1000 ms after throttling, the second 1000 ms after a transient one.
 */
class CallPipelineTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
      .build();

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final RetryPolicy RETRY = RetryPolicy.custom().maxAttempts(3).transientBase(Duration.ofSeconds(1))
      .throttledBase(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(8)).build();

  final MutableClock clock = new MutableClock(T0);
  final RecordingSleeper sleeper = new RecordingSleeper(clock).countingRequests(() -> wm.getAllServeEvents().size());
  final RecordingListener events = new RecordingListener();

  CallPipeline pipeline() {
    return pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(), List.of(), Duration.ofSeconds(120),
        TransportOptions.ofDefaults());
  }

  CallPipeline pipeline(RetryPolicy retry, CircuitBreakerPolicy breaker, List<RateLimitPolicy> limits,
      Duration maxWait, TransportOptions transport) {
    PipelineConfig config = new PipelineConfig(retry, breaker, limits, maxWait, events, sleeper, new HalfRandom(), clock);
    return new CallPipeline("test", new JdkTransport(transport), new HeaderRateLimitInterpreter(), config);
  }

  static ApiCall call(HttpMethod method, String path, Idempotency idempotency) {
    return call(method, path, idempotency, "test:alice", "items");
  }

  static ApiCall call(HttpMethod method, String path, Idempotency idempotency, String user, String group) {
    ApiRequest.Builder b = ApiRequest.newBuilder(method, URI.create(wm.baseUrl() + path));
    if (method != HttpMethod.GET) {
      b.json("{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
    }
    return new ApiCall("test", group, b.build(), idempotency, "client-1", Optional.of(user));
  }

  static ApiCall getItems() {
    return call(HttpMethod.GET, "/items", Idempotency.IDEMPOTENT);
  }

  static ResponseDefinitionBuilder status(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}");
  }

  static String epochSeconds(Instant at) {
    return Long.toString(at.getEpochSecond());
  }

  static void sequence(String path, HttpMethod method, ResponseDefinitionBuilder... responses) {
    String state = STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "step-" + (i + 1);
      var mapping = method == HttpMethod.GET ? get(urlEqualTo(path)) : post(urlEqualTo(path));
      wm.stubFor(mapping.inScenario(path).whenScenarioStateIs(state).willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  @Nested
  class Retry {
    @Test
    void retriesA503OnceThenSucceeds() {
      sequence("/items", HttpMethod.GET, status(503), status(200));

      ApiResponse response = pipeline().execute(getItems());

      assertThat(response.status()).isEqualTo(200);
      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
      assertThat(sleeper.requestsSeenAtSleep()).containsExactly(1);
      assertThat(events.of(CallStarted.class)).extracting(CallStarted::attempt).containsExactly(1, 2);
      assertThat(events.of(CallRetried.class)).singleElement()
          .satisfies(e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
            assertThat(e.nextAttempt()).isEqualTo(2);
            assertThat(e.delay()).isEqualTo(Duration.ofMillis(500));
          });
      assertThat(events.of(CallSucceeded.class)).singleElement()
          .satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.duration()).isEqualTo(Duration.ofMillis(500));
          });
    }

    @Test
    void backsOffExponentiallyAndStopsAfterMaxAttempts() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(503)));

      TransientException e = catchThrowableOfType(TransientException.class, () -> pipeline().execute(getItems()));

      wm.verify(exactly(3), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.httpStatus()).isEqualTo(503);
      assertThat(e.platform()).isEqualTo("test");
      assertThat(events.of(CallFailed.class)).singleElement()
          .satisfies(f -> assertThat(f.attempts()).isEqualTo(3));
    }

    @Test
    void honoursRetryAfterWhenItIsLongerThanTheBackoff() {
      sequence("/items", HttpMethod.GET, status(503).withHeader("Retry-After", "7"), status(200));

      pipeline().execute(getItems());

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void keepsTheBackoffWhenRetryAfterIsShorter() {
      sequence("/items", HttpMethod.GET, status(503).withHeader("Retry-After", "0"), status(200));

      pipeline().execute(getItems());

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void usesTheLargerThrottlingBaseAfterA429() {
      sequence("/items", HttpMethod.GET, status(429), status(200));

      pipeline().execute(getItems());

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(1000));
    }

    @Test
    void neverRetriesAuthorizationFailures() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(401)));

      AuthorizationException e = catchThrowableOfType(AuthorizationException.class, () -> pipeline().execute(getItems()));

      assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
      assertThat(e.attempts()).isEqualTo(1);
      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void neverRetriesInvalidRequests() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(400)));

      assertThatThrownBy(() -> pipeline().execute(getItems())).hasMessageContaining("INVALID_REQUEST");

      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retriesAThrottlingCodeInA200Body() {
      sequence("/items", HttpMethod.POST, status(200).withBody("{\"code\":40100,\"message\":\"Too many requests\"}"),
          status(200).withBody("{\"code\":0}"));

      ApiResponse r = pipeline().execute(call(HttpMethod.POST, "/items", Idempotency.NON_IDEMPOTENT));

      assertThat(r.bodyText()).contains("\"code\":0");
      wm.verify(exactly(2), postRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(1000));
    }
  }

  @Nested
  class NonIdempotentWrites {
    @Test
    void areNotRetriedAfterAReadTimeout() {
      wm.stubFor(post(urlEqualTo("/posts")).willReturn(status(201).withFixedDelay(1500)));
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(), List.of(), Duration.ofSeconds(120),
          new TransportOptions(Duration.ofSeconds(2), Duration.ofMillis(300)));

      TransientException e = catchThrowableOfType(TransientException.class,
          () -> p.execute(call(HttpMethod.POST, "/posts", Idempotency.NON_IDEMPOTENT)));

      assertThat(e.getMessage()).contains("response timeout");
      assertThat(e.attempts()).isEqualTo(1);
      wm.verify(exactly(1), postRequestedFor(urlEqualTo("/posts")));
      assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void idempotentReadsAreRetriedAfterAReadTimeout() {
      wm.stubFor(get(urlEqualTo("/slow")).willReturn(status(200).withFixedDelay(1500)));
      CallPipeline p = pipeline(RETRY.toBuilder().maxAttempts(2).build(), CircuitBreakerPolicy.ofDefaults(), List.of(),
          Duration.ofSeconds(120), new TransportOptions(Duration.ofSeconds(2), Duration.ofMillis(300)));

      assertThatThrownBy(() -> p.execute(call(HttpMethod.GET, "/slow", Idempotency.IDEMPOTENT)))
          .isInstanceOf(TransientException.class);

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/slow")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void areNotRetriedAfterA503() {
      wm.stubFor(post(urlEqualTo("/posts")).willReturn(status(503)));

      assertThatThrownBy(() -> pipeline().execute(call(HttpMethod.POST, "/posts", Idempotency.NON_IDEMPOTENT)))
          .isInstanceOf(TransientException.class);

      wm.verify(exactly(1), postRequestedFor(urlEqualTo("/posts")));
      assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void areRetriedAfterA429BecauseItWasRefusedBeforeProcessing() {
      sequence("/posts", HttpMethod.POST, status(429), status(201));

      ApiResponse r = pipeline().execute(call(HttpMethod.POST, "/posts", Idempotency.NON_IDEMPOTENT));

      assertThat(r.status()).isEqualTo(201);
      wm.verify(exactly(2), postRequestedFor(urlEqualTo("/posts")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(1000));
    }

    @Test
    void areRetriedWhenTheConnectionWasRefused() throws IOException {
      int closedPort;
      try (ServerSocket s = new ServerSocket(0)) {
        closedPort = s.getLocalPort();
      }
      ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST, URI.create("http://127.0.0.1:" + closedPort + "/posts"))
          .json("{}".getBytes(StandardCharsets.UTF_8)).build();
      ApiCall post = new ApiCall("test", "posts", request, Idempotency.NON_IDEMPOTENT, "client-1", Optional.empty());

      TransientException e = catchThrowableOfType(TransientException.class, () -> pipeline().execute(post));

      assertThat(e.getMessage()).contains("connection refused");
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void withAnIdempotencyKeyAreRetriedLikeReads() {
      sequence("/posts", HttpMethod.POST, status(503), status(201));

      pipeline().execute(call(HttpMethod.POST, "/posts", Idempotency.IDEMPOTENT_WITH_KEY));

      wm.verify(exactly(2), postRequestedFor(urlEqualTo("/posts")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }
  }

  @Nested
  class HeaderDrivenRateLimits {
    @Test
    void anExhaustedBudgetHoldsTheNextCallUntilTheResetInsteadOfSpendingItOnA429() {
      Instant reset = T0.plusSeconds(60);
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)
          .withHeader("x-rate-limit-limit", "75")
          .withHeader("x-rate-limit-remaining", "0")
          .withHeader("x-rate-limit-reset", epochSeconds(reset))));
      CallPipeline p = pipeline();

      p.execute(getItems());
      p.execute(getItems());

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
      assertThat(sleeper.requestsSeenAtSleep()).containsExactly(1);
      assertThat(events.of(CallThrottled.class)).singleElement().satisfies(e -> {
        assertThat(e.until()).isEqualTo(reset);
        assertThat(e.failedFast()).isFalse();
      });
    }

    @Test
    void aHoldIsPerUserAndPerEndpointGroup() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)
          .withHeader("x-rate-limit-remaining", "0")
          .withHeader("x-rate-limit-reset", epochSeconds(T0.plusSeconds(60)))));
      wm.stubFor(get(urlEqualTo("/other")).willReturn(status(200)));
      CallPipeline p = pipeline();

      p.execute(getItems());
      p.execute(call(HttpMethod.GET, "/items", Idempotency.IDEMPOTENT, "test:bob", "items"));
      p.execute(call(HttpMethod.GET, "/other", Idempotency.IDEMPOTENT, "test:alice", "other"));

      assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void a429WithAResetHeaderIsRetriedAtTheResetAndTheNextCallGoesStraightThrough() {
      Instant reset = T0.plusSeconds(30);
      sequence("/items", HttpMethod.GET,
          status(429).withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", epochSeconds(reset)),
          status(200).withHeader("x-rate-limit-remaining", "74")
              .withHeader("x-rate-limit-reset", epochSeconds(T0.plusSeconds(930))));
      CallPipeline p = pipeline();

      p.execute(getItems());
      p.execute(getItems());

      wm.verify(exactly(3), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
      assertThat(clock.instant()).isEqualTo(reset);
    }

    @Test
    void aHoldLongerThanTheMaximumWaitFailsFastWithTheInstantTheCallMayGo() {
      Instant reset = T0.plusSeconds(900);
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)
          .withHeader("x-rate-limit-remaining", "0")
          .withHeader("x-rate-limit-reset", epochSeconds(reset))));
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(), List.of(), Duration.ofSeconds(30),
          TransportOptions.ofDefaults());
      p.execute(getItems());

      RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> p.execute(getItems()));

      assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
      assertThat(e.retryAt()).contains(reset);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getMessage()).contains("not sent").contains("maximum wait");
      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).isEmpty();
      assertThat(events.of(CallThrottled.class)).singleElement()
          .satisfies(t -> assertThat(t.failedFast()).isTrue());
    }

    @Test
    void a429WhoseResetIsBeyondTheMaximumWaitIsNotRetried() {
      Instant reset = T0.plusSeconds(900);
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(429)
          .withHeader("x-rate-limit-remaining", "0")
          .withHeader("x-rate-limit-reset", epochSeconds(reset))));
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(), List.of(), Duration.ofSeconds(30),
          TransportOptions.ofDefaults());

      RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> p.execute(getItems()));
      RateLimitedException next = catchThrowableOfType(RateLimitedException.class, () -> p.execute(getItems()));

      assertThat(e.retryAt()).contains(reset);
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(next.retryAt()).contains(reset);
      assertThat(next.httpStatus()).isZero();
      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
      assertThat(sleeper.sleeps()).isEmpty();
    }
  }

  @Test
  void anAbsurdResetHoldsTheBudgetForADayAtMost() {
    wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)
        .withHeader("x-rate-limit-remaining", "0")
        .withHeader("x-rate-limit-reset", "99999999999999")));
    CallPipeline p = pipeline();
    p.execute(getItems());

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> p.execute(getItems()));

    assertThat(e.retryAt()).contains(T0.plus(Duration.ofDays(1)));
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
  }

  @Nested
  class UsagePercentages {
    /** Meta-style: usage in percent and minutes until access returns, held at 95%. */
    final ResponseInterpreter usageInterpreter = new ResponseInterpreter() {
      @Override
      public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
        return generic;
      }

      @Override
      public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
        return response.headers().first("x-usage-percent").map(p -> List.of(RateLimitObservation.ofUsage("*",
            RateLimitScope.PER_APP, Integer.parseInt(p), 95, receivedAt.plus(Duration.ofMinutes(
                Long.parseLong(response.headers().first("x-regain-minutes").orElse("1"))))))).orElse(List.of());
      }
    };

    CallPipeline usagePipeline() {
      PipelineConfig config = new PipelineConfig(RETRY, CircuitBreakerPolicy.ofDefaults(), List.of(),
          Duration.ofMinutes(5), events, sleeper, new HalfRandom(), clock);
      return new CallPipeline("test", new JdkTransport(TransportOptions.ofDefaults()), usageInterpreter, config);
    }

    @Test
    void aUsageAtTheHoldPercentageHoldsEveryCallOfTheAppUntilAccessReturns() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200).withHeader("x-usage-percent", "96")
          .withHeader("x-regain-minutes", "2")));
      wm.stubFor(get(urlEqualTo("/other")).willReturn(status(200)));
      CallPipeline p = usagePipeline();

      p.execute(getItems());
      p.execute(call(HttpMethod.GET, "/other", Idempotency.IDEMPOTENT, "test:bob", "other"));

      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(2));
      assertThat(sleeper.requestsSeenAtSleep()).containsExactly(1);
      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/other")));
    }

    @Test
    void aUsageBelowTheHoldPercentageHoldsNothing() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200).withHeader("x-usage-percent", "80")));
      CallPipeline p = usagePipeline();

      p.execute(getItems());
      p.execute(getItems());

      assertThat(sleeper.sleeps()).isEmpty();
      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
    }
  }

  @Nested
  class DeclaredLimits {
    @Test
    void aUsedUpLimitFailsFastWithoutSending() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)));
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(),
          List.of(RateLimitPolicy.perUser("items", 2, Duration.ofMinutes(1))), Duration.ZERO, TransportOptions.ofDefaults());

      p.execute(getItems());
      p.execute(getItems());
      RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> p.execute(getItems()));
      p.execute(call(HttpMethod.GET, "/items", Idempotency.IDEMPOTENT, "test:bob", "items"));

      assertThat(e.retryAt()).hasValueSatisfying(at -> assertThat(at).isAfter(T0).isBeforeOrEqualTo(T0.plusSeconds(60)));
      wm.verify(exactly(3), getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void aUserOverTheirOwnLimitSpendsNoPermitOfTheSharedAppLimit() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)));
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(),
          List.of(RateLimitPolicy.perApp("items", 2, Duration.ofHours(1)),
              RateLimitPolicy.perUser("items", 1, Duration.ofHours(1))),
          Duration.ZERO, TransportOptions.ofDefaults());

      p.execute(getItems());
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> p.execute(getItems())).isInstanceOf(RateLimitedException.class)
            .hasMessageContaining("per-user");
      }
      p.execute(call(HttpMethod.GET, "/items", Idempotency.IDEMPOTENT, "test:bob", "items"));

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void aCallRefusedByTheSharedAppLimitGivesBackThePermitItTookOfItsUsersLimit() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)));
      // The user's limit is checked first; its window is twice as long as the app's.
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(),
          List.of(RateLimitPolicy.perApp("items", 1, Duration.ofHours(1)),
              RateLimitPolicy.perUser("items", 1, Duration.ofHours(2))),
          Duration.ZERO, TransportOptions.ofDefaults());

      p.execute(getItems());
      ApiCall bob = call(HttpMethod.GET, "/items", Idempotency.IDEMPOTENT, "test:bob", "items");
      assertThatThrownBy(() -> p.execute(bob)).isInstanceOf(RateLimitedException.class).hasMessageContaining("per-app");
      clock.advance(Duration.ofHours(1)); // the app's window starts again, bob's does not
      p.execute(bob);

      wm.verify(exactly(2), getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void aUsedUpLimitIsWaitedOutOnTheInjectedClockWhenWithinTheMaximumWait() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)));
      CallPipeline p = pipeline(RETRY, CircuitBreakerPolicy.ofDefaults(),
          List.of(RateLimitPolicy.perUser("items", 2, Duration.ofMinutes(1))), Duration.ofMinutes(2),
          TransportOptions.ofDefaults());

      for (int i = 0; i < 6; i++) {
        p.execute(getItems());
      }

      wm.verify(exactly(6), getRequestedFor(urlEqualTo("/items")));
      // Two calls per minute: the 3rd and the 5th wait for the next window, on the test clock.
      assertThat(sleeper.sleeps()).hasSize(2);
      assertThat(clock.instant()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(2)).minusMillis(1))
          .isBefore(T0.plus(Duration.ofMinutes(2)).plusSeconds(1));
    }

    @Test
    void aThrottlingAnswerDrainsTheLimit() {
      sequence("/items", HttpMethod.GET, status(429), status(200));
      CallPipeline p = pipeline(RetryPolicy.disabled(), CircuitBreakerPolicy.ofDefaults(),
          List.of(RateLimitPolicy.perApp("items", 100, Duration.ofMinutes(1))), Duration.ZERO, TransportOptions.ofDefaults());

      assertThatThrownBy(() -> p.execute(getItems())).isInstanceOf(RateLimitedException.class);
      RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> p.execute(getItems()));

      assertThat(e.httpStatus()).isZero();
      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
    }
  }

  @Nested
  class CircuitBreaker {
    final CircuitBreakerPolicy policy = CircuitBreakerPolicy.custom().slidingWindowSize(4).minimumNumberOfCalls(4)
        .failureRateThreshold(50).waitInOpenState(Duration.ofSeconds(30)).permittedCallsInHalfOpenState(1).build();

    CallPipeline breakerPipeline() {
      return pipeline(RetryPolicy.disabled(), policy, List.of(), Duration.ofSeconds(120), TransportOptions.ofDefaults());
    }

    @Test
    void opensAfterTransientFailuresAndFailsFastNamingThePlatformAndTheRetryTime() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(503)));
      CallPipeline p = breakerPipeline();
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> p.execute(getItems())).isInstanceOf(TransientException.class);
      }

      TransientException open = catchThrowableOfType(TransientException.class, () -> p.execute(getItems()));

      wm.verify(exactly(4), getRequestedFor(urlEqualTo("/items")));
      assertThat(p.circuitState()).isEqualTo(CircuitState.OPEN);
      assertThat(open.platform()).isEqualTo("test");
      assertThat(open.retryAt()).contains(T0.plusSeconds(30));
      assertThat(open.getMessage()).contains("circuit breaker of test is open").contains(T0.plusSeconds(30).toString());
      assertThat(open.remediation()).contains("test has been failing");
      assertThat(events.of(CircuitStateChanged.class)).singleElement().satisfies(c -> {
        assertThat(c.from()).isEqualTo(CircuitState.CLOSED);
        assertThat(c.to()).isEqualTo(CircuitState.OPEN);
        assertThat(c.retryAt()).contains(T0.plusSeconds(30));
      });
    }

    @Test
    void countsTheLastAttemptsExactlyThroughLongRunsOfSuccesses() {
      int[] status = {200};
      io.socialink.http.Transport scripted = request -> new ApiResponse(status[0], io.socialink.http.Headers.empty(),
          "{}".getBytes(StandardCharsets.UTF_8));
      CallPipeline p = new CallPipeline("test", scripted, new HeaderRateLimitInterpreter(), new PipelineConfig(
          RetryPolicy.disabled(), policy, List.of(), Duration.ofSeconds(120), events, sleeper, new HalfRandom(), clock));
      java.util.function.IntConsumer run = s -> {
        status[0] = s;
        try {
          p.execute(getItems());
        } catch (TransientException expected) {
          // a 503, counted by the breaker
        }
      };

      // A window of four: ten successes fill it, a failure, then four successes push the failure out.
      for (int i = 0; i < 10; i++) {
        run.accept(200);
      }
      run.accept(503);
      for (int i = 0; i < 4; i++) {
        run.accept(200);
      }
      run.accept(503); // 1 of the last 4
      assertThat(p.circuitState()).isEqualTo(CircuitState.CLOSED);
      run.accept(503); // 2 of the last 4: the threshold
      assertThat(p.circuitState()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void letsATrialCallThroughAfterTheWaitAndClosesOnSuccess() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(503)));
      CallPipeline p = breakerPipeline();
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> p.execute(getItems())).isInstanceOf(TransientException.class);
      }
      wm.resetAll();
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(200)));
      clock.advance(Duration.ofSeconds(31));

      p.execute(getItems());

      wm.verify(exactly(1), getRequestedFor(urlEqualTo("/items")));
      assertThat(p.circuitState()).isEqualTo(CircuitState.CLOSED);
      assertThat(events.of(CircuitStateChanged.class)).extracting(CircuitStateChanged::to)
          .containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void staysClosedWhenSuccessfulCallsWaitLongOnRateLimits() {
      // Every answer says the user's budget is spent for the next 90 s, so after the first call each
      // one waits 90 s (on the test clock) and then succeeds: slow, but never a failure.
      int[] sent = {0};
      io.socialink.http.Transport spent = request -> {
        sent[0]++;
        return new ApiResponse(200, io.socialink.http.Headers.of("x-rate-limit-remaining", "0",
            "x-rate-limit-reset", epochSeconds(clock.instant().plusSeconds(90))), "{}".getBytes(StandardCharsets.UTF_8));
      };
      PipelineConfig config = new PipelineConfig(RetryPolicy.disabled(), policy, List.of(), Duration.ofMinutes(5), events,
          sleeper, new HalfRandom(), clock);
      CallPipeline p = new CallPipeline("test", spent, new HeaderRateLimitInterpreter(), config);

      for (int i = 0; i < 8; i++) {
        p.execute(getItems());
      }

      assertThat(sent[0]).isEqualTo(8);
      assertThat(sleeper.sleeps()).hasSize(7).allMatch(d -> d.compareTo(Duration.ofSeconds(89)) > 0);
      assertThat(p.circuitState()).isEqualTo(CircuitState.CLOSED);
      assertThat(events.of(CircuitStateChanged.class)).isEmpty();
    }

    @Test
    void staysClosedAfter401s403sAnd400s() {
      wm.stubFor(get(urlEqualTo("/a")).willReturn(status(401)));
      wm.stubFor(get(urlEqualTo("/b")).willReturn(status(403)));
      wm.stubFor(get(urlEqualTo("/c")).willReturn(status(400)));
      CallPipeline p = breakerPipeline();

      for (int i = 0; i < 4; i++) {
        for (String path : List.of("/a", "/b", "/c")) {
          assertThatThrownBy(() -> p.execute(call(HttpMethod.GET, path, Idempotency.IDEMPOTENT)));
        }
      }

      assertThat(p.circuitState()).isEqualTo(CircuitState.CLOSED);
      wm.verify(exactly(4), getRequestedFor(urlEqualTo("/a")));
      wm.verify(exactly(4), getRequestedFor(urlEqualTo("/b")));
      wm.verify(exactly(4), getRequestedFor(urlEqualTo("/c")));
      assertThat(events.of(CircuitStateChanged.class)).isEmpty();
    }

    @Test
    void doesNotCountThrottling() {
      wm.stubFor(get(urlEqualTo("/items")).willReturn(status(429)));
      CallPipeline p = breakerPipeline();

      for (int i = 0; i < 6; i++) {
        assertThatThrownBy(() -> p.execute(getItems())).isInstanceOf(RateLimitedException.class);
      }

      assertThat(p.circuitState()).isEqualTo(CircuitState.CLOSED);
      wm.verify(exactly(6), getRequestedFor(urlEqualTo("/items")));
    }
  }
}
