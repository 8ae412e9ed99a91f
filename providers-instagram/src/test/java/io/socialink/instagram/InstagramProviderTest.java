package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.spi.PlatformProvider;
import io.socialink.unlink.UnlinkContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
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
    });
  }

  @Test
  void grantsFromFacebookLoginAreRemovedOnFacebookAndNotRevokedThroughTheApi() {
    Grant grant = new Grant("g1", "owner", Account.of("instagram", "2"), "facebook-login", "c", Secret.of("t"),
        Optional.empty(), Set.of(), "bearer", CLOCK.instant(), Optional.empty(), Optional.empty(), 0);
    Link link = Link.create("l1", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("instagram", "2")), List.of("g1"), CLOCK);
    List<UnlinkStep> steps = provider.unlinkContributor().contribute(
        new UnlinkContext(new UnlinkPlan.LinkSubject(link), "instagram", Optional.of(link), List.of(grant), false));
    assertThat(steps).noneMatch(UnlinkStep.RevokeGrant.class::isInstance);
    assertThat(steps).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(UnlinkStep.ManualStep.class,
        m -> assertThat(m.procedure()).isEqualTo(InstagramProvider.REMOVE_APP_ACCESS_ON_FACEBOOK)));
    assertThat(steps).anyMatch(UnlinkStep.Verify.class::isInstance);
  }
}
