package io.socialink.store.memory;

import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncCursor;
import io.socialink.store.CrossPostStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link CrossPostStore} in memory. */
public final class InMemoryCrossPostStore implements CrossPostStore {
  private final Map<Key, CrossPostRules> rules = new ConcurrentHashMap<>();
  private final Map<Key, SyncCursor> cursors = new ConcurrentHashMap<>();
  private final Map<ItemKey, CrossPostEntry> entries = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryCrossPostStore() {}

  @Override
  public void saveRules(String ownerId, String linkId, CrossPostRules value) {
    rules.put(new Key(ownerId, linkId), Objects.requireNonNull(value, "rules"));
  }

  @Override
  public Optional<CrossPostRules> rules(String ownerId, String linkId) {
    return Optional.ofNullable(rules.get(new Key(ownerId, linkId)));
  }

  @Override
  public void saveCursor(String ownerId, String linkId, SyncCursor cursor) {
    cursors.put(new Key(ownerId, linkId), Objects.requireNonNull(cursor, "cursor"));
  }

  @Override
  public Optional<SyncCursor> cursor(String ownerId, String linkId) {
    return Optional.ofNullable(cursors.get(new Key(ownerId, linkId)));
  }

  @Override
  public void record(CrossPostEntry entry) {
    Objects.requireNonNull(entry, "entry");
    entries.put(new ItemKey(entry.ownerId(), entry.linkId(), entry.sourceItemId()), entry);
  }

  @Override
  public boolean claim(CrossPostEntry entry, Optional<CrossPostEntry> expected) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(expected, "expected");
    boolean[] written = {false};
    entries.compute(new ItemKey(entry.ownerId(), entry.linkId(), entry.sourceItemId()), (k, current) -> {
      if (!Optional.ofNullable(current).equals(expected)) {
        return current;
      }
      written[0] = true;
      return entry;
    });
    return written[0];
  }

  @Override
  public Optional<CrossPostEntry> entry(String ownerId, String linkId, String sourceItemId) {
    return Optional.ofNullable(entries.get(new ItemKey(ownerId, linkId, sourceItemId)));
  }

  @Override
  public List<CrossPostEntry> entries(String ownerId, String linkId) {
    return entries.values().stream()
        .filter(e -> e.ownerId().equals(ownerId) && e.linkId().equals(linkId))
        .sorted(Comparator.comparing(CrossPostEntry::sourceTimestamp).thenComparing(CrossPostEntry::sourceItemId))
        .toList();
  }

  private record Key(String ownerId, String linkId) {
    Key {
      Objects.requireNonNull(ownerId, "ownerId");
      Objects.requireNonNull(linkId, "linkId");
    }
  }

  private record ItemKey(String ownerId, String linkId, String itemId) {
    ItemKey {
      Objects.requireNonNull(ownerId, "ownerId");
      Objects.requireNonNull(linkId, "linkId");
      Objects.requireNonNull(itemId, "itemId");
    }
  }
}
