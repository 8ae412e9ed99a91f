package io.socialink.resilience;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a response said about a rate limit: how many calls remain in a budget and when it resets.
 * Providers read these from headers or bodies (X {@code x-rate-limit-*}, Meta usage headers, TikTok
 * throttling answers); the pipeline holds further calls on that budget until the reset when none
 * remain. Immutable and thread-safe.
 *
 * @param endpointGroup the endpoint group the budget belongs to, or {@code *} for a budget shared by all calls
 * @param scope whose budget it is
 * @param limit the budget's size, when said
 * @param remaining calls left; 0 means hold until {@code resetAt}
 * @param resetAt when the budget resets
 */
public record RateLimitObservation(
    String endpointGroup, RateLimitScope scope, OptionalLong limit, long remaining, Instant resetAt) {
  /** Validates the components. */
  public RateLimitObservation {
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    if (!EndpointGroups.valid(endpointGroup)) {
      throw new IllegalArgumentException("endpointGroup must be '*' or a lowercase endpoint group; got '"
          + endpointGroup + "'");
    }
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(limit, "limit");
    if (remaining < 0) {
      throw new IllegalArgumentException("remaining must not be negative; got " + remaining);
    }
    Objects.requireNonNull(resetAt, "resetAt");
  }

  /**
   * A budget the platform says is spent until an instant: a throttling answer, or a reset time with
   * nothing left (TikTok's {@code rate_limit_exceeded}, TikTok Business code 40100, Meta's
   * {@code estimated_time_to_regain_access}).
   *
   * @param endpointGroup the endpoint group, or {@code *}
   * @param scope whose budget it is
   * @param resetAt when calls may go again
   * @return the observation
   */
  public static RateLimitObservation exhausted(String endpointGroup, RateLimitScope scope, Instant resetAt) {
    return new RateLimitObservation(endpointGroup, scope, OptionalLong.empty(), 0, resetAt);
  }

  /**
   * A budget reported as a percentage used (Meta's {@code X-App-Usage} and
   * {@code X-Business-Use-Case-Usage}): the budget counts as spent once {@code percentUsed} reaches
   * {@code holdAtPercent}, so that calls stop before the platform throttles. The observation's
   * {@link #limit()} is 100 and {@link #remaining()} the percentage points left before the hold.
   *
   * @param endpointGroup the endpoint group, or {@code *}
   * @param scope whose budget it is
   * @param percentUsed the highest percentage the platform reported, 0 or more
   * @param holdAtPercent the percentage at which to stop calling, 1 to 100
   * @param resetAt when the usage is expected to fall again
   * @return the observation
   */
  public static RateLimitObservation ofUsage(
      String endpointGroup, RateLimitScope scope, int percentUsed, int holdAtPercent, Instant resetAt) {
    if (percentUsed < 0) {
      throw new IllegalArgumentException("percentUsed must not be negative; got " + percentUsed);
    }
    if (holdAtPercent < 1 || holdAtPercent > 100) {
      throw new IllegalArgumentException("holdAtPercent must be between 1 and 100; got " + holdAtPercent);
    }
    return new RateLimitObservation(endpointGroup, scope, OptionalLong.of(100),
        Math.max(0, holdAtPercent - percentUsed), resetAt);
  }

  /**
   * Answers whether the budget is spent.
   *
   * @return true if no call remains
   */
  public boolean exhausted() {
    return remaining == 0;
  }
}
