package io.socialink.crosspost;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a sync stopped reading its source: the newest item it has handled. A sync remembers the id
 * and timestamp of that item and reads the source newest-first down to it, instead of storing paging
 * cursors (Instagram's documentation asks not to store them).
 *
 * @param lastItemId the id of the newest item handled
 * @param lastTimestamp its timestamp
 */
public record SyncCursor(String lastItemId, Instant lastTimestamp) {
  /** Validates the components. */
  public SyncCursor {
    Objects.requireNonNull(lastItemId, "lastItemId");
    Objects.requireNonNull(lastTimestamp, "lastTimestamp");
  }

  /**
   * The cursor at an item.
   *
   * @param item the item
   * @return the cursor
   */
  public static SyncCursor at(SourceItem item) {
    return new SyncCursor(item.id(), item.timestamp());
  }

  /**
   * Answers whether a newest-first walk of the source stops at an item: the cursor's own item, or one
   * published before it. Items published at the cursor's instant but listed before it count as new;
   * the journal keeps them from being posted twice.
   *
   * @param item the item
   * @return true if the sync has handled it or anything older
   */
  public boolean reached(SourceItem item) {
    return item.id().equals(lastItemId) || item.timestamp().isBefore(lastTimestamp);
  }
}
