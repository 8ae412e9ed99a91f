package io.socialink.internal.runtime;

import java.util.Objects;

/**
 * A platform and one of its authorization schemes: the key of a credential and of its client.
 *
 * @param platformId the platform
 * @param schemeId the scheme
 */
public record ClientKey(String platformId, String schemeId) {
  /** Validates the components. */
  public ClientKey {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(schemeId, "schemeId");
  }

  @Override
  public String toString() {
    return platformId + "/" + schemeId;
  }
}
