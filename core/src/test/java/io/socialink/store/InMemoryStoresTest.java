package io.socialink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.store.memory.InMemoryLinkStore;
import io.socialink.store.memory.InMemoryPendingAuthorizationStore;
import io.socialink.store.memory.InMemoryPlanJournal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  static Grant grant(String owner, String id) {
    return new Grant(id, owner, Account.of("x", "1"), "oauth2", "c", Secret.of("at"), Optional.empty(), Set.of(),
        "bearer", T0, Optional.empty(), Optional.empty(), 0);
  }

  @Test
  void grantsAreScopedByOwnerAndWrittenOptimistically() {
    GrantStore store = new InMemoryGrantStore();
    Grant g = store.save(grant("alice", "g1"));
    assertThat(store.find("alice", "g1")).contains(g);
    assertThat(store.find("bob", "g1")).isEmpty();
    assertThatThrownBy(() -> store.save(grant("alice", "g1"))).isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("expected to replace version -1 but version 0 is stored");
    Grant v1 = g.renewed(Secret.of("at2"), Optional.empty(), Set.of(), T0, Optional.empty(), Optional.empty());
    store.save(v1);
    assertThatThrownBy(() -> store.save(v1)).isInstanceOf(VersionConflictException.class);
    assertThat(store.findByAccount("alice", Account.of("x", "1"))).containsExactly(v1);
    assertThat(store.delete("bob", "g1")).isFalse();
    assertThat(store.delete("alice", "g1")).isTrue();
    assertThat(store.findByOwner("alice")).isEmpty();
  }

  @Test
  void linksAreScopedByOwnerAndFoundByGrant() {
    LinkStore store = new InMemoryLinkStore();
    Link l = store.save(Link.create("l1", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("x", "1")), List.of("g1"), CLOCK));
    assertThat(store.findByGrant("alice", "g1")).containsExactly(l);
    assertThat(store.findByGrant("bob", "g1")).isEmpty();
    store.save(l.withState(LinkState.PAUSED, CLOCK));
    assertThatThrownBy(() -> store.save(l.withState(LinkState.REVOKED, CLOCK))).isInstanceOf(VersionConflictException.class);
  }

  @Test
  void pendingAuthorizationsAreSingleUseEvenUnderContention() throws Exception {
    PendingAuthorizationStore store = new InMemoryPendingAuthorizationStore();
    store.put(new PendingAuthorization("s1", "alice", "x", "oauth2", Secret.of("v".repeat(43)), URI.create("https://a.example"),
        List.of("a"), T0, T0.plusSeconds(600)));
    assertThatThrownBy(() -> store.put(new PendingAuthorization("s1", "bob", "x", "oauth2", Secret.of("w".repeat(43)),
        URI.create("https://a.example"), List.of(), T0, T0.plusSeconds(1)))).isInstanceOf(IllegalStateException.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Optional<PendingAuthorization>>> takes = pool.invokeAll(
          List.of(() -> store.take("s1"), () -> store.take("s1"), () -> store.take("s1"), () -> store.take("s1")),
          10, TimeUnit.SECONDS);
      long won = 0;
      for (Future<Optional<PendingAuthorization>> f : takes) {
        won += f.get().isPresent() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiredPendingAuthorizationsArePurged() {
    PendingAuthorizationStore store = new InMemoryPendingAuthorizationStore();
    store.put(new PendingAuthorization("old", "a", "x", "oauth2", Secret.of("v".repeat(43)), URI.create("https://a.example"),
        List.of(), T0, T0.plusSeconds(60)));
    store.put(new PendingAuthorization("new", "a", "x", "oauth2", Secret.of("v".repeat(43)), URI.create("https://a.example"),
        List.of(), T0, T0.plusSeconds(600)));
    assertThat(store.purgeExpired(T0.plusSeconds(60))).isEqualTo(1);
    assertThat(store.take("old")).isEmpty();
    assertThat(store.take("new")).isPresent();
  }

  @Test
  void journalKeepsOutcomesInOrderPerOwnerAndPlan() {
    PlanJournal journal = new InMemoryPlanJournal();
    StepOutcome pending = new StepOutcome("revoke", StepStatus.AWAITING_USER, T0, "waiting", Optional.empty());
    StepOutcome done = new StepOutcome("revoke", StepStatus.DONE, T0.plusSeconds(1), "revoked", Optional.empty());
    journal.record("alice", "p1", pending);
    journal.record("alice", "p1", done);
    assertThat(journal.outcomes("alice", "p1")).containsExactly(pending, done);
    assertThat(journal.latest("alice", "p1", "revoke")).contains(done);
    assertThat(journal.latest("alice", "p1", "other")).isEmpty();
    assertThat(journal.outcomes("bob", "p1")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aRefreshClaimHasOneHolderUntilItIsReleasedOrLapses() {
    InMemoryGrantStore store = new InMemoryGrantStore();
    Instant t = Instant.parse("2026-11-30T10:00:00Z");
    Instant until = t.plusSeconds(60);

    assertThat(store.claimRefresh("alice", "g-1", "a", t, until)).isTrue();
    assertThat(store.claimRefresh("alice", "g-1", "b", t.plusSeconds(59), until)).as("held by a").isFalse();
    assertThat(store.claimRefresh("alice", "g-1", "a", t.plusSeconds(30), t.plusSeconds(90))).as("a renews").isTrue();
    assertThat(store.claimRefresh("alice", "g-2", "b", t, until)).as("another grant").isTrue();
    assertThat(store.claimRefresh("bob", "g-1", "b", t, until)).as("another owner").isTrue();

    store.releaseRefresh("alice", "g-1", "b");
    assertThat(store.claimRefresh("alice", "g-1", "b", t.plusSeconds(60), until)).as("b cannot release a's claim").isFalse();
    assertThat(store.claimRefresh("alice", "g-1", "b", t.plusSeconds(90), t.plusSeconds(150))).as("a's claim lapsed").isTrue();
    store.releaseRefresh("alice", "g-1", "b");
    assertThat(store.claimRefresh("alice", "g-1", "c", t.plusSeconds(91), t.plusSeconds(150))).as("released").isTrue();
  }
}
