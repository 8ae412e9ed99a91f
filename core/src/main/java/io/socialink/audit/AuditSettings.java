package io.socialink.audit;

import io.socialink.auth.Scopes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When an audit raises its flags.
 *
 * @param expiringWithin an access token expiring this soon, and not renewable, is {@link AuditFlag#EXPIRING_SOON}
 * @param refreshEndingWithin a refresh token ending this soon is {@link AuditFlag#REFRESH_TOKEN_ENDING}
 * @param unusedFor a grant with no use for this long is {@link AuditFlag#UNUSED}
 * @param declaredScopes the scopes the application declares it needs, by platform id; a platform
 *     missing here is not checked for {@link AuditFlag#SCOPES_BROADER_THAN_DECLARED}
 */
public record AuditSettings(Duration expiringWithin, Duration refreshEndingWithin, Duration unusedFor,
    Map<String, Set<String>> declaredScopes) {

  /** Validates and copies the components. */
  public AuditSettings {
    notNegative(expiringWithin, "expiringWithin");
    notNegative(refreshEndingWithin, "refreshEndingWithin");
    notNegative(unusedFor, "unusedFor");
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(declaredScopes, "declaredScopes")
        .forEach((platform, scopes) -> copy.put(Objects.requireNonNull(platform, "platform"),
            Scopes.check(scopes, "declaredScopes of " + platform)));
    declaredScopes = Map.copyOf(copy);
  }

  /**
   * Access tokens expiring within a day, refresh tokens ending within 14 days, grants unused for 90
   * days; no declared scopes.
   *
   * @return the settings
   */
  public static AuditSettings ofDefaults() {
    return new AuditSettings(Duration.ofDays(1), Duration.ofDays(14), Duration.ofDays(90), Map.of());
  }

  /**
   * A copy that declares the scopes the application needs on a platform.
   *
   * @param platformId the platform
   * @param scopes the scopes needed
   * @return the copy
   */
  public AuditSettings withDeclaredScopes(String platformId, Set<String> scopes) {
    Map<String, Set<String>> copy = new LinkedHashMap<>(declaredScopes);
    copy.put(Objects.requireNonNull(platformId, "platformId"), Set.copyOf(scopes));
    return new AuditSettings(expiringWithin, refreshEndingWithin, unusedFor, copy);
  }

  /**
   * A copy whose unused-for window is another.
   *
   * @param window the window
   * @return the copy
   */
  public AuditSettings withUnusedFor(Duration window) {
    return new AuditSettings(expiringWithin, refreshEndingWithin, window, declaredScopes);
  }

  private static void notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative; got " + d);
    }
  }
}
