package io.socialink.crosspost;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal's record of one source item of one cross-post link: written {@link State#IN_FLIGHT}
 * before the target is asked to post, and {@link State#POSTED} with the target's post id after, so
 * that a crash between the two is noticed and the item is looked up on the target instead of being
 * posted again. Immutable.
 *
 * @param ownerId the link's owner
 * @param linkId the link
 * @param sourceItemId the source item
 * @param sourceTimestamp when the source item was published
 * @param state where the item is
 * @param targetPostId the target's post id, once known
 * @param text the text sent (or to be sent) to the target, used to find the post after a crash
 * @param reason why the item was skipped or failed, for a person; empty otherwise
 * @param updatedAt when the record was written
 */
public record CrossPostEntry(String ownerId, String linkId, String sourceItemId, Instant sourceTimestamp,
    State state, Optional<String> targetPostId, String text, Optional<String> reason, Instant updatedAt) {

  /** Where a source item is. */
  public enum State {
    /** About to be posted, or being posted: the outcome is not known yet. */
    IN_FLIGHT,
    /** Not posted: the target refused the attempt before processing it (a rate limit, a grant); to be tried again. */
    PENDING,
    /** Posted on the target (or found there): never posted again. */
    POSTED,
    /** Not posted on purpose (rules, what the target takes, an outcome that cannot be checked). */
    SKIPPED,
    /** Refused by the target for good (rejected content); not tried again. */
    FAILED
  }

  /** Validates the components. */
  public CrossPostEntry {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(sourceItemId, "sourceItemId");
    Objects.requireNonNull(sourceTimestamp, "sourceTimestamp");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(targetPostId, "targetPostId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Answers whether the item is done with: posted, skipped or failed for good.
   *
   * @return true unless in flight or pending
   */
  public boolean settled() {
    return state != State.IN_FLIGHT && state != State.PENDING;
  }

  /**
   * A copy in another state.
   *
   * @param next the state
   * @param postId the target's post id, if known
   * @param why the reason, if any
   * @param at when
   * @return the copy
   */
  public CrossPostEntry moveTo(State next, Optional<String> postId, Optional<String> why, Instant at) {
    return new CrossPostEntry(ownerId, linkId, sourceItemId, sourceTimestamp, next, postId, text, why, at);
  }
}
