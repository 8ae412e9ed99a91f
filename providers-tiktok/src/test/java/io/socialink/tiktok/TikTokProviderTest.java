package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
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
import io.socialink.spi.PlatformProvider;
import io.socialink.unlink.UnlinkContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TikTokProviderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  final TikTokProvider provider = new TikTokProvider();

  static Link link(LinkKind kind, LinkEnd from, LinkEnd to) {
    return Link.create("l1", "owner", kind, from, to, List.of(), CLOCK);
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
        RateLimitPolicy.perApp("user.info", 600, minute),
        RateLimitPolicy.perApp("video.query", 600, minute),
        RateLimitPolicy.perApp("video.list", 600, minute),
        RateLimitPolicy.perUser("post.publish.video.init", 6, minute),
        RateLimitPolicy.perUser("post.publish.inbox.video.init", 6, minute),
        RateLimitPolicy.perUser("post.publish.creator_info.query", 20, minute),
        RateLimitPolicy.perUser("post.publish.status.fetch", 30, minute));
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
  void theApiClientIsNotOfferedYetAndSaysSo() {
    assertThatThrownBy(() -> provider.createClient(null)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not available");
  }
}
