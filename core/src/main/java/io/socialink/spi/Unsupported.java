package io.socialink.spi;

import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;

/** The error a client raises for an operation its platform does not offer. */
public final class Unsupported {
  private Unsupported() {}

  /**
   * Creates the error.
   *
   * @param platformId the platform
   * @param operation what was asked, e.g. {@code publishing}
   * @return the exception, not thrown
   */
  public static ConfigurationException operation(String platformId, String operation) {
    return new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, platformId, 0,
        "platform '" + platformId + "' does not support " + operation)
        .withRemediation("Check Platform.capabilities() before asking for " + operation + "."), null, 1);
  }
}
