package io.socialink.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncCursor;
import io.socialink.store.memory.InMemoryCrossPostStore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCrossPostStoreTest {
  static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  final CrossPostStore store = new InMemoryCrossPostStore();

  static CrossPostEntry entry(String owner, String item, Instant at, CrossPostEntry.State state) {
    return new CrossPostEntry(owner, "l-1", item, at, state, Optional.empty(), "text", Optional.empty(), T);
  }

  @Test
  void theJournalIsScopedByOwnerAndLinkOrderedBySourceTimeAndReplacedByItem() {
    store.record(entry("alice", "b", T.plusSeconds(2), CrossPostEntry.State.IN_FLIGHT));
    store.record(entry("alice", "a", T.plusSeconds(1), CrossPostEntry.State.POSTED));
    store.record(entry("bob", "a", T, CrossPostEntry.State.POSTED));
    store.record(entry("alice", "b", T.plusSeconds(2), CrossPostEntry.State.POSTED));

    assertThat(store.entries("alice", "l-1")).extracting(CrossPostEntry::sourceItemId, CrossPostEntry::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", CrossPostEntry.State.POSTED),
            org.assertj.core.groups.Tuple.tuple("b", CrossPostEntry.State.POSTED));
    assertThat(store.entry("bob", "l-1", "b")).isEmpty();
    assertThat(store.entries("alice", "l-2")).isEmpty();
  }

  @Test
  void rulesAndCursorsAreKeptPerOwnerAndLink() {
    store.saveRules("alice", "l-1", CrossPostRules.ofDefaults());
    store.saveCursor("alice", "l-1", new SyncCursor("m-1", T));
    store.saveCursor("alice", "l-1", new SyncCursor("m-2", T.plusSeconds(1)));

    assertThat(store.rules("alice", "l-1")).contains(CrossPostRules.ofDefaults());
    assertThat(store.rules("bob", "l-1")).isEmpty();
    assertThat(store.cursor("alice", "l-1")).contains(new SyncCursor("m-2", T.plusSeconds(1)));
    assertThat(store.cursor("alice", "l-2")).isEmpty();
  }

  @Test
  void storesCarryAnInMemoryCrossPostStoreByDefaultAndCanTakeAnother() {
    Stores four = new Stores(Stores.inMemory().grants(), Stores.inMemory().links(), Stores.inMemory().pending(),
        Stores.inMemory().journal());

    assertThat(four.crossPosts()).isInstanceOf(InMemoryCrossPostStore.class);
    assertThat(Stores.inMemory().withCrossPosts(store).crossPosts()).isSameAs(store);
    assertThat(Stores.inMemory().withCrossPosts(store).withGrants(four.grants()).crossPosts()).isSameAs(store);
  }
}
