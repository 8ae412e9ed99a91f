package io.socialink.audit;

import io.socialink.LinkKind;
import io.socialink.LinkState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of an audit: a link with one of its grants, a link without grants, or a grant no link
 * uses. Holds no token.
 *
 * @param linkId the link, or empty for a grant no link uses
 * @param kind the link's kind, or empty
 * @param state the link's state, or empty
 * @param platformId the platform
 * @param account the account: {@code platform:userId} for a grant, the link end's description otherwise
 * @param grantId the grant, or empty for a link without grants
 * @param scopes the scopes granted
 * @param undeclaredScopes the scopes granted beyond those the application declared
 * @param issuedAt when the access token was issued
 * @param expiresAt when the access token expires, when known
 * @param refreshExpiresAt when the refresh token ends, when known
 * @param lastUse the last recorded use of the grant
 * @param flags what to look at
 */
public record AuditEntry(
    Optional<String> linkId,
    Optional<LinkKind> kind,
    Optional<LinkState> state,
    String platformId,
    String account,
    Optional<String> grantId,
    Set<String> scopes,
    Set<String> undeclaredScopes,
    Optional<Instant> issuedAt,
    Optional<Instant> expiresAt,
    Optional<Instant> refreshExpiresAt,
    Optional<Instant> lastUse,
    Set<AuditFlag> flags) {

  /** Validates and copies the components; scopes are kept sorted. */
  public AuditEntry {
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(grantId, "grantId");
    scopes = java.util.Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(scopes, "scopes")));
    undeclaredScopes = java.util.Collections.unmodifiableSet(new TreeSet<>(
        Objects.requireNonNull(undeclaredScopes, "undeclaredScopes")));
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    Objects.requireNonNull(lastUse, "lastUse");
    Objects.requireNonNull(flags, "flags");
    flags = java.util.Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(AuditFlag.class) : EnumSet.copyOf(flags));
  }

  /**
   * Answers whether anything is flagged.
   *
   * @return true if a flag is raised
   */
  public boolean flagged() {
    return !flags.isEmpty();
  }
}
