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
import io.socialink.error.ConfigurationException;
import io.socialink.spi.PlatformProvider;
import io.socialink.unlink.UnlinkContext;
import java.time.Clock;
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
  void theApiClientIsNotOfferedYetAndSaysSo() {
    assertThatThrownBy(() -> provider.createClient(null)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not available");
  }
}
