package io.socialink;

import io.socialink.error.Classification;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one step.
 *
 * @param stepId the step's id
 * @param status the status
 * @param at when the status was recorded
 * @param detail one line for a person
 * @param error the classified failure, for {@link StepStatus#PENDING} and {@link StepStatus#FAILED}
 */
public record StepOutcome(String stepId, StepStatus status, Instant at, String detail, Optional<Classification> error) {

  /** Validates the components. */
  public StepOutcome {
    Checks.notBlank(stepId, "stepId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(error, "error");
    if ((status == StepStatus.FAILED || status == StepStatus.PENDING) && error.isEmpty()) {
      throw new IllegalArgumentException("a " + status + " outcome needs the classified error");
    }
  }
}
