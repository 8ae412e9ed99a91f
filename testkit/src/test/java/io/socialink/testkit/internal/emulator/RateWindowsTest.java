package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowsTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.250Z");

  @Test
  void aGroupWithoutALimitIsNotCounted() {
    assertThat(new RateWindows(RateWindows.Kind.SLIDING).admit("g", "k", T0)).isEmpty();
  }

  @Test
  void fixedWindowsEndAtTheWholeSecondAndResetThere() {
    RateWindows w = new RateWindows(RateWindows.Kind.FIXED);
    w.limit("g", 2, Duration.ofMinutes(1));
    Instant end = Instant.parse("2026-03-01T10:01:01Z");

    assertThat(w.admit("g", "k", T0).orElseThrow()).isEqualTo(new RateWindows.Admission(true, 2, 1, end));
    assertThat(w.admit("g", "k", T0.plusSeconds(50)).orElseThrow().remaining()).isZero();
    assertThat(w.admit("g", "k", end.minusMillis(1)).orElseThrow().admitted()).isFalse();
    assertThat(w.admit("g", "other", T0).orElseThrow().admitted()).isTrue();
    assertThat(w.admit("g", "k", end).orElseThrow()).isEqualTo(new RateWindows.Admission(true, 2, 1,
        Instant.parse("2026-03-01T10:02:01Z")));
  }

  @Test
  void aSlidingWindowCountsTheCallsOfTheLastWindowLength() {
    RateWindows w = new RateWindows(RateWindows.Kind.SLIDING);
    w.limit("g", 2, Duration.ofMinutes(1));

    assertThat(w.admit("g", "k", T0).orElseThrow().admitted()).isTrue();
    assertThat(w.admit("g", "k", T0.plusSeconds(30)).orElseThrow().admitted()).isTrue();
    RateWindows.Admission refused = w.admit("g", "k", T0.plusSeconds(59)).orElseThrow();
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.reset()).isEqualTo(T0.plusSeconds(60));
    // The first call leaves the window at T0+60s; the second stays until T0+90s.
    assertThat(w.admit("g", "k", T0.plusSeconds(60)).orElseThrow().admitted()).isTrue();
    assertThat(w.admit("g", "k", T0.plusSeconds(89)).orElseThrow().admitted()).isFalse();
    assertThat(w.admit("g", "k", T0.plusSeconds(90)).orElseThrow().admitted()).isTrue();
  }

  @Test
  void changingALimitForgetsTheGroupsCounts() {
    RateWindows w = new RateWindows(RateWindows.Kind.SLIDING);
    w.limit("g", 1, Duration.ofMinutes(1));
    w.admit("g", "k", T0);
    assertThat(w.admit("g", "k", T0).orElseThrow().admitted()).isFalse();

    w.limit("g", 1, Duration.ofMinutes(1));

    assertThat(w.admit("g", "k", T0).orElseThrow().admitted()).isTrue();
  }
}
