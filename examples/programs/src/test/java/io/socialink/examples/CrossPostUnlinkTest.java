package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Link;
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
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.store.PlanJournal;
import io.socialink.store.Stores;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrossPostUnlinkTest {
  static final String OWNER = "owner-1";
  static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  final TestClock clock = TestClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  final InstagramEmulator ig = InstagramEmulator.builder().clock(clock).start();
  final XEmulator x = XEmulator.builder().clock(clock).start();

  @AfterEach
  void close() {
    ig.close();
    x.close();
  }

  @Test
  void theExamplePrintsThePlanExecutesVerifiesAndListsThePostsThatStayOnX() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CrossPostUnlink.Outcome outcome = CrossPostUnlink.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(outcome.postsOnX()).hasSize(3);
    assertThat(outcome.stayOnX()).containsExactlyElementsOf(
        outcome.postsOnX().stream().map(XEmulator.PostRecord::id).toList());
    assertThat(outcome.plan().steps().get(0)).isInstanceOf(UnlinkStep.StopSync.class);
    assertThat(outcome.plan().impactNotes()).anySatisfy(n -> assertThat(n)
        .startsWith("The 3 posts this link copied stay on x unless deleted there by hand: x post ids "
            + String.join(", ", outcome.stayOnX())));
    assertThat(outcome.report().isComplete()).isTrue();
    assertThat(outcome.crossPost().state()).isEqualTo(LinkState.UNLINKED);
    assertThat(outcome.copiedAfterUnlink()).isZero();
    assertThat(outcome.grantsLeft()).isZero();
    assertThat(outcome.linksUnlinked()).isEqualTo(3);
    assertThat(out)
        .contains("synced    3 Instagram posts copied to X:")
        .contains("[STOP_SYNC] Stop syncing content for link")
        .contains("Grants still used by other links are kept")
        .contains("verify    a new Instagram post after the unlink: 0 copied; X has 3 posts, as before (3)")
        .contains("DONE          revoke:x:")
        .contains("DONE          verify:x:")
        .contains("DONE          verify:instagram:")
        .contains("plans     cross-post complete, X access complete, Instagram access complete")
        .contains("grants    still stored: 0 of 2")
        .contains("stay on X 3 posts copied before the unlink stay until deleted there by hand:")
        .contains("X " + outcome.stayOnX().get(0) + "  (from Instagram ");
    assertThat(out).doesNotContain("emulator-client-secret").doesNotContain("emulator-instagram-app-secret")
        .doesNotContain("IGAA");
  }

  @Test
  void aCrossPostHoldingTheOnlyUseOfBothGrantsIsStoppedRevokedVerifiedAndForgotten() {
    Stores stores = Stores.inMemory();
    Socialink socialink = socialink(stores, stores.journal());
    Setup s = setUp(socialink);

    UnlinkPlan plan = socialink.unlinking().plan(OWNER, s.crossPost.id());

    String ig1 = s.instagram.grant().id();
    String x1 = s.x.grant().id();
    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly(
        "stop-sync:" + s.crossPost.id(), "revoke:x:" + x1,
        "manual:instagram:remove-app-access:" + s.crossPost.id(), "manual:x:revoke-connected-app",
        "verify:instagram:" + ig1, "verify:x:" + x1, "forget:" + ig1, "forget:" + x1);
    assertThat(plan.impactNotes()).anySatisfy(n -> assertThat(n).contains(String.join(", ", s.postIds())));

    UnlinkReport first = socialink.unlinking().execute(OWNER, plan);
    assertThat(first.outcome("stop-sync:" + s.crossPost.id()).orElseThrow().status()).isIn(StepStatus.DONE,
        StepStatus.ALREADY_DONE);
    assertThat(first.outcome("revoke:x:" + x1).orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(first.withStatus(StepStatus.AWAITING_USER)).hasSize(2);
    ig.removeApp(InstagramEmulator.DEFAULT_USER_ID);
    first.withStatus(StepStatus.AWAITING_USER).forEach(o -> socialink.unlinking().confirm(OWNER, plan, o.stepId()));
    UnlinkReport done = socialink.unlinking().execute(OWNER, plan);

    assertThat(done.isComplete()).isTrue();
    assertThat(done.outcome("verify:x:" + x1).orElseThrow().detail()).contains("refuses the old token");
    assertThat(done.outcome("verify:instagram:" + ig1).orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(x.count("POST", "/2/oauth2/revoke")).isPositive();
    assertThat(socialink.grants().find(OWNER, ig1)).isEmpty();
    assertThat(socialink.grants().find(OWNER, x1)).isEmpty();
    assertThat(socialink.links().find(OWNER, s.crossPost.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
    assertThat(x.posts()).as("posts already copied stay on X").hasSize(3);
  }

  @Test
  void anExecutionKilledAfterTheStopSyncAndRevokeStepsResumesWithoutRepeatingThem() {
    Stores stores = Stores.inMemory();
    KillingJournal killing = new KillingJournal(stores.journal());
    Socialink socialink = socialink(stores, killing);
    Setup s = setUp(socialink);
    UnlinkPlan plan = socialink.unlinking().plan(OWNER, s.crossPost.id());
    long revokesBefore = x.count("POST", "/2/oauth2/revoke");

    assertThatThrownBy(() -> socialink.unlinking().execute(OWNER, plan)).isInstanceOf(ProcessKilled.class);
    long revokesAtKill = x.count("POST", "/2/oauth2/revoke");
    assertThat(revokesAtKill).isGreaterThan(revokesBefore);
    assertThat(stores.journal().outcomes(OWNER, plan.id())).extracting(StepOutcome::stepId)
        .containsExactly("stop-sync:" + s.crossPost.id(), "revoke:x:" + s.x.grant().id());

    // A new process over the same stores, with the plan read back from its JSON.
    Socialink restarted = socialink(stores, stores.journal());
    UnlinkPlan again = UnlinkPlan.parseJson(plan.renderJson());
    UnlinkReport resumed = restarted.unlinking().execute(OWNER, again);
    ig.removeApp(InstagramEmulator.DEFAULT_USER_ID);
    resumed.withStatus(StepStatus.AWAITING_USER).forEach(o -> restarted.unlinking().confirm(OWNER, again, o.stepId()));
    UnlinkReport done = restarted.unlinking().execute(OWNER, again);

    assertThat(done.isComplete()).isTrue();
    assertThat(x.count("POST", "/2/oauth2/revoke")).as("no revocation sent again").isEqualTo(revokesAtKill);
    assertThat(stores.journal().outcomes(OWNER, plan.id()))
        .filteredOn(o -> o.stepId().startsWith("stop-sync:") || o.stepId().startsWith("revoke:"))
        .as("each recorded once").hasSize(2);
    assertThat(restarted.links().find(OWNER, s.crossPost.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
  }

  record Setup(AuthorizationResult instagram, AuthorizationResult x, Link crossPost, List<String> postIds) {}

  /**
   * Links both accounts, makes the cross-post and copies three posts; then the app's own authorization
   * links are unlinked elsewhere, so the cross-post is the only live link that uses both grants.
   */
  Setup setUp(Socialink socialink) {
    AuthorizationResult instagram = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
        ig.consent(socialink.linking().authorize(OWNER, InstagramProvider.ID).url())));
    AuthorizationResult onX = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
        x.consent(socialink.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING).url())));
    Link crossPost = socialink.crossPosting().link(OWNER, instagram.grant().id(), onX.grant().id(),
        CrossPostRules.ofDefaults());
    socialink.crossPosting().syncNow(OWNER, crossPost.id(), CrossPostListener.noop());
    for (String caption : List.of("one", "two", "three")) {
      clock.advance(Duration.ofMinutes(1));
      ig.addMedia(InstagramEmulator.DEFAULT_USER_ID, "IMAGE", "FEED", Optional.of("Post " + caption),
          Optional.of(PIXEL));
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(socialink.crossPosting().syncNow(OWNER, crossPost.id(), CrossPostListener.noop()).posted()).hasSize(3);
    socialink.links().changeState(OWNER, instagram.link().id(), LinkState.UNLINKED);
    socialink.links().changeState(OWNER, onX.link().id(), LinkState.UNLINKED);
    return new Setup(instagram, onX, crossPost, x.posts().stream().map(XEmulator.PostRecord::id).toList());
  }

  Socialink socialink(Stores stores, PlanJournal journal) {
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
        .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
            ig.graphBaseUri())).build())
        .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
            XEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
        .stores(stores.withJournal(journal)).clock(clock).sleeper(clock::advance)
        .build();
  }

  /** The process dying: an error nothing in the executor catches. */
  static final class ProcessKilled extends Error {
    private static final long serialVersionUID = 1L;

    ProcessKilled() {
      super("killed after the revocations");
    }
  }

  /** A journal that kills the process when the first step after the revocations is about to be recorded. */
  static final class KillingJournal implements PlanJournal {
    private final PlanJournal delegate;
    private boolean killed;

    KillingJournal(PlanJournal delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void record(String ownerId, String planId, StepOutcome outcome) {
      if (!killed && !outcome.stepId().startsWith("stop-sync:") && !outcome.stepId().startsWith("revoke:")) {
        killed = true;
        throw new ProcessKilled();
      }
      delegate.record(ownerId, planId, outcome);
    }

    @Override
    public List<StepOutcome> outcomes(String ownerId, String planId) {
      return delegate.outcomes(ownerId, planId);
    }
  }
}
