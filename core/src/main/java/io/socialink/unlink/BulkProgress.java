package io.socialink.unlink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a bulk unlink stands. Every link is counted in exactly one of {@code complete},
 * {@code awaitingUser}, {@code failed}, {@code pending} and {@code remaining}.
 *
 * @param total the links asked for
 * @param complete links whose plan is complete (they are {@link io.socialink.LinkState#UNLINKED})
 * @param awaitingUser links whose plan waits for the user to do and confirm manual steps
 * @param failed links whose plan has a failed step, or that could not be planned (unknown link)
 * @param pending links whose plan has a step to try again later (a transient failure or a rate limit)
 * @param remaining links not executed yet, including those a cancellation left out
 * @param plansPerSecond plans executed per second so far
 * @param eta the time left at that rate, when there is a rate to go by
 */
public record BulkProgress(int total, int complete, int awaitingUser, int failed, int pending, int remaining,
    double plansPerSecond, Optional<Duration> eta) {

  /** Validates the counts. */
  public BulkProgress {
    Objects.requireNonNull(eta, "eta");
    if (total < 0 || complete < 0 || awaitingUser < 0 || failed < 0 || pending < 0 || remaining < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (complete + awaitingUser + failed + pending + remaining != total) {
      throw new IllegalArgumentException("the counts must add up to the total " + total);
    }
  }

  /**
   * The links executed so far, whatever their outcome.
   *
   * @return total minus remaining
   */
  public int executed() {
    return total - remaining;
  }

  /**
   * One line for a person, such as {@code 120/500 done, 3 waiting for the user, 1 failed, 0 to retry,
   * 376 left, 41.2 plans/s, about 9 s left}.
   *
   * @return the line
   */
  public String describe() {
    return complete + "/" + total + " done, " + awaitingUser + " waiting for the user, " + failed + " failed, "
        + pending + " to retry, " + remaining + " left, " + String.format(java.util.Locale.ROOT, "%.1f", plansPerSecond)
        + " plans/s" + eta.map(d -> ", about " + d.toSeconds() + " s left").orElse("");
  }
}
