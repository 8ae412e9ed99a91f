package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.UnlinkStep;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.store.Stores;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.tiktok.TikTokBusinessClient;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A TikTok account held by a Business Center, released through TikTok API for Business against the emulator. */
class BusinessAssetUnlinkTest {
  static final String OWNER = "agency-1";
  static final String BC_DELETE = "/open_api/v1.3/bc/asset/admin/delete/";
  static final String REVOKE = "/open_api/v1.3/tt_user/oauth2/revoke/";
  static final TikTokEmulator.User ADMIN = new TikTokEmulator.User("bc-admin-0001", "acme_admin", "Acme Admin");

  final TestClock clock = TestClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  final TikTokEmulator tiktok = TikTokEmulator.builder().clock(clock).start();
  final Socialink socialink = Socialink.builder()
      .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
          tiktok.apiBaseUri())).build())
      .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(),
          TikTokEmulator.BUSINESS_APP_ID, Secret.of(TikTokEmulator.BUSINESS_APP_SECRET), TikTokEmulator.REDIRECT_URI))
      .stores(Stores.inMemory()).clock(clock)
      .build();

  @AfterEach
  void close() {
    tiktok.close();
  }

  AuthorizationResult authorize(TikTokEmulator.User as) {
    tiktok.consentAs(as);
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(tiktok.consent(socialink.linking()
        .authorize(OWNER, TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(), List.of("user.info.basic")).url())));
  }

  /** The creator's account held by the agency's Business Center; the link names the admin's grant and the creator's. */
  Link assetLink(AuthorizationResult admin, AuthorizationResult creator) {
    List<String> grants = admin == null ? List.of(creator.grant().id())
        : List.of(admin.grant().id(), creator.grant().id());
    return socialink.links().record(OWNER, LinkKind.BUSINESS_ASSET,
        new LinkEnd.BusinessAssetHolder(TikTokProvider.ID, "business-center", "7000000001", "Acme Agency"),
        LinkEnd.account(creator.grant().account()), grants);
  }

  @Test
  void withAnAdminsGrantThePlanRemovesTheAccountThroughTheApiAndKeepsTheAdminsGrant() {
    AuthorizationResult admin = authorize(ADMIN);
    AuthorizationResult creator = authorize(TikTokEmulator.DEFAULT_USER);
    Link link = assetLink(admin, creator);

    UnlinkPlan plan = socialink.unlinking().plan(OWNER, link.id());

    // Both grants also serve the app's own authorization links, so the plan releases the asset and revokes nothing.
    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly(
        "action:tiktok:business-center-remove-account:" + link.id());
    assertThat(plan.steps().get(0)).isInstanceOfSatisfying(UnlinkStep.PlatformAction.class, a -> {
      assertThat(a.grantId()).isEqualTo(admin.grant().id());
      assertThat(a.arguments()).containsEntry(TikTokBusinessClient.ARG_BC_ID, "7000000001")
          .containsEntry(TikTokBusinessClient.ARG_ACCOUNT_ID, TikTokEmulator.DEFAULT_USER.openId());
    });
    assertThat(plan.renderText()).contains("from Business Center 'Acme Agency' (7000000001) as its admin")
        .contains("catalogs, pixels and audiences stop syncing").contains("its posts and followers are not affected");
    assertThat(plan.impactNotes()).contains("Grants still used by other links are kept: [" + admin.grant().id() + ", "
        + creator.grant().id() + "]");
    assertThat(UnlinkPlan.parseJson(plan.renderJson())).isEqualTo(plan);
  }

  @Test
  void theRemovalRunsOnceAgainstTheEmulatorAndTheLinkIsUnlinked() {
    AuthorizationResult admin = authorize(ADMIN);
    AuthorizationResult creator = authorize(TikTokEmulator.DEFAULT_USER);
    Link link = assetLink(admin, creator);
    UnlinkPlan plan = socialink.unlinking().plan(OWNER, link.id());

    UnlinkReport report = socialink.unlinking().execute(OWNER, plan);

    assertThat(report.outcomes()).extracting(StepOutcome::status).containsOnly(StepStatus.DONE);
    assertThat(report.isComplete()).isTrue();
    assertThat(tiktok.count("POST", BC_DELETE)).isEqualTo(1);
    assertThat(tiktok.count("POST", REVOKE)).isZero();
    assertThat(socialink.links().find(OWNER, link.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
    assertThat(socialink.grants().find(OWNER, admin.grant().id())).as("the admin's grant is kept").isPresent();
    assertThat(socialink.links().find(OWNER, admin.link().id()).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);
    assertThat(socialink.grants().find(OWNER, creator.grant().id())).isPresent();

    socialink.unlinking().execute(OWNER, plan);
    assertThat(tiktok.count("POST", BC_DELETE)).as("executing again repeats nothing").isEqualTo(1);
  }

  @Test
  void aGrantThatIsNotAnAdminsFailsTheRemovalAndAResumedRunFinishesWithoutRepeatingTheRevocation() {
    AuthorizationResult admin = authorize(ADMIN);
    AuthorizationResult creator = authorize(TikTokEmulator.DEFAULT_USER);
    Link link = assetLink(admin, creator);
    // The creator's own authorization link is gone: the asset link is the last to use the creator's grant.
    socialink.links().changeState(OWNER, creator.link().id(), LinkState.UNLINKED);
    UnlinkPlan plan = socialink.unlinking().plan(OWNER, link.id());
    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly(
        "action:tiktok:business-center-remove-account:" + link.id(), "revoke:tiktok:" + creator.grant().id(),
        "verify:tiktok:" + creator.grant().id(), "forget:" + creator.grant().id());
    String action = plan.steps().get(0).id();
    tiktok.refuseBusinessCenterCalls(true);

    UnlinkReport refused = socialink.unlinking().execute(OWNER, plan);

    StepOutcome failed = refused.outcome(action).orElseThrow();
    assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
    assertThat(failed.error()).map(Classification::category).contains(ErrorCategory.PERMISSION_DENIED);
    assertThat(refused.outcome("verify:tiktok:" + creator.grant().id()).orElseThrow().status())
        .isEqualTo(StepStatus.NOT_STARTED);
    assertThat(socialink.links().find(OWNER, link.id()).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);

    tiktok.refuseBusinessCenterCalls(false); // an admin gave the grant's account the rights back
    UnlinkReport resumed = socialink.unlinking().execute(OWNER, plan);

    assertThat(resumed.isComplete()).isTrue();
    assertThat(tiktok.count("POST", BC_DELETE)).isEqualTo(2);
    assertThat(tiktok.count("POST", REVOKE)).as("the settled revocation is not sent again").isEqualTo(1);
    assertThat(socialink.grants().find(OWNER, admin.grant().id())).isPresent();
    assertThat(socialink.grants().find(OWNER, creator.grant().id())).isEmpty();
  }

  @Test
  void withoutAnAdminsGrantTheReleaseIsTheAdminsManualStep() {
    AuthorizationResult creator = authorize(TikTokEmulator.DEFAULT_USER);
    Link link = assetLink(null, creator);
    socialink.links().changeState(OWNER, creator.link().id(), LinkState.UNLINKED);

    UnlinkPlan plan = socialink.unlinking().plan(OWNER, link.id());
    UnlinkReport report = socialink.unlinking().execute(OWNER, plan);

    assertThat(plan.steps()).noneMatch(UnlinkStep.PlatformAction.class::isInstance);
    assertThat(plan.manualSteps()).singleElement().satisfies(m -> {
      assertThat(m.procedure()).isEqualTo(TikTokProvider.DISCONNECT_FROM_BUSINESS_CENTER);
      assertThat(m.reason()).contains("No Business Center admin's grant").contains("ad accounts ends");
    });
    assertThat(report.withStatus(StepStatus.AWAITING_USER)).hasSize(1);
    assertThat(tiktok.count("POST", BC_DELETE)).isZero();
  }
}
