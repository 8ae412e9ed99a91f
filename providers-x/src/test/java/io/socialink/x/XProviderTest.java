package io.socialink.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Platform;
import io.socialink.PlatformRegistry;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AppCredentials;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitScope;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.store.memory.InMemoryLinkStore;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XPayloads;
import io.socialink.x.internal.MapJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XProviderTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void isDiscoveredWithXsOwnHosts() {
    List<XProvider> found = ServiceLoader.load(PlatformProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(XProvider.class::isInstance).map(XProvider.class::cast).toList();

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.endpoints()).isEqualTo(XEndpoints.defaults());
      assertThat(p.endpoints().authorizeUri()).hasToString("https://x.com/i/oauth2/authorize");
      assertThat(p.endpoints().tokenUri()).hasToString("https://api.x.com/2/oauth2/token");
      assertThat(p.endpoints().revokeUri()).hasToString("https://api.x.com/2/oauth2/revoke");
    });
    assertThat(PlatformRegistry.defaultRegistry().provider("x")).isInstanceOf(XProvider.class);
  }

  @Test
  void xRefreshTokensRotateStrictly() {
    Socialink s = Socialink.builder()
        .credentials(AppCredentials.publicClient("x", "oauth2", "id", URI.create("https://app.example/cb"))).build();

    // After a refresh interrupted between X's answer and the store write, the spent token is not sent again.
    assertThat(s.client(XClient.class).refreshRotation()).isEqualTo(io.socialink.spi.RefreshRotation.ROTATING_STRICT);
  }

  @Test
  void anExplicitProviderWinsOverTheDiscoveredOne() {
    XEndpoints local = XEndpoints.of(URI.create("http://127.0.0.1:1/i/oauth2/authorize"), URI.create("http://127.0.0.1:1/"));
    Socialink s = Socialink.builder().register(XProvider.withEndpoints(local))
        .credentials(AppCredentials.publicClient("x", "oauth2", "id", URI.create("https://app.example/cb"))).build();

    assertThat(s.client(XClient.class).endpoints()).isEqualTo(local);
    assertThat(local.apiBaseUri()).hasToString("http://127.0.0.1:1");
    assertThat(local.mediaStatusUri("1880028106020515840"))
        .hasToString("http://127.0.0.1:1/2/media/upload?command=STATUS&media_id=1880028106020515840");
  }

  @Test
  void endpointsAndBuilderRefuseBadInput() {
    URI auth = URI.create("https://x.com/i/oauth2/authorize");
    assertThatThrownBy(() -> XEndpoints.of(auth, URI.create("https://api.x.com/2"))).hasMessageContaining("bare origin");
    assertThatThrownBy(() -> XEndpoints.of(URI.create("/relative"), URI.create("https://api.x.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XEndpoints.of(auth, URI.create("ftp://api.x.com"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XEndpoints.defaults().mediaAppendUri("../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XProvider.builder().mediaChunkBytes(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XProvider.builder().maxProcessingWait(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void declaresTheDocumentedRateLimits() {
    List<RateLimitPolicy> p = new XProvider().rateLimitPolicies();

    assertThat(p).contains(
        RateLimitPolicy.perUser("users.me", 75, Duration.ofMinutes(15)),
        RateLimitPolicy.perUser("tweets.create", 100, Duration.ofMinutes(15)),
        RateLimitPolicy.perApp("tweets.create", 10_000, Duration.ofHours(24)),
        RateLimitPolicy.perUser("media.upload", 500, Duration.ofMinutes(15)),
        RateLimitPolicy.perUser("media.status", 1_000, Duration.ofMinutes(15)),
        RateLimitPolicy.perUser("media.append", 1_875, Duration.ofMinutes(15)),
        RateLimitPolicy.perApp("media.finalize", 180_000, Duration.ofHours(24)));
    assertThat(p).noneMatch(r -> r.endpointGroup().equals("users.me") && r.scope() == RateLimitScope.PER_APP);
  }

  @Test
  void describesThePlatformAndItsManualProcedure() {
    Platform x = new XProvider().platform();

    assertThat(x.id()).isEqualTo("x");
    assertThat(x.procedure("revoke-connected-app")).contains(XProvider.REVOKE_CONNECTED_APP);
    assertThat(XProvider.REVOKE_CONNECTED_APP.pathText()).isEqualTo("More (web) or your profile picture (app) → Settings"
        + " and privacy → Security and account access → Apps and sessions → Connected apps → the app → Revoke app permissions");
    assertThat(XProvider.REVOKE_CONNECTED_APP.webLink()).contains(URI.create("https://x.com/settings/connected_apps"));
  }

  Grant grant(String id, Account account) {
    return new Grant(id, "owner-1", account, "oauth2", "client", Secret.of("a-" + id), Optional.of(Secret.of("r-" + id)),
        Set.of("tweet.read"), "bearer", clock.instant(), Optional.of(clock.instant().plusSeconds(7200)), Optional.empty(), 0);
  }

  @Test
  void anAppAuthorizationUnlinkRevokesVerifiesAndAsksTheUserToRemoveTheApp() {
    InMemoryGrantStore grants = new InMemoryGrantStore();
    InMemoryLinkStore links = new InMemoryLinkStore();
    Account xAccount = Account.of("x", "2244994945", "XDevelopers", "X Developers");
    Grant g = grants.save(grant("g-1", xAccount));
    Link link = links.save(Link.create("l-1", "owner-1", LinkKind.APP_AUTHORIZATION, LinkEnd.application("Pebble"),
        LinkEnd.account(xAccount), List.of(g.id()), clock));
    Socialink s = Socialink.builder().register(new XProvider()).stores(io.socialink.store.Stores.inMemory().withGrants(grants).withLinks(links)).clock(clock).build();

    UnlinkPlan plan = s.unlinking().plan("owner-1", link.id());

    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly(
        "revoke:x:g-1", "manual:x:revoke-connected-app", "verify:x:g-1", "forget:g-1");
    assertThat(plan.steps().get(2)).isEqualTo(new UnlinkStep.Verify("verify:x:g-1", "x", "g-1", "GET /2/users/me"));
    assertThat(plan.manualSteps()).singleElement().satisfies(m -> assertThat(m.procedure()).isEqualTo(XProvider.REVOKE_CONNECTED_APP));
    assertThat(plan.renderText()).contains("https://x.com/settings/connected_apps").contains("Revoke app permissions");
  }

  @Test
  void aCrossPostUnlinkWithAnXEndAsksTheUserToRemoveTheApp() {
    InMemoryGrantStore grants = new InMemoryGrantStore();
    InMemoryLinkStore links = new InMemoryLinkStore();
    Account xAccount = Account.of("x", "2244994945");
    Account other = Account.of("instagram", "17841400000000000");
    Link link = links.save(Link.create("l-2", "owner-1", LinkKind.CROSS_POST, LinkEnd.account(other),
        LinkEnd.account(xAccount), List.of(), clock));
    Socialink s = Socialink.builder().register(new XProvider()).stores(io.socialink.store.Stores.inMemory().withGrants(grants).withLinks(links)).clock(clock).build();

    UnlinkPlan plan = s.unlinking().plan("owner-1", link.id());

    assertThat(plan.steps()).extracting(UnlinkStep::id).contains("stop-sync:l-2", "manual:x:revoke-connected-app");
    assertThat(plan.manualSteps().get(0).reason()).contains("Cross-posting");
  }

  @Test
  void aCrossPostWhoseGrantTheAppStillUsesElsewhereAsksTheUserToRemoveNothing() {
    Link link = Link.create("l-2", "owner-1", LinkKind.CROSS_POST, LinkEnd.account(Account.of("instagram", "1")),
        LinkEnd.account(Account.of("x", "2244994945")), List.of("g-1"), java.time.Clock.systemUTC());
    io.socialink.Grant kept = new io.socialink.Grant("g-1", "owner-1", Account.of("x", "2244994945"), "oauth2", "c",
        io.socialink.Secret.of("t"), java.util.Optional.empty(), java.util.Set.of(), "bearer", java.time.Instant.EPOCH,
        java.util.Optional.empty(), java.util.Optional.empty(), 0);

    List<UnlinkStep> steps = new XProvider().unlinkContributor().contribute(new io.socialink.unlink.UnlinkContext(
        new UnlinkPlan.LinkSubject(link), "x", java.util.Optional.of(link), List.of(), false, List.of(kept)));

    assertThat(steps).as("the app's own authorization still uses the access").isEmpty();
  }

  @Test
  void aProfileLinkGetsNoManualStepFromX() {
    InMemoryLinkStore links = new InMemoryLinkStore();
    Link link = links.save(Link.create("l-3", "owner-1", LinkKind.PROFILE_LINK, LinkEnd.account(Account.of("x", "1")),
        LinkEnd.account(Account.of("x", "2")), List.of(), clock));
    Socialink s = Socialink.builder().register(new XProvider()).stores(io.socialink.store.Stores.inMemory().withLinks(links)).clock(clock).build();

    assertThat(s.unlinking().plan("owner-1", link.id()).manualSteps()).isEmpty();
  }

  /** Every call carries the right endpoint group, idempotency, app key and user key. */
  @Test
  void callsAreMarkedForThePipeline() {
    List<ApiCall> calls = new ArrayList<>();
    CallExecutor recording = call -> {
      calls.add(call);
      return answer(call);
    };
    XProvider provider = XProvider.builder().build();
    XClient x = provider.createClient(context(recording, AppCredentials.confidential("x", "oauth2",
        "client-7", Secret.of("s"), URI.create("https://app.example/cb"))));
    Grant g = grant("g-1", Account.of("x", "2244994945"));

    x.refresh(g);
    x.me(g);
    x.me(grant("g-2", Account.of("x", "pending")));
    x.publish(g, new Post("hi", List.of(MediaContent.ofBytes("image/png", new byte[] {1}),
        MediaContent.ofBytes("video/mp4", new byte[] {1, 2}))));
    x.revoke(g);

    assertThat(calls).extracting(c -> c.endpointGroup() + " " + c.idempotency() + " " + c.userKey().orElse("-"))
        .containsExactly(
            "oauth2.token NON_IDEMPOTENT x:2244994945",
            "users.me IDEMPOTENT x:2244994945",
            "users.me IDEMPOTENT -",
            "media.upload NON_IDEMPOTENT x:2244994945",
            "media.initialize NON_IDEMPOTENT x:2244994945",
            "media.append NON_IDEMPOTENT x:2244994945",
            "media.finalize NON_IDEMPOTENT x:2244994945",
            "media.status IDEMPOTENT x:2244994945",
            "tweets.create NON_IDEMPOTENT x:2244994945",
            "oauth2.revoke IDEMPOTENT x:2244994945",
            "oauth2.revoke IDEMPOTENT x:2244994945");
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.appKey()).isEqualTo("client-7");
      assertThat(c.platformId()).isEqualTo("x");
    });
    assertThat(calls.stream().filter(c -> c.idempotency() == Idempotency.NON_IDEMPOTENT)).hasSize(6);
  }

  static ApiResponse answer(ApiCall call) {
    String payload;
    switch (call.endpointGroup()) {
      case "oauth2.token":
        payload = XPayloads.TOKEN;
        break;
      case "oauth2.revoke":
        payload = XPayloads.REVOKE;
        break;
      case "users.me":
        payload = XPayloads.USERS_ME;
        break;
      case "tweets.create":
        payload = XPayloads.TWEET_CREATED;
        break;
      case "media.upload":
        payload = XPayloads.MEDIA_UPLOAD;
        break;
      case "media.initialize":
        payload = XPayloads.MEDIA_INITIALIZE;
        break;
      case "media.finalize":
        payload = XPayloads.MEDIA_FINALIZE_PENDING;
        break;
      case "media.status":
        payload = XPayloads.MEDIA_STATUS_SUCCEEDED;
        break;
      default:
        return new ApiResponse(204, Headers.empty(), new byte[0]);
    }
    return new ApiResponse(200, Headers.empty(), XPayloads.bytes(payload));
  }

  static ProviderContext context(CallExecutor calls, AppCredentials credentials) {
    return new ProviderContext() {
      @Override
      public Platform platform() {
        return new XProvider().platform();
      }

      @Override
      public AppCredentials credentials() {
        return credentials;
      }

      @Override
      public CallExecutor calls() {
        return calls;
      }

      @Override
      public JsonCodec json() {
        return MapJson.INSTANCE;
      }

      @Override
      public Clock clock() {
        return Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC);
      }

      @Override
      public io.socialink.spi.Sleeper sleeper() {
        return d -> { };
      }
    };
  }

  @Test
  void refusesCredentialsOfAnotherScheme() {
    XProvider p = new XProvider();
    AppCredentials other = AppCredentials.publicClient("x", "oauth1", "id", URI.create("https://app.example/cb"));

    assertThatThrownBy(() -> p.createClient(context(c -> null, other))).hasMessageContaining("oauth2");
  }
}
