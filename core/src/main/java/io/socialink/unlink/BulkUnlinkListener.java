package io.socialink.unlink;

import io.socialink.UnlinkReport;
import io.socialink.error.SocialinkException;

/**
 * Hears a bulk unlink as it goes. Called from the bulk unlink's worker threads, one call at a time
 * (never concurrently), so an implementation needs no locking of its own; it should return quickly.
 * An exception it throws is logged and ignored.
 */
public interface BulkUnlinkListener {
  /** A listener that hears nothing. */
  BulkUnlinkListener NONE = new BulkUnlinkListener() {};

  /**
   * A link's plan was executed.
   *
   * @param linkId the link
   * @param report the plan's report
   * @param progress the progress after it
   */
  default void executed(String linkId, UnlinkReport report, BulkProgress progress) {}

  /**
   * A link could not be planned or executed at all (for example, no such link).
   *
   * @param linkId the link
   * @param error the classified error
   * @param progress the progress after it
   */
  default void failed(String linkId, SocialinkException error, BulkProgress progress) {}
}
