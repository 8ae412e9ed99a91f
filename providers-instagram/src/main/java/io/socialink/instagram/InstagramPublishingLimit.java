package io.socialink.instagram;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The account's publishing quota as {@code content_publishing_limit} reports it now. Meta's own pages
 * state 100, 50 and 25 posts a day, so the quota is always read, never assumed.
 *
 * @param quotaUsage the posts published through the API in the current window
 * @param quotaTotal the posts allowed in the window, when sent
 * @param quotaDuration the window, when sent
 */
public record InstagramPublishingLimit(long quotaUsage, OptionalLong quotaTotal, Optional<Duration> quotaDuration) {
  /** Validates the components. */
  public InstagramPublishingLimit {
    if (quotaUsage < 0) {
      throw new IllegalArgumentException("quotaUsage must not be negative; got " + quotaUsage);
    }
    java.util.Objects.requireNonNull(quotaTotal, "quotaTotal");
    java.util.Objects.requireNonNull(quotaDuration, "quotaDuration");
  }

  /**
   * Answers whether one more post fits in the quota.
   *
   * @return true when the total is unknown or not reached
   */
  public boolean allowsOneMore() {
    return quotaTotal.isEmpty() || quotaUsage < quotaTotal.getAsLong();
  }
}
