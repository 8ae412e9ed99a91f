package io.socialink.error;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a failed call: category, the platform's own code, request id, when to retry, a safe
 * message and a remediation hint for a person. Produced by classifiers, carried by
 * {@link SocialinkException}. Messages never hold secrets.
 *
 * @param category the category
 * @param platformId the platform's id
 * @param httpStatus the HTTP status, or 0 when the failure happened before a response
 * @param platformCode the platform's error code, when it sent one, in the one convention its provider
 *     documents for each API (for example X's problem type as its last segment and none for
 *     {@code about:blank}, Meta's {@code code/subcode}, TikTok's code string or Business number)
 * @param requestId the platform's request or log id, when it sent one, from wherever the platform puts
 *     it (a body member such as {@code fbtrace_id} or {@code log_id}, else a header such as
 *     {@code x-transaction-id}, {@code x-fb-trace-id} or {@code x-tt-logid}, else a generic request id
 *     header)
 * @param retryAt when a retry may go, when known
 * @param message what failed, for a developer
 * @param remediation what a person can do about it
 */
public record Classification(
    ErrorCategory category,
    String platformId,
    int httpStatus,
    Optional<String> platformCode,
    Optional<String> requestId,
    Optional<Instant> retryAt,
    String message,
    String remediation) {

  /** Validates the components. */
  public Classification {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(platformId, "platformId");
    if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
      throw new IllegalArgumentException("httpStatus must be 0 or 100-599; got " + httpStatus);
    }
    Objects.requireNonNull(platformCode, "platformCode");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(retryAt, "retryAt");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remediation, "remediation");
  }

  /**
   * A classification with only the essentials.
   *
   * @param category the category
   * @param platformId the platform
   * @param httpStatus the HTTP status or 0
   * @param message the message
   * @return the classification, with the category's default remediation
   */
  public static Classification of(ErrorCategory category, String platformId, int httpStatus, String message) {
    return new Classification(category, platformId, httpStatus, Optional.empty(), Optional.empty(), Optional.empty(),
        message, Remediations.forCategory(category));
  }

  /**
   * Answers whether a retry can help; follows the category.
   *
   * @return true if retryable
   */
  public boolean retryable() {
    return category.retryable();
  }

  /**
   * Returns a copy with another category, and that category's default remediation.
   *
   * @param newCategory the category
   * @return the copy
   */
  public Classification withCategory(ErrorCategory newCategory) {
    return new Classification(newCategory, platformId, httpStatus, platformCode, requestId, retryAt, message,
        Remediations.forCategory(newCategory));
  }

  /**
   * Returns a copy with the platform's error code.
   *
   * @param code the code
   * @return the copy
   */
  public Classification withPlatformCode(String code) {
    return new Classification(category, platformId, httpStatus, Optional.of(code), requestId, retryAt, message, remediation);
  }

  /**
   * Returns a copy with a request id.
   *
   * @param id the request id
   * @return the copy
   */
  public Classification withRequestId(String id) {
    return new Classification(category, platformId, httpStatus, platformCode, Optional.of(id), retryAt, message, remediation);
  }

  /**
   * Returns a copy with the instant a retry may go.
   *
   * @param at the instant
   * @return the copy
   */
  public Classification withRetryAt(Instant at) {
    return new Classification(category, platformId, httpStatus, platformCode, requestId, Optional.of(at), message, remediation);
  }

  /**
   * Returns a copy with another message.
   *
   * @param newMessage the message; must hold no secret
   * @return the copy
   */
  public Classification withMessage(String newMessage) {
    return new Classification(category, platformId, httpStatus, platformCode, requestId, retryAt, newMessage, remediation);
  }

  /**
   * Returns a copy with another remediation hint.
   *
   * @param hint the hint for a person
   * @return the copy
   */
  public Classification withRemediation(String hint) {
    return new Classification(category, platformId, httpStatus, platformCode, requestId, retryAt, message, hint);
  }

  /**
   * Turns the classification into the matching exception type.
   *
   * @return the exception, not thrown
   */
  public SocialinkException toException() {
    return SocialinkException.of(this, null, 1);
  }
}
