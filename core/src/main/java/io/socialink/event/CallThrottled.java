package io.socialink.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rate limiter held an attempt: a declared limit had no permit left, or a platform said a budget
 * was spent. Either the attempt waits ({@code failedFast} false) or, when the wait is longer than the
 * pipeline's maximum, the call fails at once with {@link io.socialink.error.ErrorCategory#RATE_LIMITED}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformId the platform
 * @param endpointGroup the call's endpoint group
 * @param delay how long the attempt waits, or would have had to wait
 * @param until when it may go
 * @param failedFast true when the call failed instead of waiting
 * @param at when
 */
public record CallThrottled(
    String platformId, String endpointGroup, Duration delay, Instant until, boolean failedFast, Instant at)
    implements CallEvent {
  /** Validates the components. */
  public CallThrottled {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(at, "at");
  }
}
