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
 * The platform code is the Open API or OAuth code string, or the Business code in decimal. What each
 * code means, and these rules, are written down in {@code TikTokErrorCodes}.
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
        || answer.flatMap(TikTokErrorCodes::verdict).map(v -> v.category() == ErrorCategory.RATE_LIMITED)
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
    Optional<TikTokErrorCodes.Verdict> verdict = TikTokErrorCodes.verdict(a);
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
