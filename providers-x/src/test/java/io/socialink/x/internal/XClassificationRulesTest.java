package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.x.XProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * X's side of the cross-platform rules: code 32 on an OAuth 1.0a request-token call, the authorization
 * code on an exchange, daily and monthly caps behind a 429, about:blank decided by its detail with no
 * platform code, the app's access level, and the v1.1 codes the table names.
 */
class XClassificationRulesTest {
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(
      PlatformRegistry.builder().register(new XProvider()).build(), Instant.parse("2026-03-01T10:00:00Z"));

  static Classification verdict(Operation op, int status, String body, Map<String, List<String>> headers) {
    return CLASSIFIER.platforms().classify("x", op, status, headers, body.getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
  }

  static Classification verdict(int status, String body) {
    return verdict(Operation.API_CALL, status, body, Map.of());
  }

  static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return m;
  }

  static final String CODE_32 = "{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}";

  @Test
  void code32OnARequestTokenCallIsTheAppsCredentials() {
    Classification c = verdict(Operation.REQUEST_TOKEN, 401, CODE_32, Map.of());
    assertThat(c.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(c.remediation()).contains("consumer key");
    assertThat(c.platformCode()).contains("32");
    assertThat(verdict(401, CODE_32).category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(verdict(Operation.REQUEST_TOKEN, 401, "{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired"
        + " token.\"}]}", Map.of()).category()).isEqualTo(ErrorCategory.CONFIGURATION);
  }

  @Test
  void anInvalidAuthorizationCodeIsNoRevocationWhateverTheOperation() {
    String body = "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization code was"
        + " invalid.\"}";
    for (Operation op : List.of(Operation.API_CALL, Operation.CODE_EXCHANGE)) {
      Classification c = verdict(op, 400, body, Map.of());
      assertThat(c.category()).as(op.name()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(c.remediation()).contains("start the link again");
    }
    String spent = "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}";
    assertThat(verdict(Operation.TOKEN_REFRESH, 400, spent, Map.of()).category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(verdict(Operation.TOKEN_REVOKE, 400, spent, Map.of()).category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
  }

  static final String TOO_MANY = "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":"
      + "\"about:blank\",\"status\":429}";

  @Test
  void a429WhoseDailyCapIsSpentWhileTheWindowIsNotIsQuotaExhausted() {
    Classification user = verdict(Operation.API_CALL, 429, TOO_MANY, headers("x-user-limit-24hour-remaining", "0",
        "x-rate-limit-remaining", "99"));
    assertThat(user.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(user.retryAt()).isEmpty();
    assertThat(user.remediation()).contains("x-user-limit-24hour-reset");
    assertThat(verdict(Operation.API_CALL, 429, TOO_MANY, headers("x-app-limit-24hour-remaining", "0")).category())
        .isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    // The 15-minute window is spent too: waiting for it is the first step, so it stays a rate limit.
    assertThat(verdict(Operation.API_CALL, 429, TOO_MANY, headers("x-user-limit-24hour-remaining", "0",
        "x-rate-limit-remaining", "0")).category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(verdict(Operation.API_CALL, 429, TOO_MANY, headers("x-user-limit-24hour-remaining", "5")).category())
        .isEqualTo(ErrorCategory.RATE_LIMITED);
  }

  @Test
  void aMonthlyCapOrSpentCreditsAreQuotaExhaustedEvenWithA429Or402() {
    assertThat(verdict(429, "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded: Monthly product cap\","
        + "\"type\":\"https://api.twitter.com/2/problems/usage-capped\",\"period\":\"Monthly\",\"scope\":\"Product\"}")
        .category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(verdict(402, "{\"title\":\"CreditsDepleted\",\"detail\":\"No credits.\",\"type\":"
        + "\"https://api.twitter.com/2/problems/credits\"}").category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(verdict(403, "{\"errors\":[{\"code\":185,\"message\":\"User is over daily status update limit.\"}]}")
        .category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      You are not allowed to create a Tweet with duplicate content. | DUPLICATE
      You are not permitted to perform this action.                  | PERMISSION_DENIED
      This user is not allowed to post a video longer than 2 minutes | PERMISSION_DENIED
      Your account is not permitted to access this feature.          | ACCOUNT_RESTRICTED
      Forbidden                                                      | PERMISSION_DENIED
      """)
  void aboutBlankIsDecidedByItsDetailAndCarriesNoPlatformCode(String detail, ErrorCategory category) {
    Classification c = verdict(403, "{\"detail\":\"" + detail + "\",\"type\":\"about:blank\",\"title\":\"Forbidden\","
        + "\"status\":403}");
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).isEmpty();
  }

  @Test
  void aProblemTypesLastSegmentIsThePlatformCode() {
    assertThat(verdict(403, "{\"title\":\"Client Forbidden\",\"detail\":\"d\",\"reason\":\"client-not-enrolled\","
        + "\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}").platformCode()).contains("client-forbidden");
  }

  @ParameterizedTest(name = "v1.1 {0} -> {1}")
  @CsvSource(textBlock = """
      453, CONFIGURATION
      415, CONFIGURATION
      417, CONFIGURATION
      8,   NOT_FOUND
      17,  NOT_FOUND
      34,  NOT_FOUND
      50,  NOT_FOUND
      144, NOT_FOUND
      385, NOT_FOUND
      130, TRANSIENT
      131, TRANSIENT
      139, DUPLICATE
      327, DUPLICATE
      161, QUOTA_EXHAUSTED
      179, PERMISSION_DENIED
      349, PERMISSION_DENIED
      433, PERMISSION_DENIED
      """)
  void theV11CodesTheTableNames(int code, ErrorCategory category) {
    Classification c = verdict(403, "{\"errors\":[{\"code\":" + code + ",\"message\":\"m\"}]}");
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains(Integer.toString(code));
  }

  @Test
  void theRequestIdIsTheTransactionIdElseAGenericRequestIdHeader() {
    assertThat(verdict(Operation.API_CALL, 503, "", headers("x-transaction-id", "T1")).requestId()).contains("T1");
    assertThat(verdict(Operation.API_CALL, 503, "", headers("x-request-id", "R1")).requestId()).contains("R1");
  }
}
