package io.socialink.spi;

import io.socialink.UnlinkStep;
import io.socialink.unlink.UnlinkContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /**
   * A contributor whose steps are this one's followed by another's, as a provider adds its own
   * steps to {@link PlatformProvider}'s default ones:
   *
   * <pre>{@code
   * return PlatformProvider.super.unlinkContributor().andThen(context -> List.of(...));
   * }</pre>
   *
   * @param next the contributor whose steps come after
   * @return the combined contributor
   */
  default UnlinkContributor andThen(UnlinkContributor next) {
    Objects.requireNonNull(next, "next");
    return context -> {
      List<UnlinkStep> steps = new ArrayList<>(contribute(context));
      steps.addAll(next.contribute(context));
      return List.copyOf(steps);
    };
  }
}
