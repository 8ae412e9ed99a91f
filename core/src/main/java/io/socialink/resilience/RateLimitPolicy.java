package io.socialink.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A platform's documented rate limit: at most {@code limit} calls per {@code window} for one endpoint
 * group (or {@link #ALL_ENDPOINTS}), counted per application or per user. Providers declare their
 * defaults; applications may override any of them ({@link RateLimitSettings}).
 *
 * <p>Every attempt (a retry included) takes one permit. How permits come back depends on
 * {@link #windowKind()}:
 *
 * <ul>
 *   <li>{@link RateLimitWindow#SLIDING}: in every span of {@code window}, whatever its start (the end
 *       excluded), at most {@code limit} attempts go. This holds for the instants the pipeline lets
 *       attempts go (the network may shift when they arrive). For a platform that counts in a sliding
 *       window, such as TikTok, this is the guarantee of never exceeding it; it also never exceeds a
 *       platform's fixed windows, however they are aligned. Up to {@value #EXACT_SLIDING_LIMIT} calls
 *       per window the pipeline keeps the instants of the last {@code limit} permits (8 bytes each,
 *       kept only once used); above that it counts permits in 128 slots of {@code window / 128}, never
 *       letting more through and at worst pacing as if the window were 1/128 longer (60.5 s for a
 *       minute). A call waits until every sliding limit it falls under has room; none is reserved
 *       ahead of time, so a user held by their own limit does not hold back other users.</li>
 *   <li>{@link RateLimitWindow#FIXED} (the default of the factories and the four-component
 *       constructor): {@code limit} permits renewed every {@code window} from the budget's first use.
 *       The pipeline's windows need not line up with the platform's, so across a boundary up to twice
 *       the limit may go out within one window; the platform's announced resets
 *       ({@link RateLimitObservation}) then hold the budget.</li>
 * </ul>
 *
 * <p>What the platform's own responses say ({@link RateLimitObservation}) applies in either case: a
 * declared limit is a ceiling on sending, and a platform's hold ends at the reset it announces.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * RateLimitPolicy perMinute = RateLimitPolicy.perApp("user.info", 600, Duration.ofMinutes(1)).sliding();
 * }</pre>
 *
 * @param endpointGroup the endpoint group, as in {@link io.socialink.http.ApiCall#endpointGroup()}, or {@code *}
 * @param scope whom the platform counts against
 * @param limit calls allowed per window; positive
 * @param window the window; positive, and at least a millisecond for a sliding window
 * @param windowKind how the window counts
 */
public record RateLimitPolicy(String endpointGroup, RateLimitScope scope, int limit, Duration window,
    RateLimitWindow windowKind) {
  /** The endpoint group that stands for every call of a platform. */
  public static final String ALL_ENDPOINTS = "*";

  /** Up to this limit, a sliding window keeps the instant of every permit; above it, counts per slot. */
  public static final int EXACT_SLIDING_LIMIT = 2048;

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
    Objects.requireNonNull(windowKind, "windowKind");
    if (windowKind == RateLimitWindow.SLIDING && window.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("a sliding window must be at least 1 ms; got " + window);
    }
  }

  /**
   * A policy with a {@link RateLimitWindow#FIXED} window.
   *
   * @param endpointGroup the endpoint group, or {@code *}
   * @param scope whom the platform counts against
   * @param limit calls allowed per window; positive
   * @param window the window; positive
   */
  public RateLimitPolicy(String endpointGroup, RateLimitScope scope, int limit, Duration window) {
    this(endpointGroup, scope, limit, window, RateLimitWindow.FIXED);
  }

  /**
   * This policy with a {@link RateLimitWindow#SLIDING} window: never more than {@code limit} attempts
   * in any span of {@code window}.
   *
   * @return the policy
   */
  public RateLimitPolicy sliding() {
    return new RateLimitPolicy(endpointGroup, scope, limit, window, RateLimitWindow.SLIDING);
  }

  /**
   * This policy with a {@link RateLimitWindow#FIXED} window.
   *
   * @return the policy
   */
  public RateLimitPolicy fixed() {
    return new RateLimitPolicy(endpointGroup, scope, limit, window, RateLimitWindow.FIXED);
  }

  /**
   * A limit per user, with a {@link RateLimitWindow#FIXED} window ({@link #sliding()} for a sliding one).
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
   * A limit per application, with a {@link RateLimitWindow#FIXED} window ({@link #sliding()} for a sliding
   * one).
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
