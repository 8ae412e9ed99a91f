package io.socialink.x.internal;

import io.socialink.spi.Sleeper;
import io.socialink.Grant;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.http.SafeText;
import io.socialink.publish.MediaContent;
import io.socialink.resilience.RetryTimes;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Uploads media through X's v2 endpoints: images in one {@code POST /2/media/upload}; GIFs and videos
 * with the dedicated chunked endpoints ({@code initialize}, {@code {id}/append} per chunk read from the
 * source, {@code {id}/finalize}) and then status polls that wait {@code check_after_secs} through the
 * injected sleeper. Every upload request is non-idempotent. Thread-safe.
 */
public final class MediaUploader {
  /** Largest image X takes (5 MB). */
  public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
  /** Largest GIF X takes (15 MB). */
  public static final long MAX_GIF_BYTES = 15L * 1024 * 1024;
  /** Largest video X takes (512 MB). */
  public static final long MAX_VIDEO_BYTES = 512L * 1024 * 1024;
  /** X numbers append segments 0 to 999. */
  public static final int MAX_SEGMENTS = 1000;

  private final XEndpoints endpoints;
  private final XCalls calls;
  private final JsonCodec json;
  private final int chunkBytes;
  private final Sleeper sleeper;
  private final Duration maxProcessingWait;

  /**
   * Creates the uploader.
   *
   * @param endpoints where X is
   * @param calls the sender
   * @param json the codec
   * @param chunkBytes bytes per append
   * @param sleeper waits between status polls
   * @param maxProcessingWait the longest total wait for processing before giving up
   */
  public MediaUploader(XEndpoints endpoints, XCalls calls, JsonCodec json, int chunkBytes, Sleeper sleeper,
      Duration maxProcessingWait) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.json = Objects.requireNonNull(json, "json");
    this.chunkBytes = chunkBytes;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.maxProcessingWait = Objects.requireNonNull(maxProcessingWait, "maxProcessingWait");
  }

  /**
   * Uploads one media file.
   *
   * @param grant the grant (needs {@code media.write})
   * @param media the media
   * @return X's media id, ready to attach to a post
   */
  public String upload(Grant grant, MediaContent media) {
    String mime = media.mimeType();
    if (mime.equals("image/gif")) {
      checkSize(media, MAX_GIF_BYTES, "GIF");
      return chunked(grant, media, "tweet_gif");
    }
    if (mime.startsWith("image/")) {
      checkSize(media, MAX_IMAGE_BYTES, "image");
      return oneShot(grant, media);
    }
    if (media.isVideo()) {
      checkSize(media, MAX_VIDEO_BYTES, "video");
      return chunked(grant, media, "tweet_video");
    }
    throw invalid("X takes images, GIFs and videos; got " + mime);
  }

  private String oneShot(Grant grant, MediaContent media) {
    byte[] bytes;
    try (InputStream in = media.source().open()) {
      bytes = in.readNBytes((int) media.sizeBytes() + 1);
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (bytes.length != media.sizeBytes()) {
      throw invalid("the media source gave " + bytes.length + " bytes but its size says " + media.sizeBytes());
    }
    Multipart body = new Multipart()
        .field("media_category", "tweet_image")
        .file("media", "media", media.mimeType(), bytes, bytes.length);
    ApiRequest request = XCalls.bearer(HttpMethod.POST, endpoints.mediaUploadUri(), grant)
        .body(body.contentType(), body.body()).build();
    ApiResponse response = calls.send(XCalls.MEDIA_UPLOAD, request, Idempotency.NON_IDEMPOTENT, XCalls.userKey(grant));
    return awaitProcessing(grant, data(response, "a media upload response"), response.status());
  }

  private String chunked(Grant grant, MediaContent media, String category) {
    long segments = (media.sizeBytes() + chunkBytes - 1) / chunkBytes;
    if (segments > MAX_SEGMENTS) {
      throw invalid("the media needs " + segments + " chunks of " + chunkBytes + " bytes; X takes at most " + MAX_SEGMENTS);
    }
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("media_type", media.mimeType());
    init.put("total_bytes", media.sizeBytes());
    init.put("media_category", category);
    ApiRequest initRequest = XCalls.bearer(HttpMethod.POST, endpoints.mediaInitializeUri(), grant)
        .json(json.write(init)).build();
    ApiResponse initResponse = calls.send(XCalls.MEDIA_INITIALIZE, initRequest, Idempotency.NON_IDEMPOTENT,
        XCalls.userKey(grant));
    String what = "a media initialize response";
    String mediaId = Json.requireStr(data(initResponse, what), "id", initResponse.status(), what);
    long sent = 0;
    byte[] buffer = new byte[chunkBytes];
    try (InputStream in = media.source().open()) {
      for (int segment = 0; ; segment++) {
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
          break;
        }
        if (segment >= MAX_SEGMENTS || sent + n > media.sizeBytes()) {
          throw invalid("the media source gave more bytes than its size says (" + media.sizeBytes() + ")");
        }
        Multipart body = new Multipart()
            .field("segment_index", Integer.toString(segment))
            .file("media", "media", "application/octet-stream", buffer, n);
        ApiRequest append = XCalls.bearer(HttpMethod.POST, endpoints.mediaAppendUri(mediaId), grant)
            .body(body.contentType(), body.body()).build();
        calls.send(XCalls.MEDIA_APPEND, append, Idempotency.NON_IDEMPOTENT, XCalls.userKey(grant));
        sent += n;
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (sent != media.sizeBytes()) {
      throw invalid("the media source gave " + sent + " bytes but its size says " + media.sizeBytes());
    }
    ApiRequest finalizeRequest = ApiRequest.newBuilder(HttpMethod.POST, endpoints.mediaFinalizeUri(mediaId))
        .header("Authorization", "Bearer " + grant.accessToken().reveal()).build();
    ApiResponse finalized = calls.send(XCalls.MEDIA_FINALIZE, finalizeRequest, Idempotency.NON_IDEMPOTENT,
        XCalls.userKey(grant));
    Map<String, Object> data = data(finalized, "a media finalize response");
    return awaitProcessing(grant, withId(data, mediaId), finalized.status());
  }

  private static Map<String, Object> withId(Map<String, Object> data, String mediaId) {
    if (Json.str(data, "id").isPresent()) {
      return data;
    }
    Map<String, Object> m = new LinkedHashMap<>(data);
    m.put("id", mediaId);
    return m;
  }

  private String awaitProcessing(Grant grant, Map<String, Object> data, int status) {
    String what = "a media response";
    String mediaId = Json.requireStr(data, "id", status, what);
    Duration waited = Duration.ZERO;
    Map<String, Object> current = data;
    while (true) {
      Optional<Map<String, Object>> info = Json.obj(current, "processing_info");
      String state = info.flatMap(i -> Json.str(i, "state")).orElse("succeeded");
      if (state.equals("succeeded")) {
        return mediaId;
      }
      if (state.equals("failed")) {
        String why = info.flatMap(i -> Json.obj(i, "error")).flatMap(e -> Json.str(e, "message"))
            .map(m -> ": " + SafeText.excerpt(m, 300)).orElse("");
        throw invalid("X could not process media " + mediaId + why);
      }
      long after = info.flatMap(i -> Json.num(i, "check_after_secs")).filter(s -> s > 0).orElse(1L);
      Duration wait = RetryTimes.capped(Duration.ofSeconds(after));
      if (waited.plus(wait).compareTo(maxProcessingWait) > 0) {
        throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, XCalls.PLATFORM, 0,
            "X was still processing media " + mediaId + " after " + waited.toSeconds() + " s (state " + state + ")")
            .withRemediation("Try the post again later; the media id stays usable until X expires it."), null, 1);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, XCalls.PLATFORM, 0,
            "interrupted while waiting for X to process media " + mediaId), e, 1);
      }
      waited = waited.plus(wait);
      ApiRequest poll = XCalls.bearer(HttpMethod.GET, endpoints.mediaStatusUri(mediaId), grant).build();
      ApiResponse response = calls.send(XCalls.MEDIA_STATUS, poll, Idempotency.IDEMPOTENT, XCalls.userKey(grant));
      current = withId(data(response, "a media status response"), mediaId);
    }
  }

  private Map<String, Object> data(ApiResponse response, String what) {
    Map<String, Object> body = Json.object(json, response, what);
    return Json.obj(body, "data").orElseThrow(() -> Json.unexpected(response.status(), what, "member 'data' is missing"));
  }

  private static void checkSize(MediaContent media, long max, String kind) {
    if (media.sizeBytes() > max) {
      throw invalid("X takes a " + kind + " of at most " + max + " bytes; this one has " + media.sizeBytes());
    }
  }

  private static SocialinkException invalid(String message) {
    return SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, XCalls.PLATFORM, 0, message), null, 1);
  }

  private static SocialinkException unreadable(IOException e) {
    return SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, XCalls.PLATFORM, 0,
        "the media source could not be read (" + e.getClass().getSimpleName() + ")")
        .withRemediation("Check that the media file exists and is readable."), e, 1);
  }
}
