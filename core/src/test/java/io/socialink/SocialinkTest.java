package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.store.memory.InMemoryLinkStore;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocialinkTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final FakeProvider fake = new FakeProvider("fake");
  final Socialink socialink = Socialink.builder()
      .providerLoader(ProviderLoader.of())
      .register(fake)
      .credentials(AppCredentials.confidential("fake", "oauth2", "client-1", Secret.of("client-secret"),
          URI.create("https://app.example/callback")))
      .clock(clock)
      .random(new Random(1))
      .applicationName("Example App")
      .build();

  AuthorizationResult link() {
    AuthorizationStart start = socialink.linking().authorize("alice", "fake");
    return socialink.linking().complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c1"));
  }

  @Test
  void authorizeThenCompleteStoresAGrantAndAnAuthorizationLink() {
    AuthorizationStart start = socialink.linking().authorize("alice", "fake");
    assertThat(start.url().toString()).contains("state=" + start.state()).contains("scope=read");
    assertThat(start.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    AuthorizationResult r = socialink.linking().complete("alice",
        CallbackParameters.fromQuery("state=" + start.state() + "&code=c1"));
    assertThat(fake.exchangedCodes).containsExactly("c1");
    assertThat(fake.exchangedVerifiers.get(0)).hasSize(43);
    assertThat(r.grant().account()).isEqualTo(Account.of("fake", "u-1"));
    assertThat(r.grant().account().handle()).contains("fake_user");
    assertThat(r.grant().expiresAt()).contains(clock.instant().plus(Duration.ofHours(2)));
    assertThat(r.link().kind()).isEqualTo(LinkKind.APP_AUTHORIZATION);
    assertThat(r.link().grantIds()).containsExactly(r.grant().id());
    assertThat(r.missingScopes()).isEmpty();
    assertThat(socialink.grants().list("alice")).containsExactly(r.grant());
    assertThat(socialink.links().list("alice")).containsExactly(r.link());
    assertThat(socialink.grants().list("bob")).isEmpty();
  }

  @Test
  void missingScopesAreReported() {
    fake.grantedScopes = Set.of("read");
    AuthorizationStart start = socialink.linking().authorize("alice", "fake", "oauth2", List.of("read", "write"));
    AuthorizationResult r = socialink.linking().complete("alice",
        CallbackParameters.fromQuery("state=" + start.state() + "&code=c1"));
    assertThat(r.missingScopes()).containsExactly("write");
  }

  @Test
  void forgedReusedExpiredAndForeignCallbacksAreRejectedBeforeAnyTokenRequest() {
    assertThatThrownBy(() -> socialink.linking().complete("alice", CallbackParameters.fromQuery("state=forged&code=c")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.UNKNOWN_STATE));
    assertThatThrownBy(() -> socialink.linking().complete("alice", CallbackParameters.fromQuery("code=c")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.MISSING_STATE));

    AuthorizationStart used = socialink.linking().authorize("alice", "fake");
    socialink.linking().complete("alice", CallbackParameters.fromQuery("state=" + used.state() + "&code=c1"));
    assertThatThrownBy(() -> socialink.linking().complete("alice",
        CallbackParameters.fromQuery("state=" + used.state() + "&code=c1")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.UNKNOWN_STATE));

    AuthorizationStart foreign = socialink.linking().authorize("alice", "fake");
    assertThatThrownBy(() -> socialink.linking().complete("mallory",
        CallbackParameters.fromQuery("state=" + foreign.state() + "&code=c1")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.OWNER_MISMATCH));

    AuthorizationStart late = socialink.linking().authorize("alice", "fake");
    clock.advance(Duration.ofMinutes(10));
    assertThatThrownBy(() -> socialink.linking().complete("alice",
        CallbackParameters.fromQuery("state=" + late.state() + "&code=c1")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.EXPIRED));

    AuthorizationStart denied = socialink.linking().authorize("alice", "fake");
    assertThatThrownBy(() -> socialink.linking().complete("alice",
        CallbackParameters.fromQuery("state=" + denied.state() + "&error=access_denied")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.DENIED))
        .hasMessageContaining("access_denied");

    AuthorizationStart noCode = socialink.linking().authorize("alice", "fake");
    assertThatThrownBy(() -> socialink.linking().complete("alice",
        CallbackParameters.fromQuery("state=" + noCode.state())))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.MISSING_CODE));

    assertThat(fake.exchangedCodes).containsExactly("c1");
  }

  @Test
  void unknownPlatformSchemeOrMissingCredentialsAreConfigurationErrors() {
    assertThatThrownBy(() -> socialink.linking().authorize("alice", "nope")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("known platforms: [fake]");
    FakeProvider other = new FakeProvider("other");
    Socialink s = Socialink.builder().providerLoader(ProviderLoader.of()).register(other).build();
    assertThatThrownBy(() -> s.linking().authorize("alice", "other")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no credentials configured for platform 'other'");
    assertThatThrownBy(() -> Socialink.builder().providerLoader(ProviderLoader.of()).register(other)
        .credentials(AppCredentials.publicClient("other", "login-kit", "c", URI.create("https://a.example/cb"))).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("offers [oauth2]");
  }

  @Test
  void rateLimitSettingsNamingAnUnknownPlatformAreAConfigurationError() {
    assertThatThrownBy(() -> Socialink.builder().providerLoader(ProviderLoader.of()).register(fake)
        .resilience(io.socialink.resilience.ResilienceSettings.ofDefaults().withRateLimits(io.socialink.resilience.RateLimitSettings.custom()
            .override("twitter", io.socialink.resilience.RateLimitPolicy.perUser("tweets", 1, Duration.ofMinutes(1)))
            .build()))
        .build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'twitter'").hasMessageContaining("[fake]");
  }

  @Test
  void aTransportFailureQuotingTheUriKeepsTheTokenOutOfTheCause() {
    io.socialink.http.Transport failing = request -> {
      throw new java.io.IOException("cannot reach " + request.uri());
    };
    FakeProvider calling = new CallingProvider();
    Socialink s = Socialink.builder().providerLoader(ProviderLoader.of()).register(calling).transport(failing)
        .resilience(io.socialink.resilience.ResilienceSettings.ofDefaults().withRetry(io.socialink.resilience.RetryPolicy.disabled()))
        .credentials(AppCredentials.publicClient("calling", "oauth2", "client-1", URI.create("https://app.example/cb")))
        .clock(clock).random(new Random(9)).build();
    AuthorizationStart start = s.linking().authorize("alice", "calling");
    AuthorizationResult r = s.linking().complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c"));
    String token = r.grant().accessToken().reveal();

    SocialinkException e = org.assertj.core.api.Assertions.catchThrowableOfType(SocialinkException.class,
        () -> s.grants().revoke("alice", r.grant().id()));

    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(trace.toString()).contains("cannot reach").doesNotContain(token);
  }

  /** A fake platform whose revocation is one GET through the pipeline, with the token in the query. */
  static final class CallingProvider extends FakeProvider {
    CallingProvider() {
      super("calling");
    }

    @Override
    public io.socialink.spi.PlatformClient createClient(io.socialink.spi.ProviderContext context) {
      io.socialink.spi.PlatformClient base = super.createClient(context);
      return new io.socialink.spi.PlatformClient() {
        @Override
        public AppCredentials credentials() {
          return base.credentials();
        }

        @Override
        public URI authorizationUrl(io.socialink.auth.AuthorizationRequest request) {
          return base.authorizationUrl(request);
        }

        @Override
        public io.socialink.auth.TokenResponse exchangeCode(io.socialink.auth.CodeExchange exchange) {
          return base.exchangeCode(exchange);
        }

        @Override
        public io.socialink.auth.TokenResponse refresh(Grant grant) {
          return base.refresh(grant);
        }

        @Override
        public io.socialink.spi.Revocation revoke(Grant grant) {
          io.socialink.http.ApiRequest request = io.socialink.http.ApiRequest.newBuilder(io.socialink.http.HttpMethod.GET,
              URI.create("https://graph.example/revoke?access_token=" + grant.accessToken().reveal())).build();
          context.calls().execute(new io.socialink.http.ApiCall("calling", "revoke", request,
              io.socialink.http.Idempotency.IDEMPOTENT, "client-1", Optional.empty()));
          return io.socialink.spi.Revocation.REVOKED;
        }

        @Override
        public Account profile(Grant grant) {
          return base.profile(grant);
        }
      };
    }
  }

  @Test
  void interceptorsAddedOnTheBuilderSeeEveryCallOnceInTheOrderAdded() {
    List<String> sentTraceHeaders = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.socialink.http.Transport answering = request -> {
      sentTraceHeaders.add(request.headers().first("traceparent").orElse("none"));
      return new io.socialink.http.ApiResponse(200, new io.socialink.http.Headers(Map.of()), new byte[0]);
    };
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Socialink s = Socialink.builder().providerLoader(ProviderLoader.of()).register(new CallingProvider())
        .transport(answering)
        .addInterceptor(chain -> {
          seen.add("outer " + chain.redact(chain.call().toString()));
          return chain.proceed(chain.call().withRequest(
              chain.call().request().toBuilder().header("traceparent", "00-trace-01").build()));
        })
        .addInterceptor(chain -> {
          seen.add("inner " + chain.call().request().headers().first("traceparent").orElse("none"));
          return chain.proceed(chain.call());
        })
        .credentials(AppCredentials.publicClient("calling", "oauth2", "client-1", URI.create("https://app.example/cb")))
        .clock(clock).random(new Random(9)).build();
    AuthorizationStart start = s.linking().authorize("alice", "calling");
    AuthorizationResult r = s.linking().complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c"));

    s.grants().revoke("alice", r.grant().id());

    assertThat(sentTraceHeaders).containsExactly("00-trace-01");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).startsWith("outer ").doesNotContain(r.grant().accessToken().reveal());
    assertThat(seen.get(1)).isEqualTo("inner 00-trace-01");
  }

  @Test
  void providersWaitThroughTheOneSleeperOfTheSocialink() throws Exception {
    java.util.concurrent.atomic.AtomicReference<io.socialink.spi.Sleeper> handed = new java.util.concurrent.atomic.AtomicReference<>();
    FakeProvider polling = new FakeProvider("polling") {
      @Override
      public io.socialink.spi.PlatformClient createClient(io.socialink.spi.ProviderContext context) {
        handed.set(context.sleeper());
        return super.createClient(context);
      }
    };
    List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    Socialink s = Socialink.builder().providerLoader(ProviderLoader.of()).register(polling).sleeper(waits::add)
        .credentials(AppCredentials.publicClient("polling", "oauth2", "c", URI.create("https://app.example/cb")))
        .build();

    s.client("polling", "oauth2");
    handed.get().sleep(Duration.ofSeconds(3));

    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void freshGrantRefreshesNearExpiryAndStoresTheRotatedToken() {
    AuthorizationResult r = link();
    assertThat(socialink.grants().fresh("alice", r.grant().id())).isEqualTo(r.grant());
    assertThat(fake.refreshes).hasValue(0);
    clock.advance(Duration.ofMinutes(119));
    Grant fresh = socialink.grants().fresh("alice", r.grant().id());
    assertThat(fake.refreshes).hasValue(1);
    assertThat(fresh.refreshToken().orElseThrow()).isNotEqualTo(r.grant().refreshToken().orElseThrow());
    assertThat(fresh.version()).isEqualTo(1);
    assertThat(socialink.grants().list("alice")).containsExactly(fresh);
  }

  @Test
  void concurrentCallersShareOneRefresh() throws Exception {
    AuthorizationResult r = link();
    clock.advance(Duration.ofHours(2));
    fake.refreshEntered = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<Grant> first = pool.submit(() -> socialink.grants().fresh("alice", r.grant().id()));
      assertThat(fake.refreshEntered.await(10, TimeUnit.SECONDS)).isTrue();
      List<Thread> joiners = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Future<Grant>> others = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        others.add(pool.submit(() -> {
          joiners.add(Thread.currentThread());
          return socialink.grants().fresh("alice", r.grant().id());
        }));
      }
      // Wait until both joiners are parked (on the shared refresh, or on the gate if single-flight were broken).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while ((joiners.size() < 2 || joiners.stream().anyMatch(t -> t.getState() != Thread.State.WAITING))
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      fake.refreshRelease.countDown();
      Grant a = first.get(10, TimeUnit.SECONDS);
      for (Future<Grant> f : others) {
        assertThat(f.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo(a.accessToken());
      }
    } finally {
      fake.refreshRelease.countDown();
      pool.shutdownNow();
    }
    assertThat(fake.refreshes.get()).isEqualTo(1);
    assertThat(socialink.grants().list("alice").get(0).version()).isEqualTo(1);
  }

  @Test
  void expiredAnswerLeadsToOneRefreshAndOneReplayOnly() {
    AuthorizationResult r = link();
    fake.expiredProfileAnswers = 1;
    assertThat(socialink.grants().profile("alice", r.grant().id()).userId()).isEqualTo("u-1");
    assertThat(fake.refreshes).hasValue(1);
    assertThat(fake.profileCalls).hasValue(3); // one during linking, one expired, one replay

    fake.expiredProfileAnswers = 5;
    assertThatThrownBy(() -> socialink.grants().profile("alice", r.grant().id())).isInstanceOf(AuthorizationException.class);
    assertThat(fake.refreshes).hasValue(2);
    assertThat(fake.profileCalls).hasValue(5);
  }

  @Test
  void deadRefreshTokenMarksTheLinkRevokedButATransientFailureDoesNot() {
    AuthorizationResult r = link();
    clock.advance(Duration.ofHours(3));
    fake.refreshFailure = SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, "fake", 503, "down"), null, 1);
    assertThatThrownBy(() -> socialink.grants().fresh("alice", r.grant().id())).isInstanceOf(SocialinkException.class);
    assertThat(socialink.links().list("alice").get(0).state()).isEqualTo(LinkState.ACTIVE);

    fake.refreshFailure = SocialinkException.of(Classification.of(ErrorCategory.AUTH_REVOKED, "fake", 400, "dead"), null, 1);
    assertThatThrownBy(() -> socialink.grants().fresh("alice", r.grant().id())).isInstanceOf(AuthorizationException.class);
    assertThat(socialink.links().list("alice").get(0).state()).isEqualTo(LinkState.REVOKED);
  }

  @Test
  void grantWithoutRefreshTokenFailsClearlyWhenExpired() {
    fake.issueRefreshToken = false;
    AuthorizationResult r = link();
    clock.advance(Duration.ofHours(2));
    assertThatThrownBy(() -> socialink.grants().fresh("alice", r.grant().id())).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("issued none");
    assertThat(fake.refreshes).hasValue(0);
  }

  @Test
  void aGrantThatCannotBeRefreshedIsUsedUntilItActuallyExpires() {
    fake.issueRefreshToken = false;
    AuthorizationResult r = link();
    clock.advance(Duration.ofHours(2).minusSeconds(60)); // inside the refresh window, not yet expired
    assertThat(socialink.grants().fresh("alice", r.grant().id())).isEqualTo(r.grant());
    assertThat(socialink.grants().profile("alice", r.grant().id()).userId()).isEqualTo("u-1");
    assertThat(fake.refreshes).hasValue(0);
  }

  @Test
  void refreshesRacingAcrossInstancesSharingAStoreKeepTheNewerGrant() throws Exception {
    TwoInstances two = new TwoInstances();

    // B's refresh is in flight past its claim while A refreshes and stores first; B's answer must not
    // win or fail.
    Grant[] results = two.raceRefreshes();

    assertThat(results[1]).isEqualTo(results[0]);
    assertThat(two.grants.find("alice", two.grantId)).contains(results[0]);
  }

  @Test
  void aRotatedRefreshTokenSpentByAnotherInstanceIsNotARevokedLink() throws Exception {
    TwoInstances two = new TwoInstances();
    two.fakeB.refreshFailure = SocialinkException.of(
        Classification.of(ErrorCategory.AUTH_REVOKED, "fake", 400, "Value passed for the token was invalid."), null, 1);

    Grant[] results = two.raceRefreshes();

    assertThat(results[1]).isEqualTo(results[0]);
    assertThat(two.links.findByOwner("alice")).singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo(LinkState.ACTIVE));
  }

  /** Two instances sharing one grant store and one link store, with a grant due for refresh. */
  private final class TwoInstances {
    final InMemoryGrantStore grants = new InMemoryGrantStore();
    final InMemoryLinkStore links = new InMemoryLinkStore();
    final FakeProvider fakeB = new FakeProvider("fake");
    final Socialink a = shared(new FakeProvider("fake"), grants, links);
    final Socialink b = shared(fakeB, grants, links);
    final String grantId;

    TwoInstances() {
      AuthorizationStart start = a.linking().authorize("alice", "fake");
      grantId = a.linking().complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c"))
          .grant().id();
      clock.advance(Duration.ofHours(2));
    }

    /**
     * B's refresh is held at the platform until its refresh claim lapses, then A refreshes; returns
     * {A's grant, B's grant}.
     */
    Grant[] raceRefreshes() throws Exception {
      fakeB.refreshEntered = new CountDownLatch(1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Grant> fromB = pool.submit(() -> b.grants().fresh("alice", grantId));
        assertThat(fakeB.refreshEntered.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(io.socialink.internal.runtime.RefreshCoordinator.DEFAULT_CLAIM_TIMEOUT);
        Grant fromA = a.grants().fresh("alice", grantId);
        fakeB.refreshRelease.countDown();
        return new Grant[] {fromA, fromB.get(10, TimeUnit.SECONDS)};
      } finally {
        fakeB.refreshRelease.countDown();
        pool.shutdownNow();
      }
    }
  }

  private Socialink shared(FakeProvider provider, InMemoryGrantStore grants, InMemoryLinkStore links) {
    return Socialink.builder().providerLoader(ProviderLoader.of()).register(provider)
        .credentials(AppCredentials.publicClient("fake", "oauth2", "client-1", URI.create("https://app.example/callback")))
        .stores(io.socialink.store.Stores.inMemory().withGrants(grants).withLinks(links)).clock(clock).random(new Random(7)).build();
  }

  @Test
  void classifiesAResponseWithoutACall() {
    assertThat(socialink.platforms().classify("fake", 200, Map.of(), new byte[0])).isEmpty();
    Classification c = socialink.platforms().classify("fake", 429, Map.of("Retry-After", List.of("30")),
        "{}".getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertThat(c.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(c.retryAt()).contains(clock.instant().plusSeconds(30));
  }

  @Test
  void classifyingWithoutACallGivesAThrottledAnswerTheRetryTimeThePipelineWouldGive() {
    FakeProvider throttling = new FakeProvider("throttle") {
      @Override
      public io.socialink.spi.ResponseInterpreter responseInterpreter() {
        return new io.socialink.spi.ResponseInterpreter() {
          @Override
          public java.util.Optional<Classification> classify(io.socialink.http.ApiResponse response,
              java.util.Optional<Classification> generic) {
            return response.bodyText().contains("40100")
                ? java.util.Optional.of(Classification.of(ErrorCategory.RATE_LIMITED, "throttle", 200,
                    "Too many requests, access_token=tok-canary"))
                : generic;
          }

          @Override
          public List<io.socialink.resilience.RateLimitObservation> rateLimits(String endpointGroup,
              io.socialink.http.ApiResponse response, Instant receivedAt) {
            return response.bodyText().contains("40100")
                ? List.of(io.socialink.resilience.RateLimitObservation.exhausted(endpointGroup,
                    io.socialink.resilience.RateLimitScope.PER_APP, receivedAt.plusSeconds(60)))
                : List.of();
          }
        };
      }
    };
    Socialink s = Socialink.builder().providerLoader(ProviderLoader.of()).register(throttling).clock(clock).build();
    Classification c = s.platforms().classify("throttle", 200, Map.of(), "{\"code\":40100}".getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
    assertThat(c.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(c.retryAt()).contains(clock.instant().plusSeconds(60));
    assertThat(c.message()).doesNotContain("tok-canary");
    assertThat(s.platforms().classify("throttle", 200, Map.of(), "{\"code\":0}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void plansTheUnlinkOfAnAuthorizationLink() {
    AuthorizationResult r = link();
    UnlinkPlan plan = socialink.unlinking().plan("alice", r.link().id());
    assertThat(plan.id()).isEqualTo("link:" + r.link().id());
    assertThat(plan.steps()).extracting(UnlinkStep::phase).containsExactly(
        UnlinkStep.Phase.REVOKE, UnlinkStep.Phase.VERIFY, UnlinkStep.Phase.FORGET);
    assertThat(plan.renderText()).contains("Revoke grant " + r.grant().id());
    assertThatThrownBy(() -> socialink.unlinking().plan("bob", r.link().id())).hasMessageContaining("no link");
  }
}
