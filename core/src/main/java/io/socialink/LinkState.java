package io.socialink;

/** The lifecycle state of a {@link Link}. */
public enum LinkState {
  /** Working. */
  ACTIVE,
  /** Stopped on purpose; can be resumed. */
  PAUSED,
  /** A failure that needs attention, such as an expired grant that cannot be refreshed. */
  BROKEN,
  /** The user or the platform removed access; re-linking is needed. */
  REVOKED,
  /** Fully unlinked by an executed unlink plan. Final. */
  UNLINKED;

  /**
   * Answers whether a link may move from this state to {@code next}.
   *
   * @param next the wanted state
   * @return true if allowed
   */
  public boolean canMoveTo(LinkState next) {
    return this != UNLINKED || next == UNLINKED;
  }
}
