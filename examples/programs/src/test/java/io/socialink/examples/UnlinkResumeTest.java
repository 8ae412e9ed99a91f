package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.store.PlanJournal;
import io.socialink.store.Stores;
import io.socialink.store.memory.InMemoryPlanJournal;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unlink plans interrupted by a process that dies, resumed by a new {@link Socialink} on the same
 * stores, against the emulators: a step whose outcome was journalled is never done again, and one
 * cut off before its journal write is settled by the platform's "already done". Also a TikTok
 * account deletion, whose first step is the user's data export.
 */
class UnlinkResumeTest {
  static final String OWNER = "owner-1";

  final XEmulator x = XEmulator.start();
  final TikTokEmulator tiktok = TikTokEmulator.start();
  final InstagramEmulator ig = InstagramEmulator.start();
  final InMemoryPlanJournal journal = new InMemoryPlanJournal();
  final Stores stores = Stores.inMemory().withJournal(journal);

  @AfterEach
  void close() {
    x.close();
    tiktok.close();
    ig.close();
  }

  /** A journal that dies, as a killed process would, when a chosen step's outcome is about to be written. */
  static final class DyingJournal implements PlanJournal {
    final PlanJournal real;
    final String dieOnStepPrefix;
    final StepStatus dieOnStatus;

    DyingJournal(PlanJournal real, String dieOnStepPrefix, StepStatus dieOnStatus) {
      this.real = real;
      this.dieOnStepPrefix = dieOnStepPrefix;
      this.dieOnStatus = dieOnStatus;
    }

    @Override
    public void record(String ownerId, String planId, StepOutcome outcome) {
      if (outcome.stepId().startsWith(dieOnStepPrefix) && outcome.status() == dieOnStatus) {
        throw new IllegalStateException("the process was killed");
      }
      real.record(ownerId, planId, outcome);
    }

    @Override
    public List<StepOutcome> outcomes(String ownerId, String planId) {
      return real.outcomes(ownerId, planId);
    }
  }

  Socialink socialink(PlanJournal planJournal) {
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
        .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
            tiktok.apiBaseUri())).build())
        .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
            ig.graphBaseUri())).build())
        .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
            XEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
            TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
        .stores(stores.withJournal(planJournal))
        .build();
  }

  AuthorizationResult linkX(Socialink s) {
    AuthorizationStart start = s.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING);
    return s.linking().complete(OWNER, CallbackParameters.fromUri(x.consent(start.url())));
  }

  AuthorizationResult linkTikTok(Socialink s) {
    AuthorizationStart start = s.linking().authorize(OWNER, TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
        List.of("user.info.basic"));
    return s.linking().complete(OWNER, CallbackParameters.fromUri(tiktok.consent(start.url())));
  }

  AuthorizationResult linkInstagram(Socialink s) {
    AuthorizationStart start = s.linking().authorize(OWNER, InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
        List.of("instagram_business_basic"));
    return s.linking().complete(OWNER, CallbackParameters.fromUri(ig.consent(start.url())));
  }

  static UnlinkReport confirmAllAndExecute(Socialink s, UnlinkPlan plan, UnlinkReport report) {
    for (StepOutcome waiting : report.withStatus(StepStatus.AWAITING_USER)) {
      s.unlinking().confirm(OWNER, plan, waiting.stepId());
    }
    return s.unlinking().execute(OWNER, plan);
  }

  @Test
  void anAppAuthorizationKilledAfterItsRevocationWasJournalledNeverRevokesAgain() {
    Socialink first = socialink(new DyingJournal(journal, "manual:", StepStatus.AWAITING_USER));
    AuthorizationResult linked = linkX(first);
    UnlinkPlan plan = first.unlinking().plan(OWNER, linked.link().id());
    assertThatThrownBy(() -> first.unlinking().execute(OWNER, plan)).hasMessageContaining("killed");
    long revokesBefore = x.count("POST", "/2/oauth2/revoke");
    assertThat(journal.outcomes(OWNER, plan.id())).extracting(StepOutcome::status).containsExactly(StepStatus.DONE);

    Socialink restarted = socialink(journal);
    UnlinkPlan again = restarted.unlinking().plan(OWNER, linked.link().id());
    UnlinkReport report = confirmAllAndExecute(restarted, again, restarted.unlinking().execute(OWNER, again));

    assertThat(again.id()).isEqualTo(plan.id());
    assertThat(again.steps()).isEqualTo(plan.steps());
    assertThat(report.isComplete()).as(report.renderText()).isTrue();
    assertThat(x.count("POST", "/2/oauth2/revoke")).as("no revocation sent again").isEqualTo(revokesBefore);
    assertThat(journal.outcomes(OWNER, plan.id())).filteredOn(o -> o.stepId().startsWith("revoke:")).hasSize(1);
    assertThat(restarted.links().find(OWNER, linked.link().id())).map(Link::state).contains(LinkState.UNLINKED);
  }

  @Test
  void aRevocationCutOffBeforeItsJournalWriteIsSettledByThePlatformsAlreadyRevoked() {
    Socialink first = socialink(new DyingJournal(journal, "revoke:", StepStatus.DONE));
    AuthorizationResult linked = linkTikTok(first);
    UnlinkPlan plan = first.unlinking().plan(OWNER, linked.link().id());
    assertThatThrownBy(() -> first.unlinking().execute(OWNER, plan)).hasMessageContaining("killed");
    assertThat(journal.outcomes(OWNER, plan.id())).isEmpty();

    Socialink restarted = socialink(journal);
    UnlinkReport report = confirmAllAndExecute(restarted, plan, restarted.unlinking().execute(OWNER, plan));

    StepOutcome revoke = report.outcomes().stream().filter(o -> o.stepId().startsWith("revoke:")).findFirst().orElseThrow();
    assertThat(revoke.status()).as(report.renderText()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(report.isComplete()).isTrue();
    assertThat(restarted.grants().find(OWNER, linked.grant().id())).isEmpty();
  }

  @Test
  void aProfileLinkKilledAfterOneConfirmationResumesWithTheOtherStillWaiting() {
    Socialink first = socialink(journal);
    AuthorizationResult onTikTok = linkTikTok(first);
    AuthorizationResult onInstagram = linkInstagram(first);
    Link profile = first.links().record(OWNER, LinkKind.PROFILE_LINK, LinkEnd.account(onTikTok.grant().account()),
        LinkEnd.account(onInstagram.grant().account()), List.of());
    UnlinkPlan plan = first.unlinking().plan(OWNER, profile.id());
    UnlinkReport waiting = first.unlinking().execute(OWNER, plan);
    assertThat(waiting.withStatus(StepStatus.AWAITING_USER)).hasSize(2);
    first.unlinking().confirm(OWNER, plan, waiting.withStatus(StepStatus.AWAITING_USER).get(0).stepId());

    Socialink restarted = socialink(journal);
    UnlinkReport resumed = restarted.unlinking().execute(OWNER, UnlinkPlan.parseJson(plan.renderJson()));

    assertThat(resumed.withStatus(StepStatus.DONE)).hasSize(1);
    assertThat(resumed.withStatus(StepStatus.AWAITING_USER)).hasSize(1);
    UnlinkReport done = confirmAllAndExecute(restarted, plan, resumed);
    assertThat(done.isComplete()).isTrue();
    assertThat(restarted.links().find(OWNER, profile.id())).map(Link::state).contains(LinkState.UNLINKED);
    assertThat(restarted.links().find(OWNER, onTikTok.link().id())).map(Link::state).contains(LinkState.ACTIVE);
  }

  @Test
  void aTikTokAccountDeletionStartsWithTheExportAndEndsWithEveryLinkUnlinked() {
    Socialink s = socialink(journal);
    AuthorizationResult linked = linkTikTok(s);
    UnlinkPlan plan = s.unlinking().planAccountDeletion(OWNER, linked.grant().account());
    assertThat(plan.steps().get(0)).isInstanceOf(UnlinkStep.ExportData.class);
    long revokes = tiktok.count("POST", "/v2/oauth/revoke/");

    UnlinkReport first = s.unlinking().execute(OWNER, plan);
    assertThat(first.outcomes().get(0).status()).isEqualTo(StepStatus.AWAITING_USER);
    assertThat(first.withStatus(StepStatus.NOT_STARTED)).hasSize(plan.steps().size() - 1);
    assertThat(tiktok.count("POST", "/v2/oauth/revoke/")).as("nothing destructive before the export").isEqualTo(revokes);

    s.unlinking().confirm(OWNER, plan, plan.steps().get(0).id());
    UnlinkReport second = s.unlinking().execute(OWNER, plan);
    UnlinkReport last = confirmAllAndExecute(s, plan, second);

    assertThat(last.isComplete()).as(last.renderText()).isTrue();
    assertThat(tiktok.count("POST", "/v2/oauth/revoke/")).isEqualTo(revokes + 1);
    assertThat(s.links().find(OWNER, linked.link().id())).map(Link::state).contains(LinkState.UNLINKED);
    assertThat(s.links().find(OWNER, linked.link().id()).flatMap(Link::stateReason))
        .hasValueSatisfying(r -> assertThat(r).contains("is complete"));
    assertThat(plan.impactNotes()).anyMatch(n -> n.contains("deleting the tiktok account itself is done by its owner"));
    assertThat(s.grants().list(OWNER)).isEmpty();
  }
}
