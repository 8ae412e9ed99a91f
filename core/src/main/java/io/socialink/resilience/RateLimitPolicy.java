package io.socialink.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A platform's documented rate limit: at most {@code limit} calls per {@code window} for one endpoint
 * group (or {@link #ALL_ENDPOINTS}), counted per application or per user. Providers declare their
 * defaults; applications may override any of them ({@link RateLimitSettings}).
 *
 * <p>The pipeline enforces a policy as a fixed window of {@code limit} permits renewed every
 * {@code window}, one permit per attempt; a platform's sliding window is therefore approximated, and
 * what the platform's own responses say ({@link RateLimitObservation}) takes precedence. Immutable and
 * thread-safe.
 *
 * @param endpointGroup the endpoint group, as in {@link io.socialink.http.ApiCall#endpointGroup()}, or {@code *}
 * @param scope whom the platform counts against
 * @param limit calls allowed per window; positive
 * @param window the window; positive
 */
public record RateLimitPolicy(String endpointGroup, RateLimitScope scope, int limit, Duration window) {
  /** The endpoint group that stands for every call of a platform. */
  public static final String ALL_ENDPOINTS = "*";

  /** Validates the components. */
  public RateLimitPolicy {
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    if (!EndpointGroups.valid(endpointGroup)) {
      throw new IllegalArgumentException("endpointGroup must be '*' or a lowercase endpoint group; got '"
          + endpointGroup + "'");
    }
    Objects.requireNonNull(scope, "scope");
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive; got " + limit);
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive; got " + window);
    }
  }

  /**
   * A limit per user.
   *
   * @param endpointGroup the group
   * @param limit calls per window
   * @param window the window
   * @return the policy
   */
  public static RateLimitPolicy perUser(String endpointGroup, int limit, Duration window) {
    return new RateLimitPolicy(endpointGroup, RateLimitScope.PER_USER, limit, window);
  }

  /**
   * A limit per application.
   *
   * @param endpointGroup the group
   * @param limit calls per window
   * @param window the window
   * @return the policy
   */
  public static RateLimitPolicy perApp(String endpointGroup, int limit, Duration window) {
    return new RateLimitPolicy(endpointGroup, RateLimitScope.PER_APP, limit, window);
  }

  /**
   * Answers whether the policy applies to calls of an endpoint group.
   *
   * @param group the call's endpoint group
   * @return true if it applies
   */
  public boolean appliesTo(String group) {
    return endpointGroup.equals(ALL_ENDPOINTS) || endpointGroup.equals(group);
  }
}
