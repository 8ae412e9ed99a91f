package io.socialink.event;

import io.socialink.error.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A call failed for good: the caller gets a {@link io.socialink.error.SocialinkException} of this
 * category.
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformId the platform
 * @param endpointGroup the call's endpoint group
 * @param category the failure's category
 * @param httpStatus the last response's status, or 0 when none came
 * @param attempts how many attempts were made, at least 1
 * @param duration the time from the first attempt to the failure, waits included
 * @param at when
 */
public record CallFailed(
    String platformId, String endpointGroup, ErrorCategory category, int httpStatus, int attempts,
    Duration duration, Instant at) implements CallEvent {
  /** Validates the components. */
  public CallFailed {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(category, "category");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1; got " + attempts);
    }
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(at, "at");
  }
}
