package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationLogTest {
  @Test
  void keepsWhenEachTokenWasNamedAndWhenRequestsWereThrottled() {
    RevocationLog log = new RevocationLog();
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    log.received("a", t0);
    log.throttled(t0.plusSeconds(1));
    log.received("a", t0.plusSeconds(2));

    assertThat(log.of("a")).containsExactly(t0, t0.plusSeconds(2));
    assertThat(log.of("b")).isEmpty();
    assertThat(log.throttled()).containsExactly(t0.plusSeconds(1));
  }
}
