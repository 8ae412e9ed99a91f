package io.socialink.unlink;

import io.socialink.Account;
import io.socialink.UnlinkPlan;
import io.socialink.error.NotFoundException;
import io.socialink.store.PlanJournal;

/**
 * Plans the complete undoing of links, and the clean-up before an account is deleted. Get it from
 * {@link io.socialink.Socialink#unlinking()}. Thread-safe.
 *
 * <pre>{@code
 * UnlinkPlan plan = socialink.unlinking().plan(userId, linkId);
 * System.out.println(plan.renderText());
 * }</pre>
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
}
