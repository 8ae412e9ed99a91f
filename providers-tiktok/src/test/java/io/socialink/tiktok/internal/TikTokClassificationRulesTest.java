package io.socialink.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.tiktok.TikTokProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TikTok's side of the cross-platform rules: operation-aware OAuth verdicts, caps that reset daily,
 * generic codes decided by their message, the app's rights against the user's and the account's, and
 * where the request id comes from.
 */
class TikTokClassificationRulesTest {
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(
      PlatformRegistry.builder().register(new TikTokProvider()).build(), Instant.parse("2026-03-01T10:00:00Z"));

  static Classification verdict(Operation op, int status, String body, Map<String, List<String>> headers) {
    return CLASSIFIER.platforms().classify("tiktok", op, status, headers, body.getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
  }

  static Classification verdict(Operation op, int status, String body) {
    return verdict(op, status, body, Map.of());
  }

  static String oauth(String error, String description) {
    return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"log_id\":\"L1\"}";
  }

  static String openApi(String code, String message) {
    return "{\"data\":{},\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"log_id\":\"L2\"}}";
  }

  static String business(long code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"R3\",\"data\":{}}";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      API_CALL,      AUTH_REVOKED
      CODE_EXCHANGE, INVALID_REQUEST
      TOKEN_REFRESH, AUTH_REVOKED
      TOKEN_REVOKE,  AUTH_REVOKED
      """)
  void invalidGrantMeansWhatTheOperationMakesIt(Operation op, ErrorCategory category) {
    for (int status : List.of(400, 200)) {
      Classification c = verdict(op, status, oauth("invalid_grant", "Authorization code is expired."));
      assertThat(c.category()).as("HTTP " + status).isEqualTo(category);
      assertThat(c.platformCode()).contains("invalid_grant");
      assertThat(c.requestId()).contains("L1");
    }
  }

  @Test
  void aBusinessAuthorizationCodeErrorOnTheExchangeSaysToStartTheLinkAgain() {
    Classification c = verdict(Operation.CODE_EXCHANGE, 200, business(40110, "Authorization code is expired"));
    assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(c.remediation()).contains("start the link again");
    assertThat(verdict(Operation.TOKEN_REFRESH, 200, business(40107, "The refresh token is invalid")).category())
        .isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(verdict(Operation.APP_TOKEN, 200, oauth("invalid_client", "Client key or secret is incorrect."))
        .category()).isEqualTo(ErrorCategory.CONFIGURATION);
  }

  @ParameterizedTest(name = "{0} at HTTP {1} -> QUOTA_EXHAUSTED")
  @CsvSource(textBlock = """
      spam_risk_too_many_pending_share, 403
      spam_risk_too_many_pending_share, 200
      spam_risk_too_many_posts,         403
      reached_active_user_cap,          403
      """)
  void capsThatResetAfterADayAreQuotaExhaustedNotPermissionOrRateLimit(String code, int status) {
    Classification c = verdict(Operation.API_CALL, status, openApi(code, "The daily upload cap is reached."));
    assertThat(c.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(c.retryable()).isFalse();
  }

  @Test
  void aBusinessThrottleThatNamesADailyQuotaIsExhaustedNotRateLimited() {
    assertThat(verdict(Operation.API_CALL, 200, business(40100, "Too many requests. Please retry in some time."))
        .category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(verdict(Operation.API_CALL, 200, business(40100, "The daily request quota (QPD) has been reached."))
        .category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
  }

  @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      invalid_params | The user does not exist.                 | NOT_FOUND
      invalid_param  | The video was not found.                  | NOT_FOUND
      invalid_params | Duplicate request: this post was sent.   | DUPLICATE
      invalid_params | Invalid count or cursor                  | INVALID_REQUEST
      """)
  void aGenericOpenApiCodeIsDecidedByAMessageThatNamesTheCause(String code, String message, ErrorCategory category) {
    Classification c = verdict(Operation.API_CALL, 400, openApi(code, message));
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains(code);
  }

  @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      40001 | No permission to operate advertiser 7000000000000000000.                 | PERMISSION_DENIED
      40001 | The app does not have permission to access this API.                     | CONFIGURATION
      40001 | The user did not authorize the scope user.info.basic.                    | INSUFFICIENT_SCOPE
      40002 | Advertiser 7000000000000000001 does not exist.                          | NOT_FOUND
      40002 | The campaign name already exists.                                        | DUPLICATE
      40002 | Parameter budget is invalid.                                             | INVALID_REQUEST
      """)
  void aGenericBusinessCodeIsDecidedByItsMessage(long code, String message, ErrorCategory category) {
    Classification c = verdict(Operation.API_CALL, 200, business(code, message));
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains(Long.toString(code));
    assertThat(c.requestId()).contains("R3");
  }

  @Test
  void theAppsAuditIsConfigurationTheUsersGrantIsScopeAndAnotherUsersPostIsPermission() {
    assertThat(verdict(Operation.API_CALL, 403, openApi("unaudited_client_can_only_post_to_private_accounts", "m"))
        .category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(verdict(Operation.API_CALL, 401, openApi("scope_not_authorized", "m")).category())
        .isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    assertThat(verdict(Operation.API_CALL, 400, openApi("token_not_authorized_for_specified_publish_id", "m"))
        .category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
  }

  @Test
  void theRequestIdComesFromTheBodyElseTheLogIdHeader() {
    assertThat(verdict(Operation.API_CALL, 500, "", Map.of("x-tt-logid", List.of("HDR1"))).requestId())
        .contains("HDR1");
    assertThat(verdict(Operation.API_CALL, 400, openApi("invalid_params", "m"), Map.of("x-tt-logid", List.of("HDR1")))
        .requestId()).contains("L2");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      40050, DUPLICATE
      40052, DUPLICATE
      40911, DUPLICATE
      40502, QUOTA_EXHAUSTED
      40132, RATE_LIMITED
      40201, TRANSIENT
      40901, TRANSIENT
      40902, TRANSIENT
      40202, CONFLICT
      40301, NOT_FOUND
      40905, NOT_FOUND
      40006, INVALID_REQUEST
      40009, INVALID_REQUEST
      40065, INVALID_REQUEST
      40915, INVALID_REQUEST
      40013, CONFIGURATION
      40124, CONFIGURATION
      41000, CONFIGURATION
      40121, PERMISSION_DENIED
      40122, PERMISSION_DENIED
      """)
  void theRestOfTheBusinessReturnCodeList(long code, ErrorCategory category) {
    assertThat(verdict(Operation.API_CALL, 200, business(code, "m")).category()).isEqualTo(category);
  }

  @Test
  void a40101AboutTheAuthCodeIsASpentCodeNotTheAppsSecret() {
    String spent = business(40101, "Invalid auth_code. Not able to get long-term access_token with an old auth_code.");
    assertThat(verdict(Operation.CODE_EXCHANGE, 200, spent).category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(verdict(Operation.CODE_EXCHANGE, 200, business(40101, "app_id and secret do not match")).category())
        .isEqualTo(ErrorCategory.CONFIGURATION);
  }
}
