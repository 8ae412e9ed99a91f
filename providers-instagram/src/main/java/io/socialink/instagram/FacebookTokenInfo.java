package io.socialink.instagram;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code GET /debug_token} says about a Facebook Login token.
 *
 * @param valid {@code is_valid}
 * @param appId {@code app_id}, when sent
 * @param type {@code type} ({@code USER}, {@code PAGE}, {@code APP}), when sent
 * @param userId {@code user_id}, the Facebook user's app-scoped id, when sent
 * @param scopes {@code scopes}, the permissions granted now
 * @param issuedAt {@code issued_at}, when sent
 * @param expiresAt {@code expires_at}, when sent and not 0 (0 means it does not expire)
 */
public record FacebookTokenInfo(boolean valid, Optional<String> appId, Optional<String> type, Optional<String> userId,
    Set<String> scopes, Optional<Instant> issuedAt, Optional<Instant> expiresAt) {
  /** Validates and copies the components. */
  public FacebookTokenInfo {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userId, "userId");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
