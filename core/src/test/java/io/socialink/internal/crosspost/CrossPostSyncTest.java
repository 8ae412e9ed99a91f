package io.socialink.internal.crosspost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.crosspost.CaptionTemplate;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostEntry.State;
import io.socialink.crosspost.CrossPostFailure;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.CrossPostSync;
import io.socialink.crosspost.SyncReport;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.store.CrossPostStore;
import io.socialink.store.Stores;
import io.socialink.store.memory.InMemoryCrossPostStore;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossPostSyncTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  static final String OWNER = "alice";

  final MutableClock clock = new MutableClock(T0);
  final List<Duration> sleeps = new ArrayList<>();
  final CrossPostFakes.Source source = new CrossPostFakes.Source();
  final CrossPostFakes.Target target = new CrossPostFakes.Target(clock);
  Stores stores = Stores.inMemory();
  final Recorder events = new Recorder();
  Socialink socialink = socialink();

  Socialink socialink() {
    return Socialink.builder().register(source).register(target)
        .credentials(AppCredentials.publicClient("src", "oauth2", "src-client", URI.create("https://app.test/cb")))
        .credentials(AppCredentials.publicClient("dst", "oauth2", "dst-client", URI.create("https://app.test/cb")))
        .stores(stores).clock(clock).transport(CrossPostFakes.cdn())
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
        })
        .build();
  }

  Link link(CrossPostRules rules) {
    grant("g-src", Account.of("src", "s-1", "painter", "Painter"), "src-client");
    grant("g-dst", Account.of("dst", "d-1", "painter_x", "Painter X"), "dst-client");
    return socialink.crossPosting().link(OWNER, "g-src", "g-dst", rules);
  }

  void grant(String id, Account account, String clientId) {
    stores.grants().save(new Grant(id, OWNER, account, "oauth2", clientId, Secret.of("token-" + id), Optional.empty(),
        Set.of("read"), "bearer", T0, Optional.of(T0.plus(Duration.ofDays(30))), Optional.empty(), 0));
  }

  /** A time after the link was made. */
  Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** A time before the link was made. */
  Instant old(int minutes) {
    return T0.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(minutes));
  }

  SyncReport pass(Link link) {
    return socialink.crossPosting().syncNow(OWNER, link.id(), events);
  }

  static final class Recorder implements CrossPostListener {
    final List<CrossPostEntry> posted = new ArrayList<>();
    final List<CrossPostEntry> skipped = new ArrayList<>();
    final List<CrossPostFailure> failures = new ArrayList<>();
    final List<Link> broken = new ArrayList<>();

    @Override
    public void posted(CrossPostEntry entry) {
      posted.add(entry);
    }

    @Override
    public void skipped(CrossPostEntry entry) {
      skipped.add(entry);
    }

    @Override
    public void failed(CrossPostFailure failure) {
      failures.add(failure);
    }

    @Override
    public void linkBroken(Link link, CrossPostFailure cause) {
      broken.add(link);
    }
  }

  @Test
  void aLinkIsACrossPostLinkFromTheSourceAccountToTheTargetAccountWithBothGrants() {
    Link link = link(CrossPostRules.ofDefaults());

    assertThat(link.kind()).isEqualTo(LinkKind.CROSS_POST);
    assertThat(link.from().describe()).isEqualTo("src account @painter");
    assertThat(link.to().describe()).isEqualTo("dst account @painter_x");
    assertThat(link.grantIds()).containsExactly("g-src", "g-dst");
    assertThat(socialink.crossPosting().rules(OWNER, link.id())).isEqualTo(CrossPostRules.ofDefaults());
    assertThat(socialink.links().find(OWNER, link.id())).contains(link);
  }

  @Test
  void aPlatformThatCannotBeASourceOrTargetIsRefusedAtLinkTime() {
    link(CrossPostRules.ofDefaults());

    assertThatThrownBy(() -> socialink.crossPosting().link(OWNER, "g-dst", "g-src", CrossPostRules.ofDefaults()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot be read as a cross-post source");
    assertThatThrownBy(() -> socialink.crossPosting().link(OWNER, "g-src", "g-src", CrossPostRules.ofDefaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFirstRunPostsNoHistoryAndLaterRunsPostNewItemsOldestFirst() {
    source.add("a", old(1), ContentType.IMAGE, Optional.of("old one"), "a.jpg");
    source.add("b", old(2), ContentType.IMAGE, Optional.of("old two"), "b.jpg");
    Link link = link(CrossPostRules.builder().caption(CaptionTemplate.ofDefaults().withLinkBack(false)).build());

    SyncReport first = pass(link);
    assertThat(first.posted()).isEmpty();
    assertThat(target.posts).isEmpty();

    source.add("c", old(3), ContentType.IMAGE, Optional.of("new three"), "c.jpg"); // after b, yet before the link
    source.add("d", at(4), ContentType.VIDEO, Optional.of("new four"), "d.mp4");
    SyncReport second = pass(link);

    assertThat(second.posted()).extracting(CrossPostEntry::sourceItemId).containsExactly("c", "d");
    assertThat(target.texts()).containsExactly("new three", "new four");
    assertThat(target.received.get(1).media()).singleElement().satisfies(m -> assertThat(m.mimeType()).isEqualTo("video/mp4"));
    assertThat(target.receivedMediaBytes).containsExactly("bytes of c.jpg".length(), "bytes of d.mp4".length());
    assertThat(socialink.crossPosting().journal(OWNER, link.id()))
        .extracting(CrossPostEntry::sourceItemId, CrossPostEntry::state, e -> e.targetPostId().orElse(""))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("c", State.POSTED, "post-100"),
            org.assertj.core.groups.Tuple.tuple("d", State.POSTED, "post-101"));
    assertThat(events.posted).hasSize(2);

    assertThat(pass(link).posted()).isEmpty(); // nothing new
    assertThat(target.posts).hasSize(2);
  }

  @Test
  void backfillCopiesTheNewestExistingItemsWhenAsked() {
    for (int i = 1; i <= 5; i++) {
      source.add("i" + i, old(i), ContentType.IMAGE, Optional.of("item " + i), "i" + i + ".jpg");
    }
    Link link = link(CrossPostRules.builder().backfill(2).caption(CaptionTemplate.ofDefaults().withLinkBack(false))
        .build());

    assertThat(pass(link).posted()).extracting(CrossPostEntry::sourceItemId).containsExactly("i4", "i5");
    assertThat(pass(link).posted()).isEmpty();
  }

  @Test
  void captionsAreFittedToTheTargetsTextRules() {
    Link link = link(CrossPostRules.builder().caption(CaptionTemplate.ofDefaults().withHashtags(List.of("#art")))
        .build());
    pass(link);
    source.add("x", at(10), ContentType.IMAGE, Optional.of("A very long caption about the painting ".repeat(3)),
        "x.jpg");
    source.add("y", at(11), ContentType.REEL, Optional.empty(), "y.mp4");

    pass(link);

    assertThat(target.texts()).hasSize(2);
    String first = target.texts().get(0);
    assertThat(first.codePointCount(0, first.length())).isLessThanOrEqualTo(60);
    assertThat(first).endsWith("#art https://src.test/p/x").contains("\u2026");
    assertThat(target.texts().get(1)).isEqualTo("#art https://src.test/p/y"); // no caption: still a valid text
  }

  @Test
  void itemsTheRulesOrTheTargetDoNotTakeAreSkippedWithAReason() {
    Link link = link(CrossPostRules.builder().excludeHashtags(Set.of("private")).build());
    pass(link);
    target.refusal = i -> i.type() == ContentType.CAROUSEL ? Optional.of("no carousels here") : Optional.empty();
    source.add("story", at(10), ContentType.STORY, Optional.of("a story"), "s.jpg");
    source.add("priv", at(11), ContentType.IMAGE, Optional.of("just us #Private"), "p.jpg");
    source.add("album", at(12), ContentType.CAROUSEL, Optional.of("many"), "c.jpg");
    source.add("nofile", at(13), ContentType.IMAGE, Optional.of("copyrighted"));
    source.add("gone", at(14), ContentType.IMAGE, Optional.of("expired"), "gone.jpg");
    source.add("ok", at(15), ContentType.IMAGE, Optional.of("fine"), "ok.jpg");

    SyncReport report = pass(link);

    assertThat(report.posted()).extracting(CrossPostEntry::sourceItemId).containsExactly("ok");
    assertThat(report.skipped()).extracting(CrossPostEntry::sourceItemId, e -> e.reason().orElse(""))
        .satisfiesExactly(
            t -> assertThat(t.toList()).containsExactly("story", "content type STORY is not copied by this link"
                + " (it copies [CAROUSEL, IMAGE, REEL, VIDEO])"),
            t -> assertThat((String) t.toList().get(1)).contains("#private"),
            t -> assertThat(t.toList()).containsExactly("album", "no carousels here"),
            t -> assertThat((String) t.toList().get(1)).contains("no media file"),
            t -> assertThat((String) t.toList().get(1)).contains("could not be fetched").contains("HTTP 404"));
    assertThat(socialink.crossPosting().journal(OWNER, link.id())).extracting(CrossPostEntry::state)
        .containsExactly(State.SKIPPED, State.SKIPPED, State.SKIPPED, State.SKIPPED, State.SKIPPED, State.POSTED);
    assertThat(target.posts).hasSize(1);
  }

  @Test
  void aCrashBetweenPostingAndTheJournalWriteDoesNotPostTwiceAfterARestart() {
    CrashingStore crashing = new CrashingStore(new InMemoryCrossPostStore());
    stores = stores.withCrossPosts(crashing);
    socialink = socialink();
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    crashing.crashOnPosted = true;

    assertThatThrownBy(() -> pass(link)).hasMessageContaining("killed");
    assertThat(target.posts).hasSize(1);
    assertThat(crashing.entry(OWNER, link.id(), "n")).get().extracting(CrossPostEntry::state).isEqualTo(State.IN_FLIGHT);

    socialink = socialink(); // a new process over the same stores
    clock.advance(LinkSync.IN_FLIGHT_LEASE); // the dead process's attempt is taken as interrupted
    SyncReport afterRestart = pass(link);

    assertThat(target.posts).hasSize(1);
    assertThat(target.received).hasSize(1);
    assertThat(target.lookups).hasValue(1);
    assertThat(afterRestart.posted()).singleElement().satisfies(e -> {
      assertThat(e.targetPostId()).contains("post-100");
      assertThat(e.reason()).get().asString().contains("found among the target's recent posts");
    });
    assertThat(pass(link).posted()).isEmpty();
    assertThat(target.posts).hasSize(1);
  }

  @Test
  void anItemAnotherInstanceHasInFlightIsLeftAloneUntilItsLeaseRunsOut() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    CrossPostEntry elsewhere = new CrossPostEntry(OWNER, link.id(), "n", at(10), State.IN_FLIGHT, Optional.empty(),
        "new work", Optional.empty(), clock.instant());
    assertThat(stores.crossPosts().claim(elsewhere, Optional.empty())).as("another instance claims it").isTrue();

    SyncReport meanwhile = pass(link);

    assertThat(meanwhile.posted()).isEmpty();
    assertThat(target.posts).isEmpty();
    assertThat(target.lookups).hasValue(0);
    assertThat(stores.crossPosts().entry(OWNER, link.id(), "n")).contains(elsewhere);

    clock.advance(LinkSync.IN_FLIGHT_LEASE);
    SyncReport later = pass(link);

    assertThat(target.lookups).as("taken as interrupted, looked up first").hasValue(1);
    assertThat(later.posted()).hasSize(1);
    assertThat(target.posts).hasSize(1);
  }

  @Test
  void anItemInFlightThatTheTargetDoesNotHaveIsPostedOnce() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    target.publishFailures.add(new IllegalStateException("killed before the request left"));

    assertThatThrownBy(() -> pass(link)).hasMessageContaining("killed");
    socialink = socialink(); // a new process over the same stores
    clock.advance(LinkSync.IN_FLIGHT_LEASE);
    SyncReport report = pass(link);

    assertThat(report.posted()).singleElement().satisfies(e -> assertThat(e.reason()).isEmpty());
    assertThat(target.posts).hasSize(1);
    assertThat(target.lookups).hasValue(1);
  }

  @Test
  void anItemInFlightOnATargetThatCannotListItsPostsIsNeverPostedAgain() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    target.listsOwnPosts = false;
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    target.failAfterPosting = new IllegalStateException("killed after posting");

    assertThatThrownBy(() -> pass(link)).hasMessageContaining("killed");
    socialink = socialink(); // a new process over the same stores
    clock.advance(LinkSync.IN_FLIGHT_LEASE);
    SyncReport report = pass(link);

    assertThat(report.skipped()).singleElement().satisfies(e ->
        assertThat(e.reason()).get().asString().contains("at most once"));
    assertThat(target.posts).hasSize(1);
    assertThat(target.lookups).hasValue(0);
  }

  @Test
  void aDuplicateAnswerCountsAsPosted() {
    Link link = link(CrossPostRules.builder().caption(CaptionTemplate.ofDefaults().withLinkBack(false)).build());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("same words"), "n.jpg");
    target.posts.add(new io.socialink.crosspost.RecentPost("post-7", "same words", Optional.of(T0)));

    SyncReport report = pass(link);

    assertThat(report.posted()).singleElement().satisfies(e -> {
      assertThat(e.targetPostId()).contains("post-7");
      assertThat(e.reason()).get().asString().contains("duplicate");
    });
    assertThat(report.failures()).isEmpty();
    assertThat(target.posts).hasSize(1);
  }

  @Test
  void aRevokedGrantMarksTheLinkBrokenStopsTheSyncAndIsReported() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    target.publishFailures.add(CrossPostFakes.error(ErrorCategory.AUTH_REVOKED, "dst", "token revoked"));

    CrossPostSync sync = socialink.crossPosting().sync(OWNER, link.id(), events);
    SyncReport report = sync.run(Duration.ofMinutes(5));

    assertThat(report.stopped()).isTrue();
    assertThat(sleeps).isEmpty(); // no retry loop
    assertThat(socialink.links().find(OWNER, link.id())).get().extracting(Link::state).isEqualTo(LinkState.BROKEN);
    assertThat(events.broken).singleElement().extracting(Link::state).isEqualTo(LinkState.BROKEN);
    assertThat(events.failures).singleElement().satisfies(f -> {
      assertThat(f.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
      assertThat(f.sourceItemId()).contains("n");
      assertThat(f.message()).contains("src account @painter").contains("dst account @painter_x")
          .contains("link the account again");
    });
    assertThat(socialink.crossPosting().journal(OWNER, link.id())).singleElement()
        .extracting(CrossPostEntry::state).isEqualTo(State.PENDING);

    int listsBefore = source.lists.get();
    assertThat(pass(link).stopped()).isTrue();
    assertThat(source.lists).hasValue(listsBefore); // a broken link is not read again
    assertThat(target.posts).isEmpty();
  }

  @Test
  void aRefreshRefusedAsRevokedLeavesTheLinkRevokedAndStopsTheSync() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    stores.grants().save(new Grant("g-dst", OWNER, Account.of("dst", "d-1", "painter_x", "Painter X"), "oauth2",
        "dst-client", Secret.of("short"), Optional.of(Secret.of("refresh")), Set.of("read"), "bearer", T0,
        Optional.of(T0.plusSeconds(30)), Optional.empty(), 1)); // expires now: the next call refreshes first
    target.refreshFailure = CrossPostFakes.error(ErrorCategory.AUTH_REVOKED, "dst", "invalid_grant");
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");

    SyncReport report = socialink.crossPosting().sync(OWNER, link.id(), events).run(Duration.ofMinutes(5));

    assertThat(report.stopped()).isTrue();
    assertThat(sleeps).isEmpty();
    assertThat(socialink.links().find(OWNER, link.id())).get().extracting(Link::state).isEqualTo(LinkState.REVOKED);
    assertThat(events.broken).singleElement().extracting(Link::state).isEqualTo(LinkState.REVOKED);
    assertThat(target.posts).isEmpty();
  }

  @Test
  void aTransientFailureMarksNothingAndTheItemIsLookedUpThenPostedNextPass() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    target.publishFailures.add(CrossPostFakes.error(ErrorCategory.TRANSIENT, "dst", "503"));

    SyncReport failed = pass(link);

    assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("tried again"));
    assertThat(socialink.links().find(OWNER, link.id())).get().extracting(Link::state).isEqualTo(LinkState.ACTIVE);
    assertThat(events.broken).isEmpty();
    assertThat(socialink.crossPosting().journal(OWNER, link.id())).singleElement()
        .extracting(CrossPostEntry::state).isEqualTo(State.IN_FLIGHT);

    assertThat(pass(link).posted()).hasSize(1);
    assertThat(target.lookups).hasValue(1);
    assertThat(target.posts).hasSize(1);
  }

  @Test
  void aRateLimitWaitsForTheResetAndLeavesTheItemPending() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    Instant reset = clock.instant().plus(Duration.ofMinutes(12));
    target.publishFailures.add(io.socialink.error.SocialinkException.of(io.socialink.error.Classification.of(
        ErrorCategory.RATE_LIMITED, "dst", 429, "Too Many Requests").withRetryAt(reset), null, 1));

    SyncReport first = pass(link);

    assertThat(first.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains(reset.toString()));
    assertThat(socialink.crossPosting().journal(OWNER, link.id())).singleElement().satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.PENDING);
      assertThat(e.reason()).get().asString().startsWith("RATE_LIMITED");
    });
    assertThat(events.broken).isEmpty();
    assertThat(pass(link).posted()).hasSize(1);
    assertThat(target.lookups).hasValue(0); // a pending item was provably not posted: no lookup
  }

  @Test
  void runWaitsTheIntervalOrTheRateLimitResetAndStopsWhenAsked() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new work"), "n.jpg");
    Instant reset = clock.instant().plus(Duration.ofMinutes(12));
    target.publishFailures.add(io.socialink.error.SocialinkException.of(io.socialink.error.Classification.of(
        ErrorCategory.RATE_LIMITED, "dst", 429, "Too Many Requests").withRetryAt(reset), null, 1));
    List<CrossPostSync> handle = new ArrayList<>();
    Socialink s = Socialink.builder().register(source).register(target)
        .credentials(AppCredentials.publicClient("src", "oauth2", "src-client", URI.create("https://app.test/cb")))
        .credentials(AppCredentials.publicClient("dst", "oauth2", "dst-client", URI.create("https://app.test/cb")))
        .stores(stores).clock(clock).transport(CrossPostFakes.cdn())
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
          if (sleeps.size() == 3) {
            handle.get(0).stop();
          }
        })
        .build();
    CrossPostSync sync = s.crossPosting().sync(OWNER, link.id(), events);
    handle.add(sync);

    SyncReport report = sync.run(Duration.ofMinutes(5));

    assertThat(sleeps).containsExactly(Duration.ofMinutes(12), Duration.ofMinutes(5), Duration.ofMinutes(5));
    assertThat(report.stopped()).isTrue();
    assertThat(report.posted()).extracting(CrossPostEntry::sourceItemId).containsExactly("n");
    assertThat(report.failures()).singleElement().extracting(CrossPostFailure::category)
        .isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(sync.isStopped()).isTrue();
    assertThat(sync.runOnce().posted()).isEmpty();
  }

  @Test
  void rejectedContentIsRecordedAsFailedAndTheNextItemsStillGo() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("bad", at(10), ContentType.IMAGE, Optional.of("bad"), "bad.jpg");
    source.add("good", at(11), ContentType.IMAGE, Optional.of("good"), "good.jpg");
    target.publishFailures.add(CrossPostFakes.error(ErrorCategory.INVALID_REQUEST, "dst", "media type refused"));

    SyncReport report = pass(link);

    assertThat(report.posted()).extracting(CrossPostEntry::sourceItemId).containsExactly("good");
    assertThat(report.skipped()).singleElement().satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.FAILED);
      assertThat(e.reason()).get().asString().contains("media type refused");
    });
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("not tried again"));
    assertThat(pass(link).posted()).isEmpty();
  }

  @Test
  void aFailureReadingTheSourceIsReportedAndTheNextPassCarriesOn() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new"), "n.jpg");
    source.nextListFailure = CrossPostFakes.error(ErrorCategory.TRANSIENT, "src", "timeout");

    SyncReport failed = pass(link);

    assertThat(failed.failures()).singleElement().satisfies(f -> {
      assertThat(f.sourceItemId()).isEmpty();
      assertThat(f.message()).contains("reading the source");
    });
    assertThat(pass(link).posted()).hasSize(1);
  }

  @Test
  void stoppingALinkStopsItsSyncsAndReportsWhatItPosted() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new"), "n.jpg");
    source.add("s", at(11), ContentType.STORY, Optional.of("story"), "s.jpg");
    CrossPostSync sync = socialink.crossPosting().sync(OWNER, link.id(), events);
    sync.runOnce();

    SyncReport stopped = socialink.crossPosting().stop(OWNER, link.id());

    assertThat(stopped.stopped()).isTrue();
    assertThat(stopped.posted()).extracting(CrossPostEntry::sourceItemId).containsExactly("n");
    assertThat(stopped.skipped()).extracting(CrossPostEntry::sourceItemId).containsExactly("s");
    assertThat(sync.isStopped()).isTrue();
    source.add("later", at(12), ContentType.IMAGE, Optional.of("later"), "l.jpg");
    assertThat(sync.runOnce().posted()).isEmpty();
    assertThat(socialink.crossPosting().stop(OWNER, link.id()).posted()).hasSize(1); // again: safe
  }

  @Test
  void aTargetGrantThatIsGoneIsReportedAndTheItemWaits() {
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new"), "n.jpg");
    Stores other = Stores.inMemory();
    stores.grants().find(OWNER, "g-src").ifPresent(other.grants()::save);
    stores.links().find(OWNER, link.id()).ifPresent(l -> other.links().save(
        new Link(l.id(), l.ownerId(), l.kind(), l.from(), l.to(), l.grantIds(), l.state(), l.createdAt(),
            l.updatedAt(), 0)));
    stores = other.withCrossPosts(stores.crossPosts());
    socialink = socialink();

    SyncReport report = pass(link);

    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.category()).isEqualTo(ErrorCategory.NOT_FOUND);
      assertThat(f.sourceItemId()).contains("n");
    });
    assertThat(target.posts).isEmpty();
    assertThat(socialink.crossPosting().journal(OWNER, link.id())).isEmpty();
  }

  @Test
  void twoSyncsOfOneLinkNeverHandleAnItemAtOnce() throws Exception {
    CrashingStore store = new CrashingStore(new InMemoryCrossPostStore());
    stores = stores.withCrossPosts(store);
    socialink = socialink();
    Link link = link(CrossPostRules.ofDefaults());
    pass(link);
    target.rejectsDuplicates = false; // a target that would take the same post twice
    source.add("n", at(10), ContentType.IMAGE, Optional.of("new"), "n.jpg");
    CrossPostSync first = socialink.crossPosting().sync(OWNER, link.id(), CrossPostListener.noop());
    CrossPostSync second = socialink.crossPosting().sync(OWNER, link.id(), CrossPostListener.noop());
    List<SyncReport> secondReport = new ArrayList<>();
    Thread other = new Thread(() -> secondReport.add(second.runOnce()));
    store.onInFlight = () -> { // the first sync is between its journal write and its post: start the second
      other.start();
      while (other.getState() != Thread.State.BLOCKED && other.getState() != Thread.State.TERMINATED) {
        Thread.onSpinWait();
      }
    };

    SyncReport firstReport = first.runOnce();
    other.join();

    assertThat(target.received).hasSize(1);
    assertThat(firstReport.posted()).hasSize(1);
    assertThat(secondReport).singleElement().satisfies(r -> assertThat(r.posted()).isEmpty());
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheSync() {
    Link link = link(CrossPostRules.ofDefaults());
    socialink.crossPosting().syncNow(OWNER, link.id(), CrossPostListener.noop());
    source.add("n", at(10), ContentType.IMAGE, Optional.of("one"), "n.jpg");
    source.add("m", at(11), ContentType.IMAGE, Optional.of("two"), "m.jpg");

    SyncReport report = socialink.crossPosting().syncNow(OWNER, link.id(), new CrossPostListener() {
      @Override
      public void posted(CrossPostEntry entry) {
        throw new IllegalStateException("listener bug");
      }
    });

    assertThat(report.posted()).hasSize(2);
  }

  /** A cross-post store that dies like a killed process when asked to record a posted item. */
  static final class CrashingStore implements CrossPostStore {
    final CrossPostStore delegate;
    volatile boolean crashOnPosted;
    volatile Runnable onInFlight;

    CrashingStore(CrossPostStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void record(CrossPostEntry entry) {
      if (crashOnPosted && entry.state() == State.POSTED) {
        crashOnPosted = false;
        throw new IllegalStateException("process killed between the post and the journal write");
      }
      delegate.record(entry);
      Runnable hook = onInFlight;
      if (hook != null && entry.state() == State.IN_FLIGHT) {
        onInFlight = null;
        hook.run();
      }
    }

    @Override
    public void saveRules(String ownerId, String linkId, CrossPostRules rules) {
      delegate.saveRules(ownerId, linkId, rules);
    }

    @Override
    public Optional<CrossPostRules> rules(String ownerId, String linkId) {
      return delegate.rules(ownerId, linkId);
    }

    @Override
    public void saveCursor(String ownerId, String linkId, io.socialink.crosspost.SyncCursor cursor) {
      delegate.saveCursor(ownerId, linkId, cursor);
    }

    @Override
    public Optional<io.socialink.crosspost.SyncCursor> cursor(String ownerId, String linkId) {
      return delegate.cursor(ownerId, linkId);
    }

    @Override
    public Optional<CrossPostEntry> entry(String ownerId, String linkId, String sourceItemId) {
      return delegate.entry(ownerId, linkId, sourceItemId);
    }

    @Override
    public List<CrossPostEntry> entries(String ownerId, String linkId) {
      return delegate.entries(ownerId, linkId);
    }
  }
}
