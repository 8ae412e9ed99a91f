package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void countsMayBeZeroButNotNegative() {
    assertThat(Checks.count(0)).isZero();
    assertThatThrownBy(() -> Checks.count(-1)).hasMessage("count must not be negative; got -1");
  }

  @Test
  void positiveNamesTheParameter() {
    assertThat(Checks.positive("perSecond", 3)).isEqualTo(3);
    assertThatThrownBy(() -> Checks.positive("perSecond", 0)).hasMessage("perSecond must be positive; got 0");
  }

  @Test
  void aRateLimitNeedsAPositiveLimitAndWindow() {
    Checks.rateLimit("users.me", 1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> Checks.rateLimit("users.me", 0, Duration.ofSeconds(1)))
        .hasMessage("limit and window must be positive");
    assertThatThrownBy(() -> Checks.rateLimit("users.me", 1, Duration.ZERO))
        .hasMessage("limit and window must be positive");
    assertThatThrownBy(() -> Checks.rateLimit(null, 1, Duration.ofSeconds(1))).hasMessage("endpointGroup");
  }
}
