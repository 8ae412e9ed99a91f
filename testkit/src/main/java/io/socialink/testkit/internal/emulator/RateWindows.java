package io.socialink.testkit.internal.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rate limits by endpoint group and caller key, counted on the emulator's clock in one of two ways:
 * {@link Kind#FIXED} windows that open with the first call and end at the whole second their length
 * reaches, rounded up (X announces resets in whole epoch seconds, so a call at the announced reset is
 * in a new window), or {@link Kind#SLIDING} windows that count the calls of the last window length
 * (TikTok's one-minute sliding window). Synchronized on the instance.
 */
public final class RateWindows {
  /** How calls are counted. */
  public enum Kind {
    /** Fixed windows that reset at a whole second. */
    FIXED,
    /** A window sliding with the clock. */
    SLIDING
  }

  /**
   * A group's limit.
   *
   * @param limit calls per window
   * @param window the window's length
   */
  public record Limit(int limit, Duration window) {}

  /**
   * The verdict on one call.
   *
   * @param admitted whether the call may go on
   * @param limit the limit
   * @param remaining calls left in the window after this one
   * @param reset when a call is admitted again (fixed: the window's end; sliding: when the oldest
   *     counted call leaves the window)
   */
  public record Admission(boolean admitted, int limit, int remaining, Instant reset) {}

  private static final class Window {
    Instant end = Instant.MIN;
    int used;
    final Deque<Instant> calls = new ArrayDeque<>();
  }

  private final Kind kind;
  private final Map<String, Limit> limits = new HashMap<>();
  private final Map<String, Window> windows = new HashMap<>();
  private final java.util.Set<String> aligned = new java.util.HashSet<>();

  /**
   * Creates the limits.
   *
   * @param kind how calls are counted
   */
  public RateWindows(Kind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Sets a group's limit, forgetting the calls counted so far in it.
   *
   * @param group the group
   * @param limit calls per window
   * @param window the window
   */
  public synchronized void limit(String group, int limit, Duration window) {
    limits.put(group, new Limit(limit, window));
    aligned.remove(group);
    windows.keySet().removeIf(k -> k.startsWith(group + "|"));
  }

  /**
   * Sets a group's limit in fixed windows aligned on the epoch: a window of one second runs from one
   * whole second to the next, whenever its first call comes, so the reset it announces is the next
   * whole multiple of the window. For short windows, where rounding a window's end up to a whole
   * second would stretch it; only meaningful with {@link Kind#FIXED}. Forgets the calls counted so far.
   *
   * @param group the group
   * @param limit calls per window
   * @param window the window, a whole number of milliseconds
   */
  public synchronized void limitAligned(String group, int limit, Duration window) {
    limit(group, limit, window);
    aligned.add(group);
  }

  /**
   * Counts a call, if the window has room.
   *
   * @param group the endpoint group
   * @param key whose budget (a user, an app)
   * @param now the clock's instant
   * @return the verdict, or empty when the group has no limit
   */
  public synchronized Optional<Admission> admit(String group, String key, Instant now) {
    Limit limit = limits.get(group);
    if (limit == null) {
      return Optional.empty();
    }
    Window w = windows.computeIfAbsent(group + "|" + key, k -> new Window());
    if (kind == Kind.FIXED) {
      if (!now.isBefore(w.end)) {
        w.end = aligned.contains(group) ? alignedEnd(now, limit.window())
            : wholeSecondAtOrAfter(now.plus(limit.window()));
        w.used = 0;
      }
      if (w.used >= limit.limit()) {
        return Optional.of(new Admission(false, limit.limit(), 0, w.end));
      }
      w.used++;
      return Optional.of(new Admission(true, limit.limit(), limit.limit() - w.used, w.end));
    }
    while (!w.calls.isEmpty() && !now.isBefore(w.calls.peekFirst().plus(limit.window()))) {
      w.calls.removeFirst();
    }
    if (w.calls.size() >= limit.limit()) {
      return Optional.of(new Admission(false, limit.limit(), 0, w.calls.peekFirst().plus(limit.window())));
    }
    w.calls.addLast(now);
    return Optional.of(new Admission(true, limit.limit(), limit.limit() - w.calls.size(),
        w.calls.peekFirst().plus(limit.window())));
  }

  /** The end of the epoch-aligned window holding {@code now}. */
  private static Instant alignedEnd(Instant now, Duration window) {
    long millis = Math.max(1, window.toMillis());
    long at = now.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(at, millis) * millis + millis);
  }

  /**
   * The whole second at or after an instant.
   *
   * @param t the instant
   * @return {@code t} if it is a whole second, else the next whole second
   */
  public static Instant wholeSecondAtOrAfter(Instant t) {
    return t.getNano() == 0 ? t : Instant.ofEpochSecond(t.getEpochSecond() + 1);
  }
}
