package io.socialink.event;

import io.socialink.http.HttpMethod;
import java.time.Instant;
import java.util.Objects;

/**
 * An attempt of a call is about to go through the circuit breaker and rate limiter to the platform.
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformId the platform
 * @param endpointGroup the call's endpoint group
 * @param method the HTTP method
 * @param attempt the attempt number, 1 for the first
 * @param at when
 */
public record CallStarted(String platformId, String endpointGroup, HttpMethod method, int attempt, Instant at)
    implements CallEvent {
  /** Validates the components. */
  public CallStarted {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(method, "method");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1; got " + attempt);
    }
    Objects.requireNonNull(at, "at");
  }
}
