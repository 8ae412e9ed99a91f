package io.socialink.internal.crosspost;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The syncs one Socialink made, by owner and link, so that they can be stopped by link. Thread-safe. */
public final class SyncRegistry {
  private final Map<Key, List<LinkSync>> syncs = new ConcurrentHashMap<>();
  private final Map<Key, Object> monitors = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public SyncRegistry() {}

  void add(LinkSync sync) {
    List<LinkSync> list = syncs.computeIfAbsent(new Key(sync.ownerId(), sync.linkId()),
        k -> new CopyOnWriteArrayList<>());
    list.removeIf(LinkSync::isStopped);
    list.add(sync);
  }

  /**
   * The monitor that serializes the passes of every sync of a link in this process, so that two syncs
   * never handle one item at once.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the monitor
   */
  Object monitor(String ownerId, String linkId) {
    return monitors.computeIfAbsent(new Key(ownerId, linkId), k -> new Object());
  }

  /**
   * Stops every sync of a link and forgets them.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return how many were stopped
   */
  public int stopAll(String ownerId, String linkId) {
    List<LinkSync> found = syncs.remove(new Key(ownerId, linkId));
    if (found == null) {
      return 0;
    }
    found.forEach(LinkSync::stop);
    return found.size();
  }

  private record Key(String ownerId, String linkId) {
    Key {
      Objects.requireNonNull(ownerId, "ownerId");
      Objects.requireNonNull(linkId, "linkId");
    }
  }
}
