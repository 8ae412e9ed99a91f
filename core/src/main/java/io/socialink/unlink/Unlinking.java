package io.socialink.unlink;

import io.socialink.Account;
import io.socialink.LinkState;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.UnlinkStep;
import io.socialink.error.NotFoundException;
import io.socialink.store.PlanJournal;

/**
 * Plans the complete undoing of links and the clean-up before an account is deleted, and executes
 * those plans. Get it from {@link io.socialink.Socialink#unlinking()}. Thread-safe.
 *
 * <pre>{@code
 * UnlinkPlan plan = socialink.unlinking().plan(userId, linkId);
 * System.out.println(plan.renderText());
 * UnlinkReport report = socialink.unlinking().execute(userId, plan);
 * // ... the user follows the manual steps, then:
 * for (UnlinkStep.ManualStep step : plan.manualSteps()) {
 *   socialink.unlinking().confirm(userId, plan, step.id());
 * }
 * report = socialink.unlinking().execute(userId, plan);   // verifies and forgets; report.isComplete()
 * }</pre>
 *
 * <h2>How a plan runs</h2>
 * Phases run in order ({@link UnlinkStep.Phase}); a phase starts only when every step of the earlier
 * phases is settled, so verification never runs before revocation is done and tokens are forgotten
 * only after verification. Each outcome is written to the {@link #journal()} before the next step
 * starts; executing the plan again resumes from the journal and never repeats a settled step.
 * <ul>
 *   <li>{@link UnlinkStep.RevokeGrant}: through the provider with a fresh grant (one refresh and one
 *       replay if the platform says the access token expired). A grant the platform already
 *       considers dead (revoked or expired token, unknown grant) is {@link StepStatus#ALREADY_DONE};
 *       a transient failure or a rate limit leaves the step {@link StepStatus#PENDING}, never done; a
 *       failure of the application's own credentials ({@link io.socialink.error.ErrorCategory#CONFIGURATION})
 *       fails the step and stops the plan.</li>
 *   <li>{@link UnlinkStep.ManualStep}: {@link StepStatus#AWAITING_USER} until
 *       {@link #confirm(String, UnlinkPlan, String)}.</li>
 *   <li>{@link UnlinkStep.ExportData}: an export the user makes by hand (the step says where), so it
 *       waits for confirmation like a manual step.</li>
 *   <li>{@link UnlinkStep.StopSync}: stops the link's synchronisation in this process, if one runs.</li>
 *   <li>{@link UnlinkStep.Verify}: reads the profile with the old token, without refreshing it; the
 *       step is done when the platform refuses it as revoked or expired, and fails with
 *       {@link io.socialink.error.ErrorCategory#CONFLICT} when the token still works.</li>
 *   <li>{@link UnlinkStep.ForgetGrant}: deletes the grant from the store.</li>
 * </ul>
 * When every step is settled the plan is complete and its links become {@link LinkState#UNLINKED};
 * before that they keep their state. Executions of one plan in one process run one at a time.
 */
public interface Unlinking {
  /**
   * Plans the complete undoing of a link. Planning again gives the same plan id and steps.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the plan
   * @throws NotFoundException if the owner has no such link
   */
  UnlinkPlan plan(String ownerId, String linkId);

  /**
   * Plans the clean-up of every link of an account before the user deletes it.
   *
   * @param ownerId the owner
   * @param account the account
   * @return the plan
   */
  UnlinkPlan planAccountDeletion(String ownerId, Account account);

  /**
   * The plan journal, where executed steps are recorded.
   *
   * @return the journal
   */
  PlanJournal journal();

  /**
   * Executes a plan as far as it can go now: every step that can run runs, until a step waits for
   * the user, waits for a retry, or fails. Equivalent to
   * {@code execute(ownerId, plan, ExecutionOptions.defaults())}.
   *
   * @param ownerId the owner
   * @param plan the plan, as {@link #plan(String, String)} or {@link #planAccountDeletion(String, Account)} made it
   * @return one outcome per step, in plan order
   */
  default UnlinkReport execute(String ownerId, UnlinkPlan plan) {
    return execute(ownerId, plan, ExecutionOptions.defaults());
  }

  /**
   * Executes a plan, or reports what it would do ({@link ExecutionOptions#dryRun()}).
   *
   * @param ownerId the owner
   * @param plan the plan
   * @param options how to run it
   * @return one outcome per step, in plan order
   */
  UnlinkReport execute(String ownerId, UnlinkPlan plan, ExecutionOptions options);

  /**
   * Records that the user did a manual step (or made the export an export step asks for). Confirming
   * a step twice changes nothing. The plan goes on at its next {@link #execute(String, UnlinkPlan)}.
   *
   * @param ownerId the owner
   * @param plan the plan
   * @param stepId the id of a {@link UnlinkStep.ManualStep} or {@link UnlinkStep.ExportData} of the plan
   * @return the plan's report after the confirmation
   * @throws io.socialink.error.NotFoundException if the plan has no such step
   * @throws io.socialink.error.InvalidRequestException if the step is one Socialink does itself
   */
  UnlinkReport confirm(String ownerId, UnlinkPlan plan, String stepId);

  /**
   * The plan's state from the journal, without running anything.
   *
   * @param ownerId the owner
   * @param plan the plan
   * @return one outcome per step, in plan order; steps never run are {@link StepStatus#NOT_STARTED}
   */
  UnlinkReport report(String ownerId, UnlinkPlan plan);

  /**
   * Unlinks many links, for example when an agency offboards a client or an application shuts down:
   * each link is planned and its plan executed as {@link #execute(String, UnlinkPlan)} does, at most
   * {@link BulkUnlinkOptions#concurrency()} at once, paced by each platform's rate limits. Returns at
   * once; follow it with {@link BulkUnlink#progress()} or the options' listener, stop it with
   * {@link BulkUnlink#cancel()}, and wait with {@link BulkUnlink#await()}. Calling it again with the
   * same links resumes: complete plans are not repeated.
   *
   * @param ownerId the owner
   * @param linkIds the links; duplicates are ignored
   * @param options concurrency and listener
   * @return the running bulk unlink
   */
  BulkUnlink unlinkAll(String ownerId, java.util.List<String> linkIds, BulkUnlinkOptions options);
}
