package io.socialink.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.error.ErrorCategory;
import io.socialink.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallEventListenerTest {
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void onEventDispatchesEachEventToItsMethod() {
    List<String> seen = new ArrayList<>();
    CallEventListener l = new CallEventListener() {
      @Override
      public void callStarted(CallStarted e) {
        seen.add("started");
      }

      @Override
      public void callFailed(CallFailed e) {
        seen.add("failed");
      }

      @Override
      public void circuitStateChanged(CircuitStateChanged e) {
        seen.add("circuit");
      }
    };
    l.onEvent(new CallStarted("x", "me", HttpMethod.GET, 1, AT));
    l.onEvent(new CallSucceeded("x", "me", 200, 1, Duration.ZERO, AT));
    l.onEvent(new CallFailed("x", "me", ErrorCategory.TRANSIENT, 503, 3, Duration.ofSeconds(1), AT));
    l.onEvent(new CircuitStateChanged("x", CircuitState.CLOSED, CircuitState.OPEN, Optional.of(AT), AT));
    assertThat(seen).containsExactly("started", "failed", "circuit");
  }

  @Test
  void compositeHandsEveryEventToEachListenerEvenWhenOneThrows() {
    List<CallEvent> seen = new ArrayList<>();
    CallEventListener throwing = new CallEventListener() {
      @Override
      public void onEvent(CallEvent event) {
        throw new IllegalStateException("boom");
      }
    };
    CallEventListener recording = new CallEventListener() {
      @Override
      public void onEvent(CallEvent event) {
        seen.add(event);
      }
    };
    CallEventListener both = CallEventListener.composite(List.of(throwing, recording));
    CallRetried retried = new CallRetried("x", "me", ErrorCategory.TRANSIENT, 2, Duration.ofMillis(100), AT);

    both.onEvent(retried);
    both.callThrottled(new CallThrottled("x", "me", Duration.ofSeconds(1), AT, false, AT));

    assertThat(seen).hasSize(2).first().isEqualTo(retried);
    assertThat(CallEventListener.composite(List.of())).isSameAs(CallEventListener.noop());
    assertThat(CallEventListener.composite(List.of(recording))).isSameAs(recording);
  }
}
