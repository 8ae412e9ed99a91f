package io.socialink.crosspost;

import java.util.List;
import java.util.Objects;

/**
 * What a sync did: the items it posted (or found already posted), those it skipped, and its failures.
 * Immutable.
 *
 * @param linkId the link
 * @param posted entries posted, oldest first
 * @param skipped entries skipped or failed for good, with their reasons
 * @param failures the failures met
 * @param stopped whether the sync was stopped (by {@link CrossPostSync#stop()}, by
 *     {@link CrossPosting#stop}, or because the link is not active)
 */
public record SyncReport(String linkId, List<CrossPostEntry> posted, List<CrossPostEntry> skipped,
    List<CrossPostFailure> failures, boolean stopped) {
  /** Validates and copies the components. */
  public SyncReport {
    Objects.requireNonNull(linkId, "linkId");
    posted = List.copyOf(Objects.requireNonNull(posted, "posted"));
    skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
  }
}
