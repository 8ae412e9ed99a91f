package io.socialink.crosspost;

import java.net.URI;
import java.util.Objects;

/**
 * One media file of a {@link SourceItem}: where to fetch it and what it is.
 *
 * @param url the file's absolute address (a CDN address for Instagram; it may expire)
 * @param mimeType the MIME type the source reports or implies, e.g. {@code image/jpeg} or {@code video/mp4}
 */
public record SourceMedia(URI url, String mimeType) {
  /** Validates the components. */
  public SourceMedia {
    Objects.requireNonNull(url, "url");
    if (!url.isAbsolute()) {
      throw new IllegalArgumentException("url must be absolute; got " + url);
    }
    Objects.requireNonNull(mimeType, "mimeType");
    if (!mimeType.matches("[a-z]+/[a-zA-Z0-9.+-]+")) {
      throw new IllegalArgumentException("mimeType must look like type/subtype; got '" + mimeType + "'");
    }
  }

  /**
   * Answers whether this is a video.
   *
   * @return true for {@code video/*}
   */
  public boolean isVideo() {
    return mimeType.startsWith("video/");
  }
}
