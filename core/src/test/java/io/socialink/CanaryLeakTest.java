package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.HttpMethod;
import io.socialink.store.PendingAuthorization;
import io.socialink.testsupport.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plants canary secrets (access token, refresh token, client secret, authorization code, PKCE
 * verifier) and scans every toString(), exception message, log line and JSON rendering the core
 * flows produce.
 */
class CanaryLeakTest {
  static final String ACCESS = "CANARY-ACCESS-7f3a";
  static final String REFRESH = "CANARY-REFRESH-91bc";
  static final String CLIENT_SECRET = "CANARY-CLIENT-SECRET-55d0";
  static final String CODE = "CANARY-CODE-0e12";
  static final List<String> CANARIES = List.of(ACCESS, REFRESH, CLIENT_SECRET, CODE);

  /**
   * Calls through core's pipeline that carry the canaries (Basic client credentials, a refresh token
   * and a code in the form, a Bearer token) and fail in the ways that used to leak them: a platform
   * echoing the bare tokens in its error text, and transport failures whose causes quote them.
   */
  static List<String> pipelineFailures() {
    List<String> out = new ArrayList<>();
    String basic = java.util.Base64.getEncoder().encodeToString(("client-1:" + CLIENT_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    ApiRequest tokenRequest = ApiRequest.newBuilder(HttpMethod.POST, URI.create("https://api.fake.example/oauth/token"))
        .header("Authorization", "Basic " + basic)
        .form(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH, "code", CODE))
        .build();
    ApiRequest meRequest = ApiRequest.newBuilder(HttpMethod.GET, URI.create("https://api.fake.example/me"))
        .header("Authorization", "Bearer " + ACCESS).build();
    // Each failure quotes only secrets its own request carries: the pipeline knows those.
    Map<ApiRequest, List<io.socialink.http.Transport>> cases = new java.util.LinkedHashMap<>();
    cases.put(tokenRequest, List.of(
        request -> io.socialink.http.ApiResponse.of(400, io.socialink.http.Headers.empty(),
            "{\"error\":\"invalid_grant\",\"error_description\":\"" + REFRESH + " / " + CODE + " / "
                + CLIENT_SECRET + " / " + basic + "\"}"),
        request -> {
          throw new java.io.IOException("reset", new java.io.IOException("while sending grant " + REFRESH,
              new IllegalStateException("request headers: {authorization=[Basic " + basic + "]}")));
        },
        request -> {
          throw new IllegalStateException("transport bug with " + CLIENT_SECRET + " and " + CODE);
        }));
    cases.put(meRequest, List.of(
        request -> io.socialink.http.ApiResponse.of(401, io.socialink.http.Headers.empty(),
            "{\"detail\":\"token " + ACCESS + " is not valid\"}"),
        request -> {
          throw new java.io.IOException("reset", new IllegalStateException(
              "request headers: {authorization=[Bearer " + ACCESS + "]}, bare " + ACCESS));
        },
        request -> {
          throw new java.io.UncheckedIOException(new java.io.IOException("transport bug with " + ACCESS));
        }));
    io.socialink.spi.ResponseInterpreter echoing = new io.socialink.spi.ResponseInterpreter() {
      @Override
      public Optional<Classification> classify(io.socialink.http.ApiResponse response,
          Optional<Classification> generic) {
        return generic.map(c -> c.withMessage(c.message() + ": " + response.bodyText()));
      }

      @Override
      public List<io.socialink.resilience.RateLimitObservation> rateLimits(String endpointGroup,
          io.socialink.http.ApiResponse response, Instant receivedAt) {
        return List.of();
      }
    };
    for (Map.Entry<ApiRequest, List<io.socialink.http.Transport>> c : cases.entrySet()) {
      ApiRequest request = c.getKey();
      for (io.socialink.http.Transport transport : c.getValue()) {
        io.socialink.internal.pipeline.CallPipeline pipeline = new io.socialink.internal.pipeline.CallPipeline("fake",
            transport, echoing, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        try {
          pipeline.execute(new io.socialink.http.ApiCall("fake", "oauth.token", request,
              io.socialink.http.Idempotency.NON_IDEMPOTENT, "client-1", Optional.empty()));
          out.add("no failure");
        } catch (SocialinkException e) {
          out.add(stackTrace(e));
          out.add(e.classification().toString());
        }
      }
    }
    return out;
  }

  static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w, true));
    return w.toString();
  }

  @Test
  void noCanaryInAnyRenderingMessageOrLogLine() throws Exception {
    List<String> rendered = new ArrayList<>();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
      FakeProvider fake = new FakeProvider("fake") {
        @Override
        TokenResponse tokens() {
          return new TokenResponse(Secret.of(ACCESS), Optional.of(Secret.of(REFRESH)), Optional.of(Duration.ofHours(2)),
              Optional.empty(), Optional.of(Set.of("read")), "bearer", Optional.of("u-1"));
        }
      };
      AppCredentials creds = AppCredentials.confidential("fake", "oauth2", "client-1", Secret.of(CLIENT_SECRET),
          URI.create("https://app.example/cb")).withSecret("consumer_secret", Secret.of(CLIENT_SECRET));
      Socialink socialink = Socialink.builder().providerLoader(ProviderLoader.of()).register(fake).credentials(creds)
          .clock(clock).random(new Random(3)).build();

      AuthorizationStart start = socialink.linking().authorize("alice", "fake");
      CallbackParameters callback = CallbackParameters.fromQuery("state=" + start.state() + "&code=" + CODE);
      AuthorizationResult result = socialink.linking().complete("alice", callback);
      rendered.add(creds.toString());
      rendered.add(callback.toString());
      rendered.add(start.toString());
      rendered.add(result.toString());
      rendered.add(result.grant().toString());
      rendered.add(fake.tokens().toString());
      Pkce pkce = Pkce.s256(Pkce.newVerifier(new Random(1)));
      rendered.add(pkce.toString());
      rendered.add(new CodeExchange(Secret.of(CODE), URI.create("https://app.example/cb"), pkce).toString());
      rendered.add(new PendingAuthorization("s", "alice", "fake", "oauth2", Secret.of(REFRESH), URI.create("https://a.example"),
          List.of(), clock.instant(), clock.instant().plusSeconds(1)).toString());
      rendered.add(ApiRequest.newBuilder(HttpMethod.POST, URI.create("https://api.example/token?access_token=" + ACCESS))
          .header("Authorization", "Bearer " + ACCESS).form(Map.of("refresh_token", REFRESH)).build().toString());

      ObjectMapper plainJackson = new ObjectMapper().findAndRegisterModules();
      rendered.add(plainJackson.writeValueAsString(result.grant()));
      rendered.add(plainJackson.writeValueAsString(creds));
      rendered.add(plainJackson.writeValueAsString(fake.tokens()));

      UnlinkPlan plan = socialink.unlinking().plan("alice", result.link().id());
      rendered.add(plan.toString());
      rendered.add(plan.renderText());
      rendered.add(plan.renderJson());

      clock.advance(Duration.ofHours(3));
      fake.refreshFailure = SocialinkException.of(
          Classification.of(ErrorCategory.AUTH_REVOKED, "fake", 400, "Value passed for the token was invalid."), null, 1);
      try {
        socialink.grants().fresh("alice", result.grant().id());
      } catch (SocialinkException e) {
        rendered.add(e.getMessage());
        rendered.add(e.toString());
        rendered.add(e.classification().toString());
        rendered.add(stackTrace(e));
      }
      try {
        socialink.linking().complete("alice", callback);
      } catch (SocialinkException e) {
        rendered.add(e.getMessage());
      }
      try {
        Pkce.s256(Secret.of(REFRESH));
      } catch (IllegalArgumentException e) {
        rendered.add(e.getMessage());
      }
      PlatformRegistry.builder().discover(ProviderLoader.of(new PlatformRegistryTest.Future())).build().failures()
          .forEach(f -> rendered.add(f.toString()));
      rendered.add(socialink.grants().list("alice").toString());
      rendered.addAll(pipelineFailures());
      rendered.add(socialink.links().list("alice").toString());
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    rendered.add(logs.toString(StandardCharsets.UTF_8));
    // SLF4J output of core's tests goes to this file (see simplelogger.properties); scan it as well.
    java.nio.file.Path logFile = java.nio.file.Path.of("target", "socialink-test.log");
    assertThat(logFile).exists();
    String logged = java.nio.file.Files.readString(logFile, StandardCharsets.UTF_8);
    assertThat(logged).contains("failed to load"); // the registry's warning above really was captured
    rendered.add(logged);

    assertThat(rendered).hasSizeGreaterThan(25);
    for (String text : rendered) {
      for (String canary : CANARIES) {
        assertThat(text).as("a rendering leaked %s", canary).doesNotContain(canary);
      }
    }
  }
}
