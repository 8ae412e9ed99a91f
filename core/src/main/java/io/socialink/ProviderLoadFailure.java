package io.socialink;

import java.util.Objects;

/**
 * A provider that was declared but could not be loaded: its class is missing, its constructor threw,
 * or it was built for another SPI version. The other providers still load.
 *
 * @param provider the provider's class name, or what the declaration named
 * @param platformId the platform id it claimed, or empty if unknown
 * @param reason what went wrong and how to fix it
 */
public record ProviderLoadFailure(String provider, String platformId, String reason) {
  /** Validates the components. */
  public ProviderLoadFailure {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(reason, "reason");
  }
}
