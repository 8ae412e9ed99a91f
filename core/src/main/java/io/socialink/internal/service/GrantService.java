package io.socialink.internal.service;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.auth.GrantOperation;
import io.socialink.auth.Grants;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.Revocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Grants} over the runtime. Thread-safe. */
public final class GrantService implements Grants {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public GrantService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public List<Grant> list(String ownerId) {
    return rt.stores().grants().findByOwner(Args.notBlank(ownerId, "ownerId"));
  }

  @Override
  public Optional<Grant> find(String ownerId, String grantId) {
    return rt.stores().grants().find(Args.notBlank(ownerId, "ownerId"), Objects.requireNonNull(grantId, "grantId"));
  }

  @Override
  public Grant fresh(String ownerId, String grantId) {
    return rt.grantCalls().fresh(ownerId, grantId);
  }

  @Override
  public Grant refresh(String ownerId, String grantId) {
    return rt.refresher().refresh(rt.grantCalls().grant(ownerId, grantId));
  }

  @Override
  public <T> T withGrant(String ownerId, String grantId, GrantOperation<PlatformClient, T> operation) {
    return rt.grantCalls().withGrant(ownerId, grantId, PlatformClient.class, operation);
  }

  @Override
  public <C extends PlatformClient, T> T withGrant(String ownerId, String grantId, Class<C> type,
      GrantOperation<C, T> operation) {
    return rt.grantCalls().withGrant(ownerId, grantId, type, operation);
  }

  @Override
  public Account profile(String ownerId, String grantId) {
    return withGrant(ownerId, grantId, PlatformClient::profile);
  }

  @Override
  public Revocation revoke(String ownerId, String grantId) {
    Grant grant = rt.grantCalls().grant(ownerId, grantId);
    return rt.clients().client(grant.account().platformId(), grant.schemeId()).revoke(grant);
  }
}
