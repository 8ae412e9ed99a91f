package io.socialink.internal.resilience;

import io.socialink.resilience.RateLimitPolicy;
import java.time.Duration;

/**
 * The permits of one declared sliding-window limit: at most {@code limit} permits in every span of
 * {@code window} milliseconds (start included, end excluded), times in epoch milliseconds of the
 * injected clock.
 *
 * <p>Permits are taken in order: each at or after the one before (a clock that steps back is waited
 * out), which is what the proof of the limit relies on. Two implementations: {@link Log} keeps the
 * instants of the last {@code limit} permits and is exact; {@link Slots}, for limits above
 * {@link RateLimitPolicy#EXACT_SLIDING_LIMIT}, counts permits in {@value Slots#SLOTS} slots of
 * {@code ceil(window / SLOTS)} milliseconds, so that memory stays bounded: it never gives a permit
 * the exact log would refuse, and gives one whenever an exact log of the slightly longer window
 * {@code (SLOTS + 1) * ceil(window / SLOTS)} would (60.501 s for a minute).
 *
 * <p>Not thread-safe: callers hold this object's monitor around every call, and take the monitors of
 * several windows in the order of {@link #order}, so that a call's permits on all of its windows are
 * taken at one instant.
 */
abstract class SlidingWindow {
  final int limit;
  final long windowMillis;
  /** Where this window comes in the order monitors are taken. */
  final long order;
  /** The latest permit taken, or {@link Long#MIN_VALUE}. */
  long last = Long.MIN_VALUE;

  private SlidingWindow(int limit, long windowMillis, long order) {
    this.limit = limit;
    this.windowMillis = windowMillis;
    this.order = order;
  }

  /**
   * A window for a limit, exact up to {@link RateLimitPolicy#EXACT_SLIDING_LIMIT}.
   *
   * @param limit the permits per window
   * @param window the window
   * @param order where the window comes in the order monitors are taken
   * @return the window
   */
  static SlidingWindow of(int limit, Duration window, long order) {
    long millis;
    try {
      millis = Math.min(window.toMillis(), Long.MAX_VALUE / 4);
    } catch (ArithmeticException tooLong) {
      millis = Long.MAX_VALUE / 4;
    }
    millis = Math.max(1, millis);
    return limit <= RateLimitPolicy.EXACT_SLIDING_LIMIT ? new Log(limit, millis, order)
        : new Slots(limit, millis, order);
  }

  /**
   * The earliest instant, at or after {@code now} and the latest permit, at which one more permit keeps
   * every span of the window within the limit. Changes nothing.
   *
   * @param now the clock's time
   * @return the instant
   */
  abstract long earliest(long now);

  /**
   * Takes {@code permits} permits at an instant no earlier than {@link #earliest(long)} returned for
   * one permit (a drain takes them all).
   *
   * @param at the instant
   * @param permits how many
   */
  abstract void reserve(long at, int permits);

  /**
   * Uses up every permit at the later of {@code now} and the latest permit, so that the next one comes a
   * window later.
   *
   * @param now the clock's time
   */
  final void drain(long now) {
    reserve(Math.max(now, last), limit);
  }

  /**
   * Whether no permit was taken within the last window, so that forgetting the window cannot let a
   * span exceed the limit.
   *
   * @param now the clock's time
   * @return true if idle
   */
  final boolean idle(long now) {
    return last == Long.MIN_VALUE || last + windowMillis <= now;
  }

  /** The exact log: a ring of the last {@code limit} permits' instants, grown as permits are used. */
  static final class Log extends SlidingWindow {
    private long[] at;
    private int head;
    private int size;

    Log(int limit, long windowMillis, long order) {
      super(limit, windowMillis, order);
      this.at = new long[Math.min(limit, 8)];
    }

    @Override
    long earliest(long now) {
      long t = Math.max(now, last);
      // The permit to come and the last limit - 1 ones make limit permits; they fit in a window when
      // the oldest of the last limit is at least a window before it.
      return size < limit ? t : Math.max(t, at[head] + windowMillis);
    }

    @Override
    void reserve(long t, int permits) {
      for (int i = 0; i < permits; i++) {
        if (size < limit) {
          if (size == at.length) {
            grow();
          }
          at[(head + size) % at.length] = t;
          size++;
        } else {
          at[head] = t; // size == limit == at.length: overwrite the oldest
          head = (head + 1) % at.length;
        }
      }
      last = t;
    }

    private void grow() {
      long[] bigger = new long[(int) Math.min(limit, 2L * at.length)];
      for (int i = 0; i < size; i++) {
        bigger[i] = at[(head + i) % at.length];
      }
      at = bigger;
      head = 0;
    }
  }

  /**
   * Counts per slot. A permit in slot {@code j} goes only while the slots {@code j - SLOTS} to
   * {@code j} (which cover the window before any instant of slot {@code j}, since
   * {@code SLOTS * slotMillis >= window}) hold fewer than {@code limit} permits; so every span of the
   * window holds at most {@code limit}. At most {@code SLOTS + 1} slots are kept.
   */
  static final class Slots extends SlidingWindow {
    static final int SLOTS = 128;
    private final long slotMillis;
    private final long[] slot = new long[SLOTS + 1];
    private final long[] count = new long[SLOTS + 1];
    private int head;
    private int size;
    /** The permits of the kept slots, which hold those of every span that still counts. */
    private long total;

    Slots(int limit, long windowMillis, long order) {
      super(limit, windowMillis, order);
      this.slotMillis = Math.max(1, (windowMillis + SLOTS - 1) / SLOTS);
    }

    @Override
    long earliest(long now) {
      long t = Math.max(now, last);
      if (total < limit) {
        return t; // the usual case: even all kept slots together leave room
      }
      long first = Math.floorDiv(t, slotMillis) - SLOTS;
      long sum = 0;
      for (int i = 0; i < size; i++) {
        int b = (head + i) % slot.length;
        if (slot[b] >= first) {
          sum += count[b];
        }
      }
      if (sum < limit) {
        return t;
      }
      // Let the oldest slots leave the span, one by one, until a permit fits.
      for (int i = 0; i < size; i++) {
        int b = (head + i) % slot.length;
        if (slot[b] < first) {
          continue;
        }
        sum -= count[b];
        if (sum < limit) {
          return Math.max(t, (slot[b] + SLOTS + 1) * slotMillis);
        }
      }
      throw new IllegalStateException("unreachable: an empty span holds no permit");
    }

    @Override
    void reserve(long t, int permits) {
      long s = Math.floorDiv(t, slotMillis);
      int newest = (head + size - 1 + slot.length) % slot.length;
      if (size > 0 && slot[newest] == s) {
        count[newest] += permits;
      } else {
        while (size > 0 && slot[head] < s - SLOTS) {
          total -= count[head];
          head = (head + 1) % slot.length;
          size--;
        }
        int b = (head + size) % slot.length;
        slot[b] = s;
        count[b] = permits;
        size++;
      }
      total += permits;
      last = t;
    }
  }
}
