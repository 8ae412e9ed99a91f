package io.socialink.store;

/**
 * The outcome of {@link GrantStore#claim}: whether the caller now holds a grant's refresh claim, and
 * whether it took over a claim that another holder never released.
 */
public enum RefreshClaim {
  /** The caller holds the claim: there was none, it renewed its own, or the previous one was released. */
  CLAIMED,
  /**
   * The caller holds the claim, taken over from another holder whose claim lapsed without being
   * released: that holder stopped during a refresh (a crash, a lost connection), possibly after the
   * platform answered and before the answer was stored.
   */
  TAKEN_OVER,
  /** Another holder's claim is still valid; the caller does not hold it. */
  HELD_ELSEWHERE;

  /**
   * Answers whether the caller holds the claim.
   *
   * @return true for {@link #CLAIMED} and {@link #TAKEN_OVER}
   */
  public boolean held() {
    return this != HELD_ELSEWHERE;
  }
}
