package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * The application's own set-up is wrong: credentials, redirect URI, app permissions, or a provider that is missing or broken.
 *
 * <p>Categories: {@link ErrorCategory#CONFIGURATION}.
 */
public class ConfigurationException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public ConfigurationException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }
}
