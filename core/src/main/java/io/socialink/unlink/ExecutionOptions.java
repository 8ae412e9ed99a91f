package io.socialink.unlink;

/**
 * How {@link Unlinking#execute(String, io.socialink.UnlinkPlan, ExecutionOptions)} runs a plan.
 *
 * @param dryRun when true, nothing is sent, stored or forgotten: each step that would run is
 *     reported {@link io.socialink.StepStatus#NOT_STARTED} with what it would do, or
 *     {@link io.socialink.StepStatus#FAILED} when it could not run (no provider installed, no app
 *     credentials configured, no such grant stored), and the journal is left as it was
 */
public record ExecutionOptions(boolean dryRun) {
  private static final ExecutionOptions DEFAULTS = new ExecutionOptions(false);
  private static final ExecutionOptions DRY_RUN = new ExecutionOptions(true);

  /**
   * Executes for real.
   *
   * @return the default options
   */
  public static ExecutionOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Reports what would happen without doing it.
   *
   * @return the dry-run options
   */
  public static ExecutionOptions dryRunOnly() {
    return DRY_RUN;
  }
}
