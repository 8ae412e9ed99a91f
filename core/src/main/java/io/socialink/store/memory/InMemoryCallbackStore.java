package io.socialink.store.memory;

import io.socialink.store.CallbackStore;
import io.socialink.webhook.DataDeletion;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link CallbackStore} in memory. */
public final class InMemoryCallbackStore implements CallbackStore {
  private final Map<Key, Instant> deliveries = new ConcurrentHashMap<>();
  private final Map<String, DataDeletion> deletions = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryCallbackStore() {}

  @Override
  public boolean recordDelivery(String platformId, String deliveryId, Instant receivedAt) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    return deliveries.putIfAbsent(new Key(platformId, deliveryId), receivedAt) == null;
  }

  @Override
  public void forgetDelivery(String platformId, String deliveryId) {
    deliveries.remove(new Key(platformId, deliveryId));
  }

  @Override
  public int pruneDeliveries(Instant before) {
    Objects.requireNonNull(before, "before");
    int[] n = {0};
    deliveries.entrySet().removeIf(e -> {
      boolean old = e.getValue().isBefore(before);
      if (old) {
        n[0]++;
      }
      return old;
    });
    return n[0];
  }

  @Override
  public DataDeletion saveDeletion(DataDeletion deletion) {
    deletions.put(deletion.confirmationCode(), deletion);
    return deletion;
  }

  @Override
  public Optional<DataDeletion> findDeletion(String confirmationCode) {
    return Optional.ofNullable(deletions.get(Objects.requireNonNull(confirmationCode, "confirmationCode")));
  }

  private record Key(String platformId, String deliveryId) {
    Key {
      Objects.requireNonNull(platformId, "platformId");
      Objects.requireNonNull(deliveryId, "deliveryId");
    }
  }
}
