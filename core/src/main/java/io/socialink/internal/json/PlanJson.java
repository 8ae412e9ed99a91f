package io.socialink.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialink.Link;
import io.socialink.ManualProcedure;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;

/** Renders an {@link UnlinkPlan} as JSON, with an explicit {@code type} per step. */
public final class PlanJson {
  private PlanJson() {}

  /**
   * Renders a plan.
   *
   * @param plan the plan
   * @return pretty-printed JSON
   */
  public static String render(UnlinkPlan plan) {
    var mapper = JacksonCodec.instance().mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("id", plan.id());
    ObjectNode subject = root.putObject("subject");
    if (plan.subject() instanceof UnlinkPlan.LinkSubject ls) {
      Link link = ls.link();
      subject.put("type", "link").put("linkId", link.id()).put("kind", link.kind().name())
          .put("from", link.from().describe()).put("to", link.to().describe());
    } else if (plan.subject() instanceof UnlinkPlan.AccountDeletion ad) {
      subject.put("type", "account-deletion").put("platform", ad.account().platformId())
          .put("userId", ad.account().userId()).put("links", ad.links().size());
    }
    root.put("createdAt", plan.createdAt().toString());
    ArrayNode steps = root.putArray("steps");
    for (UnlinkStep step : plan.steps()) {
      ObjectNode s = steps.addObject();
      s.put("id", step.id()).put("phase", step.phase().name());
      step.platformId().ifPresent(p -> s.put("platform", p));
      if (step instanceof UnlinkStep.ExportData e) {
        s.put("type", "export-data").put("grantId", e.grantId()).put("what", e.what());
      } else if (step instanceof UnlinkStep.StopSync st) {
        s.put("type", "stop-sync").put("linkId", st.linkId());
      } else if (step instanceof UnlinkStep.RevokeGrant r) {
        s.put("type", "revoke-grant").put("grantId", r.grantId());
      } else if (step instanceof UnlinkStep.ManualStep m) {
        ManualProcedure p = m.procedure();
        s.put("type", "manual").put("procedure", p.id()).put("title", p.title()).put("reason", m.reason());
        ArrayNode path = s.putArray("path");
        p.path().forEach(path::add);
        p.webLink().ifPresent(u -> s.put("webLink", u.toString()));
        p.deepLink().ifPresent(u -> s.put("deepLink", u.toString()));
        s.put("why", p.why()).put("howToCheck", p.howToCheck());
      } else if (step instanceof UnlinkStep.Verify v) {
        s.put("type", "verify").put("grantId", v.grantId()).put("probe", v.probe());
      } else if (step instanceof UnlinkStep.ForgetGrant f) {
        s.put("type", "forget-grant").put("grantId", f.grantId());
      }
      s.put("description", step.describe());
    }
    ArrayNode notes = root.putArray("impactNotes");
    plan.impactNotes().forEach(notes::add);
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render plan " + plan.id(), e);
    }
  }
}
