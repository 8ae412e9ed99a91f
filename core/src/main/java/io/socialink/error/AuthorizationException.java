package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * The user's grant does not allow the call: it expired, was revoked, or lacks a scope. Never retried blindly; an expired grant is refreshed once.
 *
 * <p>Categories: {@link ErrorCategory#AUTH_EXPIRED}, {@link ErrorCategory#AUTH_REVOKED}, {@link ErrorCategory#INSUFFICIENT_SCOPE}.
 */
public class AuthorizationException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public AuthorizationException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
