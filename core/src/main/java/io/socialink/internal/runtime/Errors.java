package io.socialink.internal.runtime;

import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;

/** Builds the configuration errors the runtime raises. */
final class Errors {
  private Errors() {}

  static ConfigurationException configuration(String platformId, String message) {
    return new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, platformId, 0, message), null, 1);
  }
}
