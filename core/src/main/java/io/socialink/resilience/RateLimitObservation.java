package io.socialink.resilience;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a response said about a rate limit: how many calls remain in a budget and when it resets.
 * Providers read these from headers or bodies (X {@code x-rate-limit-*}, Meta usage headers, TikTok
 * throttling answers); the pipeline holds further calls on that budget until the reset when none
 * remain.
 *
 * @param endpointGroup the endpoint group the budget belongs to, or {@code *} for a budget shared by all calls
 * @param scope whose budget it is
 * @param limit the budget's size, when said
 * @param remaining calls left; 0 means hold until {@code resetAt}
 * @param resetAt when the budget resets
 */
public record RateLimitObservation(
    String endpointGroup, RateLimitScope scope, OptionalLong limit, long remaining, Instant resetAt) {
  private static final Pattern GROUP = Pattern.compile("\\*|[a-z0-9][a-z0-9._/-]{0,63}");

  /** Validates the components. */
  public RateLimitObservation {
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    if (!GROUP.matcher(endpointGroup).matches()) {
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
   * Answers whether the budget is spent.
   *
   * @return true if no call remains
   */
  public boolean exhausted() {
    return remaining == 0;
  }
}
