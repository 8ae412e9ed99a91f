package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.Capability;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitScope;
import io.socialink.resilience.RateLimitWindow;
import io.socialink.spi.PlatformProvider;
import io.socialink.unlink.UnlinkContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TikTokProviderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  final TikTokProvider provider = new TikTokProvider();

  static Link link(LinkKind kind, LinkEnd from, LinkEnd to) {
    return Link.create("l1", "owner", kind, from, to,
        kind == LinkKind.APP_AUTHORIZATION ? List.of("g1") : List.of(), CLOCK);
  }

  static List<UnlinkStep> contribute(PlatformProvider p, Link link) {
    return p.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "tiktok", Optional.of(link), List.of(), false));
  }

  @Test
  void isDiscoveredWithThreeAuthorizationSchemes() {
    assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(TikTokProvider.class);
    assertThat(provider.platform().id()).isEqualTo("tiktok");
    assertThat(provider.authorizationSchemes()).extracting(s -> s.id())
        .containsExactly("login-kit", "business-accounts", "marketing-api");
    assertThat(provider.platform().can(Capability.TOKEN_REVOCATION)).isTrue();
  }

  @Test
  void profileLinkNeedsTheManualRemovalFromTheTikTokProfile() {
    Link link = link(LinkKind.PROFILE_LINK, LinkEnd.account(Account.of("tiktok", "1")),
        LinkEnd.account(Account.of("instagram", "2")));
    List<UnlinkStep> steps = contribute(provider, link);
    assertThat(steps).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(TikTokProvider.REMOVE_INSTAGRAM_FROM_PROFILE);
      assertThat(m.procedure().pathText()).contains("Edit profile");
      assertThat(m.id()).isEqualTo("manual:tiktok:remove-instagram-from-profile:l1");
    });
  }

  @Test
  void businessAssetsAreReleasedInBusinessCenterOrAdsManager() {
    Link bc = link(LinkKind.BUSINESS_ASSET, new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "7", "Acme"),
        LinkEnd.account(Account.of("tiktok", "1")));
    assertThat(contribute(provider, bc)).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class,
        m -> assertThat(m.procedure()).isEqualTo(TikTokProvider.DISCONNECT_FROM_BUSINESS_CENTER));
    Link ads = link(LinkKind.BUSINESS_ASSET, new LinkEnd.BusinessAssetHolder("tiktok", "ads-manager", "8", "Acme Ads"),
        LinkEnd.account(Account.of("tiktok", "1")));
    assertThat(contribute(provider, ads)).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class,
        m -> assertThat(m.procedure()).isEqualTo(TikTokProvider.REMOVE_FROM_ADS_MANAGER));
  }

  @Test
  void accountDeletionAddsTheDeletionProcedure() {
    Account account = Account.of("tiktok", "1");
    List<UnlinkStep> steps = provider.unlinkContributor().contribute(new UnlinkContext(
        new UnlinkPlan.AccountDeletion(account, List.of()), "tiktok", Optional.empty(), List.of(), false));
    assertThat(steps).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class,
        m -> assertThat(m.procedure()).isEqualTo(TikTokProvider.DELETE_ACCOUNT));
  }

  @Test
  void declaresTikToksDocumentedRateLimits() {
    Duration minute = Duration.ofMinutes(1);

    assertThat(provider.rateLimitPolicies()).containsExactly(
        RateLimitPolicy.perApp("user.info", 600, minute).sliding(),
        RateLimitPolicy.perApp("video.query", 600, minute).sliding(),
        RateLimitPolicy.perApp("video.list", 600, minute).sliding(),
        RateLimitPolicy.perUser("post.publish.video.init", 6, minute).sliding(),
        RateLimitPolicy.perUser("post.publish.inbox.video.init", 6, minute).sliding(),
        RateLimitPolicy.perUser("post.publish.creator_info.query", 20, minute).sliding(),
        RateLimitPolicy.perUser("post.publish.status.fetch", 30, minute).sliding(),
        RateLimitPolicy.perApp("user.data.add", 1_000, minute).sliding(),
        RateLimitPolicy.perApp("user.data.check", 1_000, minute).sliding(),
        RateLimitPolicy.perApp("user.data.download", 1_000, minute).sliding(),
        RateLimitPolicy.perApp("user.data.cancel", 1_000, minute).sliding());
    assertThat(provider.rateLimitPolicies()).extracting(RateLimitPolicy::windowKind)
        .containsOnly(RateLimitWindow.SLIDING);
    assertThat(provider.rateLimitPolicies()).filteredOn(p -> p.scope() == RateLimitScope.PER_USER)
        .extracting(RateLimitPolicy::endpointGroup).allMatch(g -> g.startsWith("post.publish."));
  }

  @Test
  void endpointGroupsAreTheV2PathsWithDots() {
    assertThat(List.of(TikTokEndpointGroups.OAUTH_TOKEN, TikTokEndpointGroups.OAUTH_REVOKE,
        TikTokEndpointGroups.USER_INFO, TikTokEndpointGroups.VIDEO_QUERY, TikTokEndpointGroups.VIDEO_LIST,
        TikTokEndpointGroups.POST_VIDEO_INIT, TikTokEndpointGroups.POST_INBOX_VIDEO_INIT,
        TikTokEndpointGroups.POST_CREATOR_INFO, TikTokEndpointGroups.POST_STATUS_FETCH)).containsExactly(
        "oauth.token", "oauth.revoke", "user.info", "video.query", "video.list", "post.publish.video.init",
        "post.publish.inbox.video.init", "post.publish.creator_info.query", "post.publish.status.fetch");
  }

  @Test
  void theInterpreterReadsTikToksBodiesNotJustTheStatus() {
    ApiResponse throttled = ApiResponse.of(200, Headers.empty(),
        "{\"code\":40100,\"message\":\"Too many requests.\",\"request_id\":\"2026030110\",\"data\":{}}");
    ApiResponse ok = ApiResponse.of(200, Headers.empty(), "{\"data\":{},\"error\":{\"code\":\"ok\"}}");

    Classification c = provider.responseInterpreter().classify(throttled, Optional.empty()).orElseThrow();

    assertThat(c.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(c.platformCode()).contains("40100");
    assertThat(c.requestId()).contains("2026030110");
    assertThat(provider.responseInterpreter().classify(ok, Optional.empty())).isEmpty();
    assertThat(provider.responseInterpreter()).isSameAs(provider.responseInterpreter());
  }

  @Test
  void theMarketingApiClientIsNotOfferedYetAndSaysSo() {
    Socialink s = Socialink.builder().register(provider).credentials(AppCredentials.confidential("tiktok",
        "marketing-api", "app-1", Secret.of("s"), URI.create("https://app.example/cb/"))).build();

    assertThatThrownBy(() -> s.client("tiktok", "marketing-api")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not available");
  }

  @Test
  void createsTheConcreteClientOfEachScheme() {
    Socialink s = Socialink.builder().register(provider)
        .credentials(AppCredentials.confidential("tiktok", "login-kit", "key-1", Secret.of("s"), URI.create("https://app.example/cb/")))
        .credentials(AppCredentials.confidential("tiktok", "business-accounts", "app-1", Secret.of("s"),
            URI.create("https://app.example/cb/")))
        .build();

    assertThat(s.client(TikTokClient.class).credentials().clientId()).isEqualTo("key-1");
    assertThat(s.client(TikTokBusinessClient.class).credentials().clientId()).isEqualTo("app-1");
    assertThat(s.client(TikTokClient.class).toString()).contains("key-1").doesNotContain("Secret");
  }

  @Test
  void theBuilderRefusesValuesOutsideTikToksRules() {
    TikTokProvider.Builder b = TikTokProvider.builder();

    assertThatThrownBy(() -> b.uploadChunkBytes(5L * 1024 * 1024 - 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.uploadChunkBytes(64_000_001L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.statusPollInterval(Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxPublishWait(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.webhookTolerance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.uploadChunkBytes(64_000_000L).build().endpoints()).isEqualTo(TikTokEndpoints.defaults());
    assertThat(TikTokEndpoints.defaults().openApi("oauth/token/").toString())
        .isEqualTo("https://open.tiktokapis.com/v2/oauth/token/");
    assertThat(TikTokEndpoints.defaults().businessApi("tt_user/oauth2/token/").toString())
        .isEqualTo("https://business-api.tiktok.com/open_api/v1.3/tt_user/oauth2/token/");
    assertThatThrownBy(() -> TikTokEndpoints.of(URI.create("https://www.tiktok.com/v2/auth/authorize/"),
        URI.create("https://open.tiktokapis.com/v2"), URI.create("https://business-api.tiktok.com")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Grant grant(String id, String scheme) {
    return new Grant(id, "owner", Account.of("tiktok", "1"), scheme, "key-1", Secret.of("act.1"), Optional.empty(),
        Set.of("user.info.basic"), "Bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
  }

  @Test
  void anAppAuthorizationIsRevokedVerifiedAndCheckedInTheAppPermissions() {
    Link link = link(LinkKind.APP_AUTHORIZATION, LinkEnd.application("Acme"), LinkEnd.account(Account.of("tiktok", "1")));
    Grant g = grant("g1", "login-kit");

    List<UnlinkStep> steps = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "tiktok", Optional.of(link), List.of(g), false));

    assertThat(steps).extracting(UnlinkStep::id).containsExactly("revoke:tiktok:g1", "verify:tiktok:g1",
        "manual:tiktok:remove-app-access:l1");
    assertThat(((UnlinkStep.Verify) steps.get(1)).probe()).isEqualTo(TikTokProvider.VERIFY_PROBE);
    assertThat(((UnlinkStep.ManualStep) steps.get(2)).procedure().pathText())
        .contains("Settings and privacy").contains("Remove access");
    assertThat(((UnlinkStep.ManualStep) steps.get(2)).reason()).contains("check");

    assertThat(contribute(provider, link)).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class,
        m -> assertThat(m.reason()).as("without a grant to release only the user can").contains("only the user"));
    Link crossPost = link(LinkKind.CROSS_POST, LinkEnd.account(Account.of("tiktok", "1")),
        LinkEnd.account(Account.of("x", "2")));
    assertThat(contribute(provider, crossPost)).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class,
        m -> assertThat(m.procedure()).isEqualTo(TikTokProvider.REMOVE_APP_ACCESS));
    assertThat(provider.unlinkContributor().contribute(new UnlinkContext(new UnlinkPlan.LinkSubject(crossPost),
        "tiktok", Optional.of(crossPost), List.of(), false, List.of(grant("g1", "login-kit")))))
        .as("a grant the app's own authorization still uses leaves its access in place").isEmpty();
  }

  @Test
  void aBusinessGrantIsVerifiedWithTokenInfoAndTheAdminOnlyRuleIsSaid() {
    Link bc = link(LinkKind.BUSINESS_ASSET, new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "7", "Acme"),
        LinkEnd.account(Account.of("tiktok", "1")));

    List<UnlinkStep> steps = provider.unlinkContributor().contribute(new UnlinkContext(new UnlinkPlan.LinkSubject(bc),
        "tiktok", Optional.of(bc), List.of(grant("g2", "business-accounts")), false));

    assertThat(steps).filteredOn(UnlinkStep.Verify.class::isInstance).singleElement()
        .satisfies(v -> assertThat(((UnlinkStep.Verify) v).probe()).isEqualTo(TikTokProvider.BUSINESS_VERIFY_PROBE));
    assertThat(steps).filteredOn(UnlinkStep.ManualStep.class::isInstance).singleElement()
        .satisfies(m -> assertThat(((UnlinkStep.ManualStep) m).reason()).contains("admin").contains("not affected"));
  }

  @Test
  void aBusinessCenterAdminsGrantRemovesTheAccountThroughTheApiBeforeAnyRevocation() {
    Link bc = link(LinkKind.BUSINESS_ASSET, new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "7", "Acme"),
        LinkEnd.account(Account.of("tiktok", "1", "dancer", "Dancer")));
    Grant admin = new Grant("g-admin", "owner", Account.of("tiktok", "99"), "business-accounts", "key-1",
        Secret.of("act.9"), Optional.empty(), Set.of("user.info.basic"), "Bearer", CLOCK.instant(), Optional.empty(),
        Optional.empty(), 0);

    List<UnlinkStep> steps = provider.unlinkContributor().contribute(new UnlinkContext(new UnlinkPlan.LinkSubject(bc),
        "tiktok", Optional.of(bc), List.of(grant("g2", "business-accounts")), false, List.of(admin)));

    assertThat(steps.get(0)).isInstanceOfSatisfying(UnlinkStep.PlatformAction.class, a -> {
      assertThat(a.id()).isEqualTo("action:tiktok:business-center-remove-account:l1");
      assertThat(a.grantId()).isEqualTo("g-admin");
      assertThat(a.action()).isEqualTo(TikTokBusinessClient.REMOVE_FROM_BUSINESS_CENTER);
      assertThat(a.arguments()).containsExactly(java.util.Map.entry("bcId", "7"), java.util.Map.entry("accountAssetId", "1"));
      assertThat(a.description()).contains("@dancer").contains("Business Center 'Acme'")
          .contains("ad accounts ends").contains("not affected");
    });
    assertThat(steps).noneMatch(UnlinkStep.ManualStep.class::isInstance);
    assertThat(steps).filteredOn(UnlinkStep.RevokeGrant.class::isInstance).extracting(UnlinkStep::id)
        .as("the account's own released grant is still revoked; the admin's kept one is not")
        .containsExactly("revoke:tiktok:g2");
  }

  @Test
  void withoutAnAdminsGrantOrInAdsManagerTheReleaseStaysManualAndSaysWhatStopsWorking() {
    Link bc = link(LinkKind.BUSINESS_ASSET, new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "7", "Acme"),
        LinkEnd.account(Account.of("tiktok", "1")));
    Link ads = link(LinkKind.BUSINESS_ASSET, new LinkEnd.BusinessAssetHolder("tiktok", "ads-manager", "8", "Acme Ads"),
        LinkEnd.account(Account.of("tiktok", "1")));
    Grant admin = new Grant("g-admin", "owner", Account.of("tiktok", "99"), "business-accounts", "key-1",
        Secret.of("act.9"), Optional.empty(), Set.of(), "Bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);

    List<UnlinkStep> loginKitOnly = provider.unlinkContributor().contribute(new UnlinkContext(
        new UnlinkPlan.LinkSubject(bc), "tiktok", Optional.of(bc), List.of(), false, List.of(grant("g1", "login-kit"))));
    List<UnlinkStep> adsManager = provider.unlinkContributor().contribute(new UnlinkContext(
        new UnlinkPlan.LinkSubject(ads), "tiktok", Optional.of(ads), List.of(), false, List.of(admin)));

    assertThat(loginKitOnly).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(TikTokProvider.DISCONNECT_FROM_BUSINESS_CENTER);
      assertThat(m.reason()).contains("No Business Center admin's grant").contains("catalogs, pixels and audiences");
    });
    assertThat(adsManager).singleElement().isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(TikTokProvider.REMOVE_FROM_ADS_MANAGER);
      assertThat(m.reason()).contains("no API releases it");
    });
  }

  @Test
  void anAccountDeletionStartsWithAnExportAndEndsWithTheDeletionInTheApp() {
    Account account = Account.of("tiktok", "1");
    Grant g = grant("g1", "login-kit");

    List<UnlinkStep> contributed = provider.unlinkContributor().contribute(new UnlinkContext(
        new UnlinkPlan.AccountDeletion(account, List.of()), "tiktok", Optional.empty(), List.of(g), false));
    UnlinkPlan plan = UnlinkPlan.ordered("account:tiktok:1", new UnlinkPlan.AccountDeletion(account, List.of()),
        contributed, List.of(), CLOCK.instant());

    assertThat(plan.steps().get(0)).isInstanceOfSatisfying(UnlinkStep.ExportData.class, e -> {
      assertThat(e.grantId()).isEqualTo("g1");
      assertThat(e.what()).contains("Download your data");
    });
    assertThat(plan.manualSteps()).last().satisfies(m -> {
      assertThat(m.procedure()).isEqualTo(TikTokProvider.DELETE_ACCOUNT);
      assertThat(m.reason()).contains("cannot be recovered");
    });
  }

  @Test
  void aLinkPlanExportsFirstOnlyWhenAsked() {
    Link link = link(LinkKind.APP_AUTHORIZATION, LinkEnd.application("Acme"), LinkEnd.account(Account.of("tiktok", "1")));
    Grant g = grant("g1", "login-kit");

    List<UnlinkStep> asked = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "tiktok", Optional.of(link), List.of(g), true));
    List<UnlinkStep> notAsked = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "tiktok", Optional.of(link), List.of(g), false));

    assertThat(asked.get(0)).isInstanceOf(UnlinkStep.ExportData.class);
    assertThat(notAsked).noneMatch(UnlinkStep.ExportData.class::isInstance);
  }
}
