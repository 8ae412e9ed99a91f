package io.socialink.store;

import io.socialink.webhook.DataDeletion;
import java.time.Instant;
import java.util.Optional;

/**
 * What the callback intake remembers: the deliveries it has acted on, so that a platform's repeated
 * delivery of one event (they all deliver at least once) changes nothing the second time, and the
 * data-deletion requests it has received, with their status. Implementations are thread-safe.
 */
public interface CallbackStore {
  /**
   * Records that a delivery is being acted on, unless it already was. Atomic: of two calls with the
   * same platform and delivery id, exactly one returns true.
   *
   * @param platformId the platform
   * @param deliveryId the platform's event id, or a digest of the verified body
   * @param receivedAt when it arrived
   * @return true if this is the first time; false for a repeated delivery
   */
  boolean recordDelivery(String platformId, String deliveryId, Instant receivedAt);

  /**
   * Forgets a recorded delivery, so that the platform's next attempt is acted on; called when acting
   * on it failed.
   *
   * @param platformId the platform
   * @param deliveryId the delivery
   */
  void forgetDelivery(String platformId, String deliveryId);

  /**
   * Forgets the deliveries received before an instant; platforms stop retrying after a few days
   * (TikTok 72 hours, Meta 36 hours), so older records only take room.
   *
   * @param before the instant
   * @return how many were forgotten
   */
  int pruneDeliveries(Instant before);

  /**
   * Inserts or replaces a data deletion, keyed by its confirmation code.
   *
   * @param deletion the deletion
   * @return the stored deletion
   */
  DataDeletion saveDeletion(DataDeletion deletion);

  /**
   * Finds a data deletion.
   *
   * @param confirmationCode its confirmation code
   * @return the deletion, or empty
   */
  Optional<DataDeletion> findDeletion(String confirmationCode);
}
