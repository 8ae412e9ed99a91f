package io.socialink.store;

import io.socialink.StepOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Records the outcome of every executed unlink step before the executor moves on, so an interrupted
 * plan resumes where it stopped. Scoped by owner. Implementations are thread-safe.
 */
public interface PlanJournal {
  /**
   * Appends an outcome.
   *
   * @param ownerId the owner
   * @param planId the plan
   * @param outcome the outcome
   */
  void record(String ownerId, String planId, StepOutcome outcome);

  /**
   * Every outcome of a plan, oldest first.
   *
   * @param ownerId the owner
   * @param planId the plan
   * @return the outcomes
   */
  List<StepOutcome> outcomes(String ownerId, String planId);

  /**
   * The latest outcome of one step.
   *
   * @param ownerId the owner
   * @param planId the plan
   * @param stepId the step
   * @return the latest outcome, or empty if the step never ran
   */
  default Optional<StepOutcome> latest(String ownerId, String planId, String stepId) {
    List<StepOutcome> all = outcomes(ownerId, planId);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).stepId().equals(stepId)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }
}
