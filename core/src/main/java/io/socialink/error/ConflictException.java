package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * A concurrent change won ({@link ErrorCategory#CONFLICT}): for example a store's optimistic
 * version check failed. Read the current value again and decide; repeating the same write fails again.
 */
public class ConflictException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification, category {@link ErrorCategory#CONFLICT}
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public ConflictException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
