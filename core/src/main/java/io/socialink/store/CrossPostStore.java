package io.socialink.store;

import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncCursor;
import java.util.List;
import java.util.Optional;

/**
 * Stores cross-post links' rules, sync cursors and the journal of source item to target post. Every
 * query is scoped by owner. A write is durable when the method returns: the journal's "in flight"
 * record must be stored before the target is asked to post. Implementations are thread-safe.
 */
public interface CrossPostStore {
  /**
   * Stores a link's rules, replacing any.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param rules the rules
   */
  void saveRules(String ownerId, String linkId, CrossPostRules rules);

  /**
   * A link's rules.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the rules, or empty
   */
  Optional<CrossPostRules> rules(String ownerId, String linkId);

  /**
   * Stores where a link's sync stopped reading its source, replacing any.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param cursor the newest item handled
   */
  void saveCursor(String ownerId, String linkId, SyncCursor cursor);

  /**
   * Where a link's sync stopped reading its source.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the cursor, or empty before the first run
   */
  Optional<SyncCursor> cursor(String ownerId, String linkId);

  /**
   * Inserts or replaces the journal entry of a source item (keyed by owner, link and source item id).
   *
   * @param entry the entry
   */
  void record(CrossPostEntry entry);

  /**
   * Records an entry only if the item's stored entry is still the one the caller read: none when
   * {@code expected} is empty, otherwise one equal to it. Of several instances that read the same
   * entry and claim the item, exactly one succeeds: a sync claims an item this way before posting it,
   * so two instances never post one item at once. The default reads, compares and writes without
   * atomicity; a store shared by several processes overrides it (the in-memory and JDBC stores do).
   *
   * @param entry the entry to write
   * @param expected the entry as the caller read it, or empty when it read none
   * @return true if the entry was written, false if the stored entry had changed
   */
  default boolean claim(CrossPostEntry entry, Optional<CrossPostEntry> expected) {
    java.util.Objects.requireNonNull(entry, "entry");
    java.util.Objects.requireNonNull(expected, "expected");
    if (!entry(entry.ownerId(), entry.linkId(), entry.sourceItemId()).equals(expected)) {
      return false;
    }
    record(entry);
    return true;
  }

  /**
   * The journal entry of a source item.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param sourceItemId the source item
   * @return the entry, or empty when the item was never handled
   */
  Optional<CrossPostEntry> entry(String ownerId, String linkId, String sourceItemId);

  /**
   * A link's journal.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the entries, oldest source item first
   */
  List<CrossPostEntry> entries(String ownerId, String linkId);
}
