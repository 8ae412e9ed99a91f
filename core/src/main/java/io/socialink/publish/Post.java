package io.socialink.publish;

import java.util.List;
import java.util.Objects;

/**
 * Content to publish: text and media. What a platform accepts (length, how many media, which types)
 * is checked by its provider, which says what is wrong.
 *
 * @param text the text or caption; may be empty when there is media
 * @param media the media to attach, in order
 */
public record Post(String text, List<MediaContent> media) {
  /** Validates and copies the components. */
  public Post {
    Objects.requireNonNull(text, "text");
    media = List.copyOf(Objects.requireNonNull(media, "media"));
    if (text.isBlank() && media.isEmpty()) {
      throw new IllegalArgumentException("a post needs text or media");
    }
  }

  /**
   * A text-only post.
   *
   * @param text the text
   * @return the post
   */
  public static Post text(String text) {
    return new Post(text, List.of());
  }
}
