package io.socialink.crosspost;

import io.socialink.Link;

/**
 * Hears what a cross-post sync does. Every method does nothing by default; handlers must be fast and
 * must not throw (what they throw is dropped). Called on the sync's thread.
 */
public interface CrossPostListener {
  /**
   * An item was posted on the target, or found there already (after a crash, or a duplicate answer).
   *
   * @param entry the journal entry, {@link CrossPostEntry.State#POSTED}
   */
  default void posted(CrossPostEntry entry) {}

  /**
   * An item was not posted on purpose; the entry's reason says why.
   *
   * @param entry the journal entry, {@link CrossPostEntry.State#SKIPPED} or {@link CrossPostEntry.State#FAILED}
   */
  default void skipped(CrossPostEntry entry) {}

  /**
   * Something failed: an expired or revoked grant, a rate limit, rejected content, a platform outage.
   *
   * @param failure the classified error with a message for a person
   */
  default void failed(CrossPostFailure failure) {}

  /**
   * The link was marked {@link io.socialink.LinkState#BROKEN} (a grant was refused and cannot be made
   * fresh), or found {@link io.socialink.LinkState#REVOKED} (its grant's refresh was refused): its sync
   * stopped and will not run until the link is made active again.
   *
   * @param link the link as stored now
   * @param cause the failure that broke it
   */
  default void linkBroken(Link link, CrossPostFailure cause) {}

  /**
   * A listener that does nothing.
   *
   * @return the listener
   */
  static CrossPostListener noop() {
    return new CrossPostListener() {};
  }
}
