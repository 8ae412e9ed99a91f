package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * A failure no classifier recognised.
 *
 * <p>Categories: {@link ErrorCategory#UNKNOWN}.
 */
public class UncategorizedException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public UncategorizedException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
