package io.socialink.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.internal.pipeline.CallPipeline;
import io.socialink.spi.ResponseInterpreter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OperationTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  static Classification of(ErrorCategory category) {
    return Classification.of(category, "pebble", 400, "refused");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(textBlock = """
      API_CALL,       AUTH_REVOKED,       AUTH_REVOKED
      API_CALL,       AUTH_EXPIRED,       AUTH_EXPIRED
      CODE_EXCHANGE,  AUTH_REVOKED,       INVALID_REQUEST
      CODE_EXCHANGE,  AUTH_EXPIRED,       INVALID_REQUEST
      CODE_EXCHANGE,  INSUFFICIENT_SCOPE, INVALID_REQUEST
      CODE_EXCHANGE,  CONFIGURATION,      CONFIGURATION
      CODE_EXCHANGE,  TRANSIENT,          TRANSIENT
      TOKEN_REFRESH,  AUTH_EXPIRED,       AUTH_REVOKED
      TOKEN_REFRESH,  AUTH_REVOKED,       AUTH_REVOKED
      TOKEN_REFRESH,  RATE_LIMITED,       RATE_LIMITED
      TOKEN_REVOKE,   AUTH_EXPIRED,       AUTH_EXPIRED
      TOKEN_REVOKE,   AUTH_REVOKED,       AUTH_REVOKED
      REQUEST_TOKEN,  AUTH_EXPIRED,       CONFIGURATION
      REQUEST_TOKEN,  AUTH_REVOKED,       CONFIGURATION
      REQUEST_TOKEN,  INVALID_REQUEST,    INVALID_REQUEST
      APP_TOKEN,      AUTH_EXPIRED,       CONFIGURATION
      APP_TOKEN,      TRANSIENT,          TRANSIENT
      """)
  void theOperationDecidesWhatAnAuthorizationVerdictMeans(Operation op, ErrorCategory in, ErrorCategory out) {
    Classification c = DefaultErrorClassifier.forOperation(op, of(in).withPlatformCode("invalid_grant"));
    assertThat(c.category()).isEqualTo(out);
    assertThat(c.platformCode()).contains("invalid_grant");
  }

  @Test
  void aTokenEndpoints401WithAPlatformCodeKeepsTheOperationRule() {
    Classification coded = Classification.of(ErrorCategory.AUTH_EXPIRED, "pebble", 401, "refused")
        .withPlatformCode("190");
    assertThat(DefaultErrorClassifier.forOperation(Operation.TOKEN_REFRESH, coded).category())
        .isEqualTo(ErrorCategory.AUTH_REVOKED);
    Classification bare = Classification.of(ErrorCategory.AUTH_EXPIRED, "pebble", 401, "refused");
    assertThat(DefaultErrorClassifier.forOperation(Operation.API_CALL, bare).category())
        .isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(DefaultErrorClassifier.forOperation(Operation.CODE_EXCHANGE, bare).category())
        .isEqualTo(ErrorCategory.CONFIGURATION);
  }

  @Test
  void aRefusedCodeExchangeSaysToStartTheLinkAgain() {
    Classification c = DefaultErrorClassifier.forOperation(Operation.CODE_EXCHANGE, of(ErrorCategory.AUTH_REVOKED));
    assertThat(c.remediation()).isEqualTo(DefaultErrorClassifier.CODE_NOT_USABLE).contains("start the link again");
    assertThat(c.retryable()).isFalse();
  }

  @Test
  void onlyTheAppsOwnCredentialsTravelOnRequestTokenAndAppTokenCalls() {
    assertThat(Operation.REQUEST_TOKEN.appCredentialsOnly()).isTrue();
    assertThat(Operation.APP_TOKEN.appCredentialsOnly()).isTrue();
    assertThat(Operation.CODE_EXCHANGE.appCredentialsOnly()).isFalse();
    assertThat(Operation.API_CALL.tokenEndpoint()).isFalse();
    assertThat(Operation.TOKEN_REFRESH.tokenEndpoint()).isTrue();
  }

  @Test
  void theGenericClassifierAppliesTheOperationToTheStatusVerdict() {
    ApiResponse unauthorized = new ApiResponse(401, Headers.empty(), new byte[0]);
    assertThat(DefaultErrorClassifier.classify("pebble", Operation.API_CALL, unauthorized, T0).orElseThrow().category())
        .isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(DefaultErrorClassifier.classify("pebble", Operation.TOKEN_REFRESH, unauthorized, T0).orElseThrow()
        .category()).as("a bare 401 from a token endpoint is the client's authentication")
        .isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(DefaultErrorClassifier.classify("pebble", Operation.TOKEN_REVOKE, unauthorized, T0).orElseThrow()
        .category()).as("never taken for an already revoked token").isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(DefaultErrorClassifier.classify("pebble", Operation.REQUEST_TOKEN, unauthorized, T0).orElseThrow()
        .category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(DefaultErrorClassifier.classify("pebble", Operation.CODE_EXCHANGE,
        new ApiResponse(200, Headers.empty(), new byte[0]), T0)).isEmpty();
  }

  @Test
  void anApiCallIsAnOrdinaryCallUnlessToldOtherwiseAndKeepsItsOperationThroughCopies() {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST, URI.create("https://pebble.example/token")).build();
    ApiCall call = new ApiCall("pebble", "oauth.token", request, Idempotency.NON_IDEMPOTENT, "client", Optional.empty());
    assertThat(call.operation()).isEqualTo(Operation.API_CALL);
    ApiCall exchange = call.withOperation(Operation.CODE_EXCHANGE);
    assertThat(exchange.operation()).isEqualTo(Operation.CODE_EXCHANGE);
    assertThat(exchange.withRequest(request).operation()).isEqualTo(Operation.CODE_EXCHANGE);
    assertThat(exchange.toString()).contains("CODE_EXCHANGE");
    assertThat(call.toString()).doesNotContain("API_CALL");
  }

  @Test
  void thePipelineGivesTheInterpreterTheOperationAndThenAppliesItsPlatformIndependentPart() {
    List<Operation> seen = new ArrayList<>();
    ResponseInterpreter interpreter = new ResponseInterpreter() {
      @Override
      public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
        throw new AssertionError("the operation-aware overload is the one called");
      }

      @Override
      public Optional<Classification> classify(Operation operation, ApiResponse response,
          Optional<Classification> generic) {
        seen.add(operation);
        return Optional.of(generic.orElseThrow().withCategory(ErrorCategory.AUTH_REVOKED));
      }
    };
    ApiResponse answer = new ApiResponse(400, Headers.empty(),
        "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8));
    Classification c = CallPipeline.verdict("pebble", Operation.CODE_EXCHANGE, interpreter, answer, T0, List.of())
        .orElseThrow();
    assertThat(seen).containsExactly(Operation.CODE_EXCHANGE);
    assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(CallPipeline.verdict("pebble", Operation.TOKEN_REFRESH, interpreter, answer, T0, List.of())
        .orElseThrow().category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
  }

  @Test
  void anInterpreterThatKnowsNoOperationsStillGetsTheCoreRules() {
    ResponseInterpreter old = (response, generic) -> generic;
    ApiResponse unauthorized = new ApiResponse(401, Headers.empty(), new byte[0]);
    assertThat(old.classify(Operation.CODE_EXCHANGE, unauthorized,
        Optional.of(of(ErrorCategory.AUTH_EXPIRED))).orElseThrow().category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(CallPipeline.classify("pebble", Operation.CODE_EXCHANGE, old, unauthorized, T0).orElseThrow()
        .category()).as("a bare 401 from a token endpoint").isEqualTo(ErrorCategory.CONFIGURATION);
    ResponseInterpreter revoking = (response, generic) -> generic.map(c -> c.withCategory(ErrorCategory.AUTH_REVOKED));
    ApiResponse refused = new ApiResponse(400, Headers.empty(), new byte[0]);
    assertThat(CallPipeline.classify("pebble", Operation.CODE_EXCHANGE, revoking, refused, T0).orElseThrow()
        .category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
  }
}
