package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * The platform rejected the request itself: invalid input, a missing item or duplicate content.
 *
 * <p>Categories: {@link ErrorCategory#INVALID_REQUEST}, {@link ErrorCategory#NOT_FOUND}, {@link ErrorCategory#DUPLICATE}.
 */
public class InvalidRequestException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public InvalidRequestException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
