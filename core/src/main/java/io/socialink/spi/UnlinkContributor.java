package io.socialink.spi;

import io.socialink.UnlinkStep;
import io.socialink.unlink.UnlinkContext;
import java.util.List;

/**
 * A provider's part of an unlink plan: the API revocations, manual steps (with exact in-app paths),
 * verification probes and optional exports for its platform. Core adds what is not platform-specific
 * (stopping sync, forgetting local grants) and orders everything. Thread-safe.
 */
@FunctionalInterface
public interface UnlinkContributor {
  /**
   * Contributes the platform's steps.
   *
   * @param context the link or account being unlinked, and the platform's grants involved
   * @return the steps; ids made with {@link UnlinkContext#stepId(String...)} so they are stable
   */
  List<UnlinkStep> contribute(UnlinkContext context);
}
