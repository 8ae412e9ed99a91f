package io.socialink.internal.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.error.Classification;
import io.socialink.error.SocialinkException;
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
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingListener;
import io.socialink.testsupport.RecordingSleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plants canary tokens in a query string (as Meta sends them), a form body and an Authorization
 * header, drives successful and failing calls through every layer, and checks that no canary appears
 * in any log line Socialink wrote (the test logging configuration sends every SLF4J line, down to
 * DEBUG, to {@code target/socialink-test.log}), nor in any exception's message, {@code toString()},
 * stack trace or causes, nor in any event.
 */
class CallPipelineRedactionTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
      .build();

  static final String QUERY_CANARY = "CANARYquery7f3a";
  static final String FORM_CANARY = "CANARYform91c2";
  static final String REFRESH_CANARY = "CANARYrefresh55d0";
  static final String HEADER_CANARY = "CANARYheader0b6e";
  static final List<String> CANARIES = List.of(QUERY_CANARY, FORM_CANARY, REFRESH_CANARY, HEADER_CANARY);

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final RecordingListener events = new RecordingListener();
  final List<Throwable> thrown = new ArrayList<>();

  /** An interpreter as careless as a provider could be: it quotes the request URI in its messages. */
  static final class CarelessInterpreter implements ResponseInterpreter {
    volatile String lastUri = "";

    @Override
    public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
      return generic.map(c -> c.withMessage(c.message() + " for " + lastUri + " with Bearer " + HEADER_CANARY));
    }

    @Override
    public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
      if (response.headers().first("x-spent").isPresent()) {
        return List.of(new RateLimitObservation("*", RateLimitScope.PER_APP, OptionalLong.empty(), 0,
            receivedAt.plusSeconds(3600)));
      }
      return List.of();
    }
  }

  @Test
  void noCanaryReachesALogLineAnExceptionOrAnEvent() throws Exception {
    wm.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("{}")));
    wm.stubFor(any(urlPathEqualTo("/flaky")).willReturn(aResponse().withStatus(503)));
    wm.stubFor(any(urlPathEqualTo("/expired")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(any(urlPathEqualTo("/bad")).willReturn(aResponse().withStatus(400)));
    wm.stubFor(any(urlPathEqualTo("/throttled")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
    wm.stubFor(any(urlPathEqualTo("/spent")).willReturn(aResponse().withStatus(200).withHeader("x-spent", "1")));
    wm.stubFor(any(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    CarelessInterpreter interpreter = new CarelessInterpreter();
    // Warm the HTTP client and server up so that the 300 ms request timeout only fires on /slow.
    new CallPipeline("meta", new JdkTransport(TransportOptions.ofDefaults()), interpreter, PipelineConfig.defaults(clock))
        .execute(call(wm.baseUrl(), "/ok", HttpMethod.GET));
    wm.resetRequests();
    CallPipeline pipeline = pipeline(interpreter, CircuitBreakerPolicy.disabled());
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    for (String path : List.of("/ok", "/flaky", "/expired", "/bad", "/throttled", "/slow", "/refused", "/spent", "/ok")) {
      for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
        String base = path.equals("/refused") ? "http://127.0.0.1:" + closedPort : wm.baseUrl();
        ApiCall call = call(base, path, method);
        interpreter.lastUri = call.request().uri().toString();
        run(pipeline, call);
      }
    }
    CallPipeline fragile = pipeline(interpreter,
        CircuitBreakerPolicy.custom().slidingWindowSize(2).minimumNumberOfCalls(2).build());
    run(fragile, call(wm.baseUrl(), "/flaky", HttpMethod.GET));
    // Two transient failures opened the breaker; this call fails without being sent.
    run(fragile, call(wm.baseUrl(), "/ok", HttpMethod.GET));

    // ok, flaky, expired, bad, throttled, slow, refused, spent (the POST is held), ok (both held), breaker
    assertThat(thrown).hasSize(0 + 2 + 2 + 2 + 2 + 2 + 2 + 1 + 2 + 2);
    assertThat(wm.getAllServeEvents()).hasSize(2 + 4 + 2 + 2 + 6 + 4 + 0 + 1 + 0 + 2);
    for (Throwable t : thrown) {
      assertNoCanary("exception " + t.getClass().getSimpleName(), everythingAbout(t));
    }
    for (Object event : events.events()) {
      assertNoCanary("event", event.toString());
    }
    String log = Files.readString(Path.of("target/socialink-test.log"), StandardCharsets.UTF_8);
    assertThat(log).as("the pipeline's DEBUG lines reach the captured log")
        .contains("meta GET " + wm.baseUrl() + "/ok?access_token=****&fields=id: attempt 1")
        .contains("Circuit breaker of meta opened");
    for (String line : log.split("\n")) {
      assertNoCanary("log line", line);
    }
  }

  private CallPipeline pipeline(CarelessInterpreter interpreter, CircuitBreakerPolicy breaker) {
    PipelineConfig config = new PipelineConfig(RetryPolicy.ofDefaults(), breaker, List.of(), Duration.ofSeconds(30),
        events, sleeper, new HalfRandom(), clock);
    return new CallPipeline("meta", new JdkTransport(new TransportOptions(Duration.ofSeconds(2), Duration.ofMillis(300))),
        interpreter, config);
  }

  private void run(CallPipeline pipeline, ApiCall call) {
    try {
      pipeline.execute(call);
    } catch (SocialinkException e) {
      thrown.add(e);
    }
  }

  static ApiCall call(String base, String path, HttpMethod method) {
    URI uri = URI.create(base + path + "?access_token=" + QUERY_CANARY + "&fields=id");
    ApiRequest.Builder b = ApiRequest.newBuilder(method, uri).header("Authorization", "Bearer " + HEADER_CANARY);
    if (method == HttpMethod.POST) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "refresh_token");
      form.put("client_secret", FORM_CANARY);
      form.put("refresh_token", REFRESH_CANARY);
      b.form(form);
    }
    Idempotency idempotency = method == HttpMethod.GET ? Idempotency.IDEMPOTENT : Idempotency.NON_IDEMPOTENT;
    return new ApiCall("meta", "media", b.build(), idempotency, "app-1", Optional.of("meta:17841"));
  }

  static String everythingAbout(Throwable t) {
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      t.printStackTrace(w);
      for (Throwable c = t; c != null; c = c.getCause()) {
        w.println(c);
        w.println(c.getMessage());
        if (c instanceof SocialinkException s) {
          w.println(s.classification());
          w.println(s.remediation());
        }
      }
    }
    return out.toString();
  }

  static void assertNoCanary(String where, String text) {
    for (String canary : CANARIES) {
      if (text.contains(canary)) {
        fail("a secret leaked into a " + where + ": " + text);
      }
    }
  }

  @Test
  void theCarelessInterpreterWouldLeakWithoutThePipeline() throws IOException {
    CarelessInterpreter interpreter = new CarelessInterpreter();
    interpreter.lastUri = call("http://localhost", "/x", HttpMethod.GET).request().uri().toString();
    Optional<Classification> raw = interpreter.classify(ApiResponse.of(500, io.socialink.http.Headers.empty(), ""),
        Optional.of(Classification.of(io.socialink.error.ErrorCategory.TRANSIENT, "meta", 500, "HTTP 500")));
    assertThat(raw.orElseThrow().message()).contains(QUERY_CANARY).contains(HEADER_CANARY);
  }
}
