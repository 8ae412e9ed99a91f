package io.socialink.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socialink.error.ErrorCategory;
import io.socialink.event.CallFailed;
import io.socialink.event.CallRetried;
import io.socialink.event.CallStarted;
import io.socialink.event.CallSucceeded;
import io.socialink.event.CallThrottled;
import io.socialink.event.CircuitState;
import io.socialink.event.CircuitStateChanged;
import io.socialink.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerCallEventListenerTest {
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MicrometerCallEventListener listener = MicrometerCallEventListener.of(registry);

  @Test
  void recordsCallsAttemptsRetriesAndThrottles() {
    listener.onEvent(new CallStarted("x", "users.me", HttpMethod.GET, 1, AT));
    listener.onEvent(new CallStarted("x", "users.me", HttpMethod.GET, 2, AT));
    listener.onEvent(new CallRetried("x", "users.me", ErrorCategory.TRANSIENT, 2, Duration.ofMillis(200), AT));
    listener.onEvent(new CallSucceeded("x", "users.me", 200, 2, Duration.ofMillis(250), AT));
    listener.onEvent(new CallFailed("x", "users.me", ErrorCategory.RATE_LIMITED, 429, 1, Duration.ofMillis(5), AT));
    listener.onEvent(new CallThrottled("x", "users.me", Duration.ofSeconds(60), AT.plusSeconds(60), false, AT));
    listener.onEvent(new CallThrottled("x", "users.me", Duration.ofSeconds(900), AT.plusSeconds(900), true, AT));

    assertThat(registry.get(MicrometerCallEventListener.ATTEMPTS).tag("platform", "x").counter().count()).isEqualTo(2);
    assertThat(registry.get(MicrometerCallEventListener.RETRIES).tag("category", "transient").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(MicrometerCallEventListener.CALLS).tag("outcome", "success").timer()
        .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
    assertThat(registry.get(MicrometerCallEventListener.CALLS).tag("outcome", "failure")
        .tag("category", "rate_limited").timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerCallEventListener.THROTTLED).tag("outcome", "waited").timer()
        .totalTime(TimeUnit.SECONDS)).isEqualTo(60);
    assertThat(registry.get(MicrometerCallEventListener.THROTTLED).tag("outcome", "failed_fast").timer().count())
        .isEqualTo(1);
  }

  @Test
  void tracksTheCircuitStatePerPlatform() {
    listener.onEvent(new CircuitStateChanged("tiktok", CircuitState.CLOSED, CircuitState.OPEN,
        Optional.of(AT.plusSeconds(30)), AT));
    assertThat(registry.get(MicrometerCallEventListener.CIRCUIT_STATE).tag("platform", "tiktok").gauge().value())
        .isEqualTo(2);

    listener.onEvent(new CircuitStateChanged("tiktok", CircuitState.OPEN, CircuitState.HALF_OPEN, Optional.empty(), AT));
    listener.onEvent(new CircuitStateChanged("tiktok", CircuitState.HALF_OPEN, CircuitState.CLOSED, Optional.empty(), AT));

    assertThat(registry.get(MicrometerCallEventListener.CIRCUIT_STATE).tag("platform", "tiktok").gauge().value())
        .isZero();
    assertThat(registry.get(MicrometerCallEventListener.CIRCUIT_TRANSITIONS).tag("to", "open").counter().count())
        .isEqualTo(1);
    assertThat(registry.find(MicrometerCallEventListener.CIRCUIT_TRANSITIONS).counters()).hasSize(3);
  }
}
