package io.socialink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.TransientException;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.spi.Sleeper;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshCoordinatorTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  static final Duration CLAIM = Duration.ofSeconds(1);

  final MutableClock clock = new MutableClock(T0);
  final RotatingPlatform platform = new RotatingPlatform();
  final Stores stores = Stores.inMemory();

  SocialinkRuntime instance(Sleeper sleeper) {
    return new SocialinkRuntime(RotatingPlatform.registry(platform),
        Map.of(new ClientKey(RotatingPlatform.ID, "oauth2"), RotatingPlatform.CREDENTIALS), stores, clock, new Random(7),
        new SocialinkRuntime.Settings(Duration.ofMinutes(10), Duration.ofMinutes(2), CLAIM, Optional.empty()),
        request -> {
          throw new IOException("no network in this test");
        },
        PipelineConfig.defaults(clock), RateLimitSettings.ofDefaults(), sleeper);
  }

  /** An expired grant holding the platform's current refresh token, and the link that uses it. */
  Grant expiredGrant() {
    Grant grant = stores.grants().save(new Grant("g-1", "alice", Account.of(RotatingPlatform.ID, "u-1"), "oauth2",
        "client-1", Secret.of("access-0"), Optional.of(platform.currentRefreshToken()), Set.of("read"), "bearer",
        T0.minus(Duration.ofHours(3)), Optional.of(T0.minus(Duration.ofHours(1))), Optional.empty(), 0));
    stores.links().save(Link.create("l-1", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(grant.account()), List.of("g-1"), clock));
    return grant;
  }

  @Test
  void aThousandCallersOnTwoInstancesSharingAStoreCauseOneRefreshAndNoRevokedLink() throws Exception {
    expiredGrant();
    platform.overlapWindow = Duration.ofMillis(300); // a second refresh, if any, overlaps the first
    List<SocialinkRuntime> instances = List.of(instance(Sleeper.system()), instance(Sleeper.system()));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<Grant>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 1_000; i++) {
        SocialinkRuntime rt = instances.get(i % 2);
        calls.add(pool.submit(() -> rt.grantCalls().fresh("alice", "g-1")));
      }
      for (Future<Grant> call : calls) {
        Grant g = call.get(30, TimeUnit.SECONDS);
        assertThat(g.accessToken().reveal()).isEqualTo("access-1");
        assertThat(g.version()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(platform.refreshRequests).hasValue(1);
    assertThat(platform.refused).hasValue(0);
    assertThat(stores.links().findByOwner("alice")).singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo(LinkState.ACTIVE));
    assertThat(stores.grants().find("alice", "g-1").orElseThrow().refreshToken()).contains(Secret.of("refresh-1"));
  }

  @Test
  void aWaitingInstanceTakesTheHoldersWriteWithoutRefreshing() {
    Grant seen = expiredGrant();
    assertThat(stores.grants().claimRefresh("alice", "g-1", "other-instance", T0, T0.plus(CLAIM))).isTrue();
    Sleeper holderWritesDuringTheFirstWait = d -> {
      if (stores.grants().find("alice", "g-1").orElseThrow().version() == 0) {
        var t = platform.rotate(seen.refreshToken().orElseThrow());
        stores.grants().save(seen.renewed(t.accessToken(), t.refreshToken(), Set.of("read"), T0,
            Optional.of(T0.plus(Duration.ofHours(2))), Optional.empty()));
      }
    };

    Grant fresh = instance(holderWritesDuringTheFirstWait).grantCalls().fresh("alice", "g-1");

    assertThat(fresh.version()).isEqualTo(1);
    assertThat(fresh.accessToken()).isEqualTo(Secret.of("access-1"));
    assertThat(platform.refreshRequests).hasValue(0);
  }

  @Test
  void aClaimWhoseHolderDiedLapsesAndTheWaiterRefreshes() {
    expiredGrant();
    assertThat(stores.grants().claimRefresh("alice", "g-1", "dead-instance", T0, T0.plus(CLAIM))).isTrue();
    RecordingSleeper sleeper = new RecordingSleeper(clock);

    Grant fresh = instance(sleeper).grantCalls().fresh("alice", "g-1");

    assertThat(fresh.version()).isEqualTo(1);
    assertThat(platform.refreshRequests).hasValue(1);
    long polls = CLAIM.toMillis() / RefreshCoordinator.DEFAULT_POLL_INTERVAL.toMillis();
    assertThat(sleeper.sleeps()).hasSize((int) polls).allMatch(RefreshCoordinator.DEFAULT_POLL_INTERVAL::equals);
    // the claim was released after the write: another holder may claim at once
    assertThat(stores.grants().claimRefresh("alice", "g-1", "next", clock.instant(), clock.instant().plus(CLAIM))).isTrue();
  }

  @Test
  void aRefusedRefreshMarksTheLinksRevokedOnlyWhenTheStoreHoldsNothingNewer() {
    Grant seen = expiredGrant();
    platform.rotate(seen.refreshToken().orElseThrow()); // spent elsewhere, never stored: the grant is dead

    assertThatThrownBy(() -> instance(Sleeper.system()).grantCalls().fresh("alice", "g-1"))
        .isInstanceOfSatisfying(AuthorizationException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED));
    assertThat(stores.links().findByOwner("alice")).singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo(LinkState.REVOKED))
        .satisfies(l -> assertThat(l.stateReason()).isPresent());
    assertThat(stores.grants().claimRefresh("alice", "g-1", "next", clock.instant(), clock.instant().plus(CLAIM)))
        .as("a failed refresh releases its claim").isTrue();
  }

  @Test
  void anInterruptedWaitIsATransientFailureAndKeepsTheInterrupt() {
    expiredGrant();
    stores.grants().claimRefresh("alice", "g-1", "other-instance", T0, T0.plus(CLAIM));
    Sleeper interrupted = d -> {
      throw new InterruptedException();
    };

    assertThatThrownBy(() -> instance(interrupted).grantCalls().fresh("alice", "g-1"))
        .isInstanceOf(TransientException.class).hasMessageContaining("interrupted while waiting for the refresh of grant g-1");
    assertThat(Thread.interrupted()).isTrue();
    assertThat(platform.refreshRequests).hasValue(0);
    assertThat(stores.links().findByOwner("alice").get(0).state()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void aGrantDeletedDuringItsRefreshIsNotFound() {
    expiredGrant();
    stores.grants().claimRefresh("alice", "g-1", "other-instance", T0, T0.plus(CLAIM));
    Sleeper deletes = d -> stores.grants().delete("alice", "g-1");

    assertThatThrownBy(() -> instance(deletes).grantCalls().fresh("alice", "g-1"))
        .isInstanceOf(io.socialink.error.NotFoundException.class).hasMessageContaining("g-1");
  }

  // ---- a refresh interrupted between the platform's answer and the store write

  /** Thrown where a process would die: after the platform answered, before the store write. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The instance that crashes: its store write of the refreshed grant never happens and, being dead,
   * it never releases its claim.
   */
  SocialinkRuntime crashingInstance() {
    return crashingInstance(false);
  }

  /** As {@link #crashingInstance()}, or, with {@code afterTheWrite}, dying just after the write. */
  SocialinkRuntime crashingInstance(boolean afterTheWrite) {
    io.socialink.store.GrantStore shared = stores.grants();
    io.socialink.store.GrantStore dying = new io.socialink.store.GrantStore() {
      @Override
      public Optional<Grant> find(String ownerId, String grantId) {
        return shared.find(ownerId, grantId);
      }

      @Override
      public List<Grant> findByOwner(String ownerId) {
        return shared.findByOwner(ownerId);
      }

      @Override
      public Grant save(Grant grant) {
        if (afterTheWrite) {
          shared.save(grant);
        }
        throw new Crash();
      }

      @Override
      public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
        return shared.claimRefresh(ownerId, grantId, holder, now, until);
      }

      @Override
      public io.socialink.store.RefreshClaim claim(String ownerId, String grantId, String holder, Instant now,
          Instant until) {
        return shared.claim(ownerId, grantId, holder, now, until);
      }

      @Override
      public void releaseRefresh(String ownerId, String grantId, String holder) {
        // dead processes release nothing
      }

      @Override
      public boolean delete(String ownerId, String grantId) {
        return shared.delete(ownerId, grantId);
      }
    };
    return new SocialinkRuntime(RotatingPlatform.registry(platform),
        Map.of(new ClientKey(RotatingPlatform.ID, "oauth2"), RotatingPlatform.CREDENTIALS), stores.withGrants(dying),
        clock, new Random(8), new SocialinkRuntime.Settings(Duration.ofMinutes(10), Duration.ofMinutes(2), CLAIM,
        Optional.empty()), request -> {
          throw new IOException("no network in this test");
        }, PipelineConfig.defaults(clock), RateLimitSettings.ofDefaults(), Sleeper.system());
  }

  /** Refreshes once on a crashing instance: the platform rotated the token, the store still holds the old one. */
  void crashAfterThePlatformAnswered() {
    expiredGrant();
    assertThatThrownBy(() -> crashingInstance().grantCalls().fresh("alice", "g-1")).isInstanceOf(Crash.class);
    assertThat(platform.refreshRequests).hasValue(1);
    assertThat(platform.currentRefreshToken()).isEqualTo(Secret.of("refresh-1"));
    assertThat(stores.grants().find("alice", "g-1").orElseThrow().refreshToken()).contains(Secret.of("refresh-0"));
  }

  LinkState linkState() {
    return stores.links().find("alice", "l-1").orElseThrow().state();
  }

  @Test
  void afterAnInterruptedStrictRotationTheLinkIsBrokenWithoutSendingTheSpentTokenAndNeverRetried() {
    platform.rotation = io.socialink.spi.RefreshRotation.ROTATING_STRICT; // X
    crashAfterThePlatformAnswered();
    SocialinkRuntime next = instance(new RecordingSleeper(clock));

    assertThatThrownBy(() -> next.grantCalls().fresh("alice", "g-1"))
        .isInstanceOfSatisfying(AuthorizationException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
          assertThat(e.remediation()).contains("link the account again");
        })
        .hasMessageContaining("refresh interrupted; link again");
    assertThat(platform.refreshRequests).as("the spent token was not sent again").hasValue(1);
    assertThat(linkState()).isEqualTo(LinkState.BROKEN);
    assertThat(stores.links().find("alice", "l-1").orElseThrow().stateReason()).hasValueSatisfying(
        r -> assertThat(r).contains("refresh interrupted; link again"));
    assertThat(stores.grants().find("alice", "g-1").orElseThrow().refreshToken()).isEmpty();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> next.grantCalls().fresh("alice", "g-1"))
          .isInstanceOfSatisfying(AuthorizationException.class,
              e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED));
    }
    assertThat(platform.refreshRequests).as("never retried").hasValue(1);
    assertThat(linkState()).isEqualTo(LinkState.BROKEN);
  }

  @Test
  void afterAnInterruptedLenientRotationTheOldTokenIsTriedOnceMoreThenTheLinkIsBroken() {
    crashAfterThePlatformAnswered(); // TikTok: the default rotation
    SocialinkRuntime next = instance(new RecordingSleeper(clock));

    assertThatThrownBy(() -> next.grantCalls().fresh("alice", "g-1")).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("refresh interrupted; link again");
    assertThat(platform.refreshRequests).as("tried once more").hasValue(2);
    assertThat(platform.refused).hasValue(1);
    assertThat(linkState()).as("broken, not revoked").isEqualTo(LinkState.BROKEN);

    assertThatThrownBy(() -> next.grantCalls().fresh("alice", "g-1")).isInstanceOf(AuthorizationException.class);
    assertThat(platform.refreshRequests).as("never retried").hasValue(2);
  }

  @Test
  void afterAnInterruptedLenientRotationAnOldTokenStillValidRefreshes() {
    platform.previousStaysValid = true;
    crashAfterThePlatformAnswered();

    Grant fresh = instance(new RecordingSleeper(clock)).grantCalls().fresh("alice", "g-1");

    assertThat(fresh.accessToken()).isEqualTo(Secret.of("access-2"));
    assertThat(fresh.refreshToken()).contains(Secret.of("refresh-2"));
    assertThat(platform.refreshRequests).hasValue(2);
    assertThat(linkState()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void afterAnInterruptedRefreshOfAReusableTokenTheNextCallSimplyRefreshesAgain() {
    platform.rotation = io.socialink.spi.RefreshRotation.REUSABLE; // Instagram refreshes the long-lived token itself
    platform.previousStaysValid = true;
    crashAfterThePlatformAnswered();

    Grant fresh = instance(new RecordingSleeper(clock)).grantCalls().fresh("alice", "g-1");

    assertThat(fresh.version()).isEqualTo(1);
    assertThat(fresh.accessToken()).isEqualTo(Secret.of("access-2"));
    assertThat(linkState()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void aTransientFailureDuringARefreshChangesNoLink() {
    expiredGrant();
    SocialinkRuntime rt = instance(Sleeper.system());
    io.socialink.store.GrantStore grants = stores.grants();
    platform.failNext = Classification.of(ErrorCategory.TRANSIENT, RotatingPlatform.ID, 503, "over capacity").toException();

    assertThatThrownBy(() -> rt.grantCalls().fresh("alice", "g-1")).isInstanceOf(TransientException.class);
    assertThat(linkState()).isEqualTo(LinkState.ACTIVE);
    assertThat(grants.find("alice", "g-1").orElseThrow().refreshToken()).contains(Secret.of("refresh-0"));
    assertThat(rt.grantCalls().fresh("alice", "g-1").version()).as("the next call refreshes").isEqualTo(1);
  }

  @Test
  void aRefreshRefusedBecauseAnotherProcessRotatedFirstUsesTheStoredRotation() {
    Grant seen = expiredGrant();
    // Another process, whose claim had lapsed, rotates the token and stores it while ours is at the platform.
    platform.duringNextRefresh = () -> {
      var t = platform.rotate(seen.refreshToken().orElseThrow());
      stores.grants().save(seen.renewed(t.accessToken(), t.refreshToken(), Set.of("read"), T0,
          Optional.of(T0.plus(Duration.ofHours(2))), Optional.empty()));
    };

    Grant fresh = instance(Sleeper.system()).grantCalls().fresh("alice", "g-1");

    assertThat(platform.refused).as("ours was refused").hasValue(1);
    assertThat(fresh.version()).isEqualTo(1);
    assertThat(fresh.accessToken()).isEqualTo(Secret.of("access-1"));
    assertThat(linkState()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void aFreshGrantRecordsItsUseAtMostOnceAnHourPerInstance() {
    Grant g = expiredGrant();
    stores.grants().save(g.renewed(Secret.of("access-x"), Optional.empty(), g.scopes(), T0,
        Optional.of(T0.plus(Duration.ofDays(1))), Optional.empty()));
    java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
    io.socialink.store.GrantStore shared = stores.grants();
    io.socialink.store.GrantStore counting = (io.socialink.store.GrantStore) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {io.socialink.store.GrantStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("recordUse")) {
            writes.incrementAndGet();
          }
          try {
            return method.invoke(shared, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    SocialinkRuntime rt = new SocialinkRuntime(RotatingPlatform.registry(platform),
        Map.of(new ClientKey(RotatingPlatform.ID, "oauth2"), RotatingPlatform.CREDENTIALS), stores.withGrants(counting),
        clock, new Random(9), new SocialinkRuntime.Settings(Duration.ofMinutes(10), Duration.ofMinutes(2), CLAIM,
        Optional.empty()), request -> {
          throw new IOException("no network in this test");
        }, PipelineConfig.defaults(clock), RateLimitSettings.ofDefaults(), Sleeper.system());

    rt.grantCalls().fresh("alice", "g-1");
    clock.advance(Duration.ofMinutes(59));
    rt.grantCalls().fresh("alice", "g-1");
    assertThat(writes).hasValue(1);
    assertThat(stores.grants().lastUse("alice", "g-1")).contains(T0);

    clock.advance(Duration.ofMinutes(1));
    rt.grantCalls().fresh("alice", "g-1");
    assertThat(writes).hasValue(2);
    assertThat(stores.grants().lastUse("alice", "g-1")).contains(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void aHolderThatDiedJustAfterStoringLeavesNothingThatLooksInterruptedAtTheNextExpiry() {
    platform.rotation = io.socialink.spi.RefreshRotation.ROTATING_STRICT;
    expiredGrant();
    assertThatThrownBy(() -> crashingInstance(true).grantCalls().fresh("alice", "g-1")).isInstanceOf(Crash.class);
    assertThat(stores.grants().find("alice", "g-1").orElseThrow().refreshToken()).contains(Secret.of("refresh-1"));

    clock.advance(Duration.ofHours(3)); // the refreshed token expires in its turn
    Grant fresh = instance(new RecordingSleeper(clock)).grantCalls().fresh("alice", "g-1");

    assertThat(fresh.version()).isEqualTo(2);
    assertThat(platform.refreshRequests).hasValue(2);
    assertThat(linkState()).isEqualTo(LinkState.ACTIVE);
  }
}
