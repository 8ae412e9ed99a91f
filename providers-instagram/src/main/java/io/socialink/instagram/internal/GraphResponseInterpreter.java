package io.socialink.instagram.internal;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.Redaction;
import io.socialink.http.SafeText;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import io.socialink.resilience.RetryTimes;
import io.socialink.spi.ResponseInterpreter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Meta's Graph API reading of Instagram responses.
 *
 * <p><b>Errors.</b> Meta answers errors with HTTP 400 (or even 200) whatever they mean, so the payload
 * decides: the Graph envelope {@code {"error":{"code", "error_subcode", ...}}} (or, in older answers,
 * only a message with a {@code (#n)} prefix) and the flat {@code {"error_type", "code", "error_message"}}
 * of the token endpoint are classified by {@link GraphErrors} (subcode, then message, then code, then
 * {@code is_transient}); an unknown code keeps core's HTTP verdict, made {@code TRANSIENT} when Meta
 * marks it {@code is_transient: true}, and never retried when Meta marks it {@code is_transient: false}.
 * The platform code is {@code code/subcode} (e.g. {@code 190/463}), or {@code code} without a subcode,
 * or the legacy {@code (#n)} number; for the token endpoint's flat shape, its {@code error_type}. The
 * request id is the body's {@code fbtrace_id}, else the {@code x-fb-trace-id} header, else core's
 * generic request id headers. Messages quote only Meta's
 * message members, made safe (one line, at most 300 characters, token and secret parameters and
 * Meta-style tokens masked, cut before masking); never a URI or a body. A throttling answer's retry
 * time is the reset of the exhausted observation below (the response's arrival plus the longest
 * {@code estimated_time_to_regain_access}, at most a day), which the pipeline and
 * {@link io.socialink.platform.Platforms#classify} apply; the response's own {@code Date} is not trusted for it.
 * Bodies over {@link DefaultErrorClassifier#MAX_INTERPRETED_BODY_BYTES} are not read. A body or header
 * that is not what Meta documents falls back to core's verdict.
 *
 * <p><b>Rate limits.</b> Meta reports usage as percentages, and only once enough calls were made:
 *
 * <ul>
 *   <li>{@code x-app-usage}: one observation for all endpoints ({@code *}), per app;</li>
 *   <li>{@code x-business-use-case-usage}: one observation per entry, for all endpoints, per user
 *       (the business object is the Instagram account the call was made for);</li>
 *   <li>a throttling error (codes 4, 17, 32, 341, 613, 80002; not 4/2207051): an exhausted
 *       observation of the budget the code names.</li>
 * </ul>
 *
 * A usage observation takes the highest of {@code call_count}, {@code total_time} and
 * {@code total_cputime} and counts as spent from {@link #HOLD_AT_PERCENT}; a positive
 * {@code estimated_time_to_regain_access} means Meta is throttling now, so it counts as spent
 * whatever the percentages. Each resets after that estimate, or after {@link #USAGE_WINDOW}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GraphResponseInterpreter implements ResponseInterpreter {
  /** The platform id the classifications carry. */
  public static final String PLATFORM = "instagram";

  /** Meta's request id header, read when the body carries no {@code fbtrace_id}. */
  public static final String TRACE_ID_HEADER = "x-fb-trace-id";

  /**
   * The usage percentage at which calls stop: 95. Meta may throttle once any percentage reaches 100,
   * and calls already in flight when a response reports, say, 94% still count, so stopping at 100
   * would overshoot; the five points left are the margin for them. Stopping lower would idle budget
   * that Meta still grants: the headers are the only measure of it.
   */
  public static final int HOLD_AT_PERCENT = 95;

  /**
   * How long a spent budget is held when Meta gives no {@code estimated_time_to_regain_access}: one
   * hour. Meta's rate-limiting guide counts both the app's usage and Business Use Case usage over a
   * rolling hour, so after an hour every call counted now has left the window; this is the longest
   * the usage can take to fall, hence safe when nothing better is known. (The Instagram guide's
   * 24-hour window for 4800 × impressions conflicts with that hour; Meta's own estimate, when sent,
   * always wins.)
   */
  public static final Duration USAGE_WINDOW = Duration.ofHours(1);

  private static final int MAX_TEXT = 300;
  private static final byte[] ERROR_MARK = "\"error".getBytes(StandardCharsets.US_ASCII);
  /** Meta access tokens: Instagram Login ({@code IGAA}), Basic Display ({@code IGQV}), Facebook ({@code EAA}). */
  private static final Pattern META_TOKEN = Pattern.compile("\\b(?:IGAA|IGQV|EAA)[A-Za-z0-9_\\-]{12,}");
  /** A secret parameter anywhere in text, not only after {@code ?} or {@code &}, or as a JSON member. */
  private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(?<![A-Za-z0-9_])("
      + Redaction.SECRET_PARAMETERS.stream().map(Pattern::quote).sorted().collect(Collectors.joining("|"))
      + ")(\\s*=\\s*|\"\\s*:\\s*\"?)[^\\s&;,\"'}]+");

  /** Creates the interpreter. */
  public GraphResponseInterpreter() {}

  @Override
  public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
    Optional<GraphError> error = errorIn(response);
    if (response.isSuccessful() && error.isEmpty()) {
      return Optional.empty();
    }
    Classification c = generic.orElseGet(() -> Classification.of(ErrorCategory.UNKNOWN, PLATFORM, response.status(),
        "Instagram answered HTTP " + response.status() + " with an error"));
    if (error.isPresent()) {
      c = refine(c, error.get());
    }
    Optional<String> requestId = error.flatMap(GraphError::traceId)
        .or(() -> response.headers().first(TRACE_ID_HEADER).map(String::trim).filter(s -> !s.isEmpty()));
    if (requestId.isPresent()) {
      c = c.withRequestId(safe(requestId.get()));
    }
    return Optional.of(c);
  }

  private static Classification refine(Classification generic, GraphError error) {
    Optional<String> code = error.platformCode();
    String where = error.shape() == GraphError.Shape.TOKEN_ENDPOINT
        ? "Instagram token endpoint error"
        : "Instagram Graph error";
    String message = where + code.map(s -> " " + safe(s)).orElse("")
        + error.type().filter(t -> error.shape() == GraphError.Shape.GRAPH).map(t -> " (" + safe(t) + ")").orElse("")
        + error.message().map(m -> ": " + safe(m)).orElse("")
        + " (HTTP " + generic.httpStatus() + ")";
    Classification c = generic.withMessage(message);
    if (code.isPresent()) {
      c = c.withPlatformCode(safe(code.get()));
    }
    Optional<GraphErrors.Verdict> verdict = GraphErrors.verdict(error);
    if (verdict.isPresent()) {
      c = c.withCategory(verdict.get().category()).withRemediation(verdict.get().remediation());
    } else if (error.transientFlag().orElse(false)
        && (c.category() == ErrorCategory.UNKNOWN || c.category() == ErrorCategory.INVALID_REQUEST)) {
      c = c.withCategory(ErrorCategory.TRANSIENT).withRemediation(
          "Meta marked the error as transient; try again later with backoff, and keep the request id if it persists.");
    } else if (error.transientFlag().isPresent() && !error.transientFlag().get() && c.retryable()) {
      // is_transient:false is never retried, whatever the status said.
      c = new Classification(ErrorCategory.UNKNOWN, c.platformId(), c.httpStatus(), c.platformCode(), c.requestId(),
          Optional.empty(), c.message(), "Meta marked this error as not transient, so it is not retried: keep the"
              + " request id and check the request and the account before trying again.");
    }
    if (error.userMessage().isPresent()) {
      String says = error.userTitle().map(t -> safe(t) + ": ").orElse("") + safe(error.userMessage().get());
      c = c.withRemediation(c.remediation() + " Instagram says: " + says);
    }
    return c;
  }

  @Override
  public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
    Headers headers = response.headers();
    List<RateLimitObservation> out = new ArrayList<>(2);
    MetaUsage.app(headers).ifPresent(r -> out.add(observation(RateLimitScope.PER_APP, r, receivedAt)));
    for (MetaUsage.Reading r : MetaUsage.businessUseCase(headers)) {
      out.add(observation(RateLimitScope.PER_USER, r, receivedAt));
    }
    Optional<GraphErrors.Budget> spent = errorIn(response).flatMap(GraphErrors::throttled);
    if (spent.isPresent()) {
      Instant reset = RetryTimes.capped(receivedAt.plus(MetaUsage.longestRegain(headers).orElse(USAGE_WINDOW)),
          receivedAt);
      switch (spent.get()) {
        case APP:
          out.add(RateLimitObservation.exhausted("*", RateLimitScope.PER_APP, reset));
          break;
        case USER:
          out.add(RateLimitObservation.exhausted("*", RateLimitScope.PER_USER, reset));
          break;
        default:
          out.add(endpointExhausted(endpointGroup, reset));
          break;
      }
    }
    return out;
  }

  private static RateLimitObservation observation(RateLimitScope scope, MetaUsage.Reading r, Instant receivedAt) {
    Instant reset = RetryTimes.capped(receivedAt.plus(r.regainIn().orElse(USAGE_WINDOW)), receivedAt);
    if (r.percent().isPresent() && (r.regainIn().isEmpty() || r.percent().getAsInt() >= HOLD_AT_PERCENT)) {
      return RateLimitObservation.ofUsage("*", scope, r.percent().getAsInt(), HOLD_AT_PERCENT, reset);
    }
    return RateLimitObservation.exhausted("*", scope, reset);
  }

  private static RateLimitObservation endpointExhausted(String endpointGroup, Instant reset) {
    try {
      return RateLimitObservation.exhausted(endpointGroup, RateLimitScope.PER_USER, reset);
    } catch (IllegalArgumentException e) {
      return RateLimitObservation.exhausted("*", RateLimitScope.PER_USER, reset);
    }
  }

  /**
   * The error a response carries, if any. A 2xx body is decoded only when it mentions an error
   * member, so that large successful listings are not parsed twice.
   */
  private static Optional<GraphError> errorIn(ApiResponse response) {
    if (!DefaultErrorClassifier.interpretable(response)) {
      return Optional.empty(); // empty, or too large to be an error envelope
    }
    byte[] body = response.body();
    if (response.isSuccessful() && !contains(body, ERROR_MARK)) {
      return Optional.empty();
    }
    return GraphJson.object(body).flatMap(GraphError::of);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Text from Meta made safe for a message: one line, at most 300 characters, credentials and secret
   * parameters masked. The text is cut to a few times the limit before it is masked.
   *
   * @param text the text
   * @return the safe text
   */
  static String safe(String text) {
    // Cut first, so that masking costs time in proportion to the limit, not to what Meta (or anyone) sent.
    String bounded = SafeText.oneLine(text, SafeText.roomFor(MAX_TEXT));
    String redacted = META_TOKEN.matcher(SECRET_PARAMETER.matcher(Redaction.text(bounded)).replaceAll("$1$2****"))
        .replaceAll("****");
    return SafeText.oneLine(redacted, MAX_TEXT);
  }
}
