package io.socialink.auth;

import io.socialink.Grant;
import io.socialink.Link;
import java.util.Objects;
import java.util.Set;

/**
 * A completed authorization: the stored grant, the link it makes, and the requested scopes the user
 * or platform did not grant.
 *
 * @param link the new {@link io.socialink.LinkKind#APP_AUTHORIZATION} link
 * @param grant the stored grant
 * @param missingScopes requested scopes that were not granted; empty when all were
 */
public record AuthorizationResult(Link link, Grant grant, Set<String> missingScopes) {
  /** Validates and copies the components. */
  public AuthorizationResult {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(grant, "grant");
    missingScopes = Set.copyOf(Objects.requireNonNull(missingScopes, "missingScopes"));
  }
}
