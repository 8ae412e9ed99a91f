package io.socialink.crosspost;

import java.time.Duration;

/**
 * One running cross-post sync of a link, from {@link CrossPosting#sync}. Polls the source
 * newest-first down to the last item it handled, posts what is new oldest first, and can be stopped
 * from any thread. Thread-safe: one pass of a link runs at a time among the syncs of one
 * {@link io.socialink.Socialink}; instances sharing stores must not sync one link at the same time.
 */
public interface CrossPostSync {
  /**
   * The link.
   *
   * @return the link id
   */
  String linkId();

  /**
   * Runs one pass: reads the source, posts the new items that pass the rules, records each in the
   * journal. Does nothing once stopped or when the link is not active.
   *
   * @return what this pass did
   */
  SyncReport runOnce();

  /**
   * Runs passes until stopped or until the link stops being active (broken, revoked, paused,
   * unlinked), waiting {@code interval} between them through the Socialink's
   * {@link io.socialink.spi.Sleeper}, and longer when a platform asked to wait (a rate limit's reset).
   *
   * @param interval the wait between passes; positive
   * @return what all passes did
   */
  SyncReport run(Duration interval);

  /**
   * Stops the sync: a pass running on another thread finishes the item it is handling (journalled as
   * usual) and starts no other; no pass starts afterwards, and {@link #run} returns.
   *
   * @return what the sync posted, skipped and met since it was made
   */
  SyncReport stop();

  /**
   * Answers whether the sync was stopped.
   *
   * @return true once {@link #stop()} or {@link CrossPosting#stop} was called
   */
  boolean isStopped();
}
