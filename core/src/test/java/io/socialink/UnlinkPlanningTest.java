package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnlinkPlanningTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final FakeProvider source = new FakeProvider("source");
  final FakeProvider target = new FakeProvider("target");
  final Stores stores = Stores.inMemory();
  final Socialink socialink = Socialink.builder()
      .stores(stores)
      .providerLoader(ProviderLoader.of())
      .register(source)
      .register(target)
      .credentials(AppCredentials.publicClient("source", "oauth2", "c1", URI.create("https://app.example/cb")))
      .credentials(AppCredentials.publicClient("target", "oauth2", "c2", URI.create("https://app.example/cb")))
      .clock(clock)
      .random(new Random(5))
      .build();

  AuthorizationResult link(String platform) {
    AuthorizationStart start = socialink.linking().authorize("alice", platform);
    return socialink.linking().complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c"));
  }

  @Test
  void crossPostPlanStopsSyncButKeepsTheGrantsOfTheAuthorizationLinks() {
    AuthorizationResult a = link("source");
    AuthorizationResult b = link("target");
    Link crossPost = socialink.links().record("alice", LinkKind.CROSS_POST, LinkEnd.account(a.grant().account()),
        LinkEnd.account(b.grant().account()), List.of(a.grant().id(), b.grant().id()));
    UnlinkPlan plan = socialink.unlinking().plan("alice", crossPost.id());
    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly("stop-sync:" + crossPost.id());
    assertThat(plan.impactNotes()).anyMatch(n -> n.contains("not deleted"))
        .anyMatch(n -> n.contains("Grants still used by other links are kept"));
  }

  @Test
  void aGrantAnotherLiveLinkUsesIsNeitherRevokedNorForgotten() {
    AuthorizationResult a = link("source");
    Link second = socialink.links().record("alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application("Other App"),
        LinkEnd.account(a.grant().account()), List.of(a.grant().id()));
    UnlinkPlan plan = socialink.unlinking().plan("alice", a.link().id());
    assertThat(plan.steps()).noneMatch(s -> s instanceof UnlinkStep.RevokeGrant || s instanceof UnlinkStep.ForgetGrant);
    assertThat(second.state()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void accountDeletionGathersEveryLinkOfTheAccountOnce() {
    AuthorizationResult a = link("source");
    AuthorizationResult b = link("target");
    socialink.links().record("alice", LinkKind.CROSS_POST, LinkEnd.account(a.grant().account()),
        LinkEnd.account(b.grant().account()), List.of(a.grant().id(), b.grant().id()));
    UnlinkPlan plan = socialink.unlinking().planAccountDeletion("alice", a.grant().account());
    assertThat(plan.id()).isEqualTo("account:source:u-1");
    assertThat(plan.subject()).isInstanceOfSatisfying(UnlinkPlan.AccountDeletion.class,
        d -> assertThat(d.links()).hasSize(2));
    assertThat(plan.steps()).extracting(UnlinkStep::id).doesNotHaveDuplicates()
        .contains("revoke:source:" + a.grant().id(), "forget:" + a.grant().id())
        .noneMatch(id -> id.contains(b.grant().id()));
    assertThat(plan.steps().get(0)).isInstanceOf(UnlinkStep.StopSync.class);
    assertThat(plan.impactNotes()).anyMatch(n -> n.contains("deleting the source account itself"));
  }

  @Test
  void plansSayWhatStaysAndHowLinkingAgainWorksForEachKindOfLink() {
    AuthorizationResult a = link("source");
    Link profile = socialink.links().record("alice", LinkKind.PROFILE_LINK, LinkEnd.account(a.grant().account()),
        LinkEnd.account(io.socialink.Account.of("target", "t-9")), List.of());
    Link business = socialink.links().record("alice", LinkKind.BUSINESS_ASSET,
        new LinkEnd.BusinessAssetHolder("source", "business-center", "bc-1", "Acme Agency"),
        LinkEnd.account(a.grant().account()), List.of());

    assertThat(socialink.unlinking().plan("alice", a.link().id()).impactNotes())
        .anyMatch(n -> n.contains("already posted for the account stays on source"))
        .anyMatch(n -> n.contains("Authorizing the application again later links the account again"));
    assertThat(socialink.unlinking().plan("alice", profile.id()).impactNotes())
        .anyMatch(n -> n.contains("linking the accounts again later turns sharing back on"));
    assertThat(socialink.unlinking().plan("alice", business.id()).impactNotes())
        .anyMatch(n -> n.contains("never share the account's login with an agency"));
  }

  @Test
  void planningAgainGivesTheSamePlan() {
    AuthorizationResult a = link("source");
    UnlinkPlan first = socialink.unlinking().plan("alice", a.link().id());
    UnlinkPlan again = socialink.unlinking().plan("alice", a.link().id());
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.steps()).isEqualTo(first.steps());
  }

  @Test
  void aGrantOnlyTheCrossPostStillUsesIsRevokedVerifiedAndForgottenAndTheOtherKept() {
    AuthorizationResult a = link("source");
    AuthorizationResult b = link("target");
    Link crossPost = socialink.links().record("alice", LinkKind.CROSS_POST, LinkEnd.account(a.grant().account()),
        LinkEnd.account(b.grant().account()), List.of(a.grant().id(), b.grant().id()));
    // The source's own authorization link is gone: only the cross-post holds the source's grant now.
    socialink.links().changeState("alice", a.link().id(), LinkState.UNLINKED);

    UnlinkPlan plan = socialink.unlinking().plan("alice", crossPost.id());

    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly("stop-sync:" + crossPost.id(),
        "revoke:source:" + a.grant().id(), "verify:source:" + a.grant().id(), "forget:" + a.grant().id());
    assertThat(plan.impactNotes()).contains("Grants still used by other links are kept: [" + b.grant().id() + "]");
  }

  @Test
  void aCrossPostWhoseGrantsNoOtherLiveLinkUsesIsRevokedOnBothSides() {
    AuthorizationResult a = link("source");
    AuthorizationResult b = link("target");
    Link crossPost = socialink.links().record("alice", LinkKind.CROSS_POST, LinkEnd.account(a.grant().account()),
        LinkEnd.account(b.grant().account()), List.of(a.grant().id(), b.grant().id()));
    socialink.links().changeState("alice", a.link().id(), LinkState.UNLINKED);
    socialink.links().changeState("alice", b.link().id(), LinkState.UNLINKED);

    UnlinkPlan plan = socialink.unlinking().plan("alice", crossPost.id());

    assertThat(plan.steps()).filteredOn(UnlinkStep.RevokeGrant.class::isInstance).extracting(UnlinkStep::id)
        .containsExactly("revoke:source:" + a.grant().id(), "revoke:target:" + b.grant().id());
    assertThat(plan.steps()).filteredOn(UnlinkStep.ForgetGrant.class::isInstance).hasSize(2);
    assertThat(plan.steps().get(0)).isInstanceOf(UnlinkStep.StopSync.class);
    assertThat(plan.impactNotes()).noneMatch(n -> n.contains("Grants still used"));
  }

  @Test
  void aCrossPostPlanNamesThePostsThatStayOnTheTargetFromTheJournal() {
    AuthorizationResult a = link("source");
    AuthorizationResult b = link("target");
    Link crossPost = socialink.links().record("alice", LinkKind.CROSS_POST, LinkEnd.account(a.grant().account()),
        LinkEnd.account(b.grant().account()), List.of(a.grant().id(), b.grant().id()));
    assertThat(socialink.unlinking().plan("alice", crossPost.id()).impactNotes())
        .contains("This link has copied nothing to target so far, so nothing stays there.");
    journal(crossPost, "m1", CrossPostEntry.State.POSTED, Optional.of("t-101"));
    journal(crossPost, "m2", CrossPostEntry.State.SKIPPED, Optional.empty());
    journal(crossPost, "m3", CrossPostEntry.State.POSTED, Optional.of("t-103"));
    journal(crossPost, "m4", CrossPostEntry.State.IN_FLIGHT, Optional.empty());

    UnlinkPlan plan = socialink.unlinking().plan("alice", crossPost.id());

    assertThat(plan.impactNotes()).anySatisfy(n -> assertThat(n)
        .startsWith("The 2 posts this link copied stay on target unless deleted there by hand: target post ids"
            + " t-101, t-103")
        .contains("1 item was being posted to target when this plan was made"));
    assertThat(plan.renderText()).contains("t-101, t-103");
  }

  void journal(Link link, String item, CrossPostEntry.State state, Optional<String> postId) {
    stores.crossPosts().record(new CrossPostEntry("alice", link.id(), item, clock.instant(), state, postId,
        "text of " + item, Optional.empty(), clock.instant()));
  }
}
