package io.socialink.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.instagram.InstagramProvider;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented Graph API payload and usage header lands where the fact sheet says. */
class GraphResponseInterpreterTest {
  static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
  static final String NOW_HTTP_DATE = "Tue, 01 Sep 2026 10:00:00 GMT";
  static final PlatformRegistry REGISTRY = PlatformRegistry.builder().register(new InstagramProvider()).build();

  /** Classifies as Socialink does, at {@code NOW}, with no transport behind it. */
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(REGISTRY, NOW);
  final GraphResponseInterpreter interpreter = new GraphResponseInterpreter();

  /** The verdict of the public classify path: core's rules, this interpreter and its rate-limit signals. */
  static Optional<Classification> verdict(int status, byte[] body, Headers headers) {
    return CLASSIFIER.platforms().classify("instagram", status, headers.map(), body);
  }

  Optional<Classification> classify(int status, byte[] body, Headers headers) {
    ApiResponse r = new ApiResponse(status, headers, body);
    return interpreter.classify(r, DefaultErrorClassifier.classify("instagram", r, NOW));
  }

  Optional<Classification> classify(int status, String body, Headers headers) {
    return classify(status, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  Classification failure(int status, String fixture) {
    return classify(status, Fixtures.bytes(fixture), Headers.empty()).orElseThrow();
  }

  List<RateLimitObservation> observe(String group, int status, String body, Headers headers) {
    return interpreter.rateLimits(group, ApiResponse.of(status, headers, body), NOW);
  }

  static String graphError(String members) {
    return "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\"," + members + ",\"fbtrace_id\":\"T1\"}}";
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{1} -> {2} {3}")
    @CsvSource({
        "400, errors/graph-error-shape.json, AUTH_REVOKED, 190/460, EJplcsCHuLu",
        "400, errors/190-463-session-expired.json, AUTH_EXPIRED, 190/463, A1x463sExpd",
        "400, errors/190-session-invalidated.json, AUTH_REVOKED, 190, A1xPwdChngd",
        "400, errors/190-access-token-expired.json, AUTH_EXPIRED, 190, A1x190Expd0",
        "400, errors/190-458-app-not-installed.json, AUTH_REVOKED, 190/458, A1x458NoApp",
        "400, errors/190-459-checkpointed.json, ACCOUNT_RESTRICTED, 190/459, A1x459Chkpt",
        "400, errors/190-464-unconfirmed-user.json, ACCOUNT_RESTRICTED, 190/464, A1x464Unconf",
        "400, errors/190-467-invalid-token.json, AUTH_REVOKED, 190/467, A1x467Invld",
        "400, errors/190-492-invalid-session.json, PERMISSION_DENIED, 190/492, A1x492NoRole",
        "401, errors/102-api-session.json, AUTH_REVOKED, 102, A1x102Sessn",
        "400, errors/1-api-unknown.json, TRANSIENT, 1, A1x1Unknown",
        "400, errors/2-api-service.json, TRANSIENT, 2, A1x2Service",
        "400, errors/3-capability.json, CONFIGURATION, 3, A1x3Capabl",
        "400, errors/4-app-rate-limit.json, RATE_LIMITED, 4, A1x4AppLim",
        "400, errors/4-2207051-spam-restriction.json, ACCOUNT_RESTRICTED, 4/2207051, A1x4Spam051",
        "400, errors/17-user-rate-limit.json, RATE_LIMITED, 17, A1x17UsrLim",
        "400, errors/32-page-rate-limit.json, RATE_LIMITED, 32, A1x32PagLim",
        "400, errors/613-custom-rate-limit.json, RATE_LIMITED, 613, A1x613Custm",
        "400, errors/613-1996-inconsistent-volume.json, RATE_LIMITED, 613/1996, A1x613Incon",
        "429, errors/80002-instagram-buc.json, RATE_LIMITED, 80002, A1x80002Buc",
        "400, errors/341-application-limit.json, RATE_LIMITED, 341, A1x341AppLm",
        "403, errors/10-permission.json, CONFIGURATION, 10, A1x10Permis",
        "400, errors/200-permission.json, INSUFFICIENT_SCOPE, 200, A1x200Permi",
        "400, errors/100-invalid-parameter.json, INVALID_REQUEST, 100, A1x100Param",
        "400, errors/100-33-object-missing.json, NOT_FOUND, 100/33, A1x100Sub33",
        "400, errors/100-2207023-media-type.json, INVALID_REQUEST, 100/2207023, A1x2207023M",
        "400, errors/100-2207028-carousel-size.json, INVALID_REQUEST, 100/2207028, A1x2207028C",
        "400, errors/100-2207040-too-many-tags.json, INVALID_REQUEST, 100/2207040, A1x2207040T",
        "400, errors/100-2207035-product-tags.json, INVALID_REQUEST, 100/2207035, A1x2207035P",
        "400, errors/368-temporarily-blocked.json, ACCOUNT_RESTRICTED, 368, A1x368Block",
        "400, errors/506-duplicate-post.json, DUPLICATE, 506, A1x506Dupli",
        "400, errors/9-2207042-publish-quota.json, QUOTA_EXHAUSTED, 9/2207042, A1x9Quota42",
        "400, errors/9007-2207027-media-not-ready.json, TRANSIENT, 9007/2207027, A1x9007NotR",
        "500, errors/minus1-2207001-server-error.json, TRANSIENT, -1/2207001, A1xM1Srv001",
        "400, errors/minus2-2207003-download-timeout.json, TRANSIENT, -2/2207003, A1xM2Tim003",
        "400, errors/minus1-2207032-create-failed.json, TRANSIENT, -1/2207032, A1xM1Crt032",
        "400, errors/minus2-2207053-upload-error.json, TRANSIENT, -2/2207053, A1xM2Upl053",
        "400, errors/minus1-2207020-media-expired.json, INVALID_REQUEST, -1/2207020, A1xM1Exp020",
        "400, errors/24-2207008-builder-expired.json, TRANSIENT, 24/2207008, A1x24Bld008",
        "400, errors/25-2207050-account-restricted.json, ACCOUNT_RESTRICTED, 25/2207050, A1x25Rst050",
        "400, errors/transient-flag-unlisted-code.json, TRANSIENT, 99999, A1xTransFlg"
    })
    void documentedPayloadsAreClassifiedByTheirCodeWhateverTheStatus(
        int status, String fixture, ErrorCategory category, String code, String traceId) {
      Classification c = failure(status, fixture);
      Classification at200 = classify(200, Fixtures.bytes(fixture), Headers.empty()).orElseThrow();

      assertThat(c.category()).isEqualTo(category);
      assertThat(c.platformCode()).contains(code);
      assertThat(c.requestId()).contains(traceId);
      assertThat(c.platformId()).isEqualTo("instagram");
      assertThat(c.httpStatus()).isEqualTo(status);
      assertThat(c.message()).startsWith("Instagram Graph error " + code + " (").contains("(HTTP " + status + ")");
      assertThat(c.remediation()).as("a hint written for this code, not the category's default")
          .isNotEqualTo(Classification.of(category, "instagram", status, "").remediation());
      assertThat(at200.category()).as("the same payload at HTTP 200").isEqualTo(category);
      assertThat(at200.httpStatus()).isEqualTo(200);
      assertThat(at200.platformCode()).contains(code);
      assertThat(at200.requestId()).contains(traceId);
    }

    @Test
    void theSheetsExampleKeepsMetasTextAndAddsTheMessageForAPerson() {
      Classification c = failure(400, "errors/graph-error-shape.json");

      assertThat(c.message()).isEqualTo(
          "Instagram Graph error 190/460 (OAuthException): Message describing the error (HTTP 400)");
      assertThat(c.remediation()).contains("changed their password").endsWith("Instagram says: A title: A message");
      assertThat(c.retryable()).isFalse();
    }

    @Test
    void anExpiredTokenSaysItCannotBeRefreshedOnceExpired() {
      Classification c = failure(400, "errors/190-463-session-expired.json");

      assertThat(c.category().isAuthorization()).isTrue();
      assertThat(c.remediation()).contains("cannot be refreshed once expired").contains("link the account again");
    }

    @Test
    void theSpamRestrictionIsNotARateLimitAndIsNotRetried() {
      Classification c = failure(400, "errors/4-2207051-spam-restriction.json");

      assertThat(c.retryable()).isFalse();
      assertThat(c.remediation()).contains("do not retry")
          .endsWith("Instagram says: Action is blocked: We restrict certain activity to protect our community.");
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {10, 200, 250, 299})
    void permissionCodesNeedConsentAgain(int code) {
      Classification c = classify(400, graphError("\"code\":" + code), Headers.empty()).orElseThrow();

      assertThat(c.category()).isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {199, 300, 12345})
    void unknownCodesKeepTheStatusVerdictButCarryTheirCode(int code) {
      Classification c = classify(400, graphError("\"code\":" + code), Headers.empty()).orElseThrow();
      Classification at200 = classify(200, graphError("\"code\":" + code), Headers.empty()).orElseThrow();

      assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(c.platformCode()).contains(Integer.toString(code));
      assertThat(c.requestId()).contains("T1");
      assertThat(at200.category()).isEqualTo(ErrorCategory.UNKNOWN);
      assertThat(at200.platformCode()).contains(Integer.toString(code));
    }

    @Test
    void theTransientFlagNeverOverridesAKnownCode() {
      Classification expired = classify(400, graphError("\"code\":190,\"error_subcode\":463,\"is_transient\":true"),
          Headers.empty()).orElseThrow();
      Classification notTransient = classify(400, graphError("\"code\":99999,\"is_transient\":false"),
          Headers.empty()).orElseThrow();
      Classification server = classify(502, graphError("\"code\":99999,\"is_transient\":false"),
          Headers.empty()).orElseThrow();

      assertThat(expired.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
      assertThat(notTransient.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      // is_transient:false is never retried, whatever the status (it was TRANSIENT before that rule).
      assertThat(server.category()).as("false is never retried, even on a 5xx").isEqualTo(ErrorCategory.UNKNOWN);
      assertThat(server.retryable()).isFalse();
    }

    @Test
    void codesMayArriveAsStrings() {
      Classification c = classify(400, graphError("\"code\":\"190\",\"error_subcode\":\"463\""), Headers.empty())
          .orElseThrow();

      assertThat(c.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
      assertThat(c.platformCode()).contains("190/463");
    }

    @Test
    void the102WithExpiredInItsMessageIsAnExpiry() {
      String body = "{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"code\":102}}";

      assertThat(classify(400, body, Headers.empty()).orElseThrow().category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    }
  }

  @Nested
  class TokenEndpoint {
    @Test
    void aSpentCodeMeansLinkingAgain() {
      Classification c = failure(400, "token/code-used.json");

      // A spent code: no grant exists, so nothing is revoked; the link starts again (was AUTH_REVOKED).
      assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(c.platformCode()).contains("OAuthException");
      assertThat(c.message()).isEqualTo("Instagram token endpoint error OAuthException: Matching code was not found"
          + " or was already used (HTTP 400)");
      assertThat(c.remediation()).contains("one hour").contains("#_");
    }

    @Test
    void theMetaAppIdInsteadOfTheInstagramOneIsAConfigurationError() {
      Classification c = failure(400, "token/invalid-platform-app.json");

      assertThat(c.category()).isEqualTo(ErrorCategory.CONFIGURATION);
      assertThat(c.remediation()).contains("Instagram App ID").contains("not the Meta app's");
    }

    @Test
    void anotherTokenErrorKeepsTheStatusVerdict() {
      Classification c = classify(400, "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Other\"}",
          Headers.empty()).orElseThrow();

      assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(c.platformCode()).contains("OAuthException");
      assertThat(c.message()).contains("Other");
    }
  }

  @Nested
  class RequestIds {
    @Test
    void theBodysTraceIdWinsOverHeaders() {
      Classification c = classify(400, Fixtures.bytes("errors/4-app-rate-limit.json"),
          Headers.of("x-fb-trace-id", "HdrTrace1", "x-request-id", "generic-1")).orElseThrow();

      assertThat(c.requestId()).contains("A1x4AppLim");
    }

    @Test
    void theTraceHeaderServesWhenTheBodyHasNone() {
      Headers h = Headers.of("x-fb-trace-id", "HdrTrace1", "x-request-id", "generic-1");

      assertThat(classify(400, "{\"error\":{\"code\":100}}", h).orElseThrow().requestId()).contains("HdrTrace1");
      assertThat(classify(502, "<html>Bad gateway</html>", h).orElseThrow().requestId()).contains("HdrTrace1");
    }

    @Test
    void coresRequestIdStaysWhenMetaSentNone() {
      Classification c = classify(400, "{\"error\":{\"code\":100}}", Headers.of("x-request-id", "generic-1"))
          .orElseThrow();

      assertThat(c.requestId()).contains("generic-1");
    }
  }

  @Nested
  class Successes {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "success/code-exchange-documented.json", "success/code-exchange-flat.json", "success/long-lived-token.json",
        "success/subscribed-apps.json", "success/content-publishing-limit.json", "success/media-list.json",
        "success/container-status-error.json"})
    void documentedAnswersAreSuccesses(String fixture) {
      assertThat(classify(200, Fixtures.bytes(fixture), Headers.empty())).isEmpty();
    }

    @Test
    void emptyAndNonJsonSuccessesAreSuccesses() {
      assertThat(classify(204, new byte[0], Headers.empty())).isEmpty();
      assertThat(classify(200, "true", Headers.empty())).isEmpty();
      assertThat(classify(200, "<html>ok</html>", Headers.empty())).isEmpty();
      assertThat(classify(200, "{\"error\":\"not an object\"}", Headers.empty())).isEmpty();
    }
  }

  @Nested
  class MalformedBodies {
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "", "<html><body>Bad gateway</body></html>", "{\"error\":", "[1,2,3]", "null", "\"error\"",
        "{\"error\":\"boom\"}", "{\"error\":[1]}", "{\"error\":{\"code\":190.5}}",
        "{\"error\":{\"code\":99999999999999999999999}}", "{\"error\":{\"code\":190}} trailing"})
    void fallBackToCoresVerdict(String body) {
      Optional<Classification> c = classify(502, body, Headers.empty());

      assertThat(c).isPresent();
      assertThat(c.get().category()).isEqualTo(ErrorCategory.TRANSIENT);
      assertThat(c.get().platformCode()).isEmpty();
    }

    @Test
    void anErrorWithoutACodeKeepsTheVerdictAndSaysWhatMetaSaid() {
      Classification c = classify(400, "{\"error\":{\"message\":\"Something\",\"fbtrace_id\":\"T9\"}}", Headers.empty())
          .orElseThrow();

      assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(c.platformCode()).isEmpty();
      assertThat(c.requestId()).contains("T9");
      assertThat(c.message()).isEqualTo("Instagram Graph error: Something (HTTP 400)");
    }

    @Test
    void noGenericVerdictForAFailureStillGivesOne() {
      ApiResponse r = ApiResponse.of(400, Headers.empty(), "not json");

      assertThat(interpreter.classify(r, Optional.empty())).hasValueSatisfying(c -> {
        assertThat(c.category()).isEqualTo(ErrorCategory.UNKNOWN);
        assertThat(c.httpStatus()).isEqualTo(400);
      });
    }
  }

  @Nested
  class RetryTimes {
    @Test
    void aThrottlingAnswerRetriesAtMetasEstimateAfterTheResponseArrived() {
      Headers h = Headers.of("date", NOW_HTTP_DATE,
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      Classification c = verdict(400, Fixtures.bytes("errors/80002-instagram-buc.json"), h).orElseThrow();

      assertThat(c.retryAt()).contains(NOW.plus(Duration.ofMinutes(19)));
      assertThat(c.retryable()).isTrue();
    }

    @Test
    void withoutDateOrEstimateTheRetryTimeIsLeftToThePipeline() {
      Headers noDate = Headers.of("x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));
      Headers noEstimate = Headers.of("date", NOW_HTTP_DATE);
      Headers badDate = Headers.of("date", "yesterday",
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      for (Headers h : List.of(noDate, noEstimate, badDate)) {
        assertThat(classify(400, Fixtures.bytes("errors/4-app-rate-limit.json"), h).orElseThrow().retryAt()).isEmpty();
      }
    }

    @Test
    void aLaterRetryAfterIsKept() {
      Headers h = Headers.of("date", NOW_HTTP_DATE, "retry-after", "3600",
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      Classification c = verdict(429, Fixtures.bytes("errors/17-user-rate-limit.json"), h).orElseThrow();

      assertThat(c.retryAt()).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void onlyThrottlingAnswersGetARetryTime() {
      Headers h = Headers.of("date", NOW_HTTP_DATE,
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      assertThat(verdict(400, Fixtures.bytes("errors/190-463-session-expired.json"), h).orElseThrow().retryAt())
          .isEmpty();
    }

    @Test
    void anAbsurdDateOrEstimateNeverHoldsLongerThanADay() {
      for (String date : List.of("Fri, 31 Dec 9999 23:59:59 GMT", NOW_HTTP_DATE, "garbage\r\n")) {
        Headers h = Headers.of("date", date, "x-business-use-case-usage",
            "{\"a\":[{\"type\":\"instagram\",\"call_count\":100,\"estimated_time_to_regain_access\":99999999}]}");

        Classification c = verdict(400, Fixtures.bytes("errors/80002-instagram-buc.json"), h).orElseThrow();

        assertThat(c.retryAt()).contains(NOW.plus(Duration.ofDays(1)));
      }
    }

    @Test
    void theInterpretersOwnVerdictNeverTrustsTheServersDate() {
      Headers h = Headers.of("date", "Fri, 31 Dec 9999 23:59:59 GMT",
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      assertThat(classify(400, Fixtures.bytes("errors/80002-instagram-buc.json"), h).orElseThrow().retryAt()).isEmpty();
    }
  }

  @Nested
  class UsageHeaders {
    @Test
    void appUsageIsAPerAppBudgetForAllEndpointsResetWithinTheHour() {
      Headers h = Headers.of("x-app-usage", Fixtures.header("x-app-usage.json"));

      assertThat(observe("me", 200, "{}", h)).containsExactly(
          new RateLimitObservation("*", RateLimitScope.PER_APP, OptionalLong.of(100), 95 - 28, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void businessUseCaseUsageIsAPerUserBudgetResetAfterMetasEstimate() {
      Headers h = Headers.of("x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      List<RateLimitObservation> obs = observe("me", 200, "{}", h);

      assertThat(obs).containsExactly(
          new RateLimitObservation("*", RateLimitScope.PER_USER, OptionalLong.of(100), 0, NOW.plus(Duration.ofMinutes(19))));
      assertThat(obs.get(0).exhausted()).isTrue();
    }

    @Test
    void theHighestPercentageCountsAndTheHoldIsAt95() {
      Headers h = Headers.of("x-app-usage", Fixtures.header("x-app-usage-near-limit.json"));

      assertThat(observe("me", 200, "{}", h)).singleElement().satisfies(o -> {
        assertThat(o.remaining()).isZero();
        assertThat(o.exhausted()).isTrue();
        assertThat(o.resetAt()).isEqualTo(NOW.plus(GraphResponseInterpreter.USAGE_WINDOW));
      });
      assertThat(GraphResponseInterpreter.HOLD_AT_PERCENT).isEqualTo(95);
    }

    @Test
    void eachBusinessObjectIsOneObservationAndAZeroEstimateMeansTheDefaultReset() {
      Headers h = Headers.of("x-business-use-case-usage", Fixtures.header("x-business-use-case-usage-two-objects.json"));

      assertThat(observe("me", 200, "{}", h)).containsExactly(
          new RateLimitObservation("*", RateLimitScope.PER_USER, OptionalLong.of(100), 0, NOW.plus(Duration.ofHours(1))),
          new RateLimitObservation("*", RateLimitScope.PER_USER, OptionalLong.of(100), 95 - 12, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void aPositiveEstimateSpendsTheBudgetWhateverThePercentages() {
      Headers h = Headers.of("x-business-use-case-usage", Fixtures.header("x-business-use-case-usage-throttled-low.json"));

      assertThat(observe("me", 200, "{}", h)).containsExactly(
          RateLimitObservation.exhausted("*", RateLimitScope.PER_USER, NOW.plus(Duration.ofMinutes(7))));
    }

    @Test
    void bothHeadersGiveBothBudgetsAppFirst() {
      Headers h = Headers.of("x-app-usage", Fixtures.header("x-app-usage.json"),
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      assertThat(observe("me", 200, "{}", h)).extracting(RateLimitObservation::scope)
          .containsExactly(RateLimitScope.PER_APP, RateLimitScope.PER_USER);
    }

    @ParameterizedTest(name = "{0} -> {1} left")
    @CsvSource(delimiter = ';', value = {
        "{\"call_count\":94.2}; 0",
        "{\"call_count\":94.0}; 1",
        "{\"call_count\":0,\"total_time\":0,\"total_cputime\":0}; 95",
        "{\"call_count\":250}; 0",
        "{\"call_count\":\"30\",\"total_time\":\"lots\"}; 65",
        "{\"call_count\":-5,\"total_time\":10}; 85"})
    void percentagesAreRoundedUpAndTheOddOnesSkipped(String header, long remaining) {
      assertThat(observe("me", 200, "{}", Headers.of("x-app-usage", header)))
          .singleElement().extracting(RateLimitObservation::remaining).isEqualTo(remaining);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "", "not json", "[1,2]", "{}", "{\"call_count\":\"lots\"}", "{\"call_count\":-1}", "{\"call_count\":null}",
        "{\"call_count\":1e400}", "{\"call_count\":28", "{\"a\":\"text\"}", "{\"a\":[1,\"x\",null]}",
        "{\"a\":[{\"type\":\"instagram\",\"estimated_time_to_regain_access\":\"soon\"}]}"})
    void malformedHeadersGiveNoObservation(String value) {
      Headers h = Headers.of("x-app-usage", value, "x-business-use-case-usage", value);

      assertThatCode(() -> observe("me", 200, "{}", h)).doesNotThrowAnyException();
      assertThat(observe("me", 200, "{}", h)).isEmpty();
    }

    @Test
    void aMalformedHeaderDoesNotHideAGoodOne() {
      Headers h = Headers.of("x-app-usage", "{broken",
          "x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      assertThat(observe("me", 200, "{}", h)).extracting(RateLimitObservation::scope)
          .containsExactly(RateLimitScope.PER_USER);
    }

    @Test
    void noHeadersNoObservations() {
      assertThat(observe("me", 200, Fixtures.text("success/media-list.json"), Headers.empty())).isEmpty();
    }

    @Test
    void anEstimateBeyondADayIsCappedAtADay() {
      String value = "{\"a\":[{\"type\":\"instagram\",\"call_count\":100,\"estimated_time_to_regain_access\":99999999}]}";

      assertThat(observe("me", 200, "{}", Headers.of("x-business-use-case-usage", value))).singleElement()
          .extracting(RateLimitObservation::resetAt).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }
  }

  @Nested
  class ThrottlingAnswers {
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "errors/4-app-rate-limit.json, *, PER_APP",
        "errors/341-application-limit.json, *, PER_APP",
        "errors/17-user-rate-limit.json, *, PER_USER",
        "errors/32-page-rate-limit.json, *, PER_USER",
        "errors/80002-instagram-buc.json, *, PER_USER",
        "errors/613-custom-rate-limit.json, media.publish, PER_USER",
        "errors/613-1996-inconsistent-volume.json, media.publish, PER_USER"})
    void spendTheBudgetTheirCodeNamesForAnHourWithoutAnEstimate(String fixture, String group, RateLimitScope scope) {
      List<RateLimitObservation> obs = observe("media.publish", 400, Fixtures.text(fixture), Headers.empty());
      List<RateLimitObservation> at200 = observe("media.publish", 200, Fixtures.text(fixture), Headers.empty());

      RateLimitObservation expected = RateLimitObservation.exhausted(group, scope, NOW.plus(Duration.ofHours(1)));
      assertThat(obs).containsExactly(expected);
      assertThat(at200).containsExactly(expected);
    }

    @Test
    void metasEstimateSetsTheReset() {
      Headers h = Headers.of("x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json"));

      assertThat(observe("me", 400, Fixtures.text("errors/80002-instagram-buc.json"), h)).containsExactly(
          new RateLimitObservation("*", RateLimitScope.PER_USER, OptionalLong.of(100), 0, NOW.plus(Duration.ofMinutes(19))),
          RateLimitObservation.exhausted("*", RateLimitScope.PER_USER, NOW.plus(Duration.ofMinutes(19))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "errors/4-2207051-spam-restriction.json", "errors/190-463-session-expired.json", "errors/1-api-unknown.json",
        "errors/9-2207042-publish-quota.json", "token/code-used.json"})
    void otherErrorsSpendNothing(String fixture) {
      assertThat(observe("me", 400, Fixtures.text(fixture), Headers.empty())).isEmpty();
    }
  }

  @Nested
  class Secrets {
    static final String TOKEN = "IGAAKx7Secret9TokenValue0123456789";
    static final String SECRET = "app-secret-5f4dcc3b";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Bad request to https://graph.instagram.com/v25.0/me?fields=id&access_token=" + TOKEN,
        "Bad request to /me?access_token=" + TOKEN + "&client_secret=" + SECRET,
        "Request body: grant_type=ig_exchange_token&client_secret=" + SECRET + "&access_token=" + TOKEN,
        "Bad access_token=" + TOKEN + " and client_secret=" + SECRET,
        "Body was {\"access_token\":\"" + TOKEN + "\",\"client_secret\":\"" + SECRET + "\"}",
        "Authorization: Bearer " + TOKEN,
        "The token " + TOKEN + " is invalid",
        "Invalid OAuth 2.0 Access Token EAACEdEose0cBA" + "Zx9SecretPart123"})
    void noClassificationShowsAPlantedToken(String planted) {
      String body = "{\"error\":{\"message\":" + quote(planted) + ",\"type\":\"OAuthException\",\"code\":190,"
          + "\"error_subcode\":467,\"error_user_title\":" + quote(planted) + ",\"error_user_msg\":" + quote(planted)
          + ",\"fbtrace_id\":\"T1\"}}";

      for (int status : new int[] {200, 400, 500}) {
        Classification c = classify(status, body, Headers.empty()).orElseThrow();
        String all = c.message() + " " + c.remediation() + " " + c + " " + c.toException().getMessage();

        assertThat(all).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain("Zx9SecretPart123");
        assertThat(c.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
      }
    }

    @Test
    void aTokenEndpointMessageIsMadeSafeToo() {
      String body = "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":"
          + quote("Invalid code=" + TOKEN + "&client_secret=" + SECRET) + "}";

      Classification c = classify(400, body, Headers.empty()).orElseThrow();

      assertThat(c.message()).doesNotContain(TOKEN).doesNotContain(SECRET).contains("code=****");
    }

    @Test
    void longTextIsCutAfterMasking() {
      String text = "x".repeat(290) + " access_token=" + TOKEN;

      assertThat(GraphResponseInterpreter.safe(text)).doesNotContain("IGAAKx").hasSizeLessThanOrEqualTo(301);
      assertThat(GraphResponseInterpreter.safe("a\nb\tc")).isEqualTo("a b c");
    }

    @Test
    void hugeTextIsCutBeforeItIsMasked() {
      String text = "access_token=" + TOKEN + " " + "word ".repeat(4_000_000);
      long start = System.nanoTime();

      String safe = GraphResponseInterpreter.safe(text);

      assertThat(safe).doesNotContain("IGAAKx").hasSizeLessThanOrEqualTo(301).endsWith("…");
      // Masking all 20 M characters took seconds; cut first, it looks at about 1,300.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aBodyTooLargeToBeAnErrorEnvelopeIsClassifiedByItsStatus() {
      String message = "m".repeat(DefaultErrorClassifier.MAX_INTERPRETED_BODY_BYTES);
      byte[] body = graphError("\"code\":190,\"note\":" + quote(message)).getBytes(StandardCharsets.UTF_8);

      Classification c = classify(400, body, Headers.empty()).orElseThrow();

      assertThat(c.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(c.message()).hasSizeLessThan(100);
      assertThat(classify(200, body, Headers.empty())).isEmpty();
    }

    static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }
}
