package io.socialink.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores pending authorizations by state. {@link #take(String)} is atomic: of many concurrent takes of
 * one state, exactly one gets it. Implementations are thread-safe.
 */
public interface PendingAuthorizationStore {
  /**
   * Stores a pending authorization.
   *
   * @param pending the pending authorization
   * @throws IllegalStateException if its state is already stored
   */
  void put(PendingAuthorization pending);

  /**
   * Removes and returns the pending authorization for a state.
   *
   * @param state the state from the callback
   * @return the pending authorization, or empty if unknown or already taken
   */
  Optional<PendingAuthorization> take(String state);

  /**
   * Removes every pending authorization expired at an instant.
   *
   * @param now the instant
   * @return how many were removed
   */
  int purgeExpired(Instant now);
}
