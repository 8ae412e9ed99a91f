package io.socialink.event;

import io.socialink.error.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An attempt failed retryably and the call will be tried again after a delay.
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformId the platform
 * @param endpointGroup the call's endpoint group
 * @param category the failed attempt's category
 * @param nextAttempt the number of the coming attempt, at least 2
 * @param delay the wait before it
 * @param at when the retry was scheduled
 */
public record CallRetried(
    String platformId, String endpointGroup, ErrorCategory category, int nextAttempt, Duration delay, Instant at)
    implements CallEvent {
  /** Validates the components. */
  public CallRetried {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(category, "category");
    if (nextAttempt < 2) {
      throw new IllegalArgumentException("nextAttempt must be at least 2; got " + nextAttempt);
    }
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(at, "at");
  }
}
