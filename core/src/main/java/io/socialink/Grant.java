package io.socialink;

import io.socialink.auth.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth credential held for one account on behalf of one owner (the application's own user).
 *
 * <p>Tokens are {@link Secret}s: {@link #toString()} never shows them. Expiry is stored as instants
 * read from the platform's response, never assumed. A grant without a refresh token cannot be
 * renewed without the user (on X, a grant without {@code offline.access}).
 *
 * <p><b>Attributes.</b> A provider may keep non-secret, provider-specific identity with a grant in
 * {@link #attributes()}: small name-value pairs such as the Facebook user behind an Instagram account
 * linked with Facebook Login, whose deauthorize callbacks name that user rather than the account. Names
 * are identifiers ({@code [a-z0-9][a-z0-9._-]{0,63}}), by convention prefixed with the provider's
 * platform id and a dot; values are 1 to {@value #MAX_ATTRIBUTE_LENGTH} characters without control
 * characters; a grant holds at most {@value #MAX_ATTRIBUTES}. They are stored in plain text and never
 * hold a secret; {@link #toString()} shows their names only. They survive renewal ({@link #renewed}).
 *
 * <p>Immutable and thread-safe; {@link #version()} supports optimistic concurrency in stores.
 *
 * @param id the grant's id, unique within the application
 * @param ownerId the application's user who owns the grant
 * @param account the account the grant acts for
 * @param schemeId the authorization scheme that issued it (see {@link io.socialink.spi.AuthorizationScheme})
 * @param clientId the OAuth client id (not a secret)
 * @param accessToken the access token
 * @param refreshToken the refresh token, when the platform issued one
 * @param scopes the scopes the platform granted
 * @param tokenType the token type, usually {@code bearer}
 * @param issuedAt when the access token was issued
 * @param expiresAt when the access token expires, when the platform said
 * @param refreshExpiresAt when the refresh token expires, when the platform said
 * @param version the version for optimistic concurrency, starting at 0
 * @param attributes non-secret, provider-specific identity kept with the grant, by name
 */
public record Grant(
    String id,
    String ownerId,
    Account account,
    String schemeId,
    String clientId,
    Secret accessToken,
    Optional<Secret> refreshToken,
    Set<String> scopes,
    String tokenType,
    Instant issuedAt,
    Optional<Instant> expiresAt,
    Optional<Instant> refreshExpiresAt,
    long version,
    Map<String, String> attributes) {

  /** The most attributes a grant holds. */
  public static final int MAX_ATTRIBUTES = 16;
  /** The longest attribute value, in characters. */
  public static final int MAX_ATTRIBUTE_LENGTH = 255;

  /** Validates and copies the components. */
  public Grant {
    Checks.notBlank(id, "id");
    Checks.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(account, "account");
    Checks.identifier(schemeId, "schemeId");
    Checks.notBlank(clientId, "clientId");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    scopes = Scopes.check(scopes, "scopes");
    Checks.notBlank(tokenType, "tokenType");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    expiresAt.ifPresent(e -> {
      if (e.isBefore(issuedAt)) {
        throw new IllegalArgumentException("expiresAt " + e + " is before issuedAt " + issuedAt);
      }
    });
    if (refreshExpiresAt.isPresent() && refreshToken.isEmpty()) {
      throw new IllegalArgumentException("refreshExpiresAt is set but there is no refresh token");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative; got " + version);
    }
    attributes = checkedAttributes(attributes);
  }

  /**
   * Creates a grant without attributes.
   *
   * @param id the grant's id, unique within the application
   * @param ownerId the application's user who owns the grant
   * @param account the account the grant acts for
   * @param schemeId the authorization scheme that issued it
   * @param clientId the OAuth client id (not a secret)
   * @param accessToken the access token
   * @param refreshToken the refresh token, when the platform issued one
   * @param scopes the scopes the platform granted
   * @param tokenType the token type, usually {@code bearer}
   * @param issuedAt when the access token was issued
   * @param expiresAt when the access token expires, when the platform said
   * @param refreshExpiresAt when the refresh token expires, when the platform said
   * @param version the version for optimistic concurrency, starting at 0
   */
  public Grant(String id, String ownerId, Account account, String schemeId, String clientId, Secret accessToken,
      Optional<Secret> refreshToken, Set<String> scopes, String tokenType, Instant issuedAt, Optional<Instant> expiresAt,
      Optional<Instant> refreshExpiresAt, long version) {
    this(id, ownerId, account, schemeId, clientId, accessToken, refreshToken, scopes, tokenType, issuedAt, expiresAt,
        refreshExpiresAt, version, Map.of());
  }

  /**
   * Validates and copies attributes as a grant does, for code that gathers them before the grant
   * exists (a provider's token response).
   *
   * @param attributes the attributes
   * @return an immutable copy
   * @throws IllegalArgumentException for more than {@value #MAX_ATTRIBUTES} attributes, a name that is
   *     not an identifier, or a value that is blank, longer than {@value #MAX_ATTRIBUTE_LENGTH}
   *     characters or holds a control character (the message never quotes a value)
   */
  public static Map<String, String> checkedAttributes(Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new IllegalArgumentException("a grant holds at most " + MAX_ATTRIBUTES + " attributes; got "
          + attributes.size());
    }
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      Checks.identifier(a.getKey(), "attribute name");
      String value = Objects.requireNonNull(a.getValue(), "attribute " + a.getKey());
      if (value.isBlank() || value.length() > MAX_ATTRIBUTE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("attribute " + a.getKey() + " must be 1-" + MAX_ATTRIBUTE_LENGTH
            + " characters, not blank, without control characters");
      }
    }
    return Map.copyOf(attributes);
  }

  /**
   * One attribute's value.
   *
   * @param name the attribute's name
   * @return its value, or empty when the grant has none of that name
   */
  public Optional<String> attribute(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(attributes.get(name));
  }

  /**
   * Returns this grant with other attributes; every other component, the version included, stays.
   *
   * @param newAttributes the attributes, replacing the current ones
   * @return the grant
   */
  public Grant withAttributes(Map<String, String> newAttributes) {
    return new Grant(id, ownerId, account, schemeId, clientId, accessToken, refreshToken, scopes, tokenType, issuedAt,
        expiresAt, refreshExpiresAt, version, newAttributes);
  }

  /**
   * Answers whether the access token has expired at the clock's instant.
   *
   * @param clock the clock
   * @return true if expired; false if not, or if the platform gave no expiry
   */
  public boolean isExpired(Clock clock) {
    Instant now = clock.instant();
    return expiresAt.map(e -> !now.isBefore(e)).orElse(false);
  }

  /**
   * Answers whether the access token should be refreshed now: it expires within {@code skew}.
   *
   * @param clock the clock
   * @param skew how long before expiry to refresh; not negative
   * @return true if it should be refreshed
   */
  public boolean needsRefresh(Clock clock, Duration skew) {
    Checks.notNegative(skew, "skew");
    Instant now = clock.instant();
    return expiresAt.map(e -> !now.plus(skew).isBefore(e)).orElse(false);
  }

  /**
   * Answers whether the grant can be renewed without the user: it has a refresh token that has not
   * expired.
   *
   * @param clock the clock
   * @return true if refreshable
   */
  public boolean canRefresh(Clock clock) {
    Instant now = clock.instant();
    return refreshToken.isPresent() && refreshExpiresAt.map(now::isBefore).orElse(true);
  }

  /**
   * Answers whether every given scope was granted.
   *
   * @param wanted the scopes needed
   * @return true if all were granted
   */
  public boolean covers(Collection<String> wanted) {
    return scopes.containsAll(wanted);
  }

  /**
   * Returns the scopes of {@code wanted} that were not granted.
   *
   * @param wanted the scopes needed
   * @return the missing scopes, in no order
   */
  public Set<String> missing(Collection<String> wanted) {
    return Set.copyOf(wanted.stream().filter(s -> !scopes.contains(s)).toList());
  }

  /**
   * Returns this grant with new tokens, as after a refresh: the version is increased by one; the
   * attributes stay.
   *
   * @param newAccessToken the new access token
   * @param newRefreshToken the new refresh token, or empty to keep the current one
   * @param newScopes the scopes now granted
   * @param newIssuedAt when the new access token was issued
   * @param newExpiresAt when it expires, if said
   * @param newRefreshExpiresAt when the refresh token expires, if said
   * @return the renewed grant
   */
  public Grant renewed(
      Secret newAccessToken,
      Optional<Secret> newRefreshToken,
      Set<String> newScopes,
      Instant newIssuedAt,
      Optional<Instant> newExpiresAt,
      Optional<Instant> newRefreshExpiresAt) {
    Optional<Secret> refresh = newRefreshToken.isPresent() ? newRefreshToken : refreshToken;
    Optional<Instant> refreshExpiry = newRefreshToken.isPresent() || newRefreshExpiresAt.isPresent()
        ? newRefreshExpiresAt : refreshExpiresAt;
    return new Grant(id, ownerId, account, schemeId, clientId, newAccessToken, refresh, newScopes,
        tokenType, newIssuedAt, newExpiresAt, refreshExpiry, version + 1, attributes);
  }

  /** Describes the grant without its tokens, and its attributes by name only. */
  @Override
  public String toString() {
    return "Grant[id=" + id + ", owner=" + ownerId + ", account=" + account.key() + ", scheme=" + schemeId
        + ", clientId=" + clientId + ", accessToken=" + Secret.MASK
        + ", refreshToken=" + (refreshToken.isPresent() ? Secret.MASK : "none")
        + ", scopes=" + scopes + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown")
        + ", version=" + version
        + (attributes.isEmpty() ? "" : ", attributes=" + new java.util.TreeSet<>(attributes.keySet())) + "]";
  }
}
