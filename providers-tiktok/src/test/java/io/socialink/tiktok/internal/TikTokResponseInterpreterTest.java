package io.socialink.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import io.socialink.tiktok.TikTokEndpointGroups;
import io.socialink.tiktok.TikTokProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every documented TikTok payload (the fixtures under {@code src/test/resources/tiktok/}, described in
 * their {@code SOURCES.md}) lands in the right category with TikTok's code and request id, and
 * throttling answers become exactly one observation.
 */
class TikTokResponseInterpreterTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  /** Any group the provider declares nothing for, such as a TikTok API for Business endpoint. */
  static final String BUSINESS_GROUP = "business.video.list";

  final TikTokResponseInterpreter interpreter =
      new TikTokResponseInterpreter(TikTokJson.INSTANCE, new TikTokProvider().rateLimitPolicies());

  static byte[] fixture(String name) {
    try (InputStream in = TikTokResponseInterpreterTest.class.getResourceAsStream("/tiktok/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture tiktok/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApiResponse response(int status, String fixture, Headers headers) {
    return new ApiResponse(status, headers, fixture(fixture));
  }

  Optional<Classification> classify(ApiResponse r) {
    return interpreter.classify(r, DefaultErrorClassifier.classify("tiktok", r, NOW));
  }

  Classification failure(int status, String fixture) {
    return classify(response(status, fixture, Headers.empty())).orElseThrow();
  }

  @ParameterizedTest(name = "{1} at HTTP {0} -> {2}")
  @CsvSource(textBlock = """
      401, v2/access-token-invalid.json, AUTH_EXPIRED, access_token_invalid, 20260301100001A1B2C3D4E5F60718293A
      401, v2/scope-not-authorized.json, INSUFFICIENT_SCOPE, scope_not_authorized, 20260301100002A1B2C3D4E5F60718293B
      400, v2/scope-permission-missed.json, INSUFFICIENT_SCOPE, scope_permission_missed, 20260301100003A1B2C3D4E5F60718293C
      400, v2/invalid-params.json, INVALID_REQUEST, invalid_params, 20260301100004A1B2C3D4E5F60718293D
      400, v2/invalid-file-upload.json, INVALID_REQUEST, invalid_file_upload, 20260301100005A1B2C3D4E5F60718293E
      429, v2/rate-limit-exceeded.json, RATE_LIMITED, rate_limit_exceeded, 20260301100006A1B2C3D4E5F60718293F
      500, v2/internal-error.json, TRANSIENT, internal_error, 20260301100007A1B2C3D4E5F607182930
      401, v2/flat-error-object.json, AUTH_EXPIRED, access_token_invalid, 20260301100008A1B2C3D4E5F607182931
      400, post/invalid-param.json, INVALID_REQUEST, invalid_param, 20260301100200A1B2C3D4E5F607182900
      403, post/spam-risk-too-many-posts.json, QUOTA_EXHAUSTED, spam_risk_too_many_posts, 20260301100201A1B2C3D4E5F607182901
      403, post/spam-risk-user-banned-from-posting.json, ACCOUNT_RESTRICTED, spam_risk_user_banned_from_posting, 20260301100202A1B2C3D4E5F607182902
      403, post/reached-active-user-cap.json, QUOTA_EXHAUSTED, reached_active_user_cap, 20260301100203A1B2C3D4E5F607182903
      403, post/unaudited-client-can-only-post-to-private-accounts.json, CONFIGURATION, unaudited_client_can_only_post_to_private_accounts, 20260301100204A1B2C3D4E5F607182904
      403, post/url-ownership-unverified.json, CONFIGURATION, url_ownership_unverified, 20260301100205A1B2C3D4E5F607182905
      403, post/privacy-level-option-mismatch.json, INVALID_REQUEST, privacy_level_option_mismatch, 20260301100206A1B2C3D4E5F607182906
      400, post/invalid-publish-id.json, NOT_FOUND, invalid_publish_id, 20260301100207A1B2C3D4E5F607182907
      400, post/token-not-authorized-for-specified-publish-id.json, PERMISSION_DENIED, token_not_authorized_for_specified_publish_id, 20260301100208A1B2C3D4E5F607182908
      400, oauth/invalid-request-redirect-uri.json, CONFIGURATION, invalid_request, 202206221854370101130062072500FFA2
      400, oauth/invalid-request-malformed.json, INVALID_REQUEST, invalid_request, 20260301100300010113006207250000
      400, oauth/invalid-request-code-verifier.json, INVALID_REQUEST, invalid_request, 20260301100301010113006207250001
      400, oauth/access-denied.json, AUTH_REVOKED, access_denied, 20260301100302010113006207250002
      401, oauth/invalid-client.json, CONFIGURATION, invalid_client, 20260301100303010113006207250003
      400, oauth/invalid-grant.json, AUTH_REVOKED, invalid_grant, 20260301100304010113006207250004
      400, oauth/invalid-scope.json, CONFIGURATION, invalid_scope, 20260301100305010113006207250005
      400, oauth/unauthorized-client.json, CONFIGURATION, unauthorized_client, 20260301100306010113006207250006
      400, oauth/unsupported-grant-type.json, INVALID_REQUEST, unsupported_grant_type, 20260301100307010113006207250007
      400, oauth/unsupported-response-type.json, INVALID_REQUEST, unsupported_response_type, 20260301100308010113006207250008
      500, oauth/server-error.json, TRANSIENT, server_error, 20260301100309010113006207250009
      503, oauth/temporarily-unavailable.json, TRANSIENT, temporarily_unavailable, 20260301100310010113006207250010
      200, business/code-40000-invalid-parameters.json, INVALID_REQUEST, 40000, 20260301100500A1B2C3D4E5F607180000
      200, business/code-40001-no-permission.json, PERMISSION_DENIED, 40001, 20260301100501A1B2C3D4E5F607180001
      200, business/code-40002-parameter-error.json, INVALID_REQUEST, 40002, 20260301100502A1B2C3D4E5F607180002
      200, business/code-40007-object-does-not-exist.json, NOT_FOUND, 40007, 20260301100503A1B2C3D4E5F607180007
      200, business/code-40016-too-frequent.json, RATE_LIMITED, 40016, 20260301100504A1B2C3D4E5F607180016
      200, business/code-40100-too-many-requests.json, RATE_LIMITED, 40100, 20260301100505A1B2C3D4E5F607180100
      200, business/code-40133-advertiser-too-frequent.json, RATE_LIMITED, 40133, 20260301100506A1B2C3D4E5F607180133
      200, business/code-40101-app-secret-mismatch.json, CONFIGURATION, 40101, 20260301100507A1B2C3D4E5F607180101
      200, business/code-40102-access-token-expired.json, AUTH_EXPIRED, 40102, 20260301100508A1B2C3D4E5F607180102
      200, business/code-40103-refresh-token-expired.json, AUTH_REVOKED, 40103, 20260301100509A1B2C3D4E5F607180103
      200, business/code-40104-access-token-null.json, INVALID_REQUEST, 40104, 20260301100402A1B2C3D4E5F6071829AC
      200, business/code-40105-access-token-incorrect.json, AUTH_REVOKED, 40105, 20260301100510A1B2C3D4E5F607180105
      200, business/code-40106-core-user-invalid.json, AUTH_REVOKED, 40106, 20260301100511A1B2C3D4E5F607180106
      200, business/code-40107-refresh-token-invalid.json, AUTH_REVOKED, 40107, 20260301100512A1B2C3D4E5F607180107
      200, business/code-40108-grant-type-invalid.json, INVALID_REQUEST, 40108, 20260301100513A1B2C3D4E5F607180108
      200, business/code-40110-auth-code-invalid.json, AUTH_REVOKED, 40110, 20260301100514A1B2C3D4E5F607180110
      200, business/code-40113-app-blocked.json, CONFIGURATION, 40113, 20260301100515A1B2C3D4E5F607180113
      200, business/code-40115-auth-timestamp-expired.json, AUTH_REVOKED, 40115, 20260301100516A1B2C3D4E5F607180115
      200, business/code-40118-not-allowlisted.json, CONFIGURATION, 40118, 20260301100517A1B2C3D4E5F607180118
      200, business/code-40119-different-company.json, PERMISSION_DENIED, 40119, 20260301100518A1B2C3D4E5F607180119
      200, business/code-40125-developer-lacks-permission.json, CONFIGURATION, 40125, 20260301100519A1B2C3D4E5F607180125
      200, business/code-40300-advertiser-does-not-exist.json, NOT_FOUND, 40300, 20260301100520A1B2C3D4E5F607180300
      200, business/code-50002-server-error.json, TRANSIENT, 50002, 20260301100521A1B2C3D4E5F607180002
      200, business/code-60001-maintenance.json, TRANSIENT, 60001, 20260301100522A1B2C3D4E5F607180001
      200, business/code-41999-unknown-code.json, UNKNOWN, 41999, 20260301100523A1B2C3D4E5F607181999
      200, business/message-too-many-requests.json, RATE_LIMITED, 40999, 20260301100600A1B2C3D4E5F607182900
      200, business/message-access-token-has-expired.json, AUTH_EXPIRED, 40999, 20260301100601A1B2C3D4E5F607182901
      200, business/message-access-token-is-incorrect.json, AUTH_REVOKED, 40999, 20260301100602A1B2C3D4E5F607182902
      """)
  void documentedFailures(int status, String fixture, ErrorCategory category, String code, String requestId) {
    ApiResponse r = response(status, fixture, Headers.of("x-tt-logid", "header-log-id"));

    Classification c = classify(r).orElseThrow();

    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains(code);
    assertThat(c.requestId()).as("the body's id wins over x-tt-logid").contains(requestId);
    assertThat(c.platformId()).isEqualTo("tiktok");
    assertThat(c.httpStatus()).isEqualTo(status);
    assertThat(c.message()).contains(code);
    assertThat(c.remediation()).isNotBlank();
    List<RateLimitObservation> observations = interpreter.rateLimits(BUSINESS_GROUP, r, NOW);
    if (category == ErrorCategory.RATE_LIMITED) {
      assertThat(observations).singleElement().satisfies(o -> {
        assertThat(o.exhausted()).isTrue();
        assertThat(o.endpointGroup()).isEqualTo(BUSINESS_GROUP);
        assertThat(o.resetAt()).isEqualTo(NOW.plusSeconds(60));
      });
    } else {
      assertThat(observations).isEmpty();
    }
  }

  @ParameterizedTest(name = "{1} at HTTP {0} is a success")
  @CsvSource(textBlock = """
      200, v2/user-info-ok.json
      200, post/video-init-ok.json
      200, oauth/token-ok.json
      200, oauth/revoke-ok.json
      200, business/token-ok.json
      200, business/revoke-ok.json
      200, business/code-20001-partial-success.json
      """)
  void documentedSuccesses(int status, String fixture) {
    ApiResponse r = response(status, fixture, Headers.empty());

    assertThat(classify(r)).isEmpty();
    assertThat(interpreter.rateLimits(TikTokEndpointGroups.USER_INFO, r, NOW)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"oauth/invalid-request-redirect-uri.json", "oauth/invalid-request-malformed.json",
      "oauth/invalid-request-code-verifier.json", "oauth/access-denied.json", "oauth/invalid-client.json",
      "oauth/invalid-grant.json", "oauth/invalid-scope.json", "oauth/unauthorized-client.json",
      "oauth/unsupported-grant-type.json", "oauth/unsupported-response-type.json", "oauth/server-error.json",
      "oauth/temporarily-unavailable.json"})
  void oauthErrorsInA200AreFailuresOfTheSameCategory(String fixture) {
    Classification at200 = failure(200, fixture);
    Classification at400 = failure(400, fixture);

    assertThat(at200.category()).isEqualTo(at400.category()).isNotEqualTo(ErrorCategory.UNKNOWN);
    assertThat(at200.httpStatus()).isEqualTo(200);
    assertThat(at200.message()).startsWith("TikTok OAuth error ");
  }

  @Test
  void anOpenApiErrorInA200IsAFailureAndARateLimitIsObserved() {
    ApiResponse r = response(200, "v2/rate-limit-exceeded.json", Headers.empty());

    assertThat(classify(r)).hasValueSatisfying(c -> assertThat(c.category()).isEqualTo(ErrorCategory.RATE_LIMITED));
    assertThat(interpreter.rateLimits(TikTokEndpointGroups.VIDEO_LIST, r, NOW)).containsExactly(
        RateLimitObservation.exhausted(TikTokEndpointGroups.VIDEO_LIST, RateLimitScope.PER_APP, NOW.plusSeconds(60)));
  }

  @Test
  void remediationsSpeakToAPerson() {
    assertThat(failure(200, "business/code-40001-no-permission.json").remediation())
        .contains("ask a Business Center admin").contains("remove the account");
    assertThat(failure(400, "oauth/invalid-request-code-verifier.json").remediation()).contains("lowercase hex");
    assertThat(failure(400, "oauth/invalid-request-redirect-uri.json").remediation()).contains("redirect URI");
    assertThat(failure(401, "oauth/invalid-client.json").remediation()).contains("client key", "client secret");
    assertThat(failure(200, "business/code-40104-access-token-null.json").remediation()).contains("Access-Token header");
    assertThat(failure(401, "v2/access-token-invalid.json").remediation()).contains("refresh the grant");
    assertThat(failure(403, "post/privacy-level-option-mismatch.json").remediation()).contains("privacy_level_options");
  }

  @Test
  void businessThrottlingIsCountedPerAppExceptPerAdvertiser() {
    ApiResponse app = response(200, "business/code-40100-too-many-requests.json", Headers.empty());
    ApiResponse frequent = response(200, "business/code-40016-too-frequent.json", Headers.empty());
    ApiResponse advertiser = response(200, "business/code-40133-advertiser-too-frequent.json", Headers.empty());

    assertThat(interpreter.rateLimits(BUSINESS_GROUP, app, NOW)).containsExactly(
        RateLimitObservation.exhausted(BUSINESS_GROUP, RateLimitScope.PER_APP, NOW.plus(Duration.ofMinutes(1))));
    assertThat(interpreter.rateLimits(BUSINESS_GROUP, frequent, NOW)).containsExactly(
        RateLimitObservation.exhausted(BUSINESS_GROUP, RateLimitScope.PER_APP, NOW.plus(Duration.ofMinutes(1))));
    assertThat(interpreter.rateLimits(BUSINESS_GROUP, advertiser, NOW)).containsExactly(
        RateLimitObservation.exhausted(BUSINESS_GROUP, RateLimitScope.PER_USER, NOW.plus(Duration.ofMinutes(1))));
  }

  @Test
  void aThrottledCallHoldsItsGroupInTheScopeTikTokCountsItIn() {
    ApiResponse r = response(429, "v2/rate-limit-exceeded.json", Headers.empty());

    assertThat(interpreter.rateLimits(TikTokEndpointGroups.USER_INFO, r, NOW)).containsExactly(
        RateLimitObservation.exhausted(TikTokEndpointGroups.USER_INFO, RateLimitScope.PER_APP, NOW.plusSeconds(60)));
    assertThat(interpreter.rateLimits(TikTokEndpointGroups.POST_VIDEO_INIT, r, NOW)).containsExactly(
        RateLimitObservation.exhausted(TikTokEndpointGroups.POST_VIDEO_INIT, RateLimitScope.PER_USER,
            NOW.plusSeconds(60)));
    assertThat(interpreter.rateLimits(TikTokEndpointGroups.POST_STATUS_FETCH, r, NOW)).singleElement()
        .satisfies(o -> assertThat(o.scope()).isEqualTo(RateLimitScope.PER_USER));
    assertThat(interpreter.rateLimits(TikTokEndpointGroups.OAUTH_TOKEN, r, NOW)).singleElement()
        .satisfies(o -> assertThat(o.scope()).isEqualTo(RateLimitScope.PER_APP));
  }

  @Test
  void retryAfterSetsTheResetInSecondsOrAsADate() {
    ApiResponse seconds = response(429, "v2/rate-limit-exceeded.json", Headers.of("Retry-After", "17"));
    ApiResponse date = response(200, "business/code-40100-too-many-requests.json",
        Headers.of("Retry-After", "Sun, 01 Mar 2026 10:02:30 GMT"));

    assertThat(interpreter.rateLimits(TikTokEndpointGroups.USER_INFO, seconds, NOW)).singleElement()
        .satisfies(o -> assertThat(o.resetAt()).isEqualTo(NOW.plusSeconds(17)));
    assertThat(interpreter.rateLimits(BUSINESS_GROUP, date, NOW)).singleElement()
        .satisfies(o -> assertThat(o.resetAt()).isEqualTo(Instant.parse("2026-03-01T10:02:30Z")));
    assertThat(classify(seconds).orElseThrow().retryAt()).as("a 429 keeps core's Retry-After").contains(NOW.plusSeconds(17));
    assertThat(classify(date).orElseThrow().retryAt()).as("the pipeline takes it from the observation").isEmpty();
  }

  @Test
  void aBare429IsStillAThrottlingAnswer() {
    ApiResponse r = ApiResponse.of(429, Headers.of("x-tt-logid", "2026030110000099"), "Too Many Requests");

    Classification c = classify(r).orElseThrow();

    assertThat(c.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(c.requestId()).contains("2026030110000099");
    assertThat(c.platformCode()).isEmpty();
    assertThat(interpreter.rateLimits(TikTokEndpointGroups.VIDEO_QUERY, r, NOW)).containsExactly(
        RateLimitObservation.exhausted(TikTokEndpointGroups.VIDEO_QUERY, RateLimitScope.PER_APP, NOW.plusSeconds(60)));
  }

  @Test
  void theLogIdHeaderIsTheRequestIdWhenTheBodyHasNone() {
    ApiResponse noLogId = ApiResponse.of(401, Headers.of("X-Tt-Logid", "20260301100009ABCDEF", "x-request-id", "generic"),
        "{\"error\":{\"code\":\"access_token_invalid\",\"message\":\"\"}}");
    ApiResponse onlyGeneric = ApiResponse.of(401, Headers.of("x-request-id", "generic"),
        "{\"error\":{\"code\":\"access_token_invalid\"}}");

    assertThat(classify(noLogId).orElseThrow().requestId()).contains("20260301100009ABCDEF");
    assertThat(classify(onlyGeneric).orElseThrow().requestId()).contains("generic");
  }

  @Test
  void aNonRetryableVerdictDropsTheRetryTime() {
    ApiResponse r = response(503, "oauth/invalid-client.json", Headers.of("Retry-After", "120"));

    Classification c = classify(r).orElseThrow();

    assertThat(c.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(c.retryAt()).isEmpty();
  }

  @Test
  void anOkCodeOnAnErrorStatusKeepsTheGenericVerdict() {
    ApiResponse r = response(502, "v2/user-info-ok.json", Headers.empty());

    assertThat(classify(r)).isEqualTo(DefaultErrorClassifier.classify("tiktok", r, NOW));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", " ", "<html><body>Bad Gateway</body></html>", "{", "{\"error\":", "[]", "null", "42",
      "\"ok\"", "{}", "{\"error\":123}", "{\"error\":\"\"}", "{\"error\":{}}", "{\"error\":{\"code\":5}}",
      "{\"error\":[\"rate_limit_exceeded\"]}", "{\"code\":\"abc\"}", "{\"code\":true,\"message\":\"x\"}",
      "{\"code\":1e400,\"message\":\"x\"}", "{\"code\":4.01005e4,\"message\":\"x\"}",
      "{\"code\":99999999999999999999999,\"message\":\"x\"}", "{\"code\":null,\"request_id\":\"r\"}",
      "{\"data\":{\"user\":{}}}", "\u0000\u0001\u0002"})
  void aMalformedOrUnknownBodyFallsBackToTheGenericVerdict(String body) {
    for (int status : new int[] {200, 204, 400, 401, 403, 429, 500, 503}) {
      ApiResponse r = ApiResponse.of(status, Headers.empty(), body);
      Optional<Classification> generic = DefaultErrorClassifier.classify("tiktok", r, NOW);

      assertThat(interpreter.classify(r, generic)).as("HTTP %d", status).isEqualTo(generic);
      assertThat(interpreter.rateLimits(TikTokEndpointGroups.USER_INFO, r, NOW)).as("HTTP %d", status)
          .hasSize(status == 429 ? 1 : 0);
    }
  }

  @Test
  void deeplyNestedOrBinaryBodiesDoNotFail() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00};

    assertThat(classify(ApiResponse.of(200, Headers.empty(), deep))).isEmpty();
    assertThat(classify(new ApiResponse(200, Headers.empty(), zip))).as("a data portability download").isEmpty();
    assertThat(classify(ApiResponse.of(500, Headers.empty(), deep)).orElseThrow().category())
        .isEqualTo(ErrorCategory.TRANSIENT);
  }

  @Test
  void messagesAreOneLineShortAndHideTokens() {
    String body = "{\"error\":{\"code\":\"invalid_params\",\"message\":\"bad token act.secretAccess123\\nrft.secretRefresh456 "
        + "x".repeat(500) + "\",\"log_id\":\"1\"}}";

    Classification c = classify(ApiResponse.of(400, Headers.empty(), body)).orElseThrow();

    assertThat(c.message()).doesNotContain("secretAccess123", "secretRefresh456", "\n")
        .contains("act.****", "rft.****").hasSizeLessThan(400);
  }

  @Test
  void businessCodesAreWholeNumbersInAnyJsonForm() {
    assertThat(TikTokResponseInterpreter.integral(40100)).contains(40100L);
    assertThat(TikTokResponseInterpreter.integral(40100L)).contains(40100L);
    assertThat(TikTokResponseInterpreter.integral(40100.0)).contains(40100L);
    assertThat(TikTokResponseInterpreter.integral("40100")).contains(40100L);
    assertThat(TikTokResponseInterpreter.integral(BigInteger.valueOf(40100))).contains(40100L);
    assertThat(TikTokResponseInterpreter.integral(40100.5)).isEmpty();
    assertThat(TikTokResponseInterpreter.integral(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(TikTokResponseInterpreter.integral(BigInteger.TEN.pow(30))).isEmpty();
    assertThat(TikTokResponseInterpreter.integral("4e4")).isEmpty();
    assertThat(TikTokResponseInterpreter.integral(true)).isEmpty();
    ApiResponse asText = ApiResponse.of(200, Headers.empty(), "{\"code\":\"40100\",\"message\":\"x\",\"request_id\":\"r\"}");
    assertThat(classify(asText).orElseThrow().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
  }

  @Test
  void fixturesAreUtf8Json() {
    assertThat(new String(fixture("v2/user-info-ok.json"), StandardCharsets.UTF_8)).contains("\"code\": \"ok\"");
    assertThat(TikTokJson.INSTANCE.readObject(fixture("business/token-ok.json"))).containsEntry("code", 0);
  }
}
