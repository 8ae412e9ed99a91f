package io.socialink.crosspost;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a source account's content, as a {@link io.socialink.spi.CrossPostSource} lists it.
 * Immutable.
 *
 * @param id the source platform's id of the item
 * @param timestamp when it was published
 * @param type what kind of content it is
 * @param caption its caption; empty when the source gives none (Instagram Login may not)
 * @param permalink its public address, the link back of a caption
 * @param media its media files in order; empty when the source gives none (Instagram leaves out the
 *     file of copyrighted media)
 */
public record SourceItem(String id, Instant timestamp, ContentType type, Optional<String> caption,
    Optional<URI> permalink, List<SourceMedia> media) {
  /** Validates and copies the components. */
  public SourceItem {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(permalink, "permalink");
    media = List.copyOf(Objects.requireNonNull(media, "media"));
  }
}
