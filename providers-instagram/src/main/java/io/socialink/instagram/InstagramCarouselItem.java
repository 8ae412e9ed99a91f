package io.socialink.instagram;

import java.net.URI;
import java.util.Objects;

/**
 * One item of a carousel: an image (JPEG) or a video at a public https address, which Instagram
 * fetches itself.
 *
 * @param url the public address
 * @param video true for a video, false for an image
 */
public record InstagramCarouselItem(URI url, boolean video) {
  /** Validates the components. */
  public InstagramCarouselItem {
    Objects.requireNonNull(url, "url");
    if (!url.isAbsolute()) {
      throw new IllegalArgumentException("url must be absolute; got " + url);
    }
  }

  /**
   * An image item.
   *
   * @param url the image's public address
   * @return the item
   */
  public static InstagramCarouselItem image(URI url) {
    return new InstagramCarouselItem(url, false);
  }

  /**
   * A video item.
   *
   * @param url the video's public address
   * @return the item
   */
  public static InstagramCarouselItem video(URI url) {
    return new InstagramCarouselItem(url, true);
  }
}
