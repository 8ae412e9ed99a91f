package io.socialink.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.internal.emulator.RateWindows;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XBodiesTest {
  @Test
  void rateHeadersAnnounceTheLimitWhatRemainsAndTheResetInEpochSeconds() {
    RateWindows.Admission a = new RateWindows.Admission(true, 50, 49, Instant.parse("2026-03-01T10:15:00Z"));

    assertThat(XBodies.rateHeaders(Optional.of(a))).containsExactly(
        java.util.Map.entry("x-rate-limit-limit", "50"),
        java.util.Map.entry("x-rate-limit-remaining", "49"),
        java.util.Map.entry("x-rate-limit-reset", Long.toString(Instant.parse("2026-03-01T10:15:00Z").getEpochSecond())));
  }

  @Test
  void aGroupWithoutALimitHasNoRateHeaders() {
    assertThat(XBodies.rateHeaders(Optional.empty())).isEmpty();
  }
}
