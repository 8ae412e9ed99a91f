package io.socialink.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform's circuit breaker changed state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformId the platform
 * @param from the previous state
 * @param to the new state
 * @param retryAt when an open breaker lets trial calls through; empty unless {@code to} is {@link CircuitState#OPEN}
 * @param at when
 */
public record CircuitStateChanged(
    String platformId, CircuitState from, CircuitState to, Optional<Instant> retryAt, Instant at)
    implements CallEvent {
  /** Validates the components. */
  public CircuitStateChanged {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(retryAt, "retryAt");
    Objects.requireNonNull(at, "at");
  }
}
