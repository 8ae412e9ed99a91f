package io.socialink.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A media file to upload: its MIME type, size and a way to read it. The content is read when it is
 * uploaded, in chunks where the platform uploads in chunks, so a large video is never held in memory
 * whole.
 *
 * @param mimeType the MIME type, e.g. {@code image/jpeg} or {@code video/mp4}
 * @param sizeBytes the size in bytes; positive
 * @param source opens a fresh stream over the content each time it is called
 */
public record MediaContent(String mimeType, long sizeBytes, Source source) {

  /** Validates the components. */
  public MediaContent {
    Objects.requireNonNull(mimeType, "mimeType");
    if (!mimeType.matches("[a-z]+/[a-zA-Z0-9.+-]+")) {
      throw new IllegalArgumentException("mimeType must look like type/subtype; got '" + mimeType + "'");
    }
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("sizeBytes must be positive; got " + sizeBytes);
    }
    Objects.requireNonNull(source, "source");
  }

  /**
   * Media held in memory.
   *
   * @param mimeType the MIME type
   * @param bytes the content (copied)
   * @return the media
   */
  public static MediaContent ofBytes(String mimeType, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new MediaContent(mimeType, copy.length, () -> new java.io.ByteArrayInputStream(copy));
  }

  /**
   * Media in a file.
   *
   * @param mimeType the MIME type
   * @param file the file
   * @return the media
   * @throws UncheckedIOException if the file's size cannot be read
   */
  public static MediaContent ofFile(String mimeType, Path file) {
    try {
      return new MediaContent(mimeType, Files.size(file), () -> Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
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

  /** Opens the content. */
  @FunctionalInterface
  public interface Source {
    /**
     * Opens a new stream over the whole content.
     *
     * @return the stream; the caller closes it
     * @throws IOException if it cannot be opened
     */
    InputStream open() throws IOException;
  }
}
