package io.socialink.tiktok.internal;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import io.socialink.http.Redaction;
import io.socialink.http.SafeText;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitScope;
import io.socialink.spi.ResponseInterpreter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * TikTok's reading of its responses. Three answer shapes are recognised:
 *
 * <ul>
 *   <li><b>Login Kit / Open API v2</b> ({@code open.tiktokapis.com/v2/...}): {@code {"data": ..., "error":
 *       {"code", "message", "log_id"}}}. Success also carries {@code error}, with {@code code} {@code "ok"};
 *       any other code is a failure, whatever the HTTP status. The bare error object (as TikTok's error
 *       handling page prints it) is read the same way.</li>
 *   <li><b>OAuth</b> ({@code /v2/oauth/token/}, {@code /v2/oauth/revoke/}): a flat {@code {"error",
 *       "error_description", "log_id"}}. A non-empty {@code error} is a failure even with HTTP 200, which
 *       the token endpoint is known to send.</li>
 *   <li><b>TikTok API for Business</b> ({@code business-api.tiktok.com/open_api/v1.3/...}): {@code {"code",
 *       "message", "request_id", "data"}}. Code 0 (and 20001, partial success) is a success; any other
 *       code is a failure, usually sent with HTTP 200. Codes the table does not know are matched on
 *       their message ("Too many requests", "Access token has expired", "Access token is incorrect").</li>
 * </ul>
 *
 * <p>Generic codes are decided by their message when it names the cause: {@code invalid_params} /
 * {@code invalid_param} and Business 40000 / 40002 naming something that does not exist (NOT_FOUND) or a
 * duplicate (DUPLICATE); Business 40001 naming the app (CONFIGURATION) or a scope (INSUFFICIENT_SCOPE);
 * a throttle naming a daily quota (QUOTA_EXHAUSTED); 40101 naming the {@code auth_code} (a spent code,
 * not the app's secret). OAuth {@code invalid_grant} (whose description
 * TikTok words the same for codes and refresh tokens) and Business 40110 are AUTH_REVOKED here; on a
 * {@link io.socialink.error.Operation#CODE_EXCHANGE} core makes them INVALID_REQUEST (no grant exists).
 * The platform code is the Open API or OAuth code string, or the Business code in decimal.
 *
 * <p>The request id is the body's {@code log_id} or {@code request_id}, else the {@code x-tt-logid}
 * header, else core's generic request id header. A body that is empty, not JSON or of no known shape
 * leaves core's generic verdict as it is (a 2xx stays a success), so a malformed answer never makes
 * the interpreter fail.
 *
 * <p><b>Rate limits.</b> TikTok documents no rate-limit headers, so the only signal is a throttling
 * answer: HTTP 429, {@code rate_limit_exceeded}, or Business codes 40016, 40100 and 40133 (usually in a
 * 200 body). Each yields one exhausted {@link RateLimitObservation} for the call's endpoint group,
 * resetting at {@code Retry-After} when the response has one, else {@value #WINDOW_SECONDS} seconds after
 * receipt, since TikTok's window is one minute, sliding. Its scope is the scope of the provider's
 * declared policy for the group (per user for Content Posting, per app otherwise and for undeclared
 * groups), except for 40133, which TikTok counts per advertiser and so is per user.
 * {@link #classify} has no receipt time, so it leaves the retry time of a throttled 2xx empty; the
 * pipeline takes it from the observation.
 *
 * <p>Stateless apart from its fixed tables; thread-safe.
 */
public final class TikTokResponseInterpreter implements ResponseInterpreter {
  /** The platform id. */
  public static final String PLATFORM = "tiktok";
  /** TikTok's log id header, the request id when the body has none. */
  public static final String LOG_ID_HEADER = "x-tt-logid";
  /** Seconds a throttled budget is held when the response says nothing: TikTok's one-minute window. */
  public static final long WINDOW_SECONDS = 60;
  /** How long a throttled budget is held when the response says nothing. */
  public static final Duration WINDOW = Duration.ofSeconds(WINDOW_SECONDS);

  /** Business code of a throttle counted per advertiser rather than per app and endpoint. */
  static final long ADVERTISER_THROTTLE = 40133;

  private static final Pattern TOKEN = Pattern.compile("\\b(act|rft|clt)\\.[A-Za-z0-9._~+/=-]+");
  private static final int MAX_MESSAGE = 300;

  /** The shapes of TikTok's error answers. */
  enum Shape {
    /** Login Kit / Open API v2 {@code error} object. */
    OPEN_API,
    /** OAuth token and revoke endpoint errors. */
    OAUTH,
    /** TikTok API for Business envelope. */
    BUSINESS
  }

  /**
   * A failure TikTok stated in a body.
   *
   * @param shape the shape it came in
   * @param code the code as TikTok sent it (Business codes as decimal text)
   * @param number the Business code as a number; 0 for the other shapes
   * @param message TikTok's message, possibly empty
   * @param requestId the body's log or request id
   */
  record Answer(Shape shape, String code, long number, String message, Optional<String> requestId) {}

  /**
   * What an error code means.
   *
   * @param category the category
   * @param remediation what a person can do about it
   */
  record Verdict(ErrorCategory category, String remediation) {}

  private static final Verdict BUSINESS_THROTTLED = new Verdict(ErrorCategory.RATE_LIMITED,
      "TikTok API for Business throttled the app on this endpoint; wait until the retry time and spread the calls out.");
  private static final Verdict BUSINESS_TOKEN_EXPIRED = new Verdict(ErrorCategory.AUTH_EXPIRED,
      "The access token expired; refresh the grant, and if the refresh fails ask the user to authorize the app"
          + " again.");
  private static final Verdict BUSINESS_TOKEN_INCORRECT = new Verdict(ErrorCategory.AUTH_REVOKED,
      "TikTok does not accept the access token (revoked or incorrect; an expired one has its own code); ask the user"
          + " to authorize the app again.");

  private static final Map<String, Verdict> OPEN_API_CODES = openApiCodes();
  private static final Map<String, Verdict> OAUTH_CODES = oauthCodes();
  private static final Map<Long, Verdict> BUSINESS_CODES = businessCodes();

  private final JsonCodec json;
  private final Map<String, RateLimitScope> declaredScopes;

  /**
   * Creates the interpreter.
   *
   * @param json reads response bodies
   * @param policies the provider's declared policies, which give each endpoint group's scope; a group
   *     with a per-user policy is counted per user, any other per app
   */
  public TikTokResponseInterpreter(JsonCodec json, List<RateLimitPolicy> policies) {
    this.json = Objects.requireNonNull(json, "json");
    Map<String, RateLimitScope> scopes = new HashMap<>();
    for (RateLimitPolicy p : Objects.requireNonNull(policies, "policies")) {
      scopes.merge(p.endpointGroup(), p.scope(),
          (a, b) -> a == RateLimitScope.PER_USER || b == RateLimitScope.PER_USER ? RateLimitScope.PER_USER : a);
    }
    this.declaredScopes = Map.copyOf(scopes);
  }

  @Override
  public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
    Optional<Answer> answer = answer(response);
    if (response.isSuccessful()) {
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      Classification base = Classification.of(ErrorCategory.UNKNOWN, PLATFORM, response.status(),
          "TikTok answered HTTP " + response.status() + " with an error in the body");
      return Optional.of(refine(base, answer.get(), response.headers()));
    }
    Classification c = generic.orElseGet(() -> Classification.of(ErrorCategory.UNKNOWN, PLATFORM, response.status(),
        "HTTP " + response.status() + " from " + PLATFORM));
    if (answer.isPresent()) {
      return Optional.of(refine(c, answer.get(), response.headers()));
    }
    return Optional.of(logIdHeader(response.headers()).map(c::withRequestId).orElse(c));
  }

  /**
   * Observes a throttling answer; see the class description for the scope and reset.
   *
   * @return one exhausted observation for {@code endpointGroup} when the response is a throttling
   *     answer, else none
   */
  @Override
  public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Optional<Answer> answer = answer(response);
    boolean throttled = response.status() == 429
        || answer.flatMap(TikTokResponseInterpreter::verdict).map(v -> v.category() == ErrorCategory.RATE_LIMITED)
            .orElse(false);
    if (!throttled) {
      return List.of();
    }
    RateLimitScope scope = answer.filter(a -> a.shape() == Shape.BUSINESS && a.number() == ADVERTISER_THROTTLE)
        .map(a -> RateLimitScope.PER_USER)
        .orElseGet(() -> declaredScopes.getOrDefault(endpointGroup, RateLimitScope.PER_APP));
    Instant resetAt = DefaultErrorClassifier.retryAfter(response.headers(), receivedAt)
        .orElseGet(() -> receivedAt.plus(WINDOW));
    return List.of(RateLimitObservation.exhausted(endpointGroup, scope, resetAt));
  }

  /**
   * The failure a response's body states, if it states one in a known shape.
   *
   * @param response the response
   * @return the failure; empty for a success marker, an unknown shape or a body that is not a JSON object
   */
  Optional<Answer> answer(ApiResponse response) {
    if (!DefaultErrorClassifier.interpretable(response)) {
      return Optional.empty(); // empty, or too large to be an error envelope
    }
    Map<String, Object> body;
    try {
      body = json.readObject(response.body());
    } catch (MalformedPayloadException e) {
      return Optional.empty();
    }
    return answer(body);
  }

  /**
   * The failure a decoded body states.
   *
   * @param body the body's members
   * @return the failure, or empty
   */
  static Optional<Answer> answer(Map<String, Object> body) {
    Object error = body.get("error");
    if (error instanceof Map<?, ?> m) {
      return openApi(m);
    }
    Optional<String> oauthError = text(error);
    if (oauthError.isPresent()) {
      return Optional.of(new Answer(Shape.OAUTH, oauthError.get(), 0, text(body.get("error_description")).orElse(""),
          text(body.get("log_id"))));
    }
    Object code = body.get("code");
    Optional<Long> number = integral(code);
    if (number.isPresent()) {
      long n = number.get();
      if (n == 0 || n == 20001) {
        return Optional.empty();
      }
      return Optional.of(new Answer(Shape.BUSINESS, Long.toString(n), n, text(body.get("message")).orElse(""),
          text(body.get("request_id"))));
    }
    if (code instanceof String && (body.containsKey("log_id") || body.containsKey("message"))) {
      return openApi(body);
    }
    return Optional.empty();
  }

  private static Optional<Answer> openApi(Map<?, ?> error) {
    Optional<String> code = text(error.get("code"));
    if (code.isEmpty() || code.get().trim().equalsIgnoreCase("ok")) {
      return Optional.empty();
    }
    return Optional.of(new Answer(Shape.OPEN_API, code.get().trim(), 0, text(error.get("message")).orElse(""),
        text(error.get("log_id"))));
  }

  private static Classification refine(Classification c, Answer a, Headers headers) {
    Classification out = c.withPlatformCode(safe(a.code())).withMessage(describe(a));
    Optional<Verdict> verdict = verdict(a);
    if (verdict.isPresent()) {
      out = recategorize(out, verdict.get().category()).withRemediation(verdict.get().remediation());
    }
    Optional<String> id = a.requestId().map(TikTokResponseInterpreter::safe).or(() -> logIdHeader(headers));
    return id.map(out::withRequestId).orElse(out);
  }

  private static String describe(Answer a) {
    String what;
    switch (a.shape()) {
      case OAUTH:
        what = "TikTok OAuth error ";
        break;
      case BUSINESS:
        what = "TikTok API for Business code ";
        break;
      default:
        what = "TikTok error ";
    }
    return what + safe(a.code()) + (a.message().isBlank() ? "" : ": " + safe(a.message()));
  }

  /** Changes the category, dropping a retry time that a non-retryable category has no use for. */
  private static Classification recategorize(Classification c, ErrorCategory category) {
    if (c.category() == category) {
      return c;
    }
    Classification n = c.withCategory(category);
    if (!category.retryable() && n.retryAt().isPresent()) {
      n = new Classification(n.category(), n.platformId(), n.httpStatus(), n.platformCode(), n.requestId(),
          Optional.empty(), n.message(), n.remediation());
    }
    return n;
  }

  /**
   * What a failure means.
   *
   * @param a the failure
   * @return the verdict, or empty to keep the generic category (UNKNOWN for a 2xx)
   */
  static Optional<Verdict> verdict(Answer a) {
    switch (a.shape()) {
      case OPEN_API:
        return openApiVerdict(a.code().toLowerCase(Locale.ROOT), a.message().toLowerCase(Locale.ROOT));
      case OAUTH:
        return oauthVerdict(a.code().toLowerCase(Locale.ROOT), a.message().toLowerCase(Locale.ROOT));
      default:
        return businessVerdict(a.number(), a.message().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Open API v2 codes; the generic {@code invalid_params} / {@code invalid_param} is decided by its
   * message when that names the cause (a user or object that does not exist, a duplicate).
   */
  private static Optional<Verdict> openApiVerdict(String code, String message) {
    if (code.equals("invalid_params") || code.equals("invalid_param")) {
      if (message.contains("does not exist") || message.contains("not exist") || message.contains("not found")) {
        return Optional.of(new Verdict(ErrorCategory.NOT_FOUND,
            "TikTok says what the request names does not exist (or is not visible to this user); check the ids."));
      }
      if (message.contains("duplicate")) {
        return Optional.of(new Verdict(ErrorCategory.DUPLICATE,
            "TikTok already has this; change it before sending it again."));
      }
    }
    return Optional.ofNullable(OPEN_API_CODES.get(code));
  }

  private static Optional<Verdict> oauthVerdict(String code, String description) {
    if (code.equals("invalid_request")) {
      if (description.contains("redirect_uri") || description.contains("redirect uri")) {
        return Optional.of(new Verdict(ErrorCategory.CONFIGURATION,
            "The redirect URI differs from the one used to ask for the code or registered for the app; send exactly"
                + " the redirect URI registered in the TikTok developer portal, the same in the authorization and the"
                + " token request."));
      }
      if (description.contains("code verifier") || description.contains("code challenge")) {
        return Optional.of(new Verdict(ErrorCategory.INVALID_REQUEST,
            "TikTok rejected the PKCE pair: it expects the code challenge as the lowercase hex SHA-256 of the"
                + " verifier, not base64url. Start a new authorization with a matching verifier and challenge."));
      }
    }
    return Optional.ofNullable(OAUTH_CODES.get(code));
  }

  private static Optional<Verdict> businessVerdict(long code, String message) {
    Optional<Verdict> byMessage = businessMessage(code, message);
    if (byMessage.isPresent()) {
      return byMessage;
    }
    Verdict v = BUSINESS_CODES.get(code);
    if (v != null) {
      return Optional.of(v);
    }
    if (code >= 50000 && code <= 59999) {
      return Optional.of(new Verdict(ErrorCategory.TRANSIENT,
          "TikTok API for Business had a server error; try again later, and quote the request id to TikTok support"
              + " if it persists."));
    }
    if (message.contains("too many requests") || message.contains("too frequent")) {
      return Optional.of(BUSINESS_THROTTLED);
    }
    if (message.contains("access token has expired") || message.contains("access token is expired")) {
      return Optional.of(BUSINESS_TOKEN_EXPIRED);
    }
    if (message.contains("access token is incorrect") || message.contains("access token is invalid")) {
      return Optional.of(BUSINESS_TOKEN_INCORRECT);
    }
    return Optional.empty();
  }

  /**
   * Business codes whose message is more specific than the code: a permission error that is the app's
   * (CONFIGURATION) or the grant's scope (INSUFFICIENT_SCOPE) rather than the account's, a parameter
   * error that names a missing object or a duplicate, a throttle that is a daily cap.
   */
  private static Optional<Verdict> businessMessage(long code, String message) {
    if (code == 40101 && message.contains("auth_code")) {
      return Optional.of(new Verdict(ErrorCategory.AUTH_REVOKED,
          "The authorization code was already used or is not valid; ask the user to authorize the app again and"
              + " exchange each code once."));
    }
    if (code == 40001) {
      if (message.contains("scope")) {
        return Optional.of(new Verdict(ErrorCategory.INSUFFICIENT_SCOPE,
            "The authorizing user did not grant the scope this call needs; ask them to authorize the app again and"
                + " approve it."));
      }
      if (message.contains("app ") || message.contains("app's") || message.contains("application")
          || message.contains("developer")) {
        return Optional.of(new Verdict(ErrorCategory.CONFIGURATION,
            "The app lacks the permission for this API; request it for the app in the TikTok for Business developer"
                + " portal."));
      }
    }
    if (code == 40000 || code == 40002) {
      if (message.contains("does not exist") || message.contains("not exist") || message.contains("not found")) {
        return Optional.of(new Verdict(ErrorCategory.NOT_FOUND,
            "TikTok says what the request names does not exist or is not visible to this account; check the ids."));
      }
      if (message.contains("duplicate") || message.contains("already exist")) {
        return Optional.of(new Verdict(ErrorCategory.DUPLICATE,
            "TikTok already has this; change it before sending it again."));
      }
    }
    if ((code == 40016 || code == 40100 || code == ADVERTISER_THROTTLE)
        && (message.contains("daily") || message.contains("per day") || message.contains("qpd"))) {
      return Optional.of(new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
          "The daily request quota is used up; it resets at 00:00 UTC, so retrying before then does not help."));
    }
    return Optional.empty();
  }

  private static Map<String, Verdict> openApiCodes() {
    Map<String, Verdict> m = new HashMap<>();
    m.put("access_token_invalid", new Verdict(ErrorCategory.AUTH_EXPIRED,
        "TikTok did not accept the access token (expired, revoked or missing); refresh the grant, and if the refresh"
            + " fails ask the user to link their TikTok account again."));
    m.put("scope_not_authorized", new Verdict(ErrorCategory.INSUFFICIENT_SCOPE,
        "The user did not grant the permission this call needs; ask them to link their TikTok account again and"
            + " approve every requested permission."));
    m.put("scope_permission_missed", new Verdict(ErrorCategory.INSUFFICIENT_SCOPE,
        "Some requested fields need a scope the grant lacks (such as user.info.profile or user.info.stats); ask only"
            + " for fields the granted scopes cover, or ask the user to link again and approve the missing scope."));
    Verdict params = new Verdict(ErrorCategory.INVALID_REQUEST,
        "TikTok rejected a request parameter; check the fields and values against TikTok's API reference before"
            + " trying again.");
    m.put("invalid_params", params);
    m.put("invalid_param", params);
    m.put("invalid_file_upload", new Verdict(ErrorCategory.INVALID_REQUEST,
        "The file does not meet TikTok's upload requirements (format, size, duration or chunk layout); fix the file"
            + " or the chunk sizes and upload again."));
    m.put("rate_limit_exceeded", new Verdict(ErrorCategory.RATE_LIMITED,
        "Too many calls to this TikTok endpoint within a minute; wait until the retry time. TikTok raises limits on"
            + " request through its developer support page."));
    m.put("internal_error", new Verdict(ErrorCategory.TRANSIENT,
        "TikTok had an internal error; try again later, and quote the log id to TikTok support if it persists."));
    m.put("spam_risk_too_many_pending_share", new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The user has too many uploads waiting in their TikTok inbox (at most 5 pending shares in 24 hours); they"
            + " must post or discard them in the TikTok app, or wait a day, before uploading again."));
    m.put("spam_risk_too_many_posts", new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The user has reached TikTok's cap on posts made through apps; retrying soon does not help, so wait a day"
            + " before posting for this user again."));
    m.put("spam_risk_user_banned_from_posting", new Verdict(ErrorCategory.ACCOUNT_RESTRICTED,
        "TikTok has banned this user from posting; only the user can resolve it with TikTok, in the TikTok app."));
    m.put("reached_active_user_cap", new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The app has reached TikTok's daily cap on users posting through it; try again the next day, or ask TikTok"
            + " to raise the cap (passing the Content Posting audit does)."));
    m.put("unaudited_client_can_only_post_to_private_accounts", new Verdict(ErrorCategory.CONFIGURATION,
        "Until TikTok audits the app, its posts can only be private (privacy level SELF_ONLY); post privately, or"
            + " submit the app for the Content Posting audit in the TikTok developer portal."));
    m.put("url_ownership_unverified", new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok pulls media only from a domain or URL prefix the app has verified; verify it in the TikTok developer"
            + " portal, or upload the file instead of passing a URL."));
    m.put("privacy_level_option_mismatch", new Verdict(ErrorCategory.INVALID_REQUEST,
        "The privacy level is not one this creator allows; use one of the privacy_level_options the creator info"
            + " query returns."));
    m.put("invalid_publish_id", new Verdict(ErrorCategory.NOT_FOUND,
        "TikTok knows no post with this publish_id; use the publish_id the post initialization returned."));
    m.put("token_not_authorized_for_specified_publish_id", new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The post was started with another user's token; check its status with the token of the user who posted it."));
    return Map.copyOf(m);
  }

  private static Map<String, Verdict> oauthCodes() {
    Map<String, Verdict> m = new HashMap<>();
    m.put("access_denied", new Verdict(ErrorCategory.AUTH_REVOKED,
        "The user refused or withdrew the app's access on TikTok; ask them to link their TikTok account again and"
            + " approve access."));
    m.put("invalid_client", new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok rejected the app's credentials; check the client key (TikTok's client id) and the client secret on"
            + " the app's page in the TikTok developer portal."));
    m.put("invalid_grant", new Verdict(ErrorCategory.AUTH_REVOKED,
        "The authorization code or refresh token is invalid, expired, already used or revoked, or was issued for"
            + " another redirect URI or app; ask the user to link their TikTok account again."));
    m.put("invalid_request", new Verdict(ErrorCategory.INVALID_REQUEST,
        "A parameter of the OAuth request is missing or malformed; check it against TikTok's OAuth reference."));
    m.put("invalid_scope", new Verdict(ErrorCategory.CONFIGURATION,
        "Ask only for scopes the app has been approved for in the TikTok developer portal, separated by commas."));
    m.put("unauthorized_client", new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok does not allow this app to use this kind of authorization; check the app's products and status in the"
            + " TikTok developer portal."));
    Verdict unsupported = new Verdict(ErrorCategory.INVALID_REQUEST,
        "The OAuth request used a grant or response type TikTok does not support; fix the request.");
    m.put("unsupported_grant_type", unsupported);
    m.put("unsupported_response_type", unsupported);
    Verdict down = new Verdict(ErrorCategory.TRANSIENT,
        "TikTok's authorization server failed for a while; try again later, and quote the log id to TikTok support"
            + " if it persists.");
    m.put("server_error", down);
    m.put("temporarily_unavailable", down);
    return Map.copyOf(m);
  }

  private static Map<Long, Verdict> businessCodes() {
    Map<Long, Verdict> m = new HashMap<>();
    Verdict params = new Verdict(ErrorCategory.INVALID_REQUEST,
        "TikTok API for Business rejected a parameter (its message says which); fix the request before trying again.");
    m.put(40000L, params);
    m.put(40002L, params);
    m.put(40001L, new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The authorizing user has no permission for this operation. For Business Center assets, ask a Business Center"
            + " admin to do it (for example to remove the account) or to give this user the needed role."));
    m.put(40007L, new Verdict(ErrorCategory.NOT_FOUND,
        "The object does not exist or is no longer visible to this account; check the ids sent."));
    m.put(40016L, BUSINESS_THROTTLED);
    m.put(40100L, BUSINESS_THROTTLED);
    m.put(ADVERTISER_THROTTLE, new Verdict(ErrorCategory.RATE_LIMITED,
        "TikTok API for Business throttled calls for this advertiser; wait until the retry time and spread the"
            + " advertiser's calls out."));
    m.put(40101L, new Verdict(ErrorCategory.CONFIGURATION,
        "The app id and secret do not match; check both in the TikTok for Business developer portal."));
    m.put(40102L, BUSINESS_TOKEN_EXPIRED);
    m.put(40103L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The refresh token expired; ask the user to authorize the app again."));
    m.put(40104L, new Verdict(ErrorCategory.INVALID_REQUEST,
        "The request carried no access token: TikTok API for Business expects it in the Access-Token header, not in"
            + " Authorization: Bearer."));
    m.put(40105L, BUSINESS_TOKEN_INCORRECT);
    m.put(40106L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The TikTok for Business user who authorized the app is no longer valid; ask an active user to authorize the"
            + " app again."));
    m.put(40107L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The refresh token is invalid (Marketing API tokens cannot be refreshed at all); ask the user to authorize"
            + " the app again."));
    m.put(40108L, new Verdict(ErrorCategory.INVALID_REQUEST,
        "The grant_type is not one TikTok API for Business accepts; fix the token request."));
    // Only a code exchange gets 40110; there core makes this INVALID_REQUEST (no grant exists), see Operation.
    m.put(40110L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The authorization code was cancelled, already used or expired; exchange each code once and promptly, and"
            + " ask the user to authorize the app again."));
    m.put(40113L, new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok says the app is blocked or does not exist; check the app id and the app's status in the TikTok for"
            + " Business developer portal."));
    m.put(40115L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The authorization is too old to be used; ask the user to authorize the app again."));
    m.put(40118L, new Verdict(ErrorCategory.CONFIGURATION,
        "The app is not on TikTok's allowlist for this feature; apply for access in the TikTok for Business"
            + " developer portal."));
    m.put(40119L, new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The developer and the advertiser do not belong to the same company; the advertiser must authorize through"
            + " an app of its own company, or move the account in Business Center."));
    m.put(40125L, new Verdict(ErrorCategory.CONFIGURATION,
        "The app lacks the permission this API needs; request it for the app in the TikTok for Business developer"
            + " portal."));
    m.put(40300L, new Verdict(ErrorCategory.NOT_FOUND,
        "The advertiser does not exist or is no longer authorized for the app; check the advertiser id."));
    m.put(60001L, new Verdict(ErrorCategory.TRANSIENT,
        "TikTok API for Business is under maintenance; try again later."));
    // The rest of TikTok's return-code list (Marketing API docs, "Return codes").
    Verdict duplicate = new Verdict(ErrorCategory.DUPLICATE,
        "TikTok already has this (a duplicated request, or material or a name that already exists); change it"
            + " before sending it again.");
    for (long code : new long[] {40050, 40052, 40911}) {
      m.put(code, duplicate);
    }
    m.put(40502L, new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The maximum number of ads is reached; delete ads or use another ad group before creating more."));
    m.put(40132L, new Verdict(ErrorCategory.RATE_LIMITED,
        "Too many requests for one field value (such as a pixel code); wait before sending it again."));
    Verdict later = new Verdict(ErrorCategory.TRANSIENT,
        "TikTok is still processing, or could not fetch the file for now; try again after a short wait.");
    for (long code : new long[] {40201, 40901, 40902, 40903, 40913}) {
      m.put(code, later);
    }
    m.put(40202L, new Verdict(ErrorCategory.CONFLICT,
        "Another write to the same object won; read it again and decide before writing."));
    Verdict missing = new Verdict(ErrorCategory.NOT_FOUND,
        "What the request names does not exist or cannot be matched; check the ids and file paths.");
    m.put(40301L, missing);
    m.put(40905L, missing);
    Verdict invalid = new Verdict(ErrorCategory.INVALID_REQUEST,
        "TikTok API for Business rejected the request (its message says why); fix it before trying again.");
    for (long code : new long[] {40006, 40008, 40009, 40010, 40011, 40051, 40053, 40065, 40117, 40200, 40700, 40900,
        40904, 40906, 40907, 40908, 40909, 40910, 40912, 40914, 40915, 41001, 41002}) {
      m.put(code, invalid);
    }
    Verdict app = new Verdict(ErrorCategory.CONFIGURATION,
        "The app's own set-up is refused (developer profile, signature, sandbox, or the server's country); fix it in"
            + " the TikTok for Business developer portal.");
    for (long code : new long[] {40013, 40014, 40109, 40116, 40124, 41000}) {
      m.put(code, app);
    }
    Verdict notCreator = new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The account may not do this: it is not a TikTok Creator Marketplace creator, or not in a supported region.");
    m.put(40121L, notCreator);
    m.put(40122L, notCreator);
    return Map.copyOf(m);
  }

  private static Optional<String> logIdHeader(Headers headers) {
    return headers.first(LOG_ID_HEADER).map(TikTokResponseInterpreter::safe).filter(s -> !s.isEmpty());
  }

  private static Optional<String> text(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /**
   * A JSON number or digit string that is a whole number within {@code long}.
   *
   * @param value the member's value
   * @return the number, or empty
   */
  static Optional<Long> integral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? Optional.of(b.longValue()) : Optional.empty();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      try {
        return Optional.of(new BigDecimal(value.toString()).longValueExact());
      } catch (ArithmeticException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (value instanceof String s && s.matches("-?[0-9]{1,18}")) {
      return Optional.of(Long.parseLong(s));
    }
    return Optional.empty();
  }

  /** TikTok's text as one line, cut before it is redacted, then cut to {@code MAX_MESSAGE}. */
  private static String safe(String text) {
    String bounded = SafeText.oneLine(text, SafeText.roomFor(MAX_MESSAGE));
    return SafeText.oneLine(Redaction.text(TOKEN.matcher(bounded).replaceAll("$1.****")), MAX_MESSAGE);
  }
}
