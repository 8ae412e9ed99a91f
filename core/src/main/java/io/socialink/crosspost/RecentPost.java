package io.socialink.crosspost;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post the target account made recently, as a {@link io.socialink.spi.CrossPostTarget} lists it to
 * find an item that was in flight when a sync stopped.
 *
 * @param id the target platform's id of the post
 * @param text the post's text as the platform returns it (X returns links in their wrapped form)
 * @param createdAt when it was made, when the platform says
 */
public record RecentPost(String id, String text, Optional<Instant> createdAt) {
  /** Validates the components. */
  public RecentPost {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
