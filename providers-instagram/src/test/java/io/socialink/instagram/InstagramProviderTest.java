package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.PlatformRegistry;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AppCredentials;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.Transport;
import io.socialink.instagram.internal.Fixtures;
import io.socialink.testkit.PipelineProbe;
import io.socialink.spi.PlatformProvider;
import io.socialink.unlink.UnlinkContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InstagramProviderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  final InstagramProvider provider = new InstagramProvider();

  @Test
  void isDiscoveredWithTwoSchemesAndCaptionRules() {
    assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(InstagramProvider.class);
    assertThat(provider.authorizationSchemes()).extracting(s -> s.id()).containsExactly("instagram-login", "facebook-login");
    assertThat(provider.textRules().maxLength()).isEqualTo(2200);
    assertThat(provider.textRules().fits("a".repeat(2200))).isTrue();
    assertThat(provider.textRules().fits("a".repeat(2201))).isFalse();
  }

  @Test
  void profileLinkOnTikTokNeedsTheAppRemovedOnInstagramNamingTikTok() {
    Link link = Link.create("l1", "owner", LinkKind.PROFILE_LINK, LinkEnd.account(Account.of("tiktok", "1")),
        LinkEnd.account(Account.of("instagram", "2")), List.of(), CLOCK);
    List<UnlinkStep> steps = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "instagram", Optional.of(link), List.of(), false));
    assertThat(steps).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(InstagramProvider.REMOVE_APP_ACCESS);
      assertThat(m.reason()).contains("tiktok");
      assertThat(m.procedure().pathText()).contains("Apps and websites");
      assertThat(m.reason()).contains("no longer appears under Apps and websites").contains("Accounts Center")
          .contains("active sessions");
    });
  }

  @Test
  void instagramLoginGrantsAreVerifiedByAProbeAndNeverPlannedAsRevocations() {
    Grant grant = new Grant("g1", "owner", Account.of("instagram", "2"), "instagram-login", "c", Secret.of("t"),
        Optional.empty(), Set.of(), "bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
    Link link = Link.create("l1", "owner", LinkKind.CROSS_POST, LinkEnd.account(Account.of("instagram", "2")),
        LinkEnd.account(Account.of("x", "3")), List.of("g1"), CLOCK);
    List<UnlinkStep> steps = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "instagram", Optional.of(link), List.of(grant), false));
    assertThat(steps).noneMatch(UnlinkStep.RevokeGrant.class::isInstance);
    assertThat(steps).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(UnlinkStep.Verify.class,
        v -> assertThat(v.probe()).isEqualTo(InstagramProvider.VERIFY_PROBE)));
    assertThat(steps).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(InstagramProvider.REMOVE_APP_ACCESS);
      assertThat(m.reason()).contains("x's access").contains("only sure revocation");
    }));
  }

  @Test
  void aCrossPostWhoseGrantTheAppStillUsesElsewhereAsksTheUserToRemoveNothing() {
    Grant grant = new Grant("g1", "owner", Account.of("instagram", "2"), "instagram-login", "c", Secret.of("t"),
        Optional.empty(), Set.of(), "bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
    Link link = Link.create("l1", "owner", LinkKind.CROSS_POST, LinkEnd.account(Account.of("instagram", "2")),
        LinkEnd.account(Account.of("x", "3")), List.of("g1"), CLOCK);

    List<UnlinkStep> steps = provider.unlinkContributor().contribute(new UnlinkContext(new UnlinkPlan.LinkSubject(link),
        "instagram", Optional.of(link), List.of(), false, List.of(grant)));

    assertThat(steps).as("the app's own authorization still uses the access").isEmpty();
  }


  @Test
  void grantsFromFacebookLoginAreRevokedThroughTheApiThenVerifiedAndCheckedOnFacebook() {
    Grant grant = new Grant("g1", "owner", Account.of("instagram", "2"), "facebook-login", "c", Secret.of("t"),
        Optional.empty(), Set.of(), "bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
    Link link = Link.create("l1", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("instagram", "2")), List.of("g1"), CLOCK);
    List<UnlinkStep> steps = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "instagram", Optional.of(link), List.of(grant), false));
    assertThat(steps.get(0)).isInstanceOfSatisfying(UnlinkStep.RevokeGrant.class, r -> {
      assertThat(r.grantId()).isEqualTo("g1");
      assertThat(r.id()).isEqualTo("revoke:instagram:g1");
    });
    assertThat(steps.get(1)).isInstanceOfSatisfying(UnlinkStep.Verify.class,
        v -> assertThat(v.probe()).isEqualTo(InstagramProvider.FACEBOOK_VERIFY_PROBE));
    assertThat(steps).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(InstagramProvider.REMOVE_APP_ACCESS_ON_FACEBOOK);
      assertThat(m.reason()).contains("revocation through Facebook's API");
    }));
  }

  @Test
  void aPlanWithGrantsOfBothSchemesRevokesOnlyTheFacebookLoginOne() {
    Grant fb = new Grant("g1", "owner", Account.of("instagram", "2"), "facebook-login", "c", Secret.of("t"),
        Optional.empty(), Set.of(), "bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
    Grant ig = new Grant("g2", "owner", Account.of("instagram", "3"), "instagram-login", "c", Secret.of("t"),
        Optional.empty(), Set.of(), "bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
    List<UnlinkStep> steps = provider.unlinkContributor().contribute(new UnlinkContext(
        new UnlinkPlan.AccountDeletion(Account.of("instagram", "2"), List.of()), "instagram", Optional.empty(),
        List.of(fb, ig), false));
    assertThat(steps).filteredOn(UnlinkStep.RevokeGrant.class::isInstance).extracting(UnlinkStep::id)
        .containsExactly("revoke:instagram:g1");
    assertThat(steps).filteredOn(UnlinkStep.Verify.class::isInstance).extracting(UnlinkStep::id)
        .containsExactly("verify:instagram:g1", "verify:instagram:g2");
  }

  @Test
  void itsInterpreterReadsGraphErrorsThroughSocialink() {
    PlatformRegistry registry = PlatformRegistry.builder().register(provider).build();

    Socialink socialink = Socialink.builder().registry(registry).clock(CLOCK).build();

    Optional<Classification> c = socialink.platforms().classify("instagram", 400, Map.of("X-FB-Trace-Id", List.of("H1")),
        Fixtures.bytes("errors/190-463-session-expired.json"));

    assertThat(c).hasValueSatisfying(v -> {
      assertThat(v.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
      assertThat(v.platformCode()).contains("190/463");
      assertThat(v.requestId()).contains("A1x463sExpd");
    });
    assertThat(provider.responseInterpreter()).isSameAs(provider.responseInterpreter());
  }

  @Test
  void declaresNoStaticRateLimits() {
    assertThat(provider.rateLimitPolicies()).isEmpty();
  }

  /**
   * The interpreter inside core's pipeline: a spent budget holds further calls on its key until the
   * reset, without sending them. The provider's client is not available yet, so a probe provider
   * hands out the pipeline Socialink builds around the Instagram interpreter.
   */
  @Nested
  class InThePipeline {
    static final String USER = "instagram:17841400000000000";
    static final String OTHER_USER = "instagram:17841400000000001";
    static final String TOKEN = "IGAAKx7Secret9TokenValue0123456789";

    final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));
    final ScriptedTransport transport = new ScriptedTransport();
    final CallExecutor calls = pipeline();

    CallExecutor pipeline() {
      Socialink socialink = Socialink.builder()
          .register(PipelineProbe.probing(provider))
          .credentials(AppCredentials.confidential("instagram", "instagram-login", "ig-app-1", Secret.of("s3cr3t"),
              URI.create("https://app.example/callback")))
          .transport(transport)
          .clock(clock)
          .resilience(io.socialink.resilience.ResilienceSettings.ofDefaults().withMaxWait(Duration.ZERO))
          .build();
      return PipelineProbe.calls(socialink, "instagram", "instagram-login");
    }

    ApiCall me(String user) {
      ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET,
          URI.create("https://graph.instagram.com/v25.0/me?fields=user_id,username&access_token=" + TOKEN)).build();
      return new ApiCall("instagram", "me", request, Idempotency.IDEMPOTENT, "ig-app-1", Optional.of(user));
    }

    SocialinkException failure(ApiCall call) {
      return catchThrowableOfType(SocialinkException.class, () -> calls.execute(call));
    }

    @Test
    void appUsageAtTheHoldStopsEveryCallOfTheAppUntilTheReset() {
      transport.reply(200, Headers.of("x-app-usage", Fixtures.header("x-app-usage-near-limit.json")), "{}");
      transport.reply(200, Headers.empty(), "{}");

      calls.execute(me(USER));
      SocialinkException held = failure(me(OTHER_USER));

      assertThat(held.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
      assertThat(held.retryAt()).contains(clock.instant().plus(Duration.ofHours(1)));
      assertThat(transport.sent).hasSize(1);

      clock.advance(Duration.ofHours(1));
      calls.execute(me(OTHER_USER));
      assertThat(transport.sent).hasSize(2);
    }

    @Test
    void aThrottlingAnswerHoldsTheAccountUntilMetasEstimateAndLeavesOthersAlone() {
      Instant start = clock.instant();
      transport.reply(400, Headers.of("x-business-use-case-usage", Fixtures.header("x-business-use-case-usage.json")),
          Fixtures.text("errors/80002-instagram-buc.json"));
      transport.reply(200, Headers.empty(), "{}");
      transport.reply(200, Headers.empty(), "{}");

      SocialinkException throttled = failure(me(USER));
      SocialinkException held = failure(me(USER));
      calls.execute(me(OTHER_USER));

      assertThat(throttled.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
      assertThat(throttled.platformCode()).contains("80002");
      assertThat(throttled.retryAt()).contains(start.plus(Duration.ofMinutes(19)));
      assertThat(held.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
      assertThat(held.retryAt()).contains(start.plus(Duration.ofMinutes(19)));
      assertThat(transport.sent).as("the throttled call, then the other account's").hasSize(2);

      clock.advance(Duration.ofMinutes(19));
      calls.execute(me(USER));
      assertThat(transport.sent).hasSize(3);
    }

    @Test
    void anAppThrottlingAnswerWithoutAnEstimateHoldsTheAppForAnHour() {
      Instant start = clock.instant();
      transport.reply(400, Headers.empty(), Fixtures.text("errors/4-app-rate-limit.json"));

      SocialinkException throttled = failure(me(USER));
      SocialinkException held = failure(me(OTHER_USER));

      assertThat(throttled.retryAt()).contains(start.plus(Duration.ofHours(1)));
      assertThat(held.retryAt()).contains(start.plus(Duration.ofHours(1)));
      assertThat(transport.sent).hasSize(1);
    }

    @Test
    void aTokenPlantedInTheQueryAndBodyAppearsInNoFailure() {
      ApiRequest post = ApiRequest.newBuilder(HttpMethod.POST,
              URI.create("https://graph.instagram.com/v25.0/17841400000000000/media?access_token=" + TOKEN))
          .form(new LinkedHashMap<>(Map.of("access_token", TOKEN, "caption", "hello")))
          .build();
      ApiCall publish = new ApiCall("instagram", "media.create", post, Idempotency.NON_IDEMPOTENT, "ig-app-1",
          Optional.of(USER));
      String echo = "Bad request POST " + post.uri() + " with body access_token=" + TOKEN + "&caption=hello";
      transport.reply(400, Headers.empty(), "{\"error\":{\"message\":\"" + echo + "\",\"code\":100,"
          + "\"error_user_msg\":\"token " + TOKEN + "\",\"fbtrace_id\":\"T1\"}}");
      transport.reply(400, Headers.empty(), "Bad request " + post.uri() + " access_token=" + TOKEN);
      transport.reply(200, Headers.empty(), "{\"error\":{\"message\":\"" + echo + "\",\"code\":190,"
          + "\"error_subcode\":467}}");

      for (int i = 0; i < 3; i++) {
        SocialinkException e = failure(publish);
        String shown = e.getMessage() + " " + e + " " + e.remediation();

        assertThat(shown).doesNotContain(TOKEN);
      }
      assertThat(transport.sent).hasSize(3);
    }
  }

  /** Answers requests from a script, in order, and keeps what was sent. */
  static final class ScriptedTransport implements Transport {
    final Deque<ApiResponse> script = new ArrayDeque<>();
    final List<ApiRequest> sent = new ArrayList<>();

    void reply(int status, Headers headers, String body) {
      script.add(new ApiResponse(status, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized ApiResponse send(ApiRequest request) {
      sent.add(request);
      ApiResponse next = script.poll();
      if (next == null) {
        throw new AssertionError("no scripted answer for request " + sent.size());
      }
      return next;
    }
  }

  /** A clock that moves only when told. */
  static final class MutableClock extends Clock {
    final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
