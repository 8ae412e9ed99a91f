package io.socialink.internal.resilience;

import java.util.function.LongSupplier;

/**
 * A declared limit counted in fixed windows: {@code limit} permits per {@code period}, windows
 * counted from the limit's creation on the injected clock, unused permits not carried over, and a
 * caller allowed to reserve a permit of a later window when it would not wait longer than the timeout
 * (the permits then go below zero and later callers wait behind it).
 *
 * <p>Every operation holds this window's monitor for a few arithmetic steps only; a caller that finds
 * it taken spins briefly instead of parking, which keeps many callers on one shared budget fast.
 * Thread-safe.
 */
final class FixedWindow {
  private final long limit;
  private final long periodNanos;
  private final long timeoutNanos;
  private final LongSupplier nanos;
  private final long origin;
  // Guarded by this:
  private long cycle;
  private long permits;

  /**
   * Creates a window with all its permits.
   *
   * @param limit permits per window, at least 1
   * @param periodNanos the window's length in nanoseconds, at least 1
   * @param timeoutNanos the longest wait a reservation may take on
   * @param nanos the clock, in nanoseconds
   */
  FixedWindow(long limit, long periodNanos, long timeoutNanos, LongSupplier nanos) {
    if (limit < 1 || periodNanos < 1 || timeoutNanos < 0) {
      throw new IllegalArgumentException("limit and period must be positive and the timeout not negative");
    }
    this.limit = limit;
    this.periodNanos = periodNanos;
    this.timeoutNanos = timeoutNanos;
    this.nanos = nanos;
    this.origin = nanos.getAsLong();
    this.permits = limit;
  }

  /**
   * Takes a permit now, or reserves one of a later window when the wait for it is within the
   * timeout.
   *
   * @return 0 when taken now, the nanoseconds to wait before sending when reserved, or -1 when the
   *     wait would pass the timeout and nothing was taken
   */
  long reserve() {
    return reserve(nanos.getAsLong());
  }

  /**
   * Takes a permit only if one is free now, without waiting: the common case of a call taking the
   * permits of several windows in one pass, each window's monitor entered once.
   *
   * @param now the clock's reading, in nanoseconds
   * @return whether a permit was taken
   */
  synchronized boolean tryTake(long now) {
    refresh(now);
    if (permits > 0) {
      permits--;
      return true;
    }
    return false;
  }

  /**
   * Gives back a permit {@link #tryTake(long)} took, when another window refused the same call; never
   * more than the limit, so a permit taken in a window that has since ended is simply dropped.
   *
   * @param now the clock's reading, in nanoseconds
   */
  synchronized void giveBack(long now) {
    refresh(now);
    if (permits < limit) {
      permits++;
    }
  }

  /**
   * {@link #reserve()} at an instant the caller has just read from this window's clock.
   *
   * @param now the clock's reading, in nanoseconds
   * @return as {@link #reserve()}
   */
  synchronized long reserve(long now) {
    refresh(now);
    if (permits > 0) {
      permits--;
      return 0;
    }
    long wait = waitFor(now);
    if (wait > timeoutNanos) {
      return -1;
    }
    permits--;
    return wait;
  }

  /**
   * How long a caller would wait for a permit now.
   *
   * @return nanoseconds, 0 when one is free
   */
  long nanosToWait() {
    return nanosToWait(nanos.getAsLong());
  }

  /**
   * {@link #nanosToWait()} at an instant the caller has just read from this window's clock.
   *
   * @param now the clock's reading, in nanoseconds
   * @return as {@link #nanosToWait()}
   */
  synchronized long nanosToWait(long now) {
    refresh(now);
    return permits > 0 ? 0 : waitFor(now);
  }

  /**
   * The permits left in the current window; below zero when later windows are already reserved.
   *
   * @return the permits
   */
  synchronized long available() {
    refresh(nanos.getAsLong());
    return permits;
  }

  /** Uses up what is left of the current window; reservations of later windows stay. */
  synchronized void drain() {
    refresh(nanos.getAsLong());
    permits = Math.min(permits, 0);
  }

  /** Moves to the current window, giving back a window's permits for each window begun, up to the limit. */
  private void refresh(long now) {
    long current = Math.max(0, now - origin) / periodNanos;
    if (current <= cycle) {
      return;
    }
    long begun = current - cycle;
    cycle = current;
    long missing = limit - permits; // > 0 when below the limit
    permits = begun >= (missing + limit - 1) / limit ? limit : permits + begun * limit;
  }

  /** The nanoseconds until the windows ahead have given back enough permits for one more. */
  private long waitFor(long now) {
    long deficit = 1 - permits; // permits <= 0
    long windows = (deficit + limit - 1) / limit;
    long intoWindow = Math.max(0, now - origin) % periodNanos;
    long wait = (periodNanos - intoWindow) + (windows - 1) * periodNanos;
    return wait < 0 ? Long.MAX_VALUE : wait;
  }
}
