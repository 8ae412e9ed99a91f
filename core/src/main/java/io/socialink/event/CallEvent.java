package io.socialink.event;

import java.time.Instant;

/**
 * Something the call pipeline did. Events are immutable values and hold no secret: no URI, header or
 * body, only the platform, the endpoint group and outcomes.
 */
public sealed interface CallEvent
    permits CallStarted, CallSucceeded, CallFailed, CallRetried, CallThrottled, CircuitStateChanged {
  /**
   * The platform's id.
   *
   * @return the platform id
   */
  String platformId();

  /**
   * When it happened, by the pipeline's clock.
   *
   * @return the instant
   */
  Instant at();
}
