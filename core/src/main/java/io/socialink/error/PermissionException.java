package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * The account may not do this, or is suspended, locked or restricted.
 *
 * <p>Categories: {@link ErrorCategory#PERMISSION_DENIED}, {@link ErrorCategory#ACCOUNT_RESTRICTED}.
 */
public class PermissionException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public PermissionException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
