package io.socialink.internal.service;

import io.socialink.audit.AuditReport;
import io.socialink.audit.AuditSettings;
import io.socialink.audit.Auditor;
import io.socialink.internal.runtime.SocialinkRuntime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Audits what the stores hold for an owner, over the runtime: a platform whose declared scopes the
 * settings do not give is checked against the default scopes of its authorization schemes.
 * Thread-safe.
 */
public final class AuditService {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public AuditService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  /**
   * Audits an owner.
   *
   * @param ownerId the owner
   * @param settings when flags are raised
   * @return the report
   */
  public AuditReport audit(String ownerId, AuditSettings settings) {
    Objects.requireNonNull(ownerId, "ownerId");
    AuditSettings withDefaults = Objects.requireNonNull(settings, "settings");
    for (String platformId : rt.registry().ids()) {
      if (!settings.declaredScopes().containsKey(platformId)) {
        Set<String> declared = new HashSet<>();
        rt.registry().provider(platformId).authorizationSchemes().forEach(s -> declared.addAll(s.defaultScopes()));
        withDefaults = withDefaults.withDeclaredScopes(platformId, declared);
      }
    }
    return Auditor.of(rt.stores(), rt.clock(), withDefaults).audit(ownerId);
  }
}
