package io.socialink.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FixedWindowTest {
  static final long SECOND = 1_000_000_000L;
  final AtomicLong now = new AtomicLong(5 * SECOND);

  @Test
  void givesTheLimitPerWindowWithoutCarryingUnusedPermitsOver() {
    FixedWindow w = new FixedWindow(3, 10 * SECOND, 0, now::get);
    assertThat(List.of(w.reserve(), w.reserve(), w.reserve())).containsOnly(0L);
    assertThat(w.reserve()).as("used up, no waiting allowed").isEqualTo(-1);
    assertThat(w.available()).isZero();
    assertThat(w.nanosToWait()).isEqualTo(10 * SECOND);

    now.addAndGet(4 * SECOND);
    assertThat(w.nanosToWait()).isEqualTo(6 * SECOND);
    now.addAndGet(6 * SECOND); // the next window begins
    assertThat(w.available()).isEqualTo(3);
    now.addAndGet(50 * SECOND); // five idle windows give no more than the limit
    assertThat(w.available()).isEqualTo(3);
  }

  @Test
  void takesOnlyAFreePermitAndGivesBackNoMoreThanTheLimit() {
    FixedWindow w = new FixedWindow(2, 10 * SECOND, 100 * SECOND, now::get);
    assertThat(w.tryTake(now.get())).isTrue();
    assertThat(w.tryTake(now.get())).isTrue();
    assertThat(w.tryTake(now.get())).as("none free; no reservation of a later window either").isFalse();
    assertThat(w.available()).isZero();

    w.giveBack(now.get());
    assertThat(w.available()).isEqualTo(1);
    assertThat(w.tryTake(now.get())).isTrue();

    now.addAndGet(10 * SECOND); // a new window: a permit of the old one is not given back on top
    w.giveBack(now.get());
    assertThat(w.available()).isEqualTo(2);

    assertThat(w.reserve()).isZero();
    assertThat(w.reserve()).isZero();
    assertThat(w.reserve()).as("a permit of the next window").isEqualTo(10 * SECOND);
    w.giveBack(now.get()); // gives back the reservation: the debt shrinks by one
    assertThat(w.available()).isZero();
  }

  @Test
  void reservesPermitsOfLaterWindowsWithinTheTimeout() {
    FixedWindow w = new FixedWindow(2, 10 * SECOND, 25 * SECOND, now::get);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      waits.add(w.reserve());
    }
    // two now, two in the next window (10 s), two in the one after (20 s), then over the timeout
    assertThat(waits).containsExactly(0L, 0L, 10 * SECOND, 10 * SECOND, 20 * SECOND, 20 * SECOND, -1L);
    assertThat(w.available()).isEqualTo(-4);
    now.addAndGet(10 * SECOND);
    assertThat(w.available()).isEqualTo(-2);
    now.addAndGet(20 * SECOND);
    assertThat(w.available()).isEqualTo(2);
  }

  @Test
  void drainingUsesUpTheWindowButKeepsReservations() {
    FixedWindow w = new FixedWindow(5, 10 * SECOND, SECOND * 100, now::get);
    w.reserve();
    w.drain();
    assertThat(w.available()).isZero();
    assertThat(w.reserve()).isEqualTo(10 * SECOND);
    w.drain();
    assertThat(w.available()).isEqualTo(-1);
  }

  @Test
  void manyThreadsNeverTakeMoreThanTheLimitOfAWindow() throws Exception {
    FixedWindow w = new FixedWindow(1_000, 60 * SECOND, 0, now::get);
    AtomicInteger taken = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          if (w.reserve() == 0) {
            taken.incrementAndGet();
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(taken).hasValue(1_000);
    assertThat(w.available()).isZero();
  }

  @Test
  void hugeLimitsAndLongIdleSpellsDoNotOverflow() {
    FixedWindow w = new FixedWindow(1_000_000_000L, SECOND, Long.MAX_VALUE, now::get);
    w.drain();
    now.addAndGet(Long.MAX_VALUE / 2);
    assertThat(w.available()).isEqualTo(1_000_000_000L);
  }
}
