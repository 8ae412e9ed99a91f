package io.socialink.internal.crosspost;

import io.socialink.crosspost.SourceMedia;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Transport;
import io.socialink.publish.MediaContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Copies a source item's media files to temporary files through the Socialink's transport, so that a
 * target can upload them in chunks without holding a video in memory. Thread-safe.
 */
public final class MediaFetcher {
  private final Transport transport;

  /**
   * Creates the fetcher.
   *
   * @param transport the transport
   */
  public MediaFetcher(Transport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  /**
   * Fetches media files; the caller closes the result to delete them.
   *
   * @param platformId the source platform, for errors
   * @param media the files
   * @return the fetched files
   * @throws SocialinkException {@link ErrorCategory#NOT_FOUND} when the source answers 4xx (an expired
   *     or removed file), {@link ErrorCategory#TRANSIENT} on a 5xx or a network failure
   */
  public Fetched fetch(String platformId, List<SourceMedia> media) {
    Fetched out = new Fetched();
    try {
      for (SourceMedia m : media) {
        out.add(fetchOne(platformId, m, out));
      }
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private MediaContent fetchOne(String platformId, SourceMedia m, Fetched out) {
    Path file;
    try {
      file = Files.createTempFile("socialink-crosspost-", ".media");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for a cross-post's media", e);
    }
    out.files.add(file);
    String where = describe(m.url());
    ApiResponse response;
    try {
      response = transport.send(ApiRequest.newBuilder(HttpMethod.GET, m.url()).streamBodyTo(file).build());
    } catch (IOException e) {
      throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, platformId, 0,
          "could not fetch the media file " + where + ": " + e.getClass().getSimpleName()), null, 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, platformId, 0,
          "interrupted while fetching the media file " + where), null, 1);
    }
    if (!response.isSuccessful()) {
      ErrorCategory category = response.status() >= 500 || response.status() == 429
          ? ErrorCategory.TRANSIENT : ErrorCategory.NOT_FOUND;
      throw SocialinkException.of(Classification.of(category, platformId, response.status(),
          "the media file " + where + " answered HTTP " + response.status()), null, 1);
    }
    try {
      if (Files.size(file) == 0 && response.bodyLength() > 0) { // a transport that does not stream
        Files.write(file, response.body());
      }
      long size = Files.size(file);
      if (size == 0) {
        throw SocialinkException.of(Classification.of(ErrorCategory.NOT_FOUND, platformId, response.status(),
            "the media file " + where + " is empty"), null, 1);
      }
      String type = response.headers().first("content-type").orElse("").toLowerCase(Locale.ROOT);
      int semi = type.indexOf(';');
      type = (semi >= 0 ? type.substring(0, semi) : type).strip();
      String mime = type.startsWith("image/") || type.startsWith("video/") ? type : m.mimeType();
      return new MediaContent(mime, size, () -> Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the temporary copy of " + where, e);
    }
  }

  /** Scheme, host and path: a CDN's signed query is left out of messages. */
  static String describe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Fetched media in temporary files, deleted on {@link #close()}. */
  public static final class Fetched implements AutoCloseable {
    private final List<MediaContent> media = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    private void add(MediaContent content) {
      media.add(content);
    }

    /**
     * The media, in the source's order.
     *
     * @return the media
     */
    public List<MediaContent> media() {
      return List.copyOf(media);
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
      for (Path f : files) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          f.toFile().deleteOnExit();
        }
      }
    }
  }
}
