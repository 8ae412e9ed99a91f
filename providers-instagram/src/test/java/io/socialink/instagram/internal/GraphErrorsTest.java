package io.socialink.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.instagram.InstagramProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Meta Graph rules: subcode, then message, then code, then {@code is_transient}; message-only
 * legacy answers; permanent and merely expired 190s; the content-publishing subcodes; not-found and
 * duplicate variants; whose rights are missing; the token endpoint's flat shapes; the operation.
 */
class GraphErrorsTest {
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(
      PlatformRegistry.builder().register(new InstagramProvider()).build(), Instant.parse("2026-09-01T10:00:00Z"));

  static Classification verdict(Operation op, int status, String body) {
    return CLASSIFIER.platforms().classify("instagram", op, status, Map.of(), body.getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
  }

  static Classification verdict(String body) {
    return verdict(Operation.API_CALL, 400, body);
  }

  /** A Graph error with a message and optional members (null leaves a member out). */
  static String graph(String message, Integer code, Integer subcode, Boolean transientFlag) {
    StringBuilder b = new StringBuilder("{\"error\":{\"message\":\"").append(message).append("\",\"type\":\"OAuthException\"");
    if (code != null) {
      b.append(",\"code\":").append(code);
    }
    if (subcode != null) {
      b.append(",\"error_subcode\":").append(subcode);
    }
    if (transientFlag != null) {
      b.append(",\"is_transient\":").append(transientFlag);
    }
    return b.append(",\"fbtrace_id\":\"T1\"}}").toString();
  }

  @Test
  void theSubcodeDecidesBeforeTheMessage() {
    // 463 says merely expired even though the message would say the password changed.
    assertThat(verdict(graph("The session was invalidated because the user changed the password", 190, 463, null))
        .category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    // 2207051 on code 4 is a spam restriction, not a rate limit.
    assertThat(verdict(graph("Application request limit reached", 4, 2207051, null)).category())
        .isEqualTo(ErrorCategory.ACCOUNT_RESTRICTED);
  }

  @Test
  void theMessageDecidesBeforeTheGenericCode() {
    assertThat(verdict(graph("Error validating client secret.", 1, null, null)).category())
        .isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(verdict(graph("Unsupported get request. Object with ID '123' does not exist, cannot be loaded", 100,
        null, null)).category()).isEqualTo(ErrorCategory.NOT_FOUND);
    assertThat(verdict(graph("Duplicate media in the request", 100, null, null)).category())
        .isEqualTo(ErrorCategory.DUPLICATE);
    assertThat(verdict(graph("Tried accessing nonexisting field (x) on node type (User)", 100, null, null)).category())
        .isEqualTo(ErrorCategory.INVALID_REQUEST);
  }

  @Test
  void isTransientFalseIsNeverRetriedWhateverTheCode() {
    Classification unknown = verdict(graph("An unknown error occurred", 1, null, false));
    assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(unknown.retryable()).isFalse();
    Classification cap = verdict(graph("(#4) Application request limit reached", 4, null, false));
    assertThat(cap.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(cap.retryable()).isFalse();
    // A code the table does not know, on a 5xx that would otherwise be retried.
    Classification server = verdict(Operation.API_CALL, 500, graph("Something broke", 99999, null, false));
    assertThat(server.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(server.retryable()).isFalse();
    // True still makes an unknown code worth retrying, false leaves a non-retryable verdict alone.
    assertThat(verdict(graph("Hiccup", 99999, null, true)).category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(verdict(graph("Duplicate status message", 506, null, false)).category())
        .isEqualTo(ErrorCategory.DUPLICATE);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      (#4) Application request limit reached                       | RATE_LIMITED    | 4
      (#341) Application limit reached                             | RATE_LIMITED    | 341
      (#3) Application does not have the capability to make this API call. | CONFIGURATION | 3
      (#100) The parameter image_url is required                   | INVALID_REQUEST | 100
      (#10) Application does not have permission for this action   | CONFIGURATION   | 10
      (#506) Duplicate status message                              | DUPLICATE       | 506
      """)
  void aLegacyAnswerWithoutACodeIsReadByTheNumberInItsMessage(String message, ErrorCategory category, String code) {
    Classification c = verdict(graph(message, null, null, null));
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains(code);
    assertThat(GraphErrors.effectiveCode(GraphError.of(GraphJson.object(graph("x (#4) y", null, null, null)
        .getBytes(StandardCharsets.UTF_8)).orElseThrow()).orElseThrow())).as("only a leading (#n)").isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Error validating access token: Session has expired on Friday, 11-Sep-20 06:41:31 PDT.  | AUTH_EXPIRED
      Error validating access token: User 1 has not authorized application 2.                | AUTH_REVOKED
      The session has been invalidated because the user changed the password.                | AUTH_REVOKED
      The session is invalid because the user logged out.                                   | AUTH_REVOKED
      Object with ID 'abc' does not exist                                                   | NOT_FOUND
      Duplicate status message                                                               | DUPLICATE
      """)
  void aMessageOnlyAnswerIsReadByItsDocumentedPhrases(String message, ErrorCategory category) {
    Classification c = verdict(graph(message, null, null, null));
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).isEmpty();
  }

  @ParameterizedTest(name = "190 {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Malformed access token                                                    | AUTH_REVOKED
      The access token could not be decrypted                                  | AUTH_REVOKED
      Invalid OAuth access token - Cannot parse access token                    | AUTH_REVOKED
      Error validating access token: The user changed their password            | AUTH_REVOKED
      Error validating access token: The session is invalid because the user logged out. | AUTH_REVOKED
      Error validating access token: User 1 has not authorized application 2.   | AUTH_REVOKED
      Error validating access token: Session has expired on Tuesday.           | AUTH_EXPIRED
      Access token has expired                                                  | AUTH_EXPIRED
      Something Meta has not documented                                         | AUTH_REVOKED
      """)
  void a190ThatCanNeverWorkAgainIsRevokedAndOnlyAMerelyExpiredOneIsExpired(String message, ErrorCategory category) {
    assertThat(verdict(graph(message, 190, null, null)).category()).isEqualTo(category);
  }

  @Test
  void a102WhoseMessageListsRevokedIsNotMerelyExpired() {
    assertThat(verdict(graph("API Session: the login status or access token has expired, been revoked, or is otherwise"
        + " invalid.", 102, null, null)).category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(verdict(graph("Session has expired", 102, null, null)).category())
        .isEqualTo(ErrorCategory.AUTH_EXPIRED);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(textBlock = """
      -1,   2207001, TRANSIENT
      -2,   2207003, TRANSIENT
      -2,   2207004, INVALID_REQUEST
      -2,   2207005, INVALID_REQUEST
      -2,   2207006, NOT_FOUND
      24,   2207008, TRANSIENT
      -2,   2207009, INVALID_REQUEST
      -2,   2207010, INVALID_REQUEST
      -2,   2207020, INVALID_REQUEST
      100,  2207023, INVALID_REQUEST
      352,  2207026, INVALID_REQUEST
      9007, 2207027, TRANSIENT
      100,  2207028, INVALID_REQUEST
      -1,   2207032, TRANSIENT
      100,  2207035, INVALID_REQUEST
      100,  2207040, INVALID_REQUEST
      9,    2207042, QUOTA_EXHAUSTED
      25,   2207050, ACCOUNT_RESTRICTED
      4,    2207051, ACCOUNT_RESTRICTED
      9004, 2207052, INVALID_REQUEST
      -2,   2207053, TRANSIENT
      100,  2207057, INVALID_REQUEST
      """)
  void eachContentPublishingSubcodeHasItsOwnCategory(int code, int subcode, ErrorCategory category) {
    Classification c = verdict(graph("publishing failed", code, subcode, null));
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains(code + "/" + subcode);
  }

  @Test
  void aContainerStillProcessingIsRetriedEvenThoughMetaFlagsItNotTransient() {
    // As logged in activepieces/activepieces#10389.
    Classification c = verdict("{\"error\":{\"message\":\"Media ID is not available\",\"type\":\"OAuthException\","
        + "\"code\":9007,\"error_subcode\":2207027,\"is_transient\":false,\"error_user_title\":\"Cannot publish\","
        + "\"error_user_msg\":\"The media is not ready to be published. Please wait a moment.\",\"fbtrace_id\":\"X\"}}");
    assertThat(c.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(c.retryable()).isTrue();
  }

  @Test
  void aContainerStillProcessingIsWorthRetryingAfterAWait() {
    Classification c = verdict(graph("Media ID is not available", 9007, 2207027, null));
    assertThat(c.retryable()).isTrue();
    assertThat(c.remediation()).contains("FINISHED");
    assertThat(verdict(graph("Media ID is not available", 9007, null, null)).category())
        .isEqualTo(ErrorCategory.TRANSIENT);
  }

  @Test
  void objectDoesNotExistVariantsAreNotFound() {
    assertThat(verdict(graph("Unsupported get request.", 100, 33, null)).category()).isEqualTo(ErrorCategory.NOT_FOUND);
    assertThat(verdict(graph("(#803) Some of the aliases you requested do not exist: x", 803, null, null)).category())
        .isEqualTo(ErrorCategory.NOT_FOUND);
    assertThat(verdict(graph("Unsupported post request. Object with ID '1' does not exist", 100, null, null))
        .category()).isEqualTo(ErrorCategory.NOT_FOUND);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      10  | (#10) Application does not have permission for this action                         | CONFIGURATION
      10  | (#10) To use 'Page Public Content Access', your use must be reviewed and approved    | CONFIGURATION
      200 | (#200) API access blocked.                                                          | CONFIGURATION
      200 | (#200) Requires extended permission: publish_actions                                | INSUFFICIENT_SCOPE
      200 | (#200) The user hasn't authorized the application to perform this action           | INSUFFICIENT_SCOPE
      10  | (#10) The user must be an administrator, editor, or moderator of the page           | PERMISSION_DENIED
      200 | (#200) Subject does not have permission to post photos on this page                | PERMISSION_DENIED
      """)
  void theAppsRightsAreConfigurationTheUsersGrantIsScopeAndTheAccountsRoleIsPermission(int code, String message,
      ErrorCategory category) {
    assertThat(verdict(graph(message, code, null, null)).category()).isEqualTo(category);
  }

  @Test
  void throttlingCodesIncludingTheBusinessUseCaseFamilyAreRateLimitedAndSpendTheUsersBudget() {
    for (int code : List.of(4, 17, 32, 341, 613, 80001, 80002, 80006)) {
      assertThat(verdict(graph("limit", code, null, true)).category()).as("code " + code)
          .isEqualTo(ErrorCategory.RATE_LIMITED);
    }
    GraphError buc = GraphError.of(GraphJson.object(graph("limit", 80006, null, true)
        .getBytes(StandardCharsets.UTF_8)).orElseThrow()).orElseThrow();
    assertThat(GraphErrors.throttled(buc)).contains(GraphErrors.Budget.USER);
    GraphError legacy = GraphError.of(GraphJson.object(graph("(#4) Application request limit reached", null, null,
        null).getBytes(StandardCharsets.UTF_8)).orElseThrow()).orElseThrow();
    assertThat(GraphErrors.throttled(legacy)).contains(GraphErrors.Budget.APP);
  }

  @Test
  void theFacebookLoginCodeExchangeSubcodes() {
    assertThat(verdict(Operation.CODE_EXCHANGE, 400, graph("This authorization code has expired.", 100, 36007, null))
        .category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(verdict(Operation.CODE_EXCHANGE, 400, graph("This authorization code has been used.", 100, 36009, null))
        .remediation()).contains("start the link again");
    assertThat(verdict(Operation.CODE_EXCHANGE, 400, graph("Error validating verification code. Please make sure your"
        + " redirect_uri is identical", 100, 36008, null)).category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(verdict(Operation.CODE_EXCHANGE, 400, graph("Error validating application. Invalid application ID.",
        101, null, null)).category()).isEqualTo(ErrorCategory.CONFIGURATION);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Matching code was not found or was already used                                                  | INVALID_REQUEST
      Invalid Client Secret                                                                            | CONFIGURATION
      Error validating verification code. Please make sure your redirect_uri is identical to the one  | CONFIGURATION
      Invalid platform app                                                                             | CONFIGURATION
      Insufficient developer role                                                                      | CONFIGURATION
      The access_token provided is invalid.                                                            | AUTH_REVOKED
      Unsupported request - method type: post                                                          | INVALID_REQUEST
      """)
  void theTokenEndpointsFlatShapeIsToldApartByItsMessage(String message, ErrorCategory category) {
    String flat = "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"" + message + "\"}";
    Classification c = verdict(Operation.API_CALL, 400, flat);
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.platformCode()).contains("OAuthException");
  }

  @Test
  void theLegacyInstagramApiWrappedTheFlatShapeInMeta() {
    Classification c = verdict("{\"meta\":{\"error_type\":\"OAuthAccessTokenException\",\"code\":400,"
        + "\"error_message\":\"The access_token provided is invalid.\"}}");
    assertThat(c.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(c.platformCode()).contains("OAuthAccessTokenException");
  }

  @Test
  void theOperationDecidesWhatA190MeansOnTokenCalls() {
    String expired = graph("Error validating access token: Session has expired on Tuesday.", 190, 463, null);
    assertThat(verdict(Operation.API_CALL, 400, expired).category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(verdict(Operation.TOKEN_REFRESH, 400, expired).category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(verdict(Operation.CODE_EXCHANGE, 400, expired).category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    Optional<Classification> ok = CLASSIFIER.platforms().classify("instagram", Operation.CODE_EXCHANGE, 200, Map.of(),
        "{\"access_token\":\"IGAAx\",\"user_id\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(ok).isEmpty();
  }
}
