package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * The platform or the network failed for a while: a 5xx, a timeout, a reset connection, or an open circuit breaker.
 *
 * <p>Categories: {@link ErrorCategory#TRANSIENT}.
 */
public class TransientException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public TransientException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
