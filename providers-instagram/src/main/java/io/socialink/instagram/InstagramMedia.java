package io.socialink.instagram;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One media object of {@code GET /me/media}. Members Instagram leaves out stay empty: the caption
 * (Meta's reference marks it as a Facebook Login field, though {@code graph.instagram.com} is widely
 * asked for it), {@code media_url} of copyrighted media, {@code permalink} of album children.
 *
 * @param id the media id, exactly as sent
 * @param caption the caption
 * @param mediaType {@code IMAGE}, {@code VIDEO} or {@code CAROUSEL_ALBUM}, as sent
 * @param mediaProductType {@code FEED}, {@code REELS} or {@code STORY}, as sent
 * @param mediaUrl the media file
 * @param thumbnailUrl the thumbnail of a video
 * @param permalink the public address
 * @param timestamp when it was published
 * @param username the owner's handle
 */
public record InstagramMedia(
    String id,
    Optional<String> caption,
    Optional<String> mediaType,
    Optional<String> mediaProductType,
    Optional<URI> mediaUrl,
    Optional<URI> thumbnailUrl,
    Optional<URI> permalink,
    Optional<Instant> timestamp,
    Optional<String> username) {

  /** Validates the components. */
  public InstagramMedia {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(mediaProductType, "mediaProductType");
    Objects.requireNonNull(mediaUrl, "mediaUrl");
    Objects.requireNonNull(thumbnailUrl, "thumbnailUrl");
    Objects.requireNonNull(permalink, "permalink");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(username, "username");
  }
}
