package io.socialink.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.Transport;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingListener;
import io.socialink.testsupport.RecordingSleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Secrets a call carries never leave the pipeline: not through a transport failure's cause chain or
 * suppressed exceptions, not through a transport's unchecked exception, and not when the platform
 * echoes a bare token in free text, whether as is, URL-encoded or in its Basic-auth form.
 */
class CallPipelineSecretsTest {
  static final String ACCESS = "CANARYsecAccess4d1f";
  static final String REFRESH = "CANARY/sec+Refresh=77";
  static final String CLIENT_SECRET = "CANARYsecClient90aa";
  static final String CODE = "CANARYsecCode12ef";
  static final String VERIFIER = "CANARYsecVerifier3c3c";
  static final String EXTRA = "CANARYsecDeclared5b5b";
  static final String BASIC = Base64.getEncoder()
      .encodeToString(("client-1:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
  static final List<String> CANARIES = List.of(ACCESS, REFRESH, CLIENT_SECRET, CODE, VERIFIER, EXTRA, BASIC,
      URLEncoder.encode(REFRESH, StandardCharsets.UTF_8));

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final RecordingListener events = new RecordingListener();

  /** An interpreter that quotes the platform's free text, as providers do with error_description. */
  static final class EchoingInterpreter implements ResponseInterpreter {
    @Override
    public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
      return generic.map(c -> c.withMessage(c.message() + ": " + response.bodyText())
          .withPlatformCode("invalid_grant"));
    }

    @Override
    public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
      return List.of();
    }
  }

  CallPipeline pipeline(Transport transport) {
    PipelineConfig config = new PipelineConfig(RetryPolicy.ofDefaults(), CircuitBreakerPolicy.ofDefaults(), List.of(),
        Duration.ofSeconds(30), events, sleeper, new HalfRandom(), clock);
    return new CallPipeline("sec", transport, new EchoingInterpreter(), config);
  }

  static ApiCall tokenCall() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", CODE);
    form.put("code_verifier", VERIFIER);
    form.put("refresh_token", REFRESH);
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST,
            URI.create("https://api.sec.example/oauth/token?access_token=" + ACCESS))
        .header("Authorization", "Basic " + BASIC)
        .form(form)
        .build();
    return new ApiCall("sec", "oauth.token", request, Idempotency.NON_IDEMPOTENT, "client-1", Optional.empty());
  }

  static ApiCall bearerCall() {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create("https://api.sec.example/me"))
        .header("Authorization", "Bearer " + ACCESS)
        .build();
    return new ApiCall("sec", "users.me", request, Idempotency.IDEMPOTENT, "client-1", Optional.of("sec:1"));
  }

  @Test
  void aTransportFailureWithACleanMessageHasItsWholeCauseChainRedacted() {
    IOException root = new IOException("while sending refresh_token=" + REFRESH);
    IOException failure = new IOException("connection reset", new IllegalStateException(
        "request headers: {authorization=[Bearer " + ACCESS + "]}", root));
    failure.addSuppressed(new IOException("closing after client_secret " + CLIENT_SECRET));
    Transport transport = request -> {
      throw failure;
    };

    Throwable thrown = catchThrowable(() -> pipeline(transport).execute(tokenCall()));

    assertThat(thrown).isInstanceOf(SocialinkException.class);
    String all = everythingAbout(thrown);
    assertNoCanary(all);
    assertThat(all).as("the chain keeps its class names and its stack traces")
        .contains("Caused by: java.io.IOException: connection reset")
        .contains("Caused by: java.lang.IllegalStateException: request headers")
        .contains("Suppressed: java.io.IOException: closing after client_secret")
        .contains("at " + CallPipelineSecretsTest.class.getName());
    assertNoCanaryInLog();
  }

  @Test
  void aTransportThatThrowsAnUncheckedExceptionFailsWithALibraryExceptionRedacted() {
    Transport transport = request -> {
      throw new IllegalStateException("bad state sending Bearer " + ACCESS + ", that is " + ACCESS);
    };
    Transport unchecked = request -> {
      throw new UncheckedIOException(new IOException("reset while sending code=" + CODE));
    };

    Throwable thrown = catchThrowable(() -> pipeline(transport).execute(bearerCall()));
    Throwable thrownUnchecked = catchThrowable(() -> pipeline(unchecked).execute(tokenCall()));

    assertThat(thrown).isInstanceOf(SocialinkException.class);
    assertThat(((SocialinkException) thrown).category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(everythingAbout(thrown)).contains("java.lang.IllegalStateException: bad state sending");
    assertThat(thrownUnchecked).isInstanceOf(SocialinkException.class);
    assertThat(((SocialinkException) thrownUnchecked).category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertNoCanary(everythingAbout(thrown));
    assertNoCanary(everythingAbout(thrownUnchecked));
    assertNoCanaryInLog();
  }

  @Test
  void aTokenThePlatformEchoesBareInFreeTextIsScrubbedEverywhere() {
    String echo = "{\"error\":\"invalid_grant\",\"error_description\":\"grant " + REFRESH + " / "
        + URLEncoder.encode(REFRESH, StandardCharsets.UTF_8) + " for " + CODE + " with verifier " + VERIFIER
        + " rejected; credentials were " + BASIC + " (secret " + CLIENT_SECRET + ") token " + ACCESS + "\"}";
    Transport transport = request -> ApiResponse.of(400, Headers.empty(), echo);

    SocialinkException e = (SocialinkException) catchThrowable(() -> pipeline(transport).execute(tokenCall()));

    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("rejected");
    assertNoCanary(everythingAbout(e));
    assertNoCanaryInLog();
  }

  @Test
  void aBearerTokenEchoedInATransientFailureIsScrubbedFromTheBreakerAndRetryLogs() {
    Transport transport = request -> ApiResponse.of(503, Headers.empty(), "upstream rejected " + ACCESS);

    SocialinkException e = (SocialinkException) catchThrowable(() -> pipeline(transport).execute(bearerCall()));

    assertThat(e.attempts()).isEqualTo(3);
    assertNoCanary(everythingAbout(e));
    assertNoCanaryInLog();
  }

  static String everythingAbout(Throwable t) {
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      t.printStackTrace(w);
      for (Throwable c = t; c != null; c = c.getCause()) {
        w.println(c);
        w.println(c.getMessage());
        w.println(c.getLocalizedMessage());
        if (c instanceof SocialinkException s) {
          w.println(s.classification());
          w.println(s.remediation());
        }
      }
    }
    return out.toString();
  }

  static void assertNoCanary(String text) {
    for (String canary : CANARIES) {
      assertThat(text).as("a secret leaked").doesNotContain(canary);
    }
  }

  static void assertNoCanaryInLog() {
    String log;
    try {
      log = Files.readString(Path.of("target/socialink-test.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(log).contains("sec ");
    for (String line : log.split("\n")) {
      for (String canary : CANARIES) {
        if (line.contains(canary)) {
          throw new AssertionError("a secret leaked into a log line: " + line);
        }
      }
    }
  }
}
