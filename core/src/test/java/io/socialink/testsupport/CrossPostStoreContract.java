package io.socialink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.crosspost.CaptionTemplate;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostEntry.State;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncCursor;
import io.socialink.store.CrossPostStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CrossPostStore} does: rules and cursors per owner and link, replaced whole; one
 * journal entry per owner, link and source item, replaced as the item moves from
 * {@link State#IN_FLIGHT} to its outcome, read back oldest source item first. A subclass supplies a
 * fresh, empty store for each test.
 */
public abstract class CrossPostStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  protected CrossPostStore store;

  /**
   * A new, empty store.
   *
   * @return the store
   */
  protected abstract CrossPostStore newStore();

  /** Releases what {@link #newStore()} made; nothing by default. */
  protected void closeStore() {}

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void releaseStore() {
    closeStore();
  }

  static CrossPostEntry inFlight(String owner, String link, String item, Instant published) {
    return new CrossPostEntry(owner, link, item, published, State.IN_FLIGHT, Optional.empty(),
        "caption of " + item + " https://instagram.example/p/" + item, Optional.empty(), T0);
  }

  // ---- rules and cursors

  @Test
  void rulesReadBackWithEveryFieldAndAreReplaced() {
    CrossPostRules full = CrossPostRules.builder()
        .contentTypes(Set.of(ContentType.STORY, ContentType.IMAGE, ContentType.REEL))
        .caption(new CaptionTemplate("Neu: ", "\n\n— Zoë's studio ✨", List.of("#studio", "#Ölfarbe", "#a_1"), false))
        .includeHashtags(Set.of("#Art", "painting"))
        .excludeHashtags(Set.of("private", "#Draft_2"))
        .backfill(3)
        .pageSize(50)
        .build();

    store.saveRules("alice", "l-1", full);
    assertThat(store.rules("alice", "l-1")).contains(full);
    CrossPostRules read = store.rules("alice", "l-1").orElseThrow();
    assertThat(read.caption().hashtags()).as("in order").containsExactly("#studio", "#Ölfarbe", "#a_1");
    assertThat(read.caption().suffix()).isEqualTo("\n\n— Zoë's studio ✨");
    assertThat(read.caption().linkBack()).isFalse();
    assertThat(read.includeHashtags()).containsExactlyInAnyOrder("art", "painting");
    assertThat(read.excludeHashtags()).containsExactlyInAnyOrder("private", "draft_2");

    store.saveRules("alice", "l-1", CrossPostRules.ofDefaults());
    assertThat(store.rules("alice", "l-1")).contains(CrossPostRules.ofDefaults());
    CrossPostRules defaults = store.rules("alice", "l-1").orElseThrow();
    assertThat(defaults.caption().hashtags()).isEmpty();
    assertThat(defaults.includeHashtags()).isEmpty();
    assertThat(defaults.caption().linkBack()).isTrue();
  }

  @Test
  void rulesAndCursorsAreScopedByOwnerAndLink() {
    CrossPostRules images = CrossPostRules.builder().contentTypes(Set.of(ContentType.IMAGE)).build();
    store.saveRules("alice", "l-1", images);
    store.saveCursor("alice", "l-1", new SyncCursor("item-9", T0));

    assertThat(store.rules("bob", "l-1")).isEmpty();
    assertThat(store.rules("alice", "l-2")).isEmpty();
    assertThat(store.cursor("bob", "l-1")).isEmpty();
    assertThat(store.cursor("alice", "l-2")).isEmpty();

    store.saveRules("bob", "l-1", CrossPostRules.ofDefaults());
    store.saveCursor("bob", "l-1", new SyncCursor("other", T0.minusSeconds(5)));
    assertThat(store.rules("alice", "l-1")).contains(images);
    assertThat(store.cursor("alice", "l-1")).contains(new SyncCursor("item-9", T0));
  }

  @Test
  void aCursorIsEmptyBeforeTheFirstRunThenReadsBackAndIsReplaced() {
    assertThat(store.cursor("alice", "l-1")).isEmpty();

    store.saveCursor("alice", "l-1", new SyncCursor("17890000000000001", T0));
    assertThat(store.cursor("alice", "l-1")).contains(new SyncCursor("17890000000000001", T0));

    store.saveCursor("alice", "l-1", new SyncCursor("17890000000000002", T0.plus(Duration.ofMinutes(5))));
    assertThat(store.cursor("alice", "l-1")).contains(new SyncCursor("17890000000000002", T0.plusSeconds(300)));
  }

  // ---- the journal

  @Test
  void anEntryIsRecordedInFlightThenReplacedByItsOutcome() {
    CrossPostEntry flying = inFlight("alice", "l-1", "item-1", T0.minusSeconds(60));
    assertThat(store.entry("alice", "l-1", "item-1")).as("never handled").isEmpty();

    store.record(flying);
    assertThat(store.entry("alice", "l-1", "item-1")).contains(flying);
    assertThat(store.entry("alice", "l-1", "item-1").orElseThrow().settled()).isFalse();

    CrossPostEntry posted = flying.moveTo(State.POSTED, Optional.of("1861234567890123456"), Optional.empty(),
        T0.plusSeconds(2));
    store.record(posted);

    assertThat(store.entry("alice", "l-1", "item-1")).contains(posted);
    assertThat(store.entry("alice", "l-1", "item-1").orElseThrow().targetPostId()).contains("1861234567890123456");
    assertThat(store.entries("alice", "l-1")).containsExactly(posted);
  }

  @Test
  void everyStateReadsBackWithItsPostIdReasonAndText() {
    Instant p = T0.minus(Duration.ofHours(1));
    List<CrossPostEntry> all = List.of(
        inFlight("alice", "l-1", "i-1", p),
        inFlight("alice", "l-1", "i-2", p.plusSeconds(1)).moveTo(State.PENDING, Optional.empty(),
            Optional.of("rate limited until 10:15"), T0.plusSeconds(1)),
        inFlight("alice", "l-1", "i-3", p.plusSeconds(2)).moveTo(State.POSTED, Optional.of("post-3"), Optional.empty(),
            T0.plusSeconds(2)),
        new CrossPostEntry("alice", "l-1", "i-4", p.plusSeconds(3), State.SKIPPED, Optional.empty(), "",
            Optional.of("content type STORY is not copied by this link"), T0.plusSeconds(3)),
        inFlight("alice", "l-1", "i-5", p.plusSeconds(4)).moveTo(State.FAILED, Optional.empty(),
            Optional.of("the target rejected the content: \"duplicate\""), T0.plusSeconds(4)));
    all.forEach(store::record);

    assertThat(store.entries("alice", "l-1")).containsExactlyElementsOf(all);
    for (CrossPostEntry e : all) {
      assertThat(store.entry("alice", "l-1", e.sourceItemId())).contains(e);
    }
  }

  @Test
  void theJournalIsOldestSourceItemFirstWithTiesByItemIdAndScopedByOwnerAndLink() {
    CrossPostEntry newest = inFlight("alice", "l-1", "a-newest", T0);
    CrossPostEntry tieB = inFlight("alice", "l-1", "b", T0.minusSeconds(10));
    CrossPostEntry tieA = inFlight("alice", "l-1", "a", T0.minusSeconds(10));
    CrossPostEntry tieUpper = inFlight("alice", "l-1", "Z", T0.minusSeconds(10));
    CrossPostEntry oldest = inFlight("alice", "l-1", "z-oldest", T0.minus(Duration.ofDays(30)));
    for (CrossPostEntry e : List.of(newest, tieB, tieA, tieUpper, oldest)) {
      store.record(e);
    }
    store.record(inFlight("alice", "l-2", "a", T0));
    store.record(inFlight("bob", "l-1", "a", T0));

    assertThat(store.entries("alice", "l-1")).containsExactly(oldest, tieUpper, tieA, tieB, newest);
    assertThat(store.entries("alice", "l-2")).extracting(CrossPostEntry::linkId).containsExactly("l-2");
    assertThat(store.entries("bob", "l-1")).extracting(CrossPostEntry::ownerId).containsExactly("bob");
    assertThat(store.entries("carol", "l-1")).isEmpty();
    assertThat(store.entry("bob", "l-1", "b")).isEmpty();
    assertThat(store.entry("alice", "l-2", "b")).isEmpty();
  }

  @Test
  void theSameSourceItemUnderTwoLinksOrOwnersIsTwoEntries() {
    CrossPostEntry toX = inFlight("alice", "to-x", "item-1", T0);
    CrossPostEntry toTikTok = inFlight("alice", "to-tiktok", "item-1", T0)
        .moveTo(State.POSTED, Optional.of("v-1"), Optional.empty(), T0.plusSeconds(1));
    CrossPostEntry bobs = inFlight("bob", "to-x", "item-1", T0)
        .moveTo(State.SKIPPED, Optional.empty(), Optional.of("rules"), T0.plusSeconds(1));
    store.record(toX);
    store.record(toTikTok);
    store.record(bobs);

    assertThat(store.entry("alice", "to-x", "item-1")).contains(toX);
    assertThat(store.entry("alice", "to-tiktok", "item-1")).contains(toTikTok);
    assertThat(store.entry("bob", "to-x", "item-1")).contains(bobs);
  }

  @Test
  void concurrentRecordsOfOneNewItemAllSucceedAndLeaveOneWholeEntry() throws Exception {
    List<CrossPostEntry> written = Race.onThreads(8, i -> {
      CrossPostEntry e = inFlight("alice", "l-1", "item-1", T0)
          .moveTo(i % 2 == 0 ? State.POSTED : State.PENDING, i % 2 == 0 ? Optional.of("post-" + i) : Optional.empty(),
              Optional.of("writer " + i), T0.plusSeconds(i));
      store.record(e);
      return e;
    });

    assertThat(store.entries("alice", "l-1")).singleElement().satisfies(e -> assertThat(written).contains(e));
  }

  @Test
  void concurrentSavesOfNewRulesAndCursorsAllSucceed() throws Exception {
    List<Integer> pageSizes = Race.onThreads(8, i -> {
      store.saveRules("alice", "l-1", CrossPostRules.builder().pageSize(10 + i).build());
      store.saveCursor("alice", "l-1", new SyncCursor("item-" + i, T0.plusSeconds(i)));
      return 10 + i;
    });

    assertThat(pageSizes).contains(store.rules("alice", "l-1").orElseThrow().pageSize());
    SyncCursor c = store.cursor("alice", "l-1").orElseThrow();
    assertThat(c.lastTimestamp()).isEqualTo(T0.plusSeconds(Integer.parseInt(c.lastItemId().substring(5))));
  }

  // ---- claims

  @Test
  void aClaimWritesOnlyOverTheEntryAsItWasRead() {
    CrossPostEntry first = inFlight("alice", "l-1", "item-1", T0);
    assertThat(store.claim(first, Optional.empty())).isTrue();
    assertThat(store.claim(inFlight("alice", "l-1", "item-1", T0.plusSeconds(1)), Optional.empty()))
        .as("someone claimed it since").isFalse();

    CrossPostEntry read = store.entry("alice", "l-1", "item-1").orElseThrow();
    CrossPostEntry retaken = read.moveTo(State.IN_FLIGHT, Optional.empty(), Optional.empty(), T0.plusSeconds(300));
    assertThat(store.claim(retaken, Optional.of(read))).isTrue();
    assertThat(store.claim(read.moveTo(State.IN_FLIGHT, Optional.empty(), Optional.empty(), T0.plusSeconds(301)),
        Optional.of(read))).as("the entry changed after it was read").isFalse();
    assertThat(store.entry("alice", "l-1", "item-1")).contains(store.entry("alice", "l-1", "item-1").orElseThrow());
    assertThat(store.entry("alice", "l-1", "item-1").orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(store.claim(inFlight("bob", "l-1", "item-1", T0), Optional.empty()))
        .as("another owner's item is another item").isTrue();
  }

  @Test
  void ofManyInstancesClaimingOneItemExactlyOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String item = "item-" + round;
      List<Boolean> won = Race.onThreads(12, i -> store.claim(new CrossPostEntry("alice", "l-1", item, T0,
          State.IN_FLIGHT, Optional.empty(), "text " + i, Optional.empty(), T0.plusSeconds(i)), Optional.empty()));
      assertThat(won).filteredOn(w -> w).as("round %d", round).hasSize(1);
    }
  }
}
