package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.ManualProcedure;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.UnlinkStep;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;
import io.socialink.error.NotFoundException;
import io.socialink.error.SocialinkException;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.unlink.ExecutionOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UnlinkExecutionTest {
  final Fixture fx = new Fixture();
  final SocialinkRuntime rt = fx.runtime();
  final UnlinkingService unlinking = new UnlinkingService(rt);
  final LinkService links = new LinkService(rt);

  Link appLink(String... grantIds) {
    for (String id : grantIds) {
      fx.grant(id);
    }
    return links.record("alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(Account.of("fake", "u-1")), List.of(grantIds));
  }

  static SocialinkException failure(ErrorCategory category) {
    return SocialinkException.of(Classification.of(category, "fake", category == ErrorCategory.TRANSIENT ? 503 : 400,
        "fake says " + category), null, 1);
  }

  static List<StepStatus> statuses(UnlinkReport report) {
    return report.outcomes().stream().map(StepOutcome::status).toList();
  }

  @Test
  void revokesVerifiesForgetsAndMarksTheLinkUnlinked() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.outcomes()).extracting(StepOutcome::stepId)
        .containsExactly("revoke:fake:g-1", "verify:fake:g-1", "forget:g-1");
    assertThat(statuses(report)).containsExactly(StepStatus.DONE, StepStatus.DONE, StepStatus.DONE);
    assertThat(report.isComplete()).isTrue();
    assertThat(report.outcome("verify:fake:g-1").orElseThrow().detail()).contains("refuses the old token (AUTH_REVOKED)");
    assertThat(fx.fake.revokes).hasValue(1);
    assertThat(fx.stores.grants().find("alice", "g-1")).isEmpty();
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().stateReason())
        .contains("unlink plan link:" + link.id() + " is complete");
    assertThat(unlinking.journal().outcomes("alice", plan.id())).hasSize(3);
    assertThat(report.renderText()).startsWith("Plan link:" + link.id() + ": complete")
        .contains("DONE          revoke:fake:g-1: revoked at fake");
  }

  @Test
  void executingACompletePlanAgainRepeatsNothing() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    UnlinkReport first = unlinking.execute("alice", plan);

    UnlinkReport again = unlinking.execute("alice", plan);

    assertThat(again).isEqualTo(first);
    assertThat(fx.fake.revokes).hasValue(1);
    assertThat(fx.fake.profileCalls).hasValue(1);
    assertThat(unlinking.journal().outcomes("alice", plan.id())).hasSize(3);
  }

  @Test
  void aTransientFailureLeavesTheStepPendingAndNothingAfterItRuns() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    fx.fake.revokeFailures.add(failure(ErrorCategory.TRANSIENT));

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(statuses(report)).containsExactly(StepStatus.PENDING, StepStatus.NOT_STARTED, StepStatus.NOT_STARTED);
    assertThat(report.outcomes().get(0).error()).map(Classification::category).contains(ErrorCategory.TRANSIENT);
    assertThat(report.isComplete()).isFalse();
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);
    assertThat(fx.stores.grants().find("alice", "g-1")).isPresent();
    assertThat(fx.fake.profileCalls).hasValue(0);

    UnlinkReport later = unlinking.execute("alice", plan);
    assertThat(statuses(later)).containsExactly(StepStatus.DONE, StepStatus.DONE, StepStatus.DONE);
    assertThat(fx.fake.revokes).hasValue(2);
  }

  @Test
  void aGrantThePlatformAlreadyConsidersDeadIsAlreadyDone() {
    Link link = appLink("g-1", "g-2", "g-3");
    fx.fake.revokeFailures.add(failure(ErrorCategory.AUTH_REVOKED));
    fx.fake.revokeFailures.add(failure(ErrorCategory.NOT_FOUND));
    fx.fake.revokedTokens.add("access-g-3");
    UnlinkPlan plan = unlinking.plan("alice", link.id());

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.withStatus(StepStatus.ALREADY_DONE)).extracting(StepOutcome::stepId)
        .containsExactly("revoke:fake:g-1", "revoke:fake:g-2", "revoke:fake:g-3");
    assertThat(report.outcome("revoke:fake:g-1").orElseThrow().detail()).contains("already dead");
    assertThat(report.outcome("revoke:fake:g-3").orElseThrow().detail()).contains("already revoked");
    // g-1 and g-2 were refused at revocation but their tokens still read the profile here.
    assertThat(report.outcome("verify:fake:g-1").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
    assertThat(report.outcome("verify:fake:g-3").orElseThrow().status()).isEqualTo(StepStatus.DONE);
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceAndTheNewOneRevoked() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    fx.fake.revokeFailures.add(failure(ErrorCategory.AUTH_EXPIRED));

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.outcome("revoke:fake:g-1").orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(fx.fake.refreshes).hasValue(1);
    assertThat(fx.fake.revokes).hasValue(2);
    assertThat(report.isComplete()).isTrue();
  }

  @Test
  void aConfigurationFailureFailsTheStepAndStopsThePlan() {
    Link link = appLink("g-1", "g-2");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    fx.fake.revokeFailures.add(failure(ErrorCategory.CONFIGURATION));

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.outcome("revoke:fake:g-1").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
    assertThat(report.outcome("revoke:fake:g-1").orElseThrow().error()).map(Classification::category)
        .contains(ErrorCategory.CONFIGURATION);
    assertThat(report.outcome("revoke:fake:g-2").orElseThrow().status()).isEqualTo(StepStatus.NOT_STARTED);
    assertThat(report.withStatus(StepStatus.NOT_STARTED)).hasSize(plan.steps().size() - 1);
    assertThat(fx.fake.revokes).hasValue(1);
    assertThat(fx.stores.grants().find("alice", "g-2")).isPresent();
  }

  @Test
  void aTokenThatStillWorksFailsVerificationAndKeepsTheGrant() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    fx.fake.revokeFailures.add(failure(ErrorCategory.AUTH_REVOKED)); // the fake keeps the token working

    UnlinkReport report = unlinking.execute("alice", plan);

    StepOutcome verify = report.outcome("verify:fake:g-1").orElseThrow();
    assertThat(verify.status()).isEqualTo(StepStatus.FAILED);
    assertThat(verify.error()).map(Classification::category).contains(ErrorCategory.CONFLICT);
    assertThat(verify.detail()).contains("still accepts the old token");
    assertThat(report.outcome("forget:g-1").orElseThrow().status()).isEqualTo(StepStatus.NOT_STARTED);
    assertThat(fx.stores.grants().find("alice", "g-1")).isPresent();
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isNotEqualTo(LinkState.UNLINKED);
  }

  @Test
  void manualStepsWaitForConfirmationAndHoldBackWhatFollows() {
    Link link = appLink("g-1");
    ManualProcedure procedure = new ManualProcedure("remove-app", "fake", "Remove the app",
        List.of("Settings", "Apps", "Remove"), Optional.of(URI.create("https://fake.example/apps")), Optional.empty(),
        "The app keeps access until removed.", "The app is no longer listed.");
    UnlinkPlan base = unlinking.plan("alice", link.id());
    List<UnlinkStep> steps = new ArrayList<>(base.steps());
    steps.add(new UnlinkStep.ManualStep("manual:fake:remove-app", procedure, "Only the user can remove it."));
    UnlinkPlan plan = UnlinkPlan.ordered(base.id(), base.subject(), steps, base.impactNotes(), base.createdAt());

    UnlinkReport first = unlinking.execute("alice", plan);
    assertThat(statuses(first)).containsExactly(
        StepStatus.DONE, StepStatus.AWAITING_USER, StepStatus.NOT_STARTED, StepStatus.NOT_STARTED);
    assertThat(first.outcome("manual:fake:remove-app").orElseThrow().detail()).contains("Settings → Apps → Remove");
    unlinking.execute("alice", plan);
    assertThat(unlinking.journal().outcomes("alice", plan.id())).as("waiting again is not journalled twice").hasSize(2);

    assertThatThrownBy(() -> unlinking.confirm("alice", plan, "manual:nope")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has no step manual:nope");
    assertThatThrownBy(() -> unlinking.confirm("alice", plan, "forget:g-1")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("done by Socialink");
    UnlinkReport confirmed = unlinking.confirm("alice", plan, "manual:fake:remove-app");
    assertThat(confirmed.outcome("manual:fake:remove-app").orElseThrow().detail()).isEqualTo("confirmed by the user");
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);

    UnlinkReport done = unlinking.execute("alice", plan);
    assertThat(done.isComplete()).isTrue();
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
    assertThat(unlinking.report("alice", plan)).isEqualTo(done);
  }

  @Test
  void aDryRunSendsNothingStoresNothingAndNamesWhatCouldNotRun() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());

    UnlinkReport dry = unlinking.execute("alice", plan, ExecutionOptions.dryRunOnly());

    assertThat(statuses(dry)).containsOnly(StepStatus.NOT_STARTED);
    assertThat(dry.outcome("revoke:fake:g-1").orElseThrow().detail()).isEqualTo("would revoke grant g-1 at fake");
    assertThat(fx.fake.revokes).hasValue(0);
    assertThat(fx.fake.profileCalls).hasValue(0);
    assertThat(unlinking.journal().outcomes("alice", plan.id())).isEmpty();
    assertThat(fx.stores.grants().find("alice", "g-1")).isPresent();
  }

  @Test
  void aDryRunReportsMissingAppCredentialsAsAConfigurationFailure() {
    Fixture other = new Fixture();
    other.register(new io.socialink.FakeProvider("other"));
    SocialinkRuntime ort = other.runtime();
    other.stores.grants().save(new Grant("o-1", "alice", Account.of("other", "u-9"), "oauth2", "client-1",
        io.socialink.Secret.of("access-o-1"), Optional.empty(), java.util.Set.of("read"), "bearer", Fixture.T0,
        Optional.empty(), Optional.empty(), 0));
    Link link = new LinkService(ort).record("alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(Account.of("other", "u-9")), List.of("o-1"));
    UnlinkingService service = new UnlinkingService(ort);
    UnlinkPlan plan = service.plan("alice", link.id());

    UnlinkReport dry = service.execute("alice", plan, ExecutionOptions.dryRunOnly());

    StepOutcome revoke = dry.outcome("revoke:other:o-1").orElseThrow();
    assertThat(revoke.status()).isEqualTo(StepStatus.FAILED);
    assertThat(revoke.error()).map(Classification::category).contains(ErrorCategory.CONFIGURATION);
    assertThat(revoke.detail()).startsWith("would fail: ");
    assertThat(service.journal().outcomes("alice", plan.id())).isEmpty();
  }

  @Test
  void aCrashBeforeTheOutcomeIsJournalledResumesSafely() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    // The platform revokes, then the process dies before the journal write: the next run asks
    // again, and the platform's "already revoked" settles the step without a second revocation.
    fx.fake.revokedTokens.add("access-g-1");

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.outcome("revoke:fake:g-1").orElseThrow().status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(report.isComplete()).isTrue();
  }

  @Test
  void aPlanMadeAgainAfterTheGrantWasForgottenStillRecordsTheForgetStep() {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    // A run that died just after deleting the grant, before the journal said so.
    for (UnlinkStep step : plan.steps()) {
      if (!(step instanceof UnlinkStep.ForgetGrant)) {
        unlinking.journal().record("alice", plan.id(), new StepOutcome(step.id(), StepStatus.DONE, Fixture.T0,
            "done before the process died", Optional.empty()));
      }
    }
    fx.stores.grants().delete("alice", "g-1");

    UnlinkPlan again = unlinking.plan("alice", link.id());
    UnlinkReport report = unlinking.execute("alice", again);

    assertThat(again.steps()).extracting(UnlinkStep::id).containsExactly("forget:g-1");
    assertThat(again.impactNotes()).noneMatch(n -> n.contains("kept"));
    assertThat(report.outcome("forget:g-1").orElseThrow().status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(report.isComplete()).isTrue();
    assertThat(unlinking.journal().outcomes("alice", plan.id())).extracting(StepOutcome::stepId)
        .contains("forget:g-1");
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
  }

  @Test
  void concurrentExecutionsOfOnePlanRevokeOnce() throws Exception {
    Link link = appLink("g-1");
    UnlinkPlan plan = unlinking.plan("alice", link.id());
    fx.fake.revokeEntered = new CountDownLatch(1);
    List<UnlinkReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> reports.add(unlinking.execute("alice", plan)));
    first.start();
    assertThat(fx.fake.revokeEntered.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> reports.add(unlinking.execute("alice", plan)));
    second.start();
    while (second.getState() != Thread.State.WAITING && second.isAlive()) {
      Thread.onSpinWait();
    }
    fx.fake.revokeRelease.countDown();
    first.join(10_000);
    second.join(10_000);

    assertThat(fx.fake.revokes).hasValue(1);
    assertThat(reports).hasSize(2).allMatch(UnlinkReport::isComplete);
  }

  @Test
  void aCompletedAccountDeletionUnlinksEveryLinkOfTheAccount() {
    Link a = appLink("g-1");
    fx.grant("g-2");
    Link b = links.record("alice", LinkKind.CROSS_POST, LinkEnd.account(Account.of("fake", "u-1")),
        LinkEnd.account(Account.of("fake", "u-2")), List.of("g-2"));
    UnlinkPlan plan = unlinking.planAccountDeletion("alice", Account.of("fake", "u-1"));

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.outcome("stop-sync:" + b.id()).orElseThrow().status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(report.isComplete()).isTrue();
    assertThat(fx.stores.links().find("alice", a.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
    assertThat(fx.stores.links().find("alice", b.id()).orElseThrow().state()).isEqualTo(LinkState.UNLINKED);
  }

  UnlinkPlan withAction(Link link) {
    UnlinkPlan base = unlinking.plan("alice", link.id());
    List<UnlinkStep> steps = new ArrayList<>();
    steps.add(new UnlinkStep.PlatformAction("action:fake:release", "fake", "g-1", "release-asset",
        java.util.Map.of("holder", "h-1"), "Release the account from holder h-1"));
    steps.addAll(base.steps());
    return UnlinkPlan.ordered(base.id(), base.subject(), steps, base.impactNotes(), base.createdAt());
  }

  @Test
  void aPlatformActionRunsThroughTheGrantsClientBeforeTheRevocationAndNeverAgain() {
    Link link = appLink("g-1");
    UnlinkPlan plan = withAction(link);

    UnlinkReport report = unlinking.execute("alice", plan);

    assertThat(report.outcomes()).extracting(StepOutcome::stepId)
        .containsExactly("action:fake:release", "revoke:fake:g-1", "verify:fake:g-1", "forget:g-1");
    assertThat(report.isComplete()).isTrue();
    assertThat(report.outcome("action:fake:release").orElseThrow().detail())
        .isEqualTo("done at fake: Release the account from holder h-1");
    assertThat(fx.fake.unlinkActions).containsExactly("release-asset:g-1:{holder=h-1}");
    unlinking.execute("alice", plan);
    assertThat(fx.fake.unlinkActions).as("a settled action is not made again").hasSize(1);
  }

  @Test
  void aPlatformActionThePlatformNoLongerFindsIsAlreadyDone() {
    Link link = appLink("g-1");
    fx.fake.unlinkActionFailures.add(failure(ErrorCategory.NOT_FOUND));

    UnlinkReport report = unlinking.execute("alice", withAction(link));

    assertThat(report.outcome("action:fake:release").orElseThrow().status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(report.isComplete()).isTrue();
  }

  @Test
  void aRefusedPlatformActionFailsAndHoldsBackTheLaterPhasesWhileAnOutageIsTriedAgain() {
    Link link = appLink("g-1");
    UnlinkPlan plan = withAction(link);
    fx.fake.unlinkActionFailures.add(failure(ErrorCategory.PERMISSION_DENIED));

    UnlinkReport refused = unlinking.execute("alice", plan);

    StepOutcome action = refused.outcome("action:fake:release").orElseThrow();
    assertThat(action.status()).isEqualTo(StepStatus.FAILED);
    assertThat(action.error()).map(Classification::category).contains(ErrorCategory.PERMISSION_DENIED);
    assertThat(refused.outcome("verify:fake:g-1").orElseThrow().status()).isEqualTo(StepStatus.NOT_STARTED);
    assertThat(fx.stores.links().find("alice", link.id()).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);

    fx.fake.unlinkActionFailures.add(failure(ErrorCategory.TRANSIENT));
    assertThat(unlinking.execute("alice", plan).outcome("action:fake:release").orElseThrow().status())
        .isEqualTo(StepStatus.PENDING);
    assertThat(unlinking.execute("alice", plan).isComplete()).isTrue();
    assertThat(fx.fake.unlinkActions).hasSize(1);
  }

  @Test
  void aClientOffersNoUnlinkActionsUnlessItSaysSo() {
    io.socialink.spi.PlatformClient plain = new io.socialink.spi.PlatformClient() {
      @Override
      public io.socialink.auth.AppCredentials credentials() {
        return io.socialink.auth.AppCredentials.publicClient("fake", "oauth2", "c", URI.create("https://a.example/cb"));
      }

      @Override
      public URI authorizationUrl(io.socialink.auth.AuthorizationRequest request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public io.socialink.auth.TokenResponse exchangeCode(io.socialink.auth.CodeExchange exchange) {
        throw new UnsupportedOperationException();
      }

      @Override
      public io.socialink.auth.TokenResponse refresh(Grant grant) {
        throw new UnsupportedOperationException();
      }

      @Override
      public io.socialink.spi.Revocation revoke(Grant grant) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Account profile(Grant grant) {
        throw new UnsupportedOperationException();
      }
    };

    assertThatThrownBy(() -> plain.unlinkAction(fx.grant("g-2"), "release-asset", java.util.Map.of()))
        .isInstanceOf(io.socialink.error.ConfigurationException.class)
        .hasMessageContaining("does not support the unlink action 'release-asset'");
  }
}
