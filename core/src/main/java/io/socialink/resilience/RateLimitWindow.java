package io.socialink.resilience;

/**
 * How a {@link RateLimitPolicy} counts its {@code limit} calls per {@code window}. Pick the way the
 * platform documents it counts; when in doubt, {@link #SLIDING} is the one that never sends more than
 * either kind of platform allows.
 */
public enum RateLimitWindow {
  /**
   * Windows that follow one another: {@code limit} permits, renewed all at once every {@code window}
   * from the moment the budget is first used. Cheap and quick to recover after a burst, but the
   * pipeline's windows need not line up with the platform's: across a boundary up to twice the limit
   * can go out within one window's time. Suits platforms that count in fixed windows and announce their
   * resets in every answer (the announced reset holds the budget when it is spent).
   */
  FIXED,

  /**
   * A window that slides: in every span of {@code window} (any start, the end excluded) at most
   * {@code limit} attempts go, counted from the instants the pipeline lets them go. Never more than a
   * platform with a sliding window allows, and never more than one with fixed windows allows, however
   * its windows are aligned. After a burst, a permit comes back {@code window} after the permit it
   * replaces was used, rather than at a boundary.
   */
  SLIDING
}
