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
}
