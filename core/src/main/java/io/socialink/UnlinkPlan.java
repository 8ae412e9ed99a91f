package io.socialink;

import io.socialink.internal.json.JacksonCodec;
import io.socialink.internal.json.PrettyJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
   * Renders the plan as JSON: {@code id}, {@code subject} (with the whole link, or the account and
   * its links), {@code createdAt}, {@code steps} (each with a {@code type}) and {@code impactNotes}.
   * {@link #parseJson(String)} reads it back to an equal plan.
   *
   * @return the JSON text
   */
  public String renderJson() {
    return PrettyJson.render(PlanDocument.render(this));
  }

  /**
   * Reads a plan rendered by {@link #renderJson()}, for example one kept while the user does the
   * manual steps, to execute it later.
   *
   * @param json the JSON text
   * @return the plan, equal to the one rendered
   * @throws io.socialink.http.MalformedPayloadException if the text is not JSON, a field is missing
   *     or has the wrong type, or a value is not valid for the plan (the message names the field)
   */
  public static UnlinkPlan parseJson(String json) {
    Objects.requireNonNull(json, "json");
    java.util.Map<String, Object> tree;
    try {
      tree = JacksonCodec.instance().readObject(json.getBytes(StandardCharsets.UTF_8));
    } catch (io.socialink.http.MalformedPayloadException e) {
      throw io.socialink.http.MalformedPayloadException.ofDocument("unlink plan JSON is not JSON: " + e.getMessage());
    }
    return PlanDocument.parse(tree);
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
