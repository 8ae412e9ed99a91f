package io.socialink.testkit.internal;

import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content Posting on the emulator: Direct Post and inbox upload inits of a {@code FILE_UPLOAD} video,
 * its chunks {@code PUT} in order to the upload address on this emulator, and status polls that answer
 * {@code PROCESSING_UPLOAD} until every byte is in, then {@code SEND_TO_USER_INBOX} or
 * {@code PUBLISH_COMPLETE} with the post's id. Behind {@link TikTokOpenApi}'s gate, except the upload
 * itself. Not thread-safe: used under the platform's lock.
 */
final class TikTokContentPosting {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes ([0-9]+)-([0-9]+)/([0-9]+)");

  /** A video being posted: its size, the bytes received in order, and where it goes. */
  private static final class Upload {
    final String openId;
    final long size;
    final boolean direct;
    long received;
    long postId;

    Upload(String openId, long size, boolean direct) {
      this.openId = openId;
      this.size = size;
      this.direct = direct;
    }
  }

  private final TikTokReplies replies;
  private final Map<String, Upload> uploads = new HashMap<>();
  private long nextUpload = 67890;
  private long nextPost = 7304895727592032520L;

  TikTokContentPosting(TikTokReplies replies) {
    this.replies = replies;
  }

  /**
   * Direct Post or inbox upload init: {@code source_info} must be a {@code FILE_UPLOAD} whose chunk
   * count is {@code floor(video_size / chunk_size)} (at least one); Direct Post also needs
   * {@code post_info.privacy_level}. The upload address is on this emulator.
   */
  Reply init(TikTokOpenApi.CallAuth ca, boolean direct) {
    Map<String, Object> body = Json.object(ca.call().body()).orElse(Map.of());
    if (direct && !(body.get("post_info") instanceof Map<?, ?> info && info.get("privacy_level") instanceof String)) {
      return replies.openApiError(400, TikTokPayloads.POST_INVALID_PARAM, "The privacy_level field is missing.");
    }
    if (!(body.get("source_info") instanceof Map<?, ?> source) || !"FILE_UPLOAD".equals(source.get("source"))) {
      return replies.openApiError(400, TikTokPayloads.POST_INVALID_PARAM,
          "The emulator takes source_info.source FILE_UPLOAD only.");
    }
    if (!(source.get("video_size") instanceof Number size) || !(source.get("chunk_size") instanceof Number chunk)
        || !(source.get("total_chunk_count") instanceof Number count) || size.longValue() <= 0
        || chunk.longValue() <= 0 || count.longValue() != Math.max(1, size.longValue() / chunk.longValue())) {
      return replies.openApiError(400, TikTokPayloads.POST_INVALID_PARAM,
          "video_size, chunk_size and total_chunk_count = floor(video_size / chunk_size) are required.");
    }
    long n = nextUpload++;
    String publishId = (direct ? "v_pub_file~v2-1." : "v_inbox_file~v2.") + (123456789 + n);
    uploads.put(publishId, new Upload(ca.auth().openId(), size.longValue(), direct));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("publish_id", publishId);
    data.put("upload_url", "http://" + ca.call().header("host") + "/upload/video/?upload_id=" + n + "&upload_token="
        + URLEncoder.encode(publishId, StandardCharsets.UTF_8));
    return replies.ok(Json.template(TikTokPayloads.bytes(direct ? TikTokPayloads.POST_VIDEO_INIT
        : TikTokPayloads.POST_INBOX_INIT)), data);
  }

  /** {@code PUT} of one chunk, in order, with {@code Content-Range: bytes first-last/total}: 206, then 201 for the last. */
  Reply uploadChunk(Call call) {
    Upload up = uploads.get(call.query().getOrDefault("upload_token", ""));
    if (up == null) {
      return Reply.text(404, "no such upload");
    }
    Matcher m = CONTENT_RANGE.matcher(call.header("content-range"));
    long length = call.body().length;
    if (!m.matches() || Long.parseLong(m.group(1)) != up.received || Long.parseLong(m.group(3)) != up.size
        || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != length) {
      return Reply.text(416, "expected Content-Range: bytes " + up.received + "-…/" + up.size + " matching the body");
    }
    up.received += length;
    return new Reply(up.received == up.size ? 201 : 206, Map.of(), new byte[0]);
  }

  /** {@code /v2/post/publish/status/fetch/}: processing until every byte is in, then delivered or published. */
  Reply status(TikTokOpenApi.CallAuth ca) {
    Map<String, Object> body = Json.object(ca.call().body()).orElse(Map.of());
    Upload up = uploads.get(String.valueOf(body.get("publish_id")));
    if (up == null) {
      return replies.openApiError(400, TikTokPayloads.POST_INVALID_PUBLISH_ID, "");
    }
    if (!up.openId.equals(ca.auth().openId())) {
      return replies.openApiError(400, TikTokPayloads.POST_TOKEN_NOT_AUTHORIZED_FOR_PUBLISH_ID, "");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (up.received < up.size) {
      data.put("status", "PROCESSING_UPLOAD");
      data.put("uploaded_bytes", up.received);
      return replies.ok(Json.template(TikTokPayloads.bytes(TikTokPayloads.POST_STATUS_PROCESSING_UPLOAD)), data);
    }
    if (!up.direct) {
      data.put("status", "SEND_TO_USER_INBOX");
      data.put("uploaded_bytes", up.received);
      return replies.ok(Json.template(TikTokPayloads.bytes(TikTokPayloads.POST_STATUS_SEND_TO_USER_INBOX)), data);
    }
    data.put("status", "PUBLISH_COMPLETE");
    if (up.postId == 0) {
      up.postId = nextPost++;
    }
    data.put("publicaly_available_post_id", List.of(up.postId)); // TikTok's spelling
    return replies.ok(Json.template(TikTokPayloads.bytes(TikTokPayloads.POST_STATUS_PUBLISH_COMPLETE)), data);
  }
}
