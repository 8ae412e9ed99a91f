package io.socialink.store.memory;

import io.socialink.store.PendingAuthorization;
import io.socialink.store.PendingAuthorizationStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link PendingAuthorizationStore} in memory; {@link #take(String)} is atomic. */
public final class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {
  private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryPendingAuthorizationStore() {}

  @Override
  public void put(PendingAuthorization authorization) {
    if (pending.putIfAbsent(authorization.state(), authorization) != null) {
      throw new IllegalStateException("a pending authorization with this state already exists");
    }
  }

  @Override
  public Optional<PendingAuthorization> take(String state) {
    return Optional.ofNullable(pending.remove(state));
  }

  @Override
  public int purgeExpired(Instant now) {
    int[] removed = {0};
    pending.values().removeIf(p -> {
      boolean expired = p.isExpired(now);
      if (expired) {
        removed[0]++;
      }
      return expired;
    });
    return removed[0];
  }
}
