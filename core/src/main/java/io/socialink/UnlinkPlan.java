package io.socialink;

import io.socialink.internal.json.PrettyJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered, inspectable plan to undo a link, or to clean up before an account is deleted: the API
 * steps Socialink can do itself, the manual steps only the user can do (with exact in-app paths),
 * local clean-up and verification, plus notes on what unlinking does not do.
 *
 * <p>Steps are kept in phase order ({@link UnlinkStep.Phase}); each step id is unique, so executing a
 * plan again reports the steps already done instead of repeating them. Immutable and thread-safe.
 *
 * <pre>{@code
 * UnlinkPlan plan = socialink.unlinking().plan(ownerId, linkId);
 * System.out.println(plan.renderText());
 * }</pre>
 *
 * @param id the plan's id
 * @param subject what the plan undoes
 * @param steps the steps, in phase order
 * @param impactNotes what a person should know, such as "cross-posted content is not deleted"
 * @param createdAt when the plan was made
 */
public record UnlinkPlan(String id, Subject subject, List<UnlinkStep> steps, List<String> impactNotes, Instant createdAt) {

  /** Validates and copies the components. */
  public UnlinkPlan {
    Checks.notBlank(id, "id");
    Objects.requireNonNull(subject, "subject");
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    impactNotes = List.copyOf(Objects.requireNonNull(impactNotes, "impactNotes"));
    impactNotes.forEach(n -> Checks.notBlank(n, "impactNotes element"));
    Objects.requireNonNull(createdAt, "createdAt");
    Set<String> seen = new HashSet<>();
    UnlinkStep.Phase last = UnlinkStep.Phase.EXPORT;
    for (UnlinkStep step : steps) {
      if (!seen.add(step.id())) {
        throw new IllegalArgumentException("step id '" + step.id() + "' appears twice in plan " + id);
      }
      if (step.phase().compareTo(last) < 0) {
        throw new IllegalArgumentException(
            "step '" + step.id() + "' of phase " + step.phase() + " comes after a step of phase " + last);
      }
      last = step.phase();
    }
  }

  /**
   * Builds a plan from steps in any order, sorting them by phase (stable within a phase).
   *
   * @param id the id
   * @param subject the subject
   * @param steps the steps
   * @param impactNotes the notes
   * @param createdAt when made
   * @return the plan
   */
  public static UnlinkPlan ordered(
      String id, Subject subject, List<? extends UnlinkStep> steps, List<String> impactNotes, Instant createdAt) {
    List<UnlinkStep> sorted = new ArrayList<>(steps);
    sorted.sort(java.util.Comparator.comparing(UnlinkStep::phase));
    return new UnlinkPlan(id, subject, sorted, impactNotes, createdAt);
  }

  /**
   * The manual steps, which the caller confirms.
   *
   * @return the manual steps in order
   */
  public List<UnlinkStep.ManualStep> manualSteps() {
    return steps.stream()
        .filter(UnlinkStep.ManualStep.class::isInstance)
        .map(UnlinkStep.ManualStep.class::cast)
        .toList();
  }

  /**
   * Renders the plan for a person, one numbered line per step, manual paths included.
   *
   * @return the text
   */
  public String renderText() {
    StringBuilder out = new StringBuilder();
    out.append("Unlink plan ").append(id).append(" for ").append(subject.describe()).append('\n');
    int n = 1;
    for (UnlinkStep step : steps) {
      out.append(String.format("%2d. [%s] %s%n", n++, step.phase(), step.describe()));
      if (step instanceof UnlinkStep.ManualStep manual) {
        ManualProcedure p = manual.procedure();
        out.append("      why: ").append(manual.reason()).append('\n');
        p.webLink().ifPresent(u -> out.append("      web: ").append(u).append('\n'));
        p.deepLink().ifPresent(u -> out.append("      app: ").append(u).append('\n'));
        out.append("      check: ").append(p.howToCheck()).append('\n');
      }
    }
    if (!impactNotes.isEmpty()) {
      out.append("Notes:\n");
      impactNotes.forEach(note -> out.append("  - ").append(note).append('\n'));
    }
    return out.toString();
  }

  /**
   * Renders the plan as JSON: {@code id}, {@code subject}, {@code createdAt}, {@code steps} (each with
   * a {@code type}) and {@code impactNotes}.
   *
   * @return the JSON text
   */
  public String renderJson() {
    return PrettyJson.render(document());
  }

  /** The plan as a tree of maps and lists, in the order {@link #renderJson()} shows it. */
  private Map<String, Object> document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("id", id);
    Map<String, Object> about = new LinkedHashMap<>();
    if (subject instanceof LinkSubject ls) {
      Link link = ls.link();
      about.put("type", "link");
      about.put("linkId", link.id());
      about.put("kind", link.kind().name());
      about.put("from", link.from().describe());
      about.put("to", link.to().describe());
    } else if (subject instanceof AccountDeletion ad) {
      about.put("type", "account-deletion");
      about.put("platform", ad.account().platformId());
      about.put("userId", ad.account().userId());
      about.put("links", ad.links().size());
    }
    root.put("subject", about);
    root.put("createdAt", createdAt.toString());
    List<Map<String, Object>> out = new ArrayList<>();
    for (UnlinkStep step : steps) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", step.id());
      s.put("phase", step.phase().name());
      step.platformId().ifPresent(p -> s.put("platform", p));
      if (step instanceof UnlinkStep.ExportData e) {
        s.put("type", "export-data");
        s.put("grantId", e.grantId());
        s.put("what", e.what());
      } else if (step instanceof UnlinkStep.StopSync st) {
        s.put("type", "stop-sync");
        s.put("linkId", st.linkId());
      } else if (step instanceof UnlinkStep.RevokeGrant r) {
        s.put("type", "revoke-grant");
        s.put("grantId", r.grantId());
      } else if (step instanceof UnlinkStep.ManualStep m) {
        ManualProcedure p = m.procedure();
        s.put("type", "manual");
        s.put("procedure", p.id());
        s.put("title", p.title());
        s.put("reason", m.reason());
        s.put("path", p.path());
        p.webLink().ifPresent(u -> s.put("webLink", u.toString()));
        p.deepLink().ifPresent(u -> s.put("deepLink", u.toString()));
        s.put("why", p.why());
        s.put("howToCheck", p.howToCheck());
      } else if (step instanceof UnlinkStep.Verify v) {
        s.put("type", "verify");
        s.put("grantId", v.grantId());
        s.put("probe", v.probe());
      } else if (step instanceof UnlinkStep.ForgetGrant f) {
        s.put("type", "forget-grant");
        s.put("grantId", f.grantId());
      }
      s.put("description", step.describe());
      out.add(s);
    }
    root.put("steps", out);
    root.put("impactNotes", impactNotes);
    return root;
  }

  /** What a plan undoes. */
  public sealed interface Subject permits LinkSubject, AccountDeletion {
    /**
     * Describes the subject for a person.
     *
     * @return the description
     */
    String describe();
  }

  /**
   * A plan that undoes one link.
   *
   * @param link the link
   */
  public record LinkSubject(Link link) implements Subject {
    /** Validates the component. */
    public LinkSubject {
      Objects.requireNonNull(link, "link");
    }

    @Override
    public String describe() {
      return link.kind() + " link " + link.id() + " between " + link.from().describe() + " and " + link.to().describe();
    }
  }

  /**
   * A plan that cleans up every link of an account before the account is deleted.
   *
   * @param account the account being deleted
   * @param links the links that involve it
   */
  public record AccountDeletion(Account account, List<Link> links) implements Subject {
    /** Validates and copies the components. */
    public AccountDeletion {
      Objects.requireNonNull(account, "account");
      links = List.copyOf(Objects.requireNonNull(links, "links"));
    }

    @Override
    public String describe() {
      return "deletion of " + account.platformId() + " account " + account.userId() + " (" + links.size() + " links)";
    }
  }
}
