package io.socialink;

/** The outcome of one step of an executed {@link UnlinkPlan}. */
public enum StepStatus {
  /** Done by this execution. */
  DONE,
  /** Already done earlier, by a previous execution or by the user or platform (e.g. a grant already revoked). */
  ALREADY_DONE,
  /** A manual step waiting for the caller to confirm it. */
  AWAITING_USER,
  /** A transient failure: to be tried again. The link is not marked revoked. */
  PENDING,
  /** Not needed for this plan. */
  SKIPPED,
  /** Failed for a reason a retry will not fix; see the classification. */
  FAILED,
  /** Not run yet: it waits for the steps of earlier phases to settle. */
  NOT_STARTED;

  /**
   * Answers whether the step needs no more work.
   *
   * @return true for DONE, ALREADY_DONE and SKIPPED
   */
  public boolean isSettled() {
    return this == DONE || this == ALREADY_DONE || this == SKIPPED;
  }
}
