package io.socialink.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A call succeeded, possibly after retries.
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformId the platform
 * @param endpointGroup the call's endpoint group
 * @param httpStatus the final response's status
 * @param attempts how many attempts were made, at least 1
 * @param duration the time from the first attempt to the result, waits included
 * @param at when
 */
public record CallSucceeded(
    String platformId, String endpointGroup, int httpStatus, int attempts, Duration duration, Instant at)
    implements CallEvent {
  /** Validates the components. */
  public CallSucceeded {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1; got " + attempts);
    }
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(at, "at");
  }
}
