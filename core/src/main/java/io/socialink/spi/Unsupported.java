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

  /**
   * Creates the error of a provider whose API client is not available yet, for
   * {@link PlatformProvider#createClient(ProviderContext)}.
   *
   * @param platform the platform
   * @param artifactId the provider's artifact, e.g. {@code socialink-tiktok}
   * @return the exception, not thrown
   */
  public static ConfigurationException client(io.socialink.Platform platform, String artifactId) {
    String name = platform.displayName();
    return new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, platform.id(), 0,
        "the " + name + " API client is not available in this version of " + artifactId)
        .withRemediation("Use the " + name + " manual procedures in unlink plans; API calls to " + name
            + " are not offered yet."), null, 1);
  }
}
