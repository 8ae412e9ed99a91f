package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import io.socialink.testkit.x.XPayloads;
import io.socialink.x.XProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every documented X error payload lands in the right category. */
class XResponseInterpreterTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final PlatformRegistry REGISTRY = PlatformRegistry.builder().register(new XProvider()).build();
  final XResponseInterpreter interpreter = new XResponseInterpreter(MapJson.INSTANCE);

  Optional<Classification> classify(int status, String payload, Headers headers) {
    ApiResponse r = new ApiResponse(status, headers, XPayloads.bytes(payload));
    return interpreter.classify(r, DefaultErrorClassifier.classify("x", r, NOW));
  }

  /** The verdict of the public classify path: core's rules, this interpreter and its rate-limit signals. */
  static Optional<Classification> verdict(int status, String payload, Headers headers, Instant receivedAt) {
    return io.socialink.fuzz.Classifiers.at(REGISTRY, receivedAt).platforms().classify("x", status, headers.map(), XPayloads.bytes(payload));
  }

  Classification failure(int status, String payload) {
    return classify(status, payload, Headers.empty()).orElseThrow();
  }

  @ParameterizedTest(name = "{1} at {0} -> {2}")
  @CsvSource({
      "400, oauth/error-invalid-token.json, AUTH_REVOKED, invalid_request",
      "400, oauth/error-invalid-code.json, INVALID_REQUEST, invalid_request",
      "401, oauth/error-unauthorized-client.json, CONFIGURATION, unauthorized_client",
      "401, oauth/error-invalid-client.json, CONFIGURATION, invalid_client",
      "400, oauth/error-missing-client-id.json, INVALID_REQUEST, invalid_request",
      "401, problems/unauthorized.json, AUTH_EXPIRED, none",
      "403, problems/unsupported-authentication.json, CONFIGURATION, unsupported-authentication",
      "403, problems/duplicate-content.json, DUPLICATE, none",
      "429, problems/usage-capped.json, QUOTA_EXHAUSTED, usage-capped",
      "429, problems/too-many-requests.json, RATE_LIMITED, none",
      "403, problems/client-forbidden.json, CONFIGURATION, client-forbidden",
      "403, problems/account-not-permitted.json, ACCOUNT_RESTRICTED, none",
      "402, problems/credits-depleted.json, QUOTA_EXHAUSTED, credits-depleted",
      "403, problems/oauth1-permissions.json, CONFIGURATION, oauth1-permissions",
      "400, problems/invalid-request.json, INVALID_REQUEST, invalid-request",
      "403, problems/forbidden.json, PERMISSION_DENIED, none",
      "503, problems/service-unavailable.json, TRANSIENT, none",
      "429, v1/code-88.json, RATE_LIMITED, 88",
      "401, v1/code-89.json, AUTH_REVOKED, 89",
      "403, v1/code-89.json, AUTH_REVOKED, 89",
      "403, v1/code-185.json, QUOTA_EXHAUSTED, 185",
      "403, v1/code-187.json, DUPLICATE, 187",
      "403, v1/code-326.json, ACCOUNT_RESTRICTED, 326",
      "403, v1/code-64.json, ACCOUNT_RESTRICTED, 64",
      "403, v1/code-63.json, ACCOUNT_RESTRICTED, 63",
      "200, tweets/errors-only.json, NOT_FOUND, resource-not-found"
  })
  void documentedPayloads(int status, String payload, ErrorCategory category, String code) {
    Classification c = failure(status, payload);

    assertThat(c.category()).isEqualTo(category);
    // An about:blank problem carries no platform code ("none"); it was "about:blank" before that convention.
    if (code.equals("none")) {
      assertThat(c.platformCode()).isEmpty();
    } else {
      assertThat(c.platformCode()).contains(code);
    }
    assertThat(c.platformId()).isEqualTo("x");
    assertThat(c.httpStatus()).isEqualTo(status);
  }

  @Test
  void theTokenAnswerIsNotAnInvalidRequest() {
    Classification c = failure(400, XPayloads.ERROR_INVALID_TOKEN);

    assertThat(c.message()).contains("Value passed for the token was invalid.");
    assertThat(c.remediation()).contains("link the account again");
    assertThat(c.category().isAuthorization()).isTrue();
  }

  @Test
  void problemTypesMatchBySuffixWhateverTheHost() {
    assertThat(XResponseInterpreter.problemSuffix("https://api.x.com/2/problems/usage-capped")).isEqualTo("usage-capped");
    assertThat(XResponseInterpreter.problemSuffix("https://api.twitter.com/2/problems/usage-capped")).isEqualTo("usage-capped");
    assertThat(XResponseInterpreter.problemSuffix(
        "https://developer.x.com/en/support/x-api/error-troubleshooting#usage-capped")).isEqualTo("usage-capped");
    assertThat(XResponseInterpreter.problemSuffix("about:blank")).isEqualTo("about:blank");
    String twitterHost = XPayloads.text(XPayloads.CLIENT_FORBIDDEN).replace("api.x.com", "api.twitter.com");
    ApiResponse r = ApiResponse.of(403, Headers.empty(), twitterHost);
    assertThat(interpreter.classify(r, DefaultErrorClassifier.classify("x", r, NOW)).orElseThrow().category())
        .isEqualTo(ErrorCategory.CONFIGURATION);
  }

  @Test
  void usageCapsAreNotRetryableAndHaveNoRetryTime() {
    Headers h = Headers.of("retry-after", "60", "x-rate-limit-remaining", "0", "x-rate-limit-reset", "1772360000");

    Classification c = classify(429, XPayloads.USAGE_CAPPED, h).orElseThrow();

    assertThat(c.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(c.retryable()).isFalse();
    assertThat(c.retryAt()).isEmpty();
    assertThat(c.remediation()).contains("Monthly");
  }

  @Test
  void rateLimitedAnswersRetryAtTheHeaderReset() {
    Headers h = Headers.of("x-rate-limit-limit", "75", "x-rate-limit-remaining", "0", "x-rate-limit-reset", "1772360000");

    Classification v2 = verdict(429, XPayloads.TOO_MANY_REQUESTS, h, NOW).orElseThrow();
    Classification v1 = verdict(429, XPayloads.V1_RATE_LIMIT, h, NOW).orElseThrow();

    assertThat(v2.retryAt()).contains(Instant.ofEpochSecond(1772360000));
    assertThat(v1.retryAt()).contains(Instant.ofEpochSecond(1772360000));
    assertThat(v2.retryable()).isTrue();
  }

  @Test
  void anExhaustedDailyUserLimitPushesTheRetryLater() {
    Headers h = Headers.of("x-rate-limit-remaining", "40", "x-rate-limit-reset", "1772360000",
        "x-user-limit-24hour-limit", "17", "x-user-limit-24hour-remaining", "0", "x-user-limit-24hour-reset", "1772400000");

    assertThat(verdict(429, XPayloads.TOO_MANY_REQUESTS, h, NOW).orElseThrow().retryAt())
        .contains(Instant.ofEpochSecond(1772400000));
  }

  @Test
  void aThrottlingAnswerWithAResetButNoRemainingCountRetriesAtTheReset() {
    Headers h = Headers.of("x-rate-limit-reset", "1772360000");

    assertThat(verdict(429, XPayloads.TOO_MANY_REQUESTS, h, NOW).orElseThrow().retryAt())
        .contains(Instant.ofEpochSecond(1772360000));
  }

  @Test
  void absurdResetHeadersNeverThrowAndNeverHoldLongerThanADay() {
    for (String reset : List.of("99999999999999999", "31556889864403199", "9223372036854775807",
        "99999999999999999999999", "0000000000000001772360000")) {
      Headers h = Headers.of("x-rate-limit-limit", "75", "x-rate-limit-remaining", "0", "x-rate-limit-reset", reset);

      Classification c = verdict(429, XPayloads.TOO_MANY_REQUESTS, h, NOW).orElseThrow();

      assertThat(c.retryAt()).hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(NOW.plus(Duration.ofDays(1))));
      assertThat(interpreter.rateLimits("users.me", new ApiResponse(429, h, new byte[0]), NOW))
          .allSatisfy(o -> assertThat(o.resetAt()).isBeforeOrEqualTo(NOW.plus(Duration.ofDays(1))));
    }
    Headers padded = Headers.of("x-rate-limit-remaining", "0000", "x-rate-limit-reset", "0001772360000");
    assertThat(verdict(429, XPayloads.TOO_MANY_REQUESTS, padded, NOW).orElseThrow().retryAt())
        .contains(Instant.ofEpochSecond(1772360000));
  }

  @Test
  void codesAndTransactionIdsAreOneBoundedLine() {
    String longError = "{\"error\":\"invalid_request\\r\\nINFO forged" + "x".repeat(5_000) + "\"}";
    String longType = "{\"type\":\"https://api.x.com/2/problems/" + "y".repeat(5_000) + "\\n\",\"title\":\"t\"}";
    Headers h = Headers.of("x-transaction-id", "t1\r\nforged" + "z".repeat(5_000));

    for (String body : List.of(longError, longType)) {
      Classification c = interpreter.classify(ApiResponse.of(400, h, body),
          DefaultErrorClassifier.classify("x", ApiResponse.of(400, h, body), NOW)).orElseThrow();

      assertThat(c.message()).doesNotContain("\n", "\r").hasSizeLessThan(700);
      assertThat(c.platformCode()).hasValueSatisfying(code -> assertThat(code).hasSizeLessThanOrEqualTo(101));
      assertThat(c.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("t1").hasSizeLessThanOrEqualTo(201));
    }
  }

  @Test
  void aBodyTooLargeToBeAnErrorIsNotReadAndKeepsTheStatusVerdict() {
    StringBuilder b = new StringBuilder("{\"errors\":[");
    while (b.length() <= DefaultErrorClassifier.MAX_INTERPRETED_BODY_BYTES) {
      b.append("{\"code\":89,\"message\":\"Invalid or expired token.\"},");
    }
    String body = b.append("{}]}").toString();

    Classification c = interpreter.classify(ApiResponse.of(403, Headers.empty(), body),
        DefaultErrorClassifier.classify("x", ApiResponse.of(403, Headers.empty(), body), NOW)).orElseThrow();

    assertThat(c.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
    assertThat(c.platformCode()).isEmpty();
    assertThat(interpreter.classify(ApiResponse.of(200, Headers.empty(), body), Optional.empty())).isEmpty();
  }

  @Test
  void theTransactionIdIsTheRequestId() {
    Classification c = classify(401, XPayloads.UNAUTHORIZED, Headers.of("x-transaction-id", "5e1c0a3a8d3c1b2f")).orElseThrow();

    assertThat(c.requestId()).contains("5e1c0a3a8d3c1b2f");
  }

  @Test
  void aSuccessWithDataAndPartialErrorsIsASuccess() {
    assertThat(classify(200, XPayloads.PARTIAL_ERRORS, Headers.empty())).isEmpty();
    assertThat(classify(200, XPayloads.USERS_ME_PARTIAL, Headers.empty())).isEmpty();
    assertThat(classify(201, XPayloads.TWEET_CREATED, Headers.empty())).isEmpty();
    assertThat(classify(200, XPayloads.TOKEN, Headers.empty())).isEmpty();
    assertThat(classify(200, XPayloads.REVOKE, Headers.empty())).isEmpty();
    assertThat(interpreter.classify(new ApiResponse(204, Headers.empty(), new byte[0]), Optional.empty())).isEmpty();
  }

  @Test
  void aNonJsonErrorKeepsTheGenericVerdict() {
    ApiResponse r = ApiResponse.of(502, Headers.of("x-transaction-id", "t1"), "<html>Bad gateway</html>");

    Classification c = interpreter.classify(r, DefaultErrorClassifier.classify("x", r, NOW)).orElseThrow();

    assertThat(c.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(c.requestId()).contains("t1");
  }

  @Test
  void rateLimitHeadersBecomeObservations() {
    Headers h = Headers.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "99", "x-rate-limit-reset", "1772360000",
        "x-app-limit-24hour-limit", "10000", "x-app-limit-24hour-remaining", "9998", "x-app-limit-24hour-reset", "1772420000",
        "x-user-limit-24hour-limit", "300", "x-user-limit-24hour-remaining", "0", "x-user-limit-24hour-reset", "1772430000");

    List<RateLimitObservation> obs = interpreter.rateLimits("tweets.create", new ApiResponse(201, h, new byte[0]), NOW);

    assertThat(obs).containsExactly(
        new RateLimitObservation("tweets.create", RateLimitScope.PER_USER, OptionalLong.of(100), 99, Instant.ofEpochSecond(1772360000)),
        new RateLimitObservation("tweets.create", RateLimitScope.PER_APP, OptionalLong.of(10000), 9998,
            Instant.ofEpochSecond(1772420000)),
        new RateLimitObservation("tweets.create", RateLimitScope.PER_USER, OptionalLong.of(300), 0,
            Instant.ofEpochSecond(1772430000)));
  }

  @Test
  void dailyCapsBelongToTheCallsOwnEndpointGroupNeverToEveryCall() {
    Headers h = Headers.of("x-user-limit-24hour-remaining", "0", "x-user-limit-24hour-reset", "1772430000",
        "x-app-limit-24hour-remaining", "0", "x-app-limit-24hour-reset", "1772420000");

    assertThat(interpreter.rateLimits("media.upload", new ApiResponse(200, h, new byte[0]), NOW))
        .extracting(RateLimitObservation::endpointGroup).containsExactly("media.upload", "media.upload");
  }

  @Test
  void theOAuthEndpointsCountPerAppAndMissingOrMalformedHeadersAreSkipped() {
    Headers token = Headers.of("x-rate-limit-remaining", "3", "x-rate-limit-reset", "1772360000");
    Headers malformed = Headers.of("x-rate-limit-limit", "many", "x-rate-limit-remaining", "-1", "x-rate-limit-reset", "soon");

    assertThat(interpreter.rateLimits("oauth2.token", new ApiResponse(200, token, new byte[0]), NOW))
        .containsExactly(new RateLimitObservation("oauth2.token", RateLimitScope.PER_APP, OptionalLong.empty(), 3,
            Instant.ofEpochSecond(1772360000)));
    assertThat(interpreter.rateLimits("users.me", new ApiResponse(200, malformed, new byte[0]), NOW)).isEmpty();
    assertThat(interpreter.rateLimits("users.me", new ApiResponse(200, Headers.empty(), new byte[0]), NOW)).isEmpty();
  }
}
