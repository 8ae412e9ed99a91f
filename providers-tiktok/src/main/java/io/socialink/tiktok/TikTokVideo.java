package io.socialink.tiktok;

import java.util.Objects;
import java.util.Optional;

/**
 * One of the user's public videos, as {@code POST /v2/video/list/} returns it with the fields
 * {@code id,title,cover_image_url}.
 *
 * @param id the video id
 * @param title the title, when it has one
 * @param coverImageUrl the cover image address (TikTok signs it and it expires)
 */
public record TikTokVideo(String id, Optional<String> title, Optional<String> coverImageUrl) {
  /** Validates the components. */
  public TikTokVideo {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(coverImageUrl, "coverImageUrl");
  }
}
