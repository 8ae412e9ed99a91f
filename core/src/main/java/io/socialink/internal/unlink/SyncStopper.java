package io.socialink.internal.unlink;

/** Stops the synchronisation (cross-posting) of a link that runs in this process. Thread-safe. */
@FunctionalInterface
public interface SyncStopper {
  /** Stops nothing: no synchronisation runs. */
  SyncStopper NONE = (ownerId, linkId) -> false;

  /**
   * Stops the link's synchronisation and waits until it has stopped.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return true if one was running and is now stopped, false if none was running
   */
  boolean stop(String ownerId, String linkId);
}
