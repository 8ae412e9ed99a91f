package io.socialink.store;

import io.socialink.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authorization started but not yet completed: what the callback is checked against. Single use:
 * {@link PendingAuthorizationStore#take(String)} removes it.
 *
 * @param state the random state value
 * @param ownerId the owner who started it
 * @param platformId the platform
 * @param schemeId the authorization scheme
 * @param pkceVerifier the PKCE verifier
 * @param redirectUri the redirect URI used
 * @param requestedScopes the scopes asked for
 * @param createdAt when it started
 * @param expiresAt when it expires
 */
public record PendingAuthorization(
    String state,
    String ownerId,
    String platformId,
    String schemeId,
    Secret pkceVerifier,
    URI redirectUri,
    List<String> requestedScopes,
    Instant createdAt,
    Instant expiresAt) {

  /** Validates and copies the components. */
  public PendingAuthorization {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(pkceVerifier, "pkceVerifier");
    Objects.requireNonNull(redirectUri, "redirectUri");
    requestedScopes = List.copyOf(Objects.requireNonNull(requestedScopes, "requestedScopes"));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt must be after createdAt");
    }
  }

  /**
   * Answers whether it has expired at an instant.
   *
   * @param now the instant
   * @return true if expired
   */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
