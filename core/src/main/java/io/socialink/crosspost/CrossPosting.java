package io.socialink.crosspost;

import io.socialink.Link;
import io.socialink.error.ConfigurationException;
import io.socialink.error.NotFoundException;
import java.util.List;

/**
 * Cross-posting between linked accounts. Get it from {@link io.socialink.Socialink#crossPosting()}.
 * Thread-safe.
 *
 * <p>A link is made from two grants the owner holds: the source's (its client must be a
 * {@link io.socialink.spi.CrossPostSource}, such as Instagram's) and the target's (a
 * {@link io.socialink.spi.CrossPostTarget}, such as X's or TikTok's). A sync then polls the source
 * newest-first down to the last item it handled, remembering that item's id and timestamp rather than
 * paging cursors; the first run copies no history unless {@link CrossPostRules#backfill()} asks.
 * Calls go through each platform's pipeline, so a sync runs at the pace the rate limits allow.
 *
 * <p><b>Triggers.</b> Polling is the trigger: Instagram offers no webhook for new media (its webhook
 * fields are comments, mentions, messages and story insights), and TikTok's and X's webhooks do not
 * announce a source account's new posts either. An application that learns of new content another
 * way calls {@link #syncNow} at once.
 *
 * <p><b>At most once.</b> Each item is journalled before and after it is posted; an item still
 * {@link CrossPostEntry.State#IN_FLIGHT} at the next pass (a crash, a timeout) is looked up among the
 * target's recent posts and recorded as posted when found, and is only posted again when the target
 * can list its posts and the post is not there. A duplicate-content answer
 * ({@link io.socialink.error.ErrorCategory#DUPLICATE}) counts as posted.
 *
 * <p><b>Failures.</b> Failures go to the {@link CrossPostListener}. A grant that is revoked (or can
 * no longer be made fresh) stops the sync and marks the link {@link io.socialink.LinkState#BROKEN}
 * (a link whose grant's refresh was refused is already {@link io.socialink.LinkState#REVOKED});
 * rejected content is recorded as failed and not tried again; a rate limit or an outage leaves the
 * item to the next pass and never marks anything revoked.
 *
 * <pre>{@code
 * Link link = socialink.crossPosting().link(userId, instagramGrantId, xGrantId, CrossPostRules.ofDefaults());
 * CrossPostSync sync = socialink.crossPosting().sync(userId, link.id(), listener);
 * executor.submit(() -> sync.run(Duration.ofMinutes(5)));
 * ...
 * SyncReport report = socialink.crossPosting().stop(userId, link.id());   // step one of unlinking
 * }</pre>
 */
public interface CrossPosting {
  /**
   * Makes a {@link io.socialink.LinkKind#CROSS_POST} link from the source grant's account to the
   * target grant's account, and stores its rules.
   *
   * @param ownerId the owner
   * @param sourceGrantId the grant to read the source with
   * @param targetGrantId the grant to post on the target with
   * @param rules what to copy and how
   * @return the stored link, active
   * @throws NotFoundException if the owner has no such grant
   * @throws ConfigurationException if the source's platform cannot be read for cross-posting or the
   *     target's cannot be posted to
   */
  Link link(String ownerId, String sourceGrantId, String targetGrantId, CrossPostRules rules);

  /**
   * A cross-post link's rules.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the rules
   * @throws NotFoundException if the owner has no such cross-post link
   */
  CrossPostRules rules(String ownerId, String linkId);

  /**
   * Replaces a cross-post link's rules; the next pass uses them.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param rules the rules
   * @throws NotFoundException if the owner has no such cross-post link
   */
  void changeRules(String ownerId, String linkId, CrossPostRules rules);

  /**
   * Makes a sync of a link; it runs when asked ({@link CrossPostSync#runOnce()},
   * {@link CrossPostSync#run}).
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param listener hears what the sync does
   * @return the sync
   * @throws NotFoundException if the owner has no such cross-post link
   */
  CrossPostSync sync(String ownerId, String linkId, CrossPostListener listener);

  /**
   * Runs one pass of a link's sync now, for an application that learns of new content by itself.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param listener hears what the pass does
   * @return what the pass did
   * @throws NotFoundException if the owner has no such cross-post link
   */
  SyncReport syncNow(String ownerId, String linkId, CrossPostListener listener);

  /**
   * Stops every sync of a link made by this instance (see {@link CrossPostSync#stop()}), and reports
   * everything the link has posted according to the journal: the {@code StopSync} step of unlinking.
   * Safe to call again, and when nothing runs. Cross-posted content stays on the target: stopping
   * deletes nothing.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the link's posted and skipped items; {@link SyncReport#stopped()} is true
   * @throws NotFoundException if the owner has no such cross-post link
   */
  SyncReport stop(String ownerId, String linkId);

  /**
   * The journal of a link, for audit: every source item it handled.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the entries, oldest source item first
   * @throws NotFoundException if the owner has no such cross-post link
   */
  List<CrossPostEntry> journal(String ownerId, String linkId);
}
