package io.socialink.x.internal;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.JsonCodec;
import io.socialink.http.SafeText;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import io.socialink.resilience.RetryTimes;
import io.socialink.spi.ResponseInterpreter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * X's reading of its responses. Three error shapes are recognised:
 *
 * <ul>
 *   <li>OAuth errors of the token and revoke endpoints: {@code {"error", "error_description"}};</li>
 *   <li>v2 problem details: {@code {"type", "title", "detail", "status"?}}, matched by the type's last
 *       path segment so both the {@code api.x.com} and {@code api.twitter.com} prefixes work; also the
 *       same objects inside an {@code errors} array;</li>
 *   <li>v1.1 codes: {@code {"errors":[{"code", "message"}]}}.</li>
 * </ul>
 *
 * A 2xx with {@code data} is a success even when it also carries {@code errors} (partial errors); a 2xx
 * with {@code errors} and no {@code data} is a failure. Bodies over
 * {@link DefaultErrorClassifier#MAX_INTERPRETED_BODY_BYTES} are not read. Quoted text is one line of at
 * most 300 characters, cut before it is redacted. The request id is {@code x-transaction-id}, else
 * core's generic request id headers. The platform code is the v1.1 code in decimal, the OAuth
 * {@code error}, or a problem type's last segment ({@code usage-capped}); an {@code about:blank}
 * problem has none, and its status and {@code detail} decide ("duplicate content", "not permitted").
 * A 429 whose 24-hour headers are spent while the 15-minute window is not is a daily cap,
 * {@code QUOTA_EXHAUSTED}. On an OAuth 1.0a {@link Operation#REQUEST_TOKEN} call every authorization
 * verdict is the app's {@code CONFIGURATION}.
 * Rate-limit headers become observations of the call's own endpoint group: {@code x-rate-limit-*} per
 * user (per app for the OAuth endpoints), {@code x-app-limit-24hour-*} per app and
 * {@code x-user-limit-24hour-*} per user, read with {@link RetryTimes} (resets capped at a day after the
 * response). A throttling answer's retry time is the latest reset of the budgets it says are spent; the
 * pipeline takes it from these observations, since only they know when the response arrived.
 * Stateless and thread-safe.
 */
public final class XResponseInterpreter implements ResponseInterpreter {
  /** X's request id header. */
  public static final String TRANSACTION_ID = "x-transaction-id";

  private static final String TOKEN_INVALID = "Value passed for the token was invalid.";
  private static final String CODE_INVALID = "Value passed for the authorization code was invalid.";

  private static final int MAX_TEXT = 300;
  /** The longest error code or problem suffix quoted; X's are under 40 characters. */
  private static final int MAX_CODE = 100;
  /** The longest problem type read; X's are under 100 characters. */
  private static final int MAX_TYPE = 2_000;

  private final JsonCodec json;

  /**
   * Creates the interpreter.
   *
   * @param json the codec
   */
  public XResponseInterpreter(JsonCodec json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
    Optional<Map<String, Object>> body = DefaultErrorClassifier.interpretable(response)
        ? Json.tryObject(json, response.body())
        : Optional.empty();
    if (response.isSuccessful()) {
      if (body.isEmpty() || body.get().containsKey("data")) {
        return Optional.empty();
      }
      Optional<Map<String, Object>> first = firstError(body.get());
      if (first.isEmpty()) {
        return Optional.empty();
      }
      Classification base = Classification.of(ErrorCategory.UNKNOWN, XCalls.PLATFORM, response.status(),
          "X answered HTTP " + response.status() + " with errors and no data");
      return Optional.of(withRequestId(refineFromError(base, first.get(), response), response));
    }
    Classification c = generic.orElseGet(() -> Classification.of(ErrorCategory.UNKNOWN, XCalls.PLATFORM,
        response.status(), "HTTP " + response.status() + " from x"));
    if (body.isPresent()) {
      Map<String, Object> m = body.get();
      if (Json.str(m, "error").isPresent()) {
        c = oauth(c, m);
      } else if (Json.str(m, "type").isPresent()) {
        c = problem(c, m, response);
      } else {
        Optional<Map<String, Object>> first = firstError(m);
        if (first.isPresent()) {
          c = refineFromError(c, first.get(), response);
        }
      }
    }
    // A throttling answer's retry time comes from the spent budgets of rateLimits(), read against the time
    // the response arrived and capped there; classify() has no such time to check a reset against.
    return Optional.of(withRequestId(dailyCap(c, response.headers()), response));
  }

  @Override
  public Optional<Classification> classify(Operation operation, ApiResponse response,
      Optional<Classification> generic) {
    Optional<Classification> c = classify(response, generic);
    if (operation == Operation.REQUEST_TOKEN && c.isPresent() && c.get().category().isAuthorization()) {
      // Only the consumer key and secret sign a request-token call: "Could not authenticate you" (32), "Invalid or
      // expired token" (89) and the like are the app's credentials, its callback or the clock, never a user's.
      return Optional.of(c.get().withCategory(ErrorCategory.CONFIGURATION).withRemediation("X refused the app's OAuth"
          + " 1.0a request-token call: check the API Key and Secret (consumer key and secret) on the app's Keys and"
          + " tokens page, that the callback URL is registered for the app, and that the server clock is right."));
    }
    return c;
  }

  /**
   * A 429 that is a 24-hour cap rather than the 15-minute window: X's {@code x-user-limit-24hour-remaining}
   * or {@code x-app-limit-24hour-remaining} is 0 while the window's {@code x-rate-limit-remaining} is not.
   * Retrying within the window cannot help, so it is {@link ErrorCategory#QUOTA_EXHAUSTED}.
   */
  private static Classification dailyCap(Classification c, Headers h) {
    if (c.category() != ErrorCategory.RATE_LIMITED) {
      return c;
    }
    boolean daySpent = zero(h, "x-user-limit-24hour-remaining") || zero(h, "x-app-limit-24hour-remaining");
    boolean windowSpent = zero(h, "x-rate-limit-remaining");
    if (!daySpent || windowSpent) {
      return c;
    }
    String who = zero(h, "x-user-limit-24hour-remaining") ? "the user's" : "the app's";
    return new Classification(ErrorCategory.QUOTA_EXHAUSTED, c.platformId(), c.httpStatus(), c.platformCode(),
        c.requestId(), Optional.empty(), c.message(), "X's 24-hour cap (" + who + ") on this endpoint is used up;"
            + " retrying soon does not help. Post again after the reset in x-"
            + (who.startsWith("the user") ? "user" : "app") + "-limit-24hour-reset.");
  }

  private static boolean zero(Headers h, String name) {
    return h.first(name).map(String::trim).filter(v -> v.matches("0+")).isPresent();
  }

  private static Classification refineFromError(Classification c, Map<String, Object> error, ApiResponse response) {
    if (Json.num(error, "code").isPresent()) {
      return v1(c, error);
    }
    if (Json.str(error, "type").isPresent()) {
      return problem(c, error, response);
    }
    return c;
  }

  private static Optional<Map<String, Object>> firstError(Map<String, Object> m) {
    return Json.list(m, "errors").flatMap(l -> l.stream()
        .filter(Map.class::isInstance)
        .map(o -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> e = (Map<String, Object>) o;
          return e;
        })
        .findFirst());
  }

  private static Classification withRequestId(Classification c, ApiResponse response) {
    if (c.requestId().isPresent()) {
      return c;
    }
    return response.headers().first(TRANSACTION_ID).map(DefaultErrorClassifier::requestIdText).filter(s -> !s.isEmpty())
        .map(c::withRequestId).orElse(c);
  }

  /** OAuth 2.0 token and revoke endpoint errors (RFC 6749 style). */
  private static Classification oauth(Classification c, Map<String, Object> m) {
    String error = Json.str(m, "error").orElseThrow();
    String description = Json.str(m, "error_description").orElse("");
    String code = SafeText.excerpt(error, MAX_CODE);
    String message = "X OAuth error " + code + (description.isEmpty() ? "" : ": " + safe(description));
    Classification out = c.withMessage(message).withPlatformCode(code);
    if (description.equals(TOKEN_INVALID)) {
      // A spent (rotated), revoked or unknown refresh token; X says invalid_request, not invalid_grant.
      return out.withCategory(ErrorCategory.AUTH_REVOKED).withRemediation(
          "The refresh token is spent or revoked (X refresh tokens are single-use); ask the user to link the account again.");
    }
    if (description.equals(CODE_INVALID)) {
      // The code was used, is older than 30 seconds, or does not match: only a new authorization helps. No grant
      // exists yet, so nothing is revoked.
      return out.withCategory(ErrorCategory.INVALID_REQUEST).withRemediation(
          "The authorization code was already used, expired (X codes live 30 seconds) or does not match the PKCE"
              + " verifier or redirect URI; no grant exists, so start the link again and exchange the code in the"
              + " callback itself.");
    }
    switch (error) {
      case "unauthorized_client":
      case "invalid_client":
        return out.withCategory(ErrorCategory.CONFIGURATION).withRemediation(
            "X refused the client's credentials: a confidential client must send HTTP Basic with its OAuth 2.0 Client ID"
                + " and Client Secret; check both on the app's Keys and tokens page, and the app type (public or confidential).");
      case "invalid_grant":
        return out.withCategory(ErrorCategory.AUTH_REVOKED);
      case "invalid_scope":
        return out.withCategory(ErrorCategory.INVALID_REQUEST);
      default:
        return out;
    }
  }

  /** v2 problem details, matched by the type's last segment. */
  private static Classification problem(Classification c, Map<String, Object> m, ApiResponse response) {
    String type = Json.str(m, "type").orElseThrow();
    String suffix = SafeText.excerpt(problemSuffix(type.length() > MAX_TYPE ? type.substring(0, MAX_TYPE) : type),
        MAX_CODE);
    String title = Json.str(m, "title").orElse("");
    String detail = Json.str(m, "detail").orElse("");
    String message = "X problem " + suffix + (title.isEmpty() ? "" : " (" + safe(title) + ")")
        + (detail.isEmpty() ? "" : ": " + safe(detail));
    // about:blank is no code at all: the platform code stays empty and the status and detail decide.
    Classification out = suffix.equals("about:blank") ? c.withMessage(message) : c.withMessage(message)
        .withPlatformCode(suffix);
    Optional<ErrorCategory> category = problemCategory(suffix, detail, response.status());
    if (category.isEmpty()) {
      return out;
    }
    if (category.get() == ErrorCategory.QUOTA_EXHAUSTED) {
      String period = Json.str(m, "period").map(p -> " (" + safe(p) + " cap)").orElse("");
      return new Classification(ErrorCategory.QUOTA_EXHAUSTED, out.platformId(), out.httpStatus(), out.platformCode(),
          out.requestId(), Optional.empty(), out.message(),
          "X's usage or spending cap is used up" + period + "; retrying soon does not help. Wait for the cap to reset"
              + " or raise it in the developer portal.");
    }
    if (out.category() == category.get()) {
      return out;
    }
    Classification changed = out.withCategory(category.get());
    if (category.get() == ErrorCategory.CONFIGURATION && suffix.equals("client-forbidden")) {
      String reason = Json.str(m, "reason").map(r -> " (" + safe(r) + ")").orElse("");
      changed = changed.withRemediation("The X app is not allowed to use this endpoint" + reason
          + ": attach it to a project enrolled for the endpoint's access level in the developer portal.");
    }
    return changed;
  }

  /**
   * The category of a problem type's suffix; for {@code about:blank}, from the detail and status.
   *
   * @param suffix the type's last segment, or {@code about:blank}
   * @param detail the detail text
   * @param status the HTTP status
   * @return the category, or empty to keep the generic verdict
   */
  static Optional<ErrorCategory> problemCategory(String suffix, String detail, int status) {
    switch (suffix) {
      case "about:blank":
        return blankCategory(detail, status);
      case "invalid-request":
      case "disallowed-resource":
      case "rule-cap":
      case "rule-length":
      case "invalid-rules":
      case "duplicate-rules":
        return Optional.of(ErrorCategory.INVALID_REQUEST);
      case "resource-not-found":
      case "field-hydration-failure":
        return Optional.of(ErrorCategory.NOT_FOUND);
      case "not-authorized-for-resource":
      case "not-authorized-for-field":
      case "field-unauthorized":
        return Optional.of(ErrorCategory.PERMISSION_DENIED);
      case "resource-unavailable":
      case "user-suspended":
        return Optional.of(ErrorCategory.ACCOUNT_RESTRICTED);
      case "client-forbidden":
      case "unsupported-authentication":
      case "oauth1-permissions":
        return Optional.of(ErrorCategory.CONFIGURATION);
      case "usage-capped":
      case "credits-depleted":
      case "credits":
        return Optional.of(ErrorCategory.QUOTA_EXHAUSTED);
      case "rate-limit-exceeded":
        return Optional.of(ErrorCategory.RATE_LIMITED);
      case "internal-error":
      case "operational-disconnect":
      case "streaming-connection":
      case "client-disconnected":
        return Optional.of(ErrorCategory.TRANSIENT);
      default:
        return Optional.empty();
    }
  }

  private static Optional<ErrorCategory> blankCategory(String detail, int status) {
    String d = detail.toLowerCase(Locale.ROOT);
    if (d.contains("duplicate content")) {
      return Optional.of(ErrorCategory.DUPLICATE);
    }
    if (d.contains("your account is not permitted")) {
      return Optional.of(ErrorCategory.ACCOUNT_RESTRICTED);
    }
    if (d.contains("you are not permitted to perform this action") || d.contains("is not allowed to post")) {
      return Optional.of(ErrorCategory.PERMISSION_DENIED);
    }
    if (d.contains("text is too long")) {
      return Optional.of(ErrorCategory.INVALID_REQUEST);
    }
    return Optional.empty(); // "Unauthorized", "Forbidden", "Too Many Requests": the status decides
  }

  /** v1.1 error codes. */
  private static Classification v1(Classification c, Map<String, Object> error) {
    long code = Json.num(error, "code").orElseThrow();
    String message = Json.str(error, "message").map(XResponseInterpreter::safe).orElse("");
    Classification out = c.withMessage("X error " + code + (message.isEmpty() ? "" : ": " + message))
        .withPlatformCode(Long.toString(code));
    Optional<ErrorCategory> category = v1Category(code);
    return category.isEmpty() || category.get() == out.category() ? out : out.withCategory(category.get());
  }

  /**
   * The category of a v1.1 error code.
   *
   * @param code the code
   * @return the category, or empty to keep the generic verdict
   */
  static Optional<ErrorCategory> v1Category(long code) {
    if (code != (int) code) {
      return Optional.empty(); // not one of X's codes, whatever its low 32 bits say
    }
    switch ((int) code) {
      case 32:
        return Optional.of(ErrorCategory.AUTH_EXPIRED);
      case 8:
      case 17:
      case 34:
      case 50:
      case 144:
      case 385:
        return Optional.of(ErrorCategory.NOT_FOUND);
      case 130:
      case 131:
        return Optional.of(ErrorCategory.TRANSIENT);
      case 139:
      case 327:
        return Optional.of(ErrorCategory.DUPLICATE);
      case 161:
        return Optional.of(ErrorCategory.QUOTA_EXHAUSTED);
      case 179:
      case 349:
      case 433:
        return Optional.of(ErrorCategory.PERMISSION_DENIED);
      case 415:
      case 417:
      case 453:
        return Optional.of(ErrorCategory.CONFIGURATION);
      case 89:
        // "Invalid or expired token." OAuth 1.0a user tokens never expire, so for them this means revoked.
        return Optional.of(ErrorCategory.AUTH_REVOKED);
      case 88:
        return Optional.of(ErrorCategory.RATE_LIMITED);
      case 185:
        return Optional.of(ErrorCategory.QUOTA_EXHAUSTED);
      case 186:
      case 324:
        return Optional.of(ErrorCategory.INVALID_REQUEST);
      case 187:
        return Optional.of(ErrorCategory.DUPLICATE);
      case 220:
        return Optional.of(ErrorCategory.INSUFFICIENT_SCOPE);
      case 226:
        return Optional.of(ErrorCategory.PERMISSION_DENIED);
      case 63:
      case 64:
      case 326:
        return Optional.of(ErrorCategory.ACCOUNT_RESTRICTED);
      case 99:
      case 135:
      case 215:
      case 261:
      case 416:
        return Optional.of(ErrorCategory.CONFIGURATION);
      default:
        return Optional.empty();
    }
  }

  /**
   * The last segment of a problem type: {@code https://api.x.com/2/problems/usage-capped} and
   * {@code https://api.twitter.com/2/problems/usage-capped} both give {@code usage-capped}; a
   * {@code #fragment} form gives the fragment; {@code about:blank} stays whole.
   *
   * @param type the type URI
   * @return the suffix
   */
  static String problemSuffix(String type) {
    String t = type.trim();
    if (t.equalsIgnoreCase("about:blank")) {
      return "about:blank";
    }
    int hash = t.lastIndexOf('#');
    if (hash >= 0 && hash < t.length() - 1) {
      return t.substring(hash + 1).toLowerCase(Locale.ROOT);
    }
    String noSlash = t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    return noSlash.substring(noSlash.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /** X's text as one line of at most 300 characters, cut before it is redacted. */
  private static String safe(String text) {
    return SafeText.excerpt(text, MAX_TEXT);
  }

  @Override
  public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
    Headers h = response.headers();
    List<RateLimitObservation> out = new ArrayList<>();
    RateLimitScope endpointScope = endpointGroup.startsWith("oauth2.") ? RateLimitScope.PER_APP : RateLimitScope.PER_USER;
    // A throttling answer with a reset but no remaining count still says the window is spent.
    boolean throttled = response.status() == 429;
    observe(h, "x-rate-limit-", endpointGroup, endpointScope, receivedAt, throttled).ifPresent(out::add);
    // X sends the 24-hour headers on the capped endpoint's own answers (POST /2/tweets): the cap is that
    // endpoint's, so a spent one must not hold the profile, token refresh, revocation or unlink probe.
    observe(h, "x-app-limit-24hour-", endpointGroup, RateLimitScope.PER_APP, receivedAt, false).ifPresent(out::add);
    observe(h, "x-user-limit-24hour-", endpointGroup, RateLimitScope.PER_USER, receivedAt, false).ifPresent(out::add);
    return out;
  }

  /**
   * One budget's headers as an observation. Numbers and times go through {@link RetryTimes}: leading
   * zeros are read, garbage is ignored with a warning, and a reset is capped at a day after the response.
   */
  private static Optional<RateLimitObservation> observe(Headers h, String prefix, String group, RateLimitScope scope,
      Instant receivedAt, boolean spentWhenUnsaid) {
    Optional<Instant> reset = RetryTimes.atEpochSecond(prefix + "reset", h.first(prefix + "reset"), receivedAt);
    if (reset.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> rawRemaining = h.first(prefix + "remaining");
    OptionalLong remaining = rawRemaining.isEmpty() && spentWhenUnsaid
        ? OptionalLong.of(0)
        : RetryTimes.count(prefix + "remaining", rawRemaining);
    if (remaining.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong limit = RetryTimes.count(prefix + "limit", h.first(prefix + "limit"));
    return Optional.of(new RateLimitObservation(group, scope, limit, remaining.getAsLong(), reset.get()));
  }
}
