package io.socialink.error;

import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.ResponseTooLargeException;
import io.socialink.http.SafeText;
import io.socialink.resilience.RetryTimes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Core's generic classification: HTTP status, {@code Retry-After} (seconds or HTTP-date), request id
 * headers, and I/O failures. Each provider's {@link io.socialink.spi.ResponseInterpreter} refines the
 * verdict from the platform's own error payloads. Pure functions; thread-safe.
 *
 * <table>
 * <caption>Status rules</caption>
 * <tr><th>status</th><th>category</th></tr>
 * <tr><td>2xx</td><td>none (success)</td></tr>
 * <tr><td>401</td><td>AUTH_EXPIRED (one refresh may fix it)</td></tr>
 * <tr><td>403</td><td>PERMISSION_DENIED</td></tr>
 * <tr><td>404, 410</td><td>NOT_FOUND</td></tr>
 * <tr><td>408, 425</td><td>TRANSIENT</td></tr>
 * <tr><td>409</td><td>DUPLICATE</td></tr>
 * <tr><td>429</td><td>RATE_LIMITED, retry at {@code Retry-After}</td></tr>
 * <tr><td>501, 505</td><td>INVALID_REQUEST</td></tr>
 * <tr><td>other 5xx</td><td>TRANSIENT, retry at {@code Retry-After} when sent</td></tr>
 * <tr><td>other 4xx</td><td>INVALID_REQUEST</td></tr>
 * <tr><td>1xx, 3xx</td><td>UNKNOWN</td></tr>
 * </table>
 */
public final class DefaultErrorClassifier {
  /** The longest request id kept, in characters, before an ellipsis. */
  public static final int MAX_REQUEST_ID_LENGTH = 200;

  /** Headers read for the request id, in order. */
  public static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-correlation-id");

  /**
   * The longest wait a {@code Retry-After} can ask for; larger values are capped to it. The same cap
   * as {@link RetryTimes#MAX_WAIT}, which every retry and reset time is held to.
   */
  public static final Duration MAX_RETRY_AFTER = RetryTimes.MAX_WAIT;

  /**
   * The largest body a response interpreter reads to classify a response: 1 MiB. Platforms' error
   * payloads are a few kilobytes; a larger failure is classified by its status and headers alone, and a
   * larger 2xx is a success, so a broken or hostile answer costs no more than this to classify.
   */
  public static final int MAX_INTERPRETED_BODY_BYTES = 1024 * 1024;

  private DefaultErrorClassifier() {}

  /**
   * Answers whether an interpreter should read a response's body: it is not empty and at most
   * {@link #MAX_INTERPRETED_BODY_BYTES} long.
   *
   * @param response the response
   * @return true if the body is worth reading
   */
  public static boolean interpretable(ApiResponse response) {
    return response.bodyLength() > 0 && response.bodyLength() <= MAX_INTERPRETED_BODY_BYTES;
  }

  /**
   * Classifies a response by its status and headers.
   *
   * @param platformId the platform
   * @param response the response
   * @param receivedAt when it arrived, for a {@code Retry-After} in seconds
   * @return the classification, or empty for a 2xx
   */
  public static Optional<Classification> classify(String platformId, ApiResponse response, Instant receivedAt) {
    int status = response.status();
    if (status >= 200 && status < 300) {
      return Optional.empty();
    }
    ErrorCategory category = categoryOf(status);
    Classification c = Classification.of(category, platformId, status, "HTTP " + status + " from " + platformId);
    Optional<Instant> retryAt = retryAfter(response.headers(), receivedAt);
    if (retryAt.isPresent() && (category == ErrorCategory.RATE_LIMITED || category == ErrorCategory.TRANSIENT)) {
      c = c.withRetryAt(retryAt.get());
    }
    Optional<String> requestId = requestId(response.headers());
    if (requestId.isPresent()) {
      c = c.withRequestId(requestId.get());
    }
    return Optional.of(c);
  }

  /**
   * Classifies a response by its status and headers, for an operation: as
   * {@link #classify(String, ApiResponse, Instant)}, then {@link #forOperation(Operation, Classification)}.
   *
   * @param platformId the platform
   * @param operation what the call was doing
   * @param response the response
   * @param receivedAt when it arrived
   * @return the classification, or empty for a 2xx
   */
  public static Optional<Classification> classify(String platformId, Operation operation, ApiResponse response,
      Instant receivedAt) {
    Objects.requireNonNull(operation, "operation");
    return classify(platformId, response, receivedAt).map(c -> forOperation(operation, c));
  }

  /**
   * The platform-independent part of an operation-aware verdict, applied after the platform's
   * interpreter; see {@link Operation}:
   *
   * <ul>
   *   <li>on any token-endpoint operation, a bare HTTP 401 (core's {@code AUTH_EXPIRED} with no platform
   *       code) becomes {@link ErrorCategory#CONFIGURATION}: the endpoint refused the client's own
   *       authentication (RFC 6749 section 5.2), so no grant is marked revoked and nothing is refreshed;</li>
   *   <li>{@link Operation#CODE_EXCHANGE}: {@code AUTH_EXPIRED}, {@code AUTH_REVOKED} and
   *       {@code INSUFFICIENT_SCOPE} become {@link ErrorCategory#INVALID_REQUEST} with the hint to start
   *       the link again: no grant exists, so none can be revoked or refreshed;</li>
   *   <li>{@link Operation#TOKEN_REFRESH}: {@code AUTH_EXPIRED} becomes {@link ErrorCategory#AUTH_REVOKED}:
   *       another refresh cannot fix a refresh;</li>
   *   <li>{@link Operation#REQUEST_TOKEN}, {@link Operation#APP_TOKEN}: every authorization category
   *       becomes {@link ErrorCategory#CONFIGURATION}: only the app's credentials were sent;</li>
   *   <li>otherwise the verdict is kept.</li>
   * </ul>
   *
   * @param operation what the call was doing
   * @param c the verdict so far
   * @return the verdict for the operation
   */
  public static Classification forOperation(Operation operation, Classification c) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(c, "c");
    boolean authorization = c.category().isAuthorization();
    if (operation.tokenEndpoint() && c.httpStatus() == 401 && c.category() == ErrorCategory.AUTH_EXPIRED
        && c.platformCode().isEmpty()) {
      // A bare 401 from a token endpoint is the client's authentication (RFC 6749 section 5.2, RFC 7009):
      // neither a dead grant to mark revoked nor an expired token to refresh.
      return c.withCategory(ErrorCategory.CONFIGURATION).withRemediation("The token endpoint refused the app's own"
          + " authentication (HTTP 401 with no error code): check the client id and secret and how they are sent"
          + " (HTTP Basic or form fields) in the platform's developer portal.");
    }
    switch (operation) {
      case CODE_EXCHANGE:
        if (!authorization) {
          return c;
        }
        return c.withCategory(ErrorCategory.INVALID_REQUEST).withRemediation(CODE_NOT_USABLE);
      case TOKEN_REFRESH:
        if (c.category() != ErrorCategory.AUTH_EXPIRED) {
          return c;
        }
        return c.withCategory(ErrorCategory.AUTH_REVOKED).withRemediation("The refresh was refused: the refresh token"
            + " (or the long-lived token) is expired, spent or revoked, and another refresh cannot fix it; ask the user"
            + " to link the account again.");
      case REQUEST_TOKEN:
      case APP_TOKEN:
        if (!authorization) {
          return c;
        }
        return c.withCategory(ErrorCategory.CONFIGURATION).withRemediation("The platform refused the app's own"
            + " credentials (only they were sent): check the client id or consumer key and its secret, and that the"
            + " app is active, in the platform's developer portal.");
      default:
        return c;
    }
  }

  /** The hint for an authorization that cannot be turned into a grant. */
  public static final String CODE_NOT_USABLE = "The authorization could not be turned into a grant: the code is"
      + " invalid, already used or expired, or was issued for another redirect URI, PKCE verifier or app. No grant"
      + " exists; start the link again (a new authorization) and exchange its code once, promptly.";

  /**
   * The category of an HTTP status alone.
   *
   * @param status the status
   * @return the category, or empty for 2xx
   */
  static ErrorCategory categoryOf(int status) {
    if (status == 401) {
      return ErrorCategory.AUTH_EXPIRED;
    } else if (status == 403) {
      return ErrorCategory.PERMISSION_DENIED;
    } else if (status == 404 || status == 410) {
      return ErrorCategory.NOT_FOUND;
    } else if (status == 408 || status == 425) {
      return ErrorCategory.TRANSIENT;
    } else if (status == 409) {
      return ErrorCategory.DUPLICATE;
    } else if (status == 429) {
      return ErrorCategory.RATE_LIMITED;
    } else if (status == 501 || status == 505) {
      return ErrorCategory.INVALID_REQUEST;
    } else if (status >= 500) {
      return ErrorCategory.TRANSIENT;
    } else if (status >= 400) {
      return ErrorCategory.INVALID_REQUEST;
    }
    return ErrorCategory.UNKNOWN;
  }

  /**
   * Classifies a failure that left no response.
   *
   * @param platformId the platform
   * @param failure the I/O failure
   * @return a {@link ErrorCategory#TRANSIENT} classification saying what failed; for a
   *     {@link ResponseTooLargeException}, a {@link ErrorCategory#CONFIGURATION} one, which is not retried
   */
  public static Classification classify(String platformId, IOException failure) {
    if (failure instanceof ResponseTooLargeException tooLarge) {
      return Classification.of(ErrorCategory.CONFIGURATION, platformId, 0, "response from " + platformId
          + " larger than TransportOptions.maxResponseBytes (" + tooLarge.limit() + " bytes); not read")
          .withRemediation("The platform answered with more than the transport reads. If the answer is legitimate,"
              + " raise TransportOptions.maxResponseBytes on the Socialink builder; sending again gets the same answer.");
    }
    String what;
    if (failure instanceof HttpConnectTimeoutException) {
      what = "connect timeout";
    } else if (failure instanceof ConnectException) {
      what = "connection refused";
    } else if (failure instanceof HttpTimeoutException) {
      what = "response timeout";
    } else {
      what = "I/O failure (" + failure.getClass().getSimpleName() + ")";
    }
    return Classification.of(ErrorCategory.TRANSIENT, platformId, 0, what + " calling " + platformId);
  }

  /**
   * Answers whether an I/O failure proves the request never reached the platform, so that even a
   * non-idempotent write may be sent again.
   *
   * @param failure the failure
   * @return true for refused connections and connect timeouts
   */
  public static boolean provesNotSent(IOException failure) {
    return failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
  }

  /**
   * Reads {@code Retry-After}, in delta-seconds (leading zeros allowed) or as an HTTP-date; see
   * {@link RetryTimes#retryAfter}. Never throws on the value: an unreadable one is ignored with a
   * warning.
   *
   * @param headers the headers
   * @param receivedAt when the response arrived
   * @return the instant a retry may go, at most {@link #MAX_RETRY_AFTER} after {@code receivedAt}, or
   *     empty when absent or malformed
   */
  public static Optional<Instant> retryAfter(Headers headers, Instant receivedAt) {
    return RetryTimes.retryAfter(headers.first("retry-after"), receivedAt);
  }

  /**
   * Reads a generic request id header, as {@link #requestIdText}.
   *
   * @param headers the headers
   * @return the first request id found that is not blank
   */
  public static Optional<String> requestId(Headers headers) {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> v = headers.first(name).map(DefaultErrorClassifier::requestIdText).filter(s -> !s.isEmpty());
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /**
   * A request id as sent, made fit for messages and logs: one line of at most {@link #MAX_REQUEST_ID_LENGTH}
   * characters. Request ids are opaque, and a header can hold anything.
   *
   * @param raw the header value
   * @return the request id text
   */
  public static String requestIdText(String raw) {
    return SafeText.oneLine(raw, MAX_REQUEST_ID_LENGTH);
  }
}
