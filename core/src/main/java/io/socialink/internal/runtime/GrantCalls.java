package io.socialink.internal.runtime;

import io.socialink.Grant;
import io.socialink.auth.GrantOperation;
import io.socialink.error.AuthorizationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.NotFoundException;
import io.socialink.spi.PlatformClient;
import io.socialink.store.GrantStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Runs operations with a grant: looks it up for its owner, makes it fresh, and on
 * {@link ErrorCategory#AUTH_EXPIRED} refreshes once and replays once, never more. Every service that
 * calls a platform with a user's grant goes through here. Thread-safe.
 */
public final class GrantCalls {
  private final GrantStore grants;
  private final ClientCache clients;
  private final RefreshCoordinator refresher;
  private final Clock clock;
  /** When this instance last recorded each grant's use: one store write per grant and hour at most. */
  private final java.util.Map<String, java.time.Instant> recordedUses = new java.util.concurrent.ConcurrentHashMap<>();

  /** How many grants' last recorded uses an instance remembers before it starts afresh. */
  static final int MAX_REMEMBERED_USES = 100_000;

  /** How often at most a grant's use is recorded in the store by one instance. */
  static final java.time.Duration USE_RECORD_INTERVAL = java.time.Duration.ofHours(1);

  /**
   * Creates the runner.
   *
   * @param grants the grant store
   * @param clients the clients
   * @param refresher the refresh coordinator
   * @param clock the clock
   */
  public GrantCalls(GrantStore grants, ClientCache clients, RefreshCoordinator refresher, Clock clock) {
    this.grants = Objects.requireNonNull(grants, "grants");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.refresher = Objects.requireNonNull(refresher, "refresher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An owner's grant.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the stored grant
   * @throws NotFoundException if the owner has no such grant
   */
  public Grant grant(String ownerId, String grantId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    return grants.find(ownerId, grantId)
        .orElseThrow(() -> NotFoundException.local("", "owner " + ownerId + " has no grant " + grantId));
  }

  /**
   * An owner's grant with a fresh access token.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the fresh grant
   */
  public Grant fresh(String ownerId, String grantId) {
    Grant fresh = refresher.fresh(grant(ownerId, grantId));
    recordUse(fresh);
    return fresh;
  }

  /** Records, for audits, that a grant is being used; at most once an hour per grant and instance. */
  private void recordUse(Grant grant) {
    java.time.Instant now = clock.instant();
    String key = grant.ownerId().length() + ":" + grant.ownerId() + "/" + grant.id();
    java.time.Instant before = recordedUses.get(key);
    if (before != null && now.isBefore(before.plus(USE_RECORD_INTERVAL))) {
      return;
    }
    if (before == null && recordedUses.size() >= MAX_REMEMBERED_USES) {
      recordedUses.clear(); // bounded memory; at worst one more store write per grant
    }
    if (before == null ? recordedUses.putIfAbsent(key, now) == null : recordedUses.replace(key, before, now)) {
      grants.recordUse(grant.ownerId(), grant.id(), now);
    }
  }

  /**
   * Runs an operation with the grant's client as a type and a fresh grant.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param type the client type the operation needs
   * @param operation the operation
   * @param <C> the client type
   * @param <T> the result type
   * @return the operation's result
   */
  public <C extends PlatformClient, T> T withGrant(String ownerId, String grantId, Class<C> type,
      GrantOperation<C, T> operation) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(operation, "operation");
    Grant grant = fresh(ownerId, grantId);
    C client = clients.clientFor(grant, type);
    try {
      return operation.apply(client, grant);
    } catch (AuthorizationException e) {
      if (e.category() != ErrorCategory.AUTH_EXPIRED || !grant.canRefresh(clock)) {
        throw e;
      }
      Grant refreshed = refresher.refresh(grant);
      return operation.apply(client, refreshed);
    }
  }
}
