package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * Too many calls, or a quota is used up; {@link #retryAt()} says when a call may go.
 *
 * <p>Categories: {@link ErrorCategory#RATE_LIMITED}, {@link ErrorCategory#QUOTA_EXHAUSTED}.
 */
public class RateLimitedException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public RateLimitedException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
