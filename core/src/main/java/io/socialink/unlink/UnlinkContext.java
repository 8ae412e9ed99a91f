package io.socialink.unlink;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.UnlinkPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's {@link io.socialink.spi.UnlinkContributor} is asked about: the subject of the
 * plan, the platform being asked, the grants on that platform the plan must deal with, and the
 * link's other grants on that platform, which the plan must keep.
 *
 * @param subject what the plan undoes
 * @param platformId the platform whose part is wanted
 * @param link the link being undone, for a link plan; empty for an account deletion
 * @param grants the grants on this platform the plan releases: to revoke, verify and forget
 * @param exportFirst whether the caller asked for a data export before destructive steps
 * @param keptGrants the link's grants on this platform that other live links still use: never to be
 *     revoked, but usable for a {@link io.socialink.UnlinkStep.PlatformAction} (such as a business
 *     tool admin's grant)
 */
public record UnlinkContext(UnlinkPlan.Subject subject, String platformId, Optional<Link> link, List<Grant> grants,
    boolean exportFirst, List<Grant> keptGrants) {

  /** Validates and copies the components. */
  public UnlinkContext {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(link, "link");
    grants = List.copyOf(Objects.requireNonNull(grants, "grants"));
    keptGrants = List.copyOf(Objects.requireNonNull(keptGrants, "keptGrants"));
  }

  /**
   * A context without kept grants.
   *
   * @param subject what the plan undoes
   * @param platformId the platform whose part is wanted
   * @param link the link being undone, for a link plan; empty for an account deletion
   * @param grants the grants on this platform the plan releases
   * @param exportFirst whether the caller asked for a data export before destructive steps
   */
  public UnlinkContext(
      UnlinkPlan.Subject subject, String platformId, Optional<Link> link, List<Grant> grants, boolean exportFirst) {
    this(subject, platformId, link, grants, exportFirst, List.of());
  }

  /**
   * Every grant of the link on this platform: those released first, then those kept.
   *
   * @return the grants
   */
  public List<Grant> allGrants() {
    List<Grant> all = new java.util.ArrayList<>(grants);
    all.addAll(keptGrants);
    return List.copyOf(all);
  }

  /**
   * Makes a stable step id from parts, such as {@code revoke:x:grant-1}.
   *
   * @param parts the parts; none blank
   * @return the id
   */
  public String stepId(String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("a step id needs at least one part");
    }
    for (String p : parts) {
      if (Objects.requireNonNull(p, "part").isBlank()) {
        throw new IllegalArgumentException("step id parts must not be blank");
      }
    }
    return String.join(":", parts);
  }
}
