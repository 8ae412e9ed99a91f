package io.socialink.unlink;

import io.socialink.UnlinkReport;
import io.socialink.error.SocialinkException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running bulk unlink, from {@link Unlinking#unlinkAll(String, List, BulkUnlinkOptions)}. Each link
 * is planned and its plan executed as {@link Unlinking#execute(String, io.socialink.UnlinkPlan)} does,
 * with every outcome journalled, so running the same links again later resumes them: complete plans
 * are not repeated, and plans waiting for the user or for a retry go on. Thread-safe.
 */
public interface BulkUnlink {
  /**
   * Where it stands now.
   *
   * @return the progress
   */
  BulkProgress progress();

  /**
   * Stops starting new plans; plans already executing finish their current run. The links not
   * started stay {@code remaining} in the result.
   */
  void cancel();

  /**
   * Waits until every link is executed or the run was cancelled and the plans in flight finished.
   *
   * @return the result
   * @throws InterruptedException if interrupted while waiting
   */
  Result await() throws InterruptedException;

  /**
   * Waits at most a while.
   *
   * @param timeout how long to wait
   * @return true if the run is over
   * @throws InterruptedException if interrupted while waiting
   */
  boolean await(Duration timeout) throws InterruptedException;

  /**
   * What a bulk unlink did. Every link asked for is in exactly one of {@code reports}, {@code errors}
   * and {@code notStarted}.
   *
   * @param reports the report of each executed link's plan, by link id
   * @param errors the links that could not be planned or executed, by link id
   * @param notStarted the links a cancellation left out, in the order asked
   * @param progress the final progress
   */
  record Result(Map<String, UnlinkReport> reports, Map<String, SocialinkException> errors, List<String> notStarted,
      BulkProgress progress) {
    /** Validates and copies the components. */
    public Result {
      reports = Map.copyOf(Objects.requireNonNull(reports, "reports"));
      errors = Map.copyOf(Objects.requireNonNull(errors, "errors"));
      notStarted = List.copyOf(Objects.requireNonNull(notStarted, "notStarted"));
      Objects.requireNonNull(progress, "progress");
    }
  }
}
