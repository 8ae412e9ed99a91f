package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.fuzz.Fuzz;
import io.socialink.http.MalformedPayloadException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnlinkPlanJsonTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final ManualProcedure DEEP = new ManualProcedure("remove-from-profile", "tiktok", "Remove Instagram",
      List.of("Profile", "Edit profile", "Instagram"), Optional.empty(), Optional.of(URI.create("snssdk1233://profile")),
      "only the app can", "the icon is gone");

  static UnlinkPlan linkPlan() {
    Link link = Link.create("l1", "owner", LinkKind.BUSINESS_ASSET,
        new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "7000", "Acme Agency"),
        LinkEnd.account(Account.of("tiktok", "6900", "dancer", "Dancer")), List.of("g1", "g2"),
        ModelValidationTest.CLOCK).withState(LinkState.BROKEN, Optional.of("refresh interrupted; link again"),
        ModelValidationTest.CLOCK);
    return UnlinkPlan.ordered("link:l1", new UnlinkPlan.LinkSubject(link), List.of(
        new UnlinkStep.ExportData("export:tiktok:g1", "tiktok", "g1", "the videos"),
        new UnlinkStep.StopSync("stop-sync:l1", "l1"),
        new UnlinkStep.RevokeGrant("revoke:tiktok:g1", "tiktok", "g1"),
        new UnlinkStep.ManualStep("manual:x:revoke-app", UnlinkPlanTest.PROC, "remove it from the list"),
        new UnlinkStep.ManualStep("manual:tiktok:remove", DEEP, "shown on the profile"),
        new UnlinkStep.Verify("verify:tiktok:g1", "tiktok", "g1", "GET /v2/user/info/"),
        new UnlinkStep.ForgetGrant("forget:g1", "g1")), List.of("Posts stay.", "Relinking reconnects."), T0);
  }

  static UnlinkPlan deletionPlan() {
    Account account = Account.of("tiktok", "6900");
    Link a = Link.create("l1", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.application(), LinkEnd.account(account),
        List.of("g1"), ModelValidationTest.CLOCK);
    Link b = Link.create("l2", "owner", LinkKind.PROFILE_LINK, LinkEnd.account(account),
        LinkEnd.account(Account.of("instagram", "1784", "dancer.pics", "Dancer Pics")), List.of(), ModelValidationTest.CLOCK);
    return UnlinkPlan.ordered("account:tiktok:6900", new UnlinkPlan.AccountDeletion(account, List.of(a, b)), List.of(
        new UnlinkStep.ExportData("export:tiktok:g1", "tiktok", "g1", "the videos"),
        new UnlinkStep.ForgetGrant("forget:g1", "g1")), List.of("Deleting the account is done by its owner."), T0);
  }

  @Test
  void aLinkPlanRoundTripsWithEveryStepTypeAndEnd() {
    UnlinkPlan plan = linkPlan();

    UnlinkPlan back = UnlinkPlan.parseJson(plan.renderJson());

    assertThat(back).isEqualTo(plan);
    assertThat(back.renderJson()).isEqualTo(plan.renderJson());
  }

  @Test
  void aPlatformActionRoundTripsWithItsArgumentsAndReadsAsOneLine() {
    UnlinkPlan base = linkPlan();
    List<UnlinkStep> steps = new java.util.ArrayList<>(base.steps());
    steps.add(new UnlinkStep.PlatformAction("action:tiktok:remove:l1", "tiktok", "g2", "business-center-remove-account",
        java.util.Map.of("bcId", "7000", "accountId", "6900"), "Remove the account from Acme Agency"));
    UnlinkPlan plan = UnlinkPlan.ordered(base.id(), base.subject(), steps, base.impactNotes(), base.createdAt());

    assertThat(UnlinkPlan.parseJson(plan.renderJson())).isEqualTo(plan);

    assertThat(plan.renderJson()).contains("\"type\" : \"platform-action\"").contains("\"bcId\" : \"7000\"");
    assertThat(UnlinkPlan.parseJson(plan.renderJson()).steps()).filteredOn(UnlinkStep.PlatformAction.class::isInstance)
        .singleElement().satisfies(s -> assertThat(((UnlinkStep.PlatformAction) s).arguments())
            .containsEntry("bcId", "7000").containsEntry("accountId", "6900"));
    assertThat(plan.renderText()).contains("[REVOKE] Remove the account from Acme Agency (API call at tiktok with grant g2)");
    assertThatThrownBy(() -> new UnlinkStep.PlatformAction("a", "tiktok", "g", "Not An Id", java.util.Map.of(), "d"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
  }

  @Test
  void anAccountDeletionPlanRoundTripsWithItsLinks() {
    UnlinkPlan plan = deletionPlan();

    assertThat(UnlinkPlan.parseJson(plan.renderJson())).isEqualTo(plan);
    assertThat(plan.renderJson()).contains("\"type\" : \"account-deletion\"").contains("\"dancer.pics\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json at all|not JSON",
      "{\"id\":\"p\"}|plan.subject is missing",
      "{\"id\":\"p\",\"subject\":{\"type\":\"planet\"},\"steps\":[],\"impactNotes\":[],\"createdAt\":\"2026-01-01T00:00:00Z\"}"
          + "|plan.subject.type is 'planet'",
      "{\"id\":7,\"subject\":{\"type\":\"account-deletion\",\"account\":{\"platformId\":\"x\",\"userId\":\"1\"},\"links\":[]},"
          + "\"steps\":[],\"impactNotes\":[],\"createdAt\":\"2026-01-01T00:00:00Z\"}|plan.id is not a string",
      "{\"id\":\"p\",\"subject\":{\"type\":\"account-deletion\",\"account\":{\"platformId\":\"x\",\"userId\":\"1\"},\"links\":[]},"
          + "\"steps\":[{\"id\":\"s\",\"type\":\"teleport\"}],\"impactNotes\":[],\"createdAt\":\"2026-01-01T00:00:00Z\"}"
          + "|plan.steps[0].type is 'teleport'",
      "{\"id\":\"p\",\"subject\":{\"type\":\"account-deletion\",\"account\":{\"platformId\":\"x\",\"userId\":\"1\"},\"links\":[]},"
          + "\"steps\":[],\"impactNotes\":[],\"createdAt\":\"yesterday\"}|plan.createdAt is not an ISO-8601 instant",
      "{\"id\":\" \",\"subject\":{\"type\":\"account-deletion\",\"account\":{\"platformId\":\"x\",\"userId\":\"1\"},\"links\":[]},"
          + "\"steps\":[],\"impactNotes\":[],\"createdAt\":\"2026-01-01T00:00:00Z\"}|id must not be blank",
      "{\"id\":\"p\\ud800\",\"subject\":{\"type\":\"account-deletion\",\"account\":{\"platformId\":\"x\",\"userId\":\"1\"},\"links\":[]},"
          + "\"steps\":[],\"impactNotes\":[],\"createdAt\":\"2026-01-01T00:00:00Z\"}|plan.id holds an unpaired surrogate",
  })
  void badDocumentsAreRefusedNamingTheField(String json, String message) {
    assertThatThrownBy(() -> UnlinkPlan.parseJson(json)).isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aMutatedDocumentIsEitherAPlanOrAMalformedPayload() {
    String seed = linkPlan().renderJson();
    Fuzz.Report report = Fuzz.run("unlink plan JSON", 400, Fuzz.DOCUMENTED, m -> m.mutate(seed), json -> {
      UnlinkPlan parsed = UnlinkPlan.parseJson(json);
      assertThat(UnlinkPlan.parseJson(parsed.renderJson())).isEqualTo(parsed);
    });
    assertThat(report.thrown()).isPositive().isLessThan(report.cases());
  }
}
