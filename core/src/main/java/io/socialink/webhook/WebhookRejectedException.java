package io.socialink.webhook;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;

/**
 * A delivery that failed verification: missing or wrong signature, stale timestamp, malformed body.
 * Answer it with 401 or 400 and do not act on it.
 */
public class WebhookRejectedException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param platformId the platform
   * @param message why, without secrets or body content
   */
  public WebhookRejectedException(String platformId, String message) {
    super(Classification.of(ErrorCategory.INVALID_REQUEST, platformId, 0, message)
        .withRemediation("Ignore the delivery; if genuine deliveries fail, check the webhook secret configured for this platform."),
        null, 1);
  }
}
