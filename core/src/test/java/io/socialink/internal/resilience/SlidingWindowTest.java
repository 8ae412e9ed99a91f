package io.socialink.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two counts of a sliding window against a brute-force count of every span. */
class SlidingWindowTest {
  /** The most permits in any span [t, t + window) of a sorted list. */
  static int busiest(List<Long> sorted, long window) {
    int best = 0;
    int end = 0;
    for (int start = 0; start < sorted.size(); start++) {
      while (end < sorted.size() && sorted.get(end) < sorted.get(start) + window) {
        end++;
      }
      best = Math.max(best, end - start);
    }
    return best;
  }

  /** Whether one more permit at t keeps every span within the limit (brute force). */
  static boolean fits(List<Long> taken, long t, int limit, long window) {
    int inSpan = 0;
    for (long x : taken) {
      if (x > t - window && x <= t) {
        inSpan++;
      }
    }
    return inSpan < limit;
  }

  /** Drives a window with random arrivals, each taking the earliest permit; returns the instants. */
  static List<Long> drive(SlidingWindow w, long seed, int calls, int maxGapMillis) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> taken = new ArrayList<>();
    long now = 1_000_000;
    for (int i = 0; i < calls; i++) {
      now += random.nextInt(maxGapMillis + 1);
      long at = w.earliest(now);
      assertThat(at).isGreaterThanOrEqualTo(now);
      w.reserve(at, 1);
      taken.add(at);
      now = Math.max(now, at);
    }
    return taken;
  }

  @Test
  void theLogGivesExactlyTheEarliestPermitThatFits() {
    for (long seed = 0; seed < 20; seed++) {
      int limit = 1 + (int) (seed % 7) * 5;
      long window = 1_000 + seed * 37;
      SlidingWindow w = SlidingWindow.of(limit, Duration.ofMillis(window), 1);
      SplittableRandom random = new SplittableRandom(seed);
      List<Long> taken = new ArrayList<>();
      long now = 0;
      for (int i = 0; i < 400; i++) {
        now += random.nextInt(60);
        long at = w.earliest(now);
        assertThat(fits(taken, at, limit, window)).isTrue();
        if (at > now) {
          assertThat(fits(taken, at - 1, limit, window)).isFalse();
        }
        w.reserve(at, 1);
        taken.add(at);
        now = at;
      }
      assertThat(busiest(taken, window)).isEqualTo(limit);
    }
  }

  @Test
  void slotsNeverLetMoreThroughAndPaceAtLeastAsFastAsASlightlyLongerExactWindow() {
    int limit = 3_000;
    long window = 60_000;
    long longer = 129L * 469; // (SLOTS + 1) slots of ceil(60,000 / 128) ms
    assertThat(SlidingWindow.of(limit, Duration.ofMillis(window), 1)).isInstanceOf(SlidingWindow.Slots.class);
    for (long seed = 0; seed < 5; seed++) {
      List<Long> slots = drive(SlidingWindow.of(limit, Duration.ofMillis(window), 1), seed, 12_000, 30);
      List<Long> exact = drive(new SlidingWindow.Log(limit, window, 1), seed, 12_000, 30);
      List<Long> slower = drive(new SlidingWindow.Log(limit, longer, 1), seed, 12_000, 30);

      assertThat(busiest(slots, window)).isLessThanOrEqualTo(limit);
      for (int i = 0; i < slots.size(); i++) {
        assertThat(slots.get(i)).isGreaterThanOrEqualTo(exact.get(i)).isLessThanOrEqualTo(slower.get(i));
      }
    }
  }

  @Test
  void theLogGrowsOnlyAsPermitsAreTakenAndADrainUsesUpTheWindow() {
    SlidingWindow w = SlidingWindow.of(2_000, Duration.ofMinutes(1), 1);
    assertThat(w).isInstanceOf(SlidingWindow.Log.class);
    assertThat(w.idle(0)).isTrue();
    w.reserve(1_000, 1);
    assertThat(w.idle(60_999)).isFalse();
    assertThat(w.idle(61_000)).isTrue();

    w.drain(5_000);

    assertThat(w.earliest(5_000)).isEqualTo(65_000);
  }

  @Test
  void aClockThatStepsBackIsWaitedOut() {
    SlidingWindow w = SlidingWindow.of(10, Duration.ofSeconds(1), 1);
    w.reserve(5_000, 1);

    assertThat(w.earliest(4_000)).isEqualTo(5_000);
  }
}
