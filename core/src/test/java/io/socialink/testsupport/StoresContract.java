package io.socialink.testsupport;

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
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.store.GrantStore;
import io.socialink.store.LinkStore;
import io.socialink.store.PendingAuthorization;
import io.socialink.store.PendingAuthorizationStore;
import io.socialink.store.PlanJournal;
import io.socialink.store.RefreshClaim;
import io.socialink.store.Stores;
import io.socialink.store.VersionConflictException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the store interfaces does: owner scoping, optimistic versions,
 * atomic refresh claims, single-use pending authorizations, an ordered journal. A subclass supplies
 * fresh, empty stores for each test.
 */
public abstract class StoresContract {
  protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  protected static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  protected Stores stores;

  /**
   * New, empty stores.
   *
   * @return the stores
   */
  protected abstract Stores newStores();

  /** Releases what {@link #newStores()} made; nothing by default. */
  protected void closeStores() {}

  @BeforeEach
  void openStores() {
    stores = newStores();
  }

  @AfterEach
  void releaseStores() {
    closeStores();
  }

  protected static Grant grant(String owner, String id) {
    return new Grant(id, owner, Account.of("x", "u-1", "ada", "Ada L."), "oauth2", "client-1",
        Secret.of("access-" + id + "-secret"), Optional.of(Secret.of("refresh-" + id + "-secret")),
        Set.of("tweet.read", "offline.access"), "bearer", T0, Optional.of(T0.plus(Duration.ofHours(2))),
        Optional.of(T0.plus(Duration.ofDays(180))), 0);
  }

  protected static Grant bareGrant(String owner, String id) {
    return new Grant(id, owner, Account.of("tiktok", "open-1"), "oauth2", "client-1", Secret.of("only-access"),
        Optional.empty(), Set.of(), "bearer", T0, Optional.empty(), Optional.empty(), 0);
  }

  private static Grant renewed(Grant g, String access) {
    return g.renewed(Secret.of(access), Optional.of(Secret.of("r-" + access)), g.scopes(), T0.plusSeconds(60),
        Optional.of(T0.plus(Duration.ofHours(3))), Optional.empty());
  }

  // ---- grants

  @Test
  void aGrantReadsBackWithEveryField() {
    GrantStore store = stores.grants();
    Grant full = grant("alice", "g-1");
    Grant bare = bareGrant("alice", "g-2");

    assertThat(store.save(full)).isEqualTo(full);
    store.save(bare);

    Grant read = store.find("alice", "g-1").orElseThrow();
    assertThat(read).isEqualTo(full);
    assertThat(read.accessToken().reveal()).isEqualTo("access-g-1-secret");
    assertThat(read.refreshToken()).contains(Secret.of("refresh-g-1-secret"));
    assertThat(read.account().handle()).contains("ada");
    assertThat(read.account().displayName()).contains("Ada L.");
    assertThat(read.refreshExpiresAt()).isEqualTo(full.refreshExpiresAt());
    assertThat(store.find("alice", "g-2")).contains(bare);
    assertThat(store.find("alice", "g-2").orElseThrow().refreshToken()).isEmpty();
  }

  @Test
  void grantsAreScopedByOwner() {
    GrantStore store = stores.grants();
    store.save(grant("alice", "g-1"));
    store.save(grant("bob", "g-2"));

    assertThat(store.find("bob", "g-1")).isEmpty();
    assertThat(store.findByOwner("alice")).extracting(Grant::id).containsExactly("g-1");
    assertThat(store.findByAccount("alice", Account.of("x", "u-1"))).extracting(Grant::id).containsExactly("g-1");
    assertThat(store.findByAccount("alice", Account.of("x", "u-2"))).isEmpty();
    assertThat(store.findByAccount("bob", Account.of("x", "u-1"))).extracting(Grant::id).containsExactly("g-2");
    assertThat(store.delete("bob", "g-1")).as("bob cannot delete alice's grant").isFalse();
    assertThat(store.find("alice", "g-1")).isPresent();
    assertThat(store.delete("alice", "g-1")).isTrue();
    assertThat(store.delete("alice", "g-1")).isFalse();
    assertThat(store.findByOwner("alice")).isEmpty();
    assertThat(store.findByOwner("bob")).hasSize(1);
  }

  @Test
  void anAccountsGrantsAreFoundAcrossOwnersWithTheirTokens() {
    GrantStore store = stores.grants();
    Grant alices = store.save(grant("alice", "g-1"));
    Grant bobs = store.save(grant("bob", "g-1"));
    store.save(bareGrant("alice", "g-2"));
    store.save(new Grant("g-3", "carol", Account.of("tiktok", "u-1"), "oauth2", "client-1", Secret.of("tt"),
        Optional.empty(), Set.of(), "bearer", T0, Optional.empty(), Optional.empty(), 0));

    List<Grant> found = store.findByAccountOfAnyOwner(Account.of("x", "u-1"));

    assertThat(found).containsExactlyInAnyOrder(alices, bobs);
    assertThat(found).extracting(g -> g.accessToken().reveal()).containsOnly("access-g-1-secret");
    assertThat(found).allSatisfy(g -> assertThat(g.refreshToken()).contains(Secret.of("refresh-g-1-secret")));
    assertThat(store.findByAccountOfAnyOwner(Account.of("tiktok", "u-1"))).extracting(Grant::ownerId)
        .as("the same user id on another platform is another account").containsExactly("carol");
    assertThat(store.findByAccountOfAnyOwner(Account.of("x", "u-9"))).isEmpty();
    store.delete("bob", "g-1");
    assertThat(store.findByAccountOfAnyOwner(Account.of("x", "u-1"))).containsExactly(alices);
  }

  static final String FB_USER = "instagram.facebook_user_id";

  protected static Grant withIdentity(Grant g, String facebookUserId) {
    return g.withAttributes(java.util.Map.of(FB_USER, facebookUserId, "x.tier", "pro plan: 2"));
  }

  @Test
  void aGrantsAttributesReadBackThroughEveryLookupAndSurviveItsRenewals() {
    GrantStore store = stores.grants();
    Grant full = store.save(withIdentity(grant("alice", "g-1"), "10158000000000001"));
    store.save(bareGrant("alice", "g-2"));

    assertThat(store.find("alice", "g-1")).contains(full);
    assertThat(store.find("alice", "g-1").orElseThrow().attribute(FB_USER)).contains("10158000000000001");
    assertThat(store.find("alice", "g-2").orElseThrow().attributes()).isEmpty();
    assertThat(store.findByOwner("alice")).contains(full).hasSize(2);
    assertThat(store.findByAccount("alice", full.account())).containsExactly(full);
    assertThat(store.findByAccountOfAnyOwner(full.account())).containsExactly(full);

    Grant v1 = store.save(renewed(full, "a1"));
    assertThat(v1.attributes()).isEqualTo(full.attributes());
    assertThat(store.find("alice", "g-1")).contains(v1);
    Grant v2 = store.save(renewed(v1, "a2").withAttributes(java.util.Map.of(FB_USER, "10158000000000009")));
    assertThat(store.find("alice", "g-1").orElseThrow().attributes()).as("replaced, the old ones gone")
        .isEqualTo(java.util.Map.of(FB_USER, "10158000000000009"));
    assertThat(store.find("alice", "g-1")).contains(v2);
    assertThat(store.findByAttributeOfAnyOwner("x", FB_USER, "10158000000000001")).isEmpty();
    assertThatThrownBy(() -> store.save(renewed(v1, "late").withAttributes(java.util.Map.of(FB_USER, "1"))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find("alice", "g-1")).as("a lost update changes no attribute").contains(v2);

    assertThat(store.delete("alice", "g-1")).isTrue();
    assertThat(store.findByAttributeOfAnyOwner("x", FB_USER, "10158000000000009")).isEmpty();
    assertThat(store.save(grant("alice", "g-1")).attributes()).isEmpty();
    assertThat(store.find("alice", "g-1").orElseThrow().attributes()).as("none left from the deleted grant").isEmpty();
  }

  @Test
  void grantsAreFoundAcrossOwnersByAnAttributesValueOnTheirPlatform() {
    GrantStore store = stores.grants();
    Grant alices = store.save(withIdentity(grant("alice", "g-1"), "10158000000000001"));
    Grant bobs = store.save(withIdentity(grant("bob", "g-7"), "10158000000000001"));
    store.save(withIdentity(grant("dave", "g-8"), "10158000000000002"));
    store.save(grant("erin", "g-9"));
    store.save(withIdentity(bareGrant("carol", "g-1"), "10158000000000001"));
    store.save(grant("frank", "g-5").withAttributes(java.util.Map.of("x.other", "10158000000000001")));

    List<Grant> found = store.findByAttributeOfAnyOwner("x", FB_USER, "10158000000000001");

    assertThat(found).containsExactlyInAnyOrder(alices, bobs);
    assertThat(found).allSatisfy(g -> assertThat(g.refreshToken()).isPresent());
    assertThat(found).extracting(g -> g.accessToken().reveal())
        .containsExactlyInAnyOrder("access-g-1-secret", "access-g-7-secret");
    assertThat(store.findByAttributeOfAnyOwner("tiktok", FB_USER, "10158000000000001")).extracting(Grant::ownerId)
        .as("the same value on another platform is another grant").containsExactly("carol");
    assertThat(store.findByAttributeOfAnyOwner("x", FB_USER, "1015800000000000")).as("compared exactly").isEmpty();
    assertThat(store.findByAttributeOfAnyOwner("x", "x.unknown", "10158000000000001")).isEmpty();
    assertThat(store.findByOwner("bob")).containsExactly(bobs);
    assertThat(store.find("alice", "g-7")).as("still scoped by owner").isEmpty();
  }

  @Test
  void aGrantsAttributesAreKeptFromTheLinkThroughItsRefreshInTheStore() {
    MutableClock clock = new MutableClock(T0);
    IdentityProvider provider = new IdentityProvider();
    io.socialink.Socialink socialink = io.socialink.Socialink.builder()
        .providerLoader(io.socialink.ProviderLoader.of())
        .register(provider)
        .credentials(io.socialink.auth.AppCredentials.confidential("ident", "oauth2", "client-1", Secret.of("cs"),
            URI.create("https://app.example/callback")))
        .stores(stores)
        .clock(clock)
        .build();
    io.socialink.auth.AuthorizationStart start = socialink.linking().authorize("alice", "ident");

    Grant linked = socialink.linking().complete("alice",
        io.socialink.auth.CallbackParameters.fromQuery("state=" + start.state() + "&code=c1")).grant();

    assertThat(linked.attributes()).isEqualTo(java.util.Map.of("ident.login_id", "L-1", "ident.tier", "basic"));
    assertThat(stores.grants().find("alice", linked.id())).contains(linked);
    clock.advance(Duration.ofMinutes(59));
    Grant fresh = socialink.grants().fresh("alice", linked.id());
    assertThat(provider.refreshes).as("refreshed").hasValue(1);
    assertThat(fresh.version()).isEqualTo(1);
    assertThat(fresh.accessToken().reveal()).isEqualTo("access-2");
    assertThat(fresh.attributes()).as("kept, and the refresh's added over them")
        .isEqualTo(java.util.Map.of("ident.login_id", "L-1", "ident.tier", "pro"));
    assertThat(stores.grants().find("alice", linked.id())).contains(fresh);
    assertThat(stores.grants().findByAttributeOfAnyOwner("ident", "ident.login_id", "L-1")).containsExactly(fresh);
    assertThat(fresh.toString()).contains("ident.login_id").doesNotContain("L-1").doesNotContain("access-2")
        .doesNotContain("refresh-2");
  }

  /**
   * A platform whose code exchange answers two attributes and whose refresh answers one of them anew;
   * tokens last an hour and rotate.
   */
  private static final class IdentityProvider implements io.socialink.spi.PlatformProvider {
    final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger tokens = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public io.socialink.Platform platform() {
      return io.socialink.Platform.of("ident", "Identity", Set.of(io.socialink.Capability.TOKEN_REFRESH));
    }

    @Override
    public List<io.socialink.spi.AuthorizationScheme> authorizationSchemes() {
      return List.of(new io.socialink.spi.AuthorizationScheme("oauth2", "OAuth", List.of("read"), "test"));
    }

    @Override
    public io.socialink.spi.ResponseInterpreter responseInterpreter() {
      return io.socialink.spi.ResponseInterpreter.generic();
    }

    io.socialink.auth.TokenResponse answer(java.util.Map<String, String> attributes) {
      int n = tokens.incrementAndGet();
      return new io.socialink.auth.TokenResponse(Secret.of("access-" + n), Optional.of(Secret.of("refresh-" + n)),
          Optional.of(Duration.ofHours(1)), Optional.empty(), Optional.of(Set.of("read")), "bearer",
          Optional.of("u-1"), attributes);
    }

    @Override
    public io.socialink.spi.PlatformClient createClient(io.socialink.spi.ProviderContext context) {
      io.socialink.auth.AppCredentials credentials = context.credentials();
      return new io.socialink.spi.PlatformClient() {
        @Override
        public io.socialink.auth.AppCredentials credentials() {
          return credentials;
        }

        @Override
        public URI authorizationUrl(io.socialink.auth.AuthorizationRequest request) {
          return URI.create("https://ident.example/authorize?state=" + request.state());
        }

        @Override
        public io.socialink.auth.TokenResponse exchangeCode(io.socialink.auth.CodeExchange exchange) {
          return answer(java.util.Map.of("ident.login_id", "L-1", "ident.tier", "basic"));
        }

        @Override
        public io.socialink.auth.TokenResponse refresh(Grant grant) {
          refreshes.incrementAndGet();
          return answer(java.util.Map.of("ident.tier", "pro"));
        }

        @Override
        public io.socialink.spi.Revocation revoke(Grant grant) {
          return io.socialink.spi.Revocation.REVOKED;
        }

        @Override
        public Account profile(Grant grant) {
          return Account.of("ident", "u-1");
        }
      };
    }
  }

  @Test
  void theSameGrantIdUnderTwoOwnersIsTwoGrants() {
    GrantStore store = stores.grants();
    store.save(grant("alice", "g-1"));
    store.save(bareGrant("bob", "g-1"));

    assertThat(store.find("alice", "g-1").orElseThrow().account().platformId()).isEqualTo("x");
    assertThat(store.find("bob", "g-1").orElseThrow().account().platformId()).isEqualTo("tiktok");
  }

  @Test
  void aLostGrantUpdateIsAConflictNeverSilent() {
    GrantStore store = stores.grants();
    Grant v0 = store.save(grant("alice", "g-1"));

    assertThatThrownBy(() -> store.save(grant("alice", "g-1"))).isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("grant g-1: expected to replace version -1 but version 0 is stored");
    Grant v1 = store.save(renewed(v0, "a1"));
    assertThatThrownBy(() -> store.save(renewed(v0, "a1-late"))).isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("expected to replace version 0 but version 1 is stored");
    assertThatThrownBy(() -> store.save(renewed(grant("alice", "g-9"), "x")))
        .isInstanceOf(VersionConflictException.class).hasMessageContaining("none is stored");
    assertThat(store.find("alice", "g-1")).contains(v1);
    assertThat(store.find("alice", "g-1").orElseThrow().accessToken().reveal()).isEqualTo("a1");
  }

  @Test
  void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
    GrantStore store = stores.grants();
    Grant v0 = store.save(grant("alice", "g-1"));
    List<Callable<Boolean>> writers = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 8; i++) {
      String access = "writer-" + i;
      writers.add(() -> {
        start.await();
        try {
          store.save(renewed(v0, access));
          return true;
        } catch (VersionConflictException e) {
          return false;
        }
      });
    }
    assertThat(countTrue(writers, start)).isEqualTo(1);
    assertThat(store.find("alice", "g-1").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aDeletedGrantCanBeInsertedAgainFromVersionZero() {
    GrantStore store = stores.grants();
    store.save(renewed(store.save(grant("alice", "g-1")), "a1"));
    assertThat(store.delete("alice", "g-1")).isTrue();

    assertThat(store.save(grant("alice", "g-1")).version()).isZero();
    assertThat(store.find("alice", "g-1").orElseThrow().accessToken().reveal()).isEqualTo("access-g-1-secret");
  }

  @Test
  void theLatestUseOfAGrantIsKeptWithoutChangingTheGrant() {
    GrantStore store = stores.grants();
    Grant g = store.save(grant("alice", "g-1"));
    assertThat(store.lastUse("alice", "g-1")).isEmpty();

    store.recordUse("alice", "g-1", T0.plus(Duration.ofHours(2)));
    store.recordUse("alice", "g-1", T0.plus(Duration.ofHours(5)));
    store.recordUse("alice", "g-1", T0.plus(Duration.ofHours(1))); // an older use, recorded late
    store.recordUse("bob", "g-1", T0.plus(Duration.ofHours(9)));
    store.recordUse("alice", "g-404", T0);

    assertThat(store.lastUse("alice", "g-1")).contains(T0.plus(Duration.ofHours(5)));
    assertThat(store.lastUse("bob", "g-1")).isEmpty();
    assertThat(store.lastUse("alice", "g-404")).isEmpty();
    assertThat(store.find("alice", "g-1")).contains(g);
    store.save(renewed(g, "a1"));
    assertThat(store.lastUse("alice", "g-1")).as("a refresh keeps the last use").contains(T0.plus(Duration.ofHours(5)));
    store.delete("alice", "g-1");
    store.save(grant("alice", "g-1"));
    assertThat(store.lastUse("alice", "g-1")).as("a grant made again starts unused").isEmpty();
  }

  // ---- refresh claims

  @Test
  void aRefreshClaimHasOneHolderUntilItIsReleasedOrLapses() {
    GrantStore store = stores.grants();
    Instant t = T0;
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

  @Test
  void aClaimTakenOverAfterItsHolderStoppedSaysSo() {
    GrantStore store = stores.grants();
    store.save(grant("alice", "g-1"));

    assertThat(store.claim("alice", "g-1", "a", T0, T0.plusSeconds(60))).isEqualTo(RefreshClaim.CLAIMED);
    assertThat(store.claim("alice", "g-1", "b", T0.plusSeconds(10), T0.plusSeconds(70)))
        .isEqualTo(RefreshClaim.HELD_ELSEWHERE);
    assertThat(store.claim("alice", "g-1", "a", T0.plusSeconds(20), T0.plusSeconds(80))).as("renewal")
        .isEqualTo(RefreshClaim.CLAIMED);
    // a stops without releasing; b takes the lapsed claim over
    assertThat(store.claim("alice", "g-1", "b", T0.plusSeconds(80), T0.plusSeconds(140)))
        .isEqualTo(RefreshClaim.TAKEN_OVER);
    store.releaseRefresh("alice", "g-1", "b");
    assertThat(store.claim("alice", "g-1", "c", T0.plusSeconds(81), T0.plusSeconds(141))).as("a released claim")
        .isEqualTo(RefreshClaim.CLAIMED);
  }

  @Test
  void ofConcurrentClaimersExactlyOneHoldsTheClaim() throws Exception {
    GrantStore store = stores.grants();
    store.save(grant("alice", "g-1"));
    store.claim("alice", "g-1", "stopped", T0.minusSeconds(120), T0.minusSeconds(60)); // lapsed, never released
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Boolean>> claimers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String holder = "holder-" + i;
      claimers.add(() -> {
        start.await();
        return store.claim("alice", "g-1", holder, T0, T0.plusSeconds(60)).held();
      });
    }
    assertThat(countTrue(claimers, start)).isEqualTo(1);
  }

  @Test
  void savingAGrantEndsItsClaimSoALeftoverNeverReadsAsAnInterruption() {
    GrantStore store = stores.grants();
    Grant v0 = store.save(grant("alice", "g-1"));
    store.claim("alice", "g-1", "a", T0, T0.plusSeconds(60));
    store.save(renewed(v0, "a1")); // a stores its refresh and stops before releasing

    assertThat(store.claim("alice", "g-1", "b", T0.plusSeconds(1), T0.plusSeconds(61))).isEqualTo(RefreshClaim.CLAIMED);
    assertThat(store.claim("alice", "g-1", "c", T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(4))))
        .as("b's lapsed claim, with no save since, is an interruption").isEqualTo(RefreshClaim.TAKEN_OVER);
  }

  @Test
  void deletingAGrantEndsItsClaim() {
    GrantStore store = stores.grants();
    store.save(grant("alice", "g-1"));
    store.claim("alice", "g-1", "a", T0, T0.plusSeconds(60));
    store.delete("alice", "g-1");

    assertThat(store.claim("alice", "g-1", "b", T0.plusSeconds(1), T0.plusSeconds(60))).isEqualTo(RefreshClaim.CLAIMED);
  }

  // ---- links

  @Test
  void aLinkReadsBackWithEveryKindOfEnd() {
    LinkStore store = stores.links();
    Account ada = Account.of("tiktok", "open-1", "ada", "Ada L.");
    Link app = store.save(Link.create("l-1", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application("Pebble"),
        LinkEnd.account(ada), List.of("g-1"), CLOCK));
    Link unnamedApp = store.save(Link.create("l-2", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(Account.of("x", "u-1")), List.of("g-2"), CLOCK));
    Link crossPost = store.save(Link.create("l-3", "alice", LinkKind.CROSS_POST, LinkEnd.account(ada),
        LinkEnd.account(Account.of("instagram", "ig-1")), List.of("g-1", "g-3", "g-2"), CLOCK));
    Link asset = store.save(Link.create("l-4", "alice", LinkKind.BUSINESS_ASSET,
        new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "bc-9", "Ada's agency"), LinkEnd.account(ada),
        List.of(), CLOCK));

    for (Link l : List.of(app, unnamedApp, crossPost, asset)) {
      assertThat(store.find("alice", l.id())).contains(l);
    }
    assertThat(store.find("alice", "l-3").orElseThrow().grantIds()).containsExactly("g-1", "g-3", "g-2");
    assertThat(store.find("alice", "l-1").orElseThrow().to()).isInstanceOfSatisfying(LinkEnd.OfAccount.class,
        e -> assertThat(e.account().handle()).contains("ada"));
    assertThat(store.findByOwner("alice")).hasSize(4);
  }

  @Test
  void linksAreScopedByOwnerAndFoundByGrant() {
    LinkStore store = stores.links();
    Link l = store.save(Link.create("l-1", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("x", "1")), List.of("g-1"), CLOCK));
    store.save(Link.create("l-2", "bob", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("x", "1")), List.of("g-1"), CLOCK));

    assertThat(store.findByGrant("alice", "g-1")).containsExactly(l);
    assertThat(store.findByGrant("alice", "g-2")).isEmpty();
    assertThat(store.find("bob", "l-1")).isEmpty();
    assertThat(store.findByOwner("bob")).extracting(Link::id).containsExactly("l-2");
    assertThat(store.findByOwner("carol")).isEmpty();
  }

  @Test
  void aLostLinkUpdateIsAConflictAndTheGrantListFollowsTheLink() {
    LinkStore store = stores.links();
    Clock later = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);
    Link l = store.save(Link.create("l-1", "alice", LinkKind.CROSS_POST, LinkEnd.account(Account.of("x", "1")),
        LinkEnd.account(Account.of("tiktok", "2")), List.of("g-1"), CLOCK));
    Link paused = store.save(l.withState(LinkState.PAUSED, later));

    assertThatThrownBy(() -> store.save(l.withState(LinkState.REVOKED, later))).isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("link l-1: expected to replace version 0 but version 1 is stored");
    assertThatThrownBy(() -> store.save(l)).isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("expected to replace version -1 but version 1 is stored");
    assertThat(store.find("alice", "l-1")).contains(paused);

    Link moved = new Link("l-1", "alice", LinkKind.CROSS_POST, paused.from(), paused.to(), List.of("g-2"),
        LinkState.ACTIVE, paused.createdAt(), paused.updatedAt(), 2);
    store.save(moved);
    assertThat(store.findByGrant("alice", "g-1")).isEmpty();
    assertThat(store.findByGrant("alice", "g-2")).containsExactly(moved);
  }

  @Test
  void aLinksStateReasonIsKeptAndClearedByTheNextChange() {
    LinkStore store = stores.links();
    Clock later = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);
    Link l = store.save(Link.create("l-1", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(Account.of("x", "1")), List.of("g-1"), CLOCK));

    Link broken = store.save(l.withState(LinkState.BROKEN, java.util.Optional.of("refresh interrupted; link again"),
        later));
    assertThat(store.find("alice", "l-1")).contains(broken);
    assertThat(store.find("alice", "l-1").orElseThrow().stateReason()).contains("refresh interrupted; link again");

    Link active = store.save(broken.withState(LinkState.ACTIVE, later));
    assertThat(store.find("alice", "l-1").orElseThrow().stateReason()).isEmpty();
    assertThat(store.find("alice", "l-1")).contains(active);
  }

  // ---- pending authorizations

  protected static PendingAuthorization pending(String state, Instant expiresAt) {
    return new PendingAuthorization(state, "alice", "x", "oauth2", Secret.of("verifier-" + "v".repeat(40)),
        URI.create("https://app.example/callback?x=1"), List.of("tweet.read", "offline.access"), T0, expiresAt);
  }

  @Test
  void aPendingAuthorizationIsTakenOnceWithEveryField() {
    PendingAuthorizationStore store = stores.pending();
    PendingAuthorization p = pending("state-1", T0.plusSeconds(600));
    store.put(p);

    assertThatThrownBy(() -> store.put(pending("state-1", T0.plusSeconds(60)))).isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("state-1");
    assertThat(store.take("state-1")).contains(p);
    assertThat(store.take("state-1")).isEmpty();
    assertThat(store.take("never-stored")).isEmpty();
  }

  @Test
  void ofConcurrentTakesOfOneStateExactlyOneGetsIt() throws Exception {
    PendingAuthorizationStore store = stores.pending();
    store.put(pending("state-1", T0.plusSeconds(600)));
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Boolean>> takes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      takes.add(() -> {
        start.await();
        return store.take("state-1").isPresent();
      });
    }
    assertThat(countTrue(takes, start)).isEqualTo(1);
  }

  @Test
  void expiredPendingAuthorizationsArePurged() {
    PendingAuthorizationStore store = stores.pending();
    store.put(pending("old", T0.plusSeconds(60)));
    store.put(pending("new", T0.plusSeconds(600)));

    assertThat(store.purgeExpired(T0.plusSeconds(60))).isEqualTo(1);
    assertThat(store.take("old")).isEmpty();
    assertThat(store.take("new")).isPresent();
  }

  // ---- plan journal

  @Test
  void theJournalKeepsOutcomesInOrderPerOwnerAndPlan() {
    PlanJournal journal = stores.journal();
    Classification error = new Classification(ErrorCategory.TRANSIENT, "x", 503, Optional.of("ServiceUnavailable"),
        Optional.of("req-1"), Optional.of(T0.plusSeconds(30)), "X is over capacity", "Try again later.");
    StepOutcome waiting = new StepOutcome("revoke", StepStatus.AWAITING_USER, T0, "waiting", Optional.empty());
    StepOutcome failed = new StepOutcome("revoke", StepStatus.PENDING, T0.plusSeconds(1), "will retry", Optional.of(error));
    StepOutcome done = new StepOutcome("revoke", StepStatus.DONE, T0.plusSeconds(2), "revoked", Optional.empty());
    StepOutcome other = new StepOutcome("delete", StepStatus.SKIPPED, T0.plusSeconds(3), "", Optional.empty());
    journal.record("alice", "p-1", waiting);
    journal.record("alice", "p-1", failed);
    journal.record("bob", "p-1", other);
    journal.record("alice", "p-1", done);
    journal.record("alice", "p-2", other);

    assertThat(journal.outcomes("alice", "p-1")).containsExactly(waiting, failed, done);
    assertThat(journal.outcomes("alice", "p-1").get(1).error()).contains(error);
    assertThat(journal.latest("alice", "p-1", "revoke")).contains(done);
    assertThat(journal.latest("alice", "p-1", "delete")).isEmpty();
    assertThat(journal.outcomes("bob", "p-1")).containsExactly(other);
    assertThat(journal.outcomes("carol", "p-1")).isEmpty();
  }

  private static long countTrue(List<Callable<Boolean>> tasks, CountDownLatch start) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (Callable<Boolean> t : tasks) {
        futures.add(pool.submit(t));
      }
      start.countDown();
      long wins = 0;
      for (Future<Boolean> f : futures) {
        wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      return wins;
    } finally {
      pool.shutdownNow();
    }
  }
}
