package io.socialink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of each step of an executed {@link UnlinkPlan}.
 *
 * @param planId the plan's id
 * @param outcomes one outcome per step, in plan order
 */
public record UnlinkReport(String planId, List<StepOutcome> outcomes) {

  /** Validates and copies the components. */
  public UnlinkReport {
    Checks.notBlank(planId, "planId");
    outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
  }

  /**
   * Answers whether every step is settled: done, already done, confirmed or skipped.
   *
   * @return true when the plan is complete
   */
  public boolean isComplete() {
    return !outcomes.isEmpty() && outcomes.stream().allMatch(o -> o.status().isSettled());
  }

  /**
   * The outcome of one step.
   *
   * @param stepId the step's id
   * @return the outcome, or empty if the step did not run
   */
  public Optional<StepOutcome> outcome(String stepId) {
    return outcomes.stream().filter(o -> o.stepId().equals(stepId)).findFirst();
  }

  /**
   * The outcomes with one status, in plan order; for example the steps waiting for the user.
   *
   * @param status the status
   * @return the outcomes
   */
  public List<StepOutcome> withStatus(StepStatus status) {
    Objects.requireNonNull(status, "status");
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }

  /**
   * Renders the report for a person: a summary line, then one line per step with its status and
   * what happened (the classified error's message for a step that must be tried again or failed).
   *
   * @return the text
   */
  public String renderText() {
    long settled = outcomes.stream().filter(o -> o.status().isSettled()).count();
    StringBuilder out = new StringBuilder();
    out.append("Plan ").append(planId).append(": ")
        .append(isComplete() ? "complete" : settled + " of " + outcomes.size() + " steps settled").append('\n');
    int n = 1;
    for (StepOutcome o : outcomes) {
      out.append(String.format("%2d. %-13s %s: %s%n", n++, o.status(), o.stepId(), o.detail()));
    }
    return out.toString();
  }
}
