package io.socialink.event;

/** The state of a platform's circuit breaker. */
public enum CircuitState {
  /** Calls flow; outcomes are counted. */
  CLOSED,
  /** Calls fail at once until the wait in open state has passed. */
  OPEN,
  /** A few trial calls decide whether the breaker closes or opens again. */
  HALF_OPEN
}
