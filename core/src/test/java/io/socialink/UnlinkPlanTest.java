package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnlinkPlanTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Link LINK = Link.create("l1", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
      LinkEnd.account(Account.of("x", "1", "alice", "Alice")), List.of("g1"), ModelValidationTest.CLOCK);
  static final ManualProcedure PROC = new ManualProcedure("revoke-app", "x", "Revoke the app",
      List.of("Settings", "Connected apps", "Revoke"), Optional.of(URI.create("https://x.com/settings/connected_apps")),
      Optional.empty(), "only the user can", "the app is gone from the list");

  @Test
  void orderedSortsByPhaseAndKeepsOrderWithinAPhase() {
    UnlinkPlan plan = UnlinkPlan.ordered("p1", new UnlinkPlan.LinkSubject(LINK), List.of(
        new UnlinkStep.ForgetGrant("forget:g1", "g1"),
        new UnlinkStep.Verify("verify:x:g1", "x", "g1", "GET /2/users/me"),
        new UnlinkStep.RevokeGrant("revoke:x:g1:refresh", "x", "g1"),
        new UnlinkStep.RevokeGrant("revoke:x:g1:access", "x", "g1"),
        new UnlinkStep.ManualStep("manual:x:revoke-app", PROC, "remove it from the list")), List.of("note"), T0);
    assertThat(plan.steps()).extracting(UnlinkStep::id).containsExactly(
        "revoke:x:g1:refresh", "revoke:x:g1:access", "manual:x:revoke-app", "verify:x:g1", "forget:g1");
    assertThat(plan.manualSteps()).hasSize(1);
  }

  @Test
  void rejectsDuplicateIdsAndOutOfOrderPhases() {
    UnlinkPlan.Subject s = new UnlinkPlan.LinkSubject(LINK);
    assertThatThrownBy(() -> new UnlinkPlan("p", s, List.of(new UnlinkStep.ForgetGrant("a", "g1"),
        new UnlinkStep.ForgetGrant("a", "g2")), List.of(), T0)).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new UnlinkPlan("p", s, List.of(new UnlinkStep.ForgetGrant("a", "g1"),
        new UnlinkStep.RevokeGrant("b", "x", "g1")), List.of(), T0)).hasMessageContaining("comes after");
  }

  @Test
  void rendersTextWithPathsAndJsonWithTypes() throws Exception {
    UnlinkPlan plan = UnlinkPlan.ordered("p1", new UnlinkPlan.LinkSubject(LINK), List.of(
        new UnlinkStep.RevokeGrant("revoke:x:g1", "x", "g1"),
        new UnlinkStep.ManualStep("manual:x:revoke-app", PROC, "remove it from the list")),
        List.of("Posts stay."), T0);
    String text = plan.renderText();
    assertThat(text).contains("Settings → Connected apps → Revoke").contains("https://x.com/settings/connected_apps")
        .contains("Posts stay.").contains(" 1. [REVOKE]");
    JsonNode json = new ObjectMapper().readTree(plan.renderJson());
    assertThat(json.get("id").asText()).isEqualTo("p1");
    assertThat(json.get("subject").get("type").asText()).isEqualTo("link");
    assertThat(json.get("steps").get(0).get("type").asText()).isEqualTo("revoke-grant");
    assertThat(json.get("steps").get(1).get("path").size()).isEqualTo(3);
    assertThat(json.get("impactNotes").get(0).asText()).isEqualTo("Posts stay.");
  }

  @Test
  void reportIsCompleteOnlyWhenEveryStepIsSettled() {
    StepOutcome done = new StepOutcome("a", StepStatus.DONE, T0, "revoked", Optional.empty());
    StepOutcome waiting = new StepOutcome("b", StepStatus.AWAITING_USER, T0, "waiting", Optional.empty());
    assertThat(new UnlinkReport("p", List.of(done)).isComplete()).isTrue();
    assertThat(new UnlinkReport("p", List.of(done, waiting)).isComplete()).isFalse();
    assertThat(new UnlinkReport("p", List.of()).isComplete()).isFalse();
    assertThat(new UnlinkReport("p", List.of(done, waiting)).outcome("b")).contains(waiting);
  }

  @Test
  void failedAndPendingOutcomesNeedTheirError() {
    assertThatThrownBy(() -> new StepOutcome("a", StepStatus.PENDING, T0, "later", Optional.empty()))
        .hasMessageContaining("classified error");
    Classification c = Classification.of(ErrorCategory.TRANSIENT, "x", 503, "down");
    assertThat(new StepOutcome("a", StepStatus.PENDING, T0, "later", Optional.of(c)).error()).contains(c);
  }
}
