package io.socialink.webhook;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;
import java.util.Objects;

/**
 * A delivery that failed verification: missing or wrong signature, stale timestamp, malformed body.
 * Answer it with the status of its {@link #reason()} and do not act on it.
 */
public class WebhookRejectedException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was refused, which decides the HTTP status it is answered with. */
  public enum Reason {
    /** Not shown to come from the platform: no or a wrong signature, a stale timestamp; answered 401. */
    UNVERIFIED(401),
    /** Signed by the platform but not readable as the platform documents it; answered 400. */
    MALFORMED(400),
    /** A handshake whose verify token does not match the configured one; answered 403. */
    FORBIDDEN(403);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    /**
     * The HTTP status to answer with.
     *
     * @return the status
     */
    public int status() {
      return status;
    }
  }

  private final Reason reason;

  /**
   * Creates the exception for a delivery that is not shown to come from the platform
   * ({@link Reason#UNVERIFIED}).
   *
   * @param platformId the platform
   * @param message why, without secrets or body content
   */
  public WebhookRejectedException(String platformId, String message) {
    this(platformId, message, Reason.UNVERIFIED);
  }

  /**
   * Creates the exception.
   *
   * @param platformId the platform
   * @param message why, without secrets or body content
   * @param reason why, as a kind
   */
  public WebhookRejectedException(String platformId, String message, Reason reason) {
    super(Classification.of(ErrorCategory.INVALID_REQUEST, platformId, 0, message)
        .withRemediation("Ignore the delivery; if genuine deliveries fail, check the webhook secret configured for this platform."),
        null, 1);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the delivery was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
