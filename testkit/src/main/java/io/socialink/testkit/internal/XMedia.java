package io.socialink.testkit.internal;

import static io.socialink.testkit.internal.XBodies.invalidRequest;

import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * X's media uploads behind the emulator: the one-shot upload of images and subtitles, the chunked
 * upload (initialize, append in order, finalize) with X's size limits by media category, and status
 * polls until a video or GIF is processed. Owned by {@link XPlatform}, which serializes every call.
 */
final class XMedia {
  private static final long MB = 1024L * 1024;
  /** The largest upload by media category (fact sheet §7.2: image 5 MB, GIF 15 MB, video 512 MB). */
  private static final Map<String, Long> MAX_MEDIA_BYTES = Map.of(
      "tweet_image", 5 * MB, "dm_image", 5 * MB,
      "tweet_gif", 15 * MB, "dm_gif", 15 * MB,
      "tweet_video", 512 * MB, "dm_video", 512 * MB, "amplify_video", 512 * MB,
      "subtitles", Long.MAX_VALUE);

  private final Map<String, MediaRec> media = new HashMap<>();
  private final int processingPolls;
  private long nextMedia = 1880028106020515840L;

  private static final class MediaRec {
    final String id;
    final String userId;
    final long totalBytes;
    final boolean needsProcessing;
    long received;
    int nextSegment;
    boolean finalized;
    int polls;

    MediaRec(String id, String userId, long totalBytes, boolean needsProcessing) {
      this.id = id;
      this.userId = userId;
      this.totalBytes = totalBytes;
      this.needsProcessing = needsProcessing;
    }

    boolean ready(int pollsNeeded) {
      return finalized && (!needsProcessing || polls >= pollsNeeded);
    }
  }

  /**
   * Creates the store.
   *
   * @param processingPolls status polls a video or GIF needs before it is processed
   */
  XMedia(int processingPolls) {
    this.processingPolls = processingPolls;
  }

  /** Whether a media id is the user's and ready to attach to a post. */
  boolean ready(String userId, String id) {
    MediaRec rec = media.get(id);
    return rec != null && rec.userId.equals(userId) && rec.ready(processingPolls);
  }

  /** {@code POST /2/media/upload}: an image or subtitles in one multipart request. */
  Reply oneShot(String userId, String contentType, byte[] body) {
    Optional<List<HttpForms.Part>> parts = HttpForms.multipart(contentType, body);
    if (parts.isEmpty()) {
      return invalidRequest("media", "the one-shot upload takes multipart/form-data");
    }
    Optional<HttpForms.Part> file = parts.get().stream().filter(p -> p.name().equals("media")).findFirst();
    Optional<String> category = parts.get().stream().filter(p -> p.name().equals("media_category"))
        .map(HttpForms.Part::text).findFirst();
    if (file.isEmpty() || file.get().content().length == 0) {
      return invalidRequest("media", "the media field is required");
    }
    if (category.isEmpty() || !Set.of("tweet_image", "dm_image", "subtitles").contains(category.get())) {
      return invalidRequest("media_category", "the one-shot upload takes images and subtitles only");
    }
    long max = MAX_MEDIA_BYTES.get(category.get());
    if (file.get().content().length > max) {
      return invalidRequest("media", tooLarge(category.get(), file.get().content().length, max));
    }
    MediaRec rec = new MediaRec(Long.toString(nextMedia++), userId, file.get().content().length, false);
    rec.received = rec.totalBytes;
    rec.finalized = true;
    media.put(rec.id, rec);
    return Json.reply(200, Map.of("data", mediaData(rec, true)));
  }

  /** {@code POST /2/media/upload/initialize}: starts a chunked upload. */
  Reply initialize(String userId, byte[] body) {
    Optional<Map<String, Object>> parsed = Json.object(body);
    if (parsed.isEmpty()) {
      return invalidRequest("body", "the body is not a JSON object");
    }
    Map<String, Object> req = parsed.get();
    if (!(req.get("total_bytes") instanceof Number total) || total.longValue() <= 0) {
      return invalidRequest("total_bytes", "total_bytes must be a positive number");
    }
    if (!(req.get("media_type") instanceof String type) || !type.contains("/")) {
      return invalidRequest("media_type", "media_type must be a MIME type");
    }
    if (!(req.get("media_category") instanceof String category) || !MAX_MEDIA_BYTES.containsKey(category)) {
      return invalidRequest("media_category", "media_category must be one of " + new java.util.TreeSet<>(MAX_MEDIA_BYTES.keySet()));
    }
    long max = MAX_MEDIA_BYTES.get(category);
    if (total.longValue() > max) {
      return invalidRequest("total_bytes", tooLarge(category, total.longValue(), max));
    }
    boolean processing = category.endsWith("_video") || category.endsWith("_gif")
        || type.toLowerCase(Locale.ROOT).startsWith("video/");
    MediaRec rec = new MediaRec(Long.toString(nextMedia++), userId, total.longValue(), processing);
    media.put(rec.id, rec);
    return Json.reply(200, Map.of("data", mediaData(rec, true)));
  }

  private static String tooLarge(String category, long bytes, long max) {
    return "A " + category + " upload may have at most " + max + " bytes; this one has " + bytes + ".";
  }

  /** {@code POST /2/media/upload/{id}/append}: the next segment, in order. */
  Reply append(String userId, String id, String contentType, byte[] body) {
    MediaRec rec = media.get(id);
    if (rec == null || !rec.userId.equals(userId) || rec.finalized) {
      return invalidRequest("id", "media " + id + " is unknown, not yours, or finalized");
    }
    Optional<List<HttpForms.Part>> parts = HttpForms.multipart(contentType, body);
    if (parts.isEmpty()) {
      return invalidRequest("media", "append takes multipart/form-data");
    }
    Optional<String> segment = parts.get().stream().filter(p -> p.name().equals("segment_index"))
        .map(HttpForms.Part::text).findFirst();
    Optional<HttpForms.Part> chunk = parts.get().stream().filter(p -> p.name().equals("media")).findFirst();
    if (segment.isEmpty() || !segment.get().equals(Integer.toString(rec.nextSegment)) || chunk.isEmpty()) {
      return invalidRequest("segment_index", "expected segment_index " + rec.nextSegment + " with a media field");
    }
    rec.nextSegment++;
    rec.received += chunk.get().content().length;
    if (rec.received > rec.totalBytes) {
      return invalidRequest("media", "more bytes than total_bytes");
    }
    return new Reply(204, Map.of(), new byte[0]);
  }

  /** {@code POST /2/media/upload/{id}/finalize}: all bytes in; a video or GIF then processes. */
  Reply finalizeUpload(String userId, String id) {
    MediaRec rec = media.get(id);
    if (rec == null || !rec.userId.equals(userId) || rec.finalized) {
      return invalidRequest("id", "media " + id + " is unknown, not yours, or finalized");
    }
    if (rec.received != rec.totalBytes) {
      return invalidRequest("total_bytes", "received " + rec.received + " of " + rec.totalBytes + " bytes");
    }
    rec.finalized = true;
    Map<String, Object> data = mediaData(rec, true);
    if (rec.needsProcessing) {
      data.put("processing_info", Map.of("state", "pending", "check_after_secs", 1));
    }
    return Json.reply(200, Map.of("data", data));
  }

  /** {@code GET /2/media/upload?command=STATUS}: one poll; processing ends after the configured polls. */
  Reply status(String userId, String id) {
    MediaRec rec = media.get(id);
    if (rec == null || !rec.userId.equals(userId) || !rec.finalized) {
      return invalidRequest("media_id", "media " + id + " is unknown, not yours, or not finalized");
    }
    rec.polls++;
    Map<String, Object> data = mediaData(rec, false);
    Map<String, Object> info = new LinkedHashMap<>();
    if (rec.ready(processingPolls)) {
      info.put("state", "succeeded");
      info.put("progress_percent", 100);
    } else {
      info.put("state", "in_progress");
      info.put("check_after_secs", 1);
      info.put("progress_percent", Math.min(99, 100 * rec.polls / Math.max(1, processingPolls)));
    }
    data.put("processing_info", info);
    return Json.reply(200, Map.of("data", data));
  }

  private static Map<String, Object> mediaData(MediaRec rec, boolean withExpiry) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", rec.id);
    data.put("media_key", "13_" + rec.id);
    if (withExpiry) {
      data.put("expires_after_secs", 1295999);
    }
    return data;
  }

}
