package io.socialink.tiktok.internal;

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
import io.socialink.publish.MediaContent;
import io.socialink.tiktok.TikTokEndpointGroups;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.tiktok.TikTokPublishStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * TikTok's Content Posting transfer: initializing a post (Direct Post or inbox upload), sending a
 * {@code FILE_UPLOAD} video in chunks with {@code PUT} and {@code Content-Range} read one chunk at a
 * time from the media source, and polling {@code /v2/post/publish/status/fetch/} through an injected
 * sleeper with a bounded total wait.
 *
 * <p>Chunk rules (media transfer guide, fact sheet §5): chunks of 5 to 64 MB uploaded in order, the
 * final one up to 128 MB, 1 to 1000 chunks, {@code total_chunk_count = floor(video_size / chunk_size)}
 * so that the final chunk carries the remainder; a video smaller than one chunk goes whole. MB is
 * read as the stricter of the two readings (at least 5 MiB, at most 64,000,000 bytes).
 *
 * <p>Initialization and upload are never repeated blindly. Thread-safe.
 */
public final class VideoUploader {
  /** The smallest chunk TikTok takes, except for a video sent whole. */
  public static final long MIN_CHUNK_BYTES = 5L * 1024 * 1024;
  /** The largest chunk TikTok takes, except for the final one. */
  public static final long MAX_CHUNK_BYTES = 64_000_000L;
  /** The largest final chunk TikTok takes. */
  public static final long MAX_FINAL_CHUNK_BYTES = 128_000_000L;
  /** The most chunks TikTok takes. */
  public static final int MAX_CHUNKS = 1000;

  /**
   * How a video is cut.
   *
   * @param videoSize the video's size
   * @param chunkSize the size of every chunk but the final one
   * @param totalChunkCount how many chunks
   */
  public record ChunkPlan(long videoSize, long chunkSize, int totalChunkCount) {
    /**
     * The size of a chunk.
     *
     * @param index 0-based
     * @return its size; the final chunk carries the remainder
     */
    public long size(int index) {
      return index < totalChunkCount - 1 ? chunkSize : videoSize - chunkSize * (totalChunkCount - 1L);
    }
  }

  /**
   * What initialization returned.
   *
   * @param publishId the publish id
   * @param uploadUrl where to {@code PUT} the chunks, for {@code FILE_UPLOAD}
   */
  public record Init(String publishId, Optional<URI> uploadUrl) {}

  private final TikTokEndpoints endpoints;
  private final TikTokCalls calls;
  private final JsonCodec json;
  private final long chunkBytes;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Duration maxWait;

  /**
   * Creates the uploader.
   *
   * @param endpoints where TikTok is
   * @param calls the sender
   * @param json the codec
   * @param chunkBytes the chunk size to aim for
   * @param sleeper waits between status polls
   * @param pollInterval the wait between polls
   * @param maxWait the longest total wait before giving up
   */
  public VideoUploader(TikTokEndpoints endpoints, TikTokCalls calls, JsonCodec json, long chunkBytes, Sleeper sleeper,
      Duration pollInterval, Duration maxWait) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.json = Objects.requireNonNull(json, "json");
    this.chunkBytes = chunkBytes;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  /**
   * Cuts a video by TikTok's rules.
   *
   * @param videoSize the video's size in bytes
   * @param chunkBytes the chunk size to aim for, 5 MiB to 64,000,000 bytes
   * @return the plan
   * @throws SocialinkException {@code INVALID_REQUEST} when the video needs more than 1000 chunks
   */
  public static ChunkPlan plan(long videoSize, long chunkBytes) {
    if (videoSize <= 0) {
      throw new IllegalArgumentException("videoSize must be positive; got " + videoSize);
    }
    if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException("chunkBytes must be between " + MIN_CHUNK_BYTES + " and " + MAX_CHUNK_BYTES
          + "; got " + chunkBytes);
    }
    if (videoSize < chunkBytes) {
      return new ChunkPlan(videoSize, videoSize, 1);
    }
    long count = videoSize / chunkBytes;
    if (count > MAX_CHUNKS) {
      throw invalid("the video needs " + count + " chunks of " + chunkBytes + " bytes; TikTok takes at most "
          + MAX_CHUNKS);
    }
    return new ChunkPlan(videoSize, chunkBytes, (int) count);
  }

  /**
   * The {@code source_info} of a file upload.
   *
   * @param media the video
   * @return the members
   */
  public Map<String, Object> fileSource(MediaContent media) {
    checkVideo(media);
    ChunkPlan p = plan(media.sizeBytes(), chunkBytes);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("source", "FILE_UPLOAD");
    source.put("video_size", p.videoSize());
    source.put("chunk_size", p.chunkSize());
    source.put("total_chunk_count", p.totalChunkCount());
    return source;
  }

  /**
   * The {@code source_info} of a pull from a URL on a domain the app has verified.
   *
   * @param videoUrl the video's address
   * @return the members
   */
  public static Map<String, Object> urlSource(URI videoUrl) {
    Objects.requireNonNull(videoUrl, "videoUrl");
    if (!videoUrl.isAbsolute() || !"https".equals(videoUrl.getScheme()) || videoUrl.getHost() == null) {
      throw invalid("TikTok pulls videos from absolute https addresses on a verified domain only");
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("source", "PULL_FROM_URL");
    source.put("video_url", videoUrl.toString());
    return source;
  }

  /**
   * Initializes a post.
   *
   * @param grant the grant
   * @param group the endpoint group of the init endpoint
   * @param path the init endpoint's path under {@code /v2/}
   * @param body the request's members
   * @return the publish id and, for a file upload, the upload address
   */
  public Init init(Grant grant, String group, String path, Map<String, Object> body) {
    ApiRequest request = TikTokCalls.bearer(HttpMethod.POST, endpoints.openApi(path), grant)
        .body(TikTokCalls.JSON, json.write(body)).build();
    ApiResponse response = calls.send(group, request, Idempotency.NON_IDEMPOTENT, TikTokCalls.userKey(grant));
    String what = "post initialization answer";
    Map<String, Object> data = Envelopes.openApiData(json, response, what);
    String publishId = Fields.requireStr(data, "publish_id", what);
    Optional<URI> upload = Optional.empty();
    Optional<String> raw = Fields.str(data, "upload_url");
    if (raw.isPresent()) {
      URI u;
      try {
        u = URI.create(raw.get());
      } catch (IllegalArgumentException e) {
        throw Fields.malformed(what, "member 'upload_url' is not a URI");
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!u.isAbsolute() || u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw Fields.malformed(what, "member 'upload_url' is not an absolute http(s) address");
      }
      upload = Optional.of(u);
    }
    return new Init(publishId, upload);
  }

  /**
   * Sends a video to its upload address, chunk by chunk, in order.
   *
   * @param grant the grant, for the per-user key
   * @param uploadUrl the address from initialization
   * @param media the video
   * @return the number of chunks sent
   */
  public int upload(Grant grant, URI uploadUrl, MediaContent media) {
    ChunkPlan p = plan(media.sizeBytes(), chunkBytes);
    long offset = 0;
    try (InputStream in = media.source().open()) {
      for (int i = 0; i < p.totalChunkCount(); i++) {
        long size = p.size(i);
        if (size > MAX_FINAL_CHUNK_BYTES) {
          throw invalid("the final chunk would be " + size + " bytes; TikTok takes at most " + MAX_FINAL_CHUNK_BYTES);
        }
        byte[] chunk = in.readNBytes((int) size);
        if (chunk.length != size) {
          throw invalid("the media source gave " + (offset + chunk.length) + " bytes but its size says "
              + media.sizeBytes());
        }
        ApiRequest put = ApiRequest.newBuilder(HttpMethod.PUT, uploadUrl)
            .header("Content-Range", "bytes " + offset + "-" + (offset + size - 1) + "/" + media.sizeBytes())
            .body(media.mimeType(), chunk).build();
        calls.send(TikTokEndpointGroups.VIDEO_UPLOAD, put, Idempotency.NON_IDEMPOTENT, TikTokCalls.userKey(grant));
        offset += size;
      }
      if (in.read() != -1) {
        throw invalid("the media source gave more bytes than its size says (" + media.sizeBytes() + ")");
      }
    } catch (IOException e) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokResponseInterpreter.PLATFORM, 0,
          "the media source could not be read (" + e.getClass().getSimpleName() + ")")
          .withRemediation("Check that the video file exists and is readable."), e, 1);
    }
    return p.totalChunkCount();
  }

  /**
   * Reads a post's status once.
   *
   * @param grant the grant that started the post
   * @param publishId the publish id
   * @return the status
   */
  public TikTokPublishStatus status(Grant grant, String publishId) {
    Objects.requireNonNull(publishId, "publishId");
    ApiRequest request = TikTokCalls.bearer(HttpMethod.POST, endpoints.openApi("post/publish/status/fetch/"), grant)
        .body(TikTokCalls.JSON, json.write(Map.of("publish_id", publishId))).build();
    ApiResponse response = calls.send(TikTokEndpointGroups.POST_STATUS_FETCH, request, Idempotency.IDEMPOTENT,
        TikTokCalls.userKey(grant));
    String what = "post status answer";
    Map<String, Object> data = Envelopes.openApiData(json, response, what);
    return new TikTokPublishStatus(publishId, Fields.requireStr(data, "status", what),
        Fields.str(data, "fail_reason").map(r -> r.replaceAll("\\p{Cntrl}", " ")),
        Fields.strings(data, "publicaly_available_post_id", what));
  }

  /**
   * Polls a post's status until TikTok is done with it, waiting {@code pollInterval} between polls
   * and at most {@code maxWait} in total.
   *
   * @param grant the grant that started the post
   * @param publishId the publish id
   * @return the terminal status, {@code FAILED} included
   * @throws SocialinkException {@code TRANSIENT} when TikTok is still processing after the longest wait
   */
  public TikTokPublishStatus await(Grant grant, String publishId) {
    Duration waited = Duration.ZERO;
    while (true) {
      TikTokPublishStatus s = status(grant, publishId);
      if (s.isTerminal()) {
        return s;
      }
      if (waited.plus(pollInterval).compareTo(maxWait) > 0) {
        throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, TikTokResponseInterpreter.PLATFORM, 0,
            "TikTok was still processing post " + publishId + " after " + waited.toSeconds() + " s (status "
                + s.status() + ")")
            .withRemediation("Check the post's status again later with the same publish id; do not post it again."),
            null, 1);
      }
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, TikTokResponseInterpreter.PLATFORM, 0,
            "interrupted while waiting for TikTok to process post " + publishId), e, 1);
      }
      waited = waited.plus(pollInterval);
    }
  }

  private static void checkVideo(MediaContent media) {
    Objects.requireNonNull(media, "media");
    if (!media.isVideo()) {
      throw invalid("TikTok's video posting takes a video; got " + media.mimeType());
    }
  }

  static SocialinkException invalid(String message) {
    return SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokResponseInterpreter.PLATFORM, 0,
        message), null, 1);
  }
}
