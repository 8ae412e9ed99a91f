package io.socialink.auth;

import io.socialink.Grant;
import io.socialink.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens a platform returned from a code exchange or a refresh, as its provider read them. Lifetimes
 * are those the response said; where it said none, they are empty rather than guessed. A lifetime
 * longer than {@link #LONGEST_LIFETIME} is taken as not said: no platform issues such tokens, and the
 * expiry it would give cannot be represented.
 *
 * <p>On platforms that rotate refresh tokens, {@link #refreshToken()} is the new one and the old one
 * is already dead: store it before using the access token.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, when one was issued
 * @param expiresIn the access token's lifetime, when said
 * @param refreshExpiresIn the refresh token's lifetime, when said
 * @param scopes the granted scopes, when the response listed them
 * @param tokenType the token type, usually {@code bearer}
 * @param accountId the platform's user id, when the response carried it (TikTok {@code open_id})
 * @param attributes non-secret, provider-specific identity the provider read while completing the
 *     exchange, to be kept with the grant (see {@link Grant#attributes()}); on a refresh, they are
 *     added to the grant's, replacing those of the same name
 */
public record TokenResponse(
    Secret accessToken,
    Optional<Secret> refreshToken,
    Optional<Duration> expiresIn,
    Optional<Duration> refreshExpiresIn,
    Optional<Set<String>> scopes,
    String tokenType,
    Optional<String> accountId,
    Map<String, String> attributes) {

  /** The longest lifetime believed: ten years. */
  public static final Duration LONGEST_LIFETIME = Duration.ofDays(3650);

  /** Validates and copies the components; drops lifetimes over {@link #LONGEST_LIFETIME}. */
  public TokenResponse {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresIn, "expiresIn");
    expiresIn.ifPresent(d -> {
      if (d.isNegative()) {
        throw new IllegalArgumentException("expiresIn must not be negative; got " + d);
      }
    });
    expiresIn = expiresIn.filter(d -> d.compareTo(LONGEST_LIFETIME) <= 0);
    Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn");
    refreshExpiresIn.ifPresent(d -> {
      if (d.isNegative()) {
        throw new IllegalArgumentException("refreshExpiresIn must not be negative; got " + d);
      }
    });
    refreshExpiresIn = refreshExpiresIn.filter(d -> d.compareTo(LONGEST_LIFETIME) <= 0);
    scopes = Objects.requireNonNull(scopes, "scopes").map(s -> Scopes.check(s, "scopes"));
    Objects.requireNonNull(tokenType, "tokenType");
    if (tokenType.isBlank()) {
      throw new IllegalArgumentException("tokenType must not be blank");
    }
    Objects.requireNonNull(accountId, "accountId");
    attributes = Grant.checkedAttributes(attributes);
  }

  /**
   * Creates a response without attributes.
   *
   * @param accessToken the access token
   * @param refreshToken the refresh token, when one was issued
   * @param expiresIn the access token's lifetime, when said
   * @param refreshExpiresIn the refresh token's lifetime, when said
   * @param scopes the granted scopes, when the response listed them
   * @param tokenType the token type, usually {@code bearer}
   * @param accountId the platform's user id, when the response carried it
   */
  public TokenResponse(Secret accessToken, Optional<Secret> refreshToken, Optional<Duration> expiresIn,
      Optional<Duration> refreshExpiresIn, Optional<Set<String>> scopes, String tokenType, Optional<String> accountId) {
    this(accessToken, refreshToken, expiresIn, refreshExpiresIn, scopes, tokenType, accountId, Map.of());
  }
}
