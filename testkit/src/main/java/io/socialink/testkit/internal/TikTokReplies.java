package io.socialink.testkit.internal;

import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * TikTok's three answer shapes, filled in from the documented payloads: the Open API's
 * {@code {data, error:{code, message, log_id}}} envelope, Login Kit's flat OAuth errors
 * {@code {error, error_description, log_id}} (HTTP 400, or the status set by {@link #oauthErrorStatus}),
 * and TikTok API for Business's {@code {code, message, request_id, data}} in an HTTP 200; every one with
 * a fresh id in the form of TikTok's {@code log_id}. Not thread-safe: used under the platform's lock.
 */
final class TikTokReplies {
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private long nextLog = 0x1B2C3D4E5F6L;
  private int oauthErrorStatus = 400;

  TikTokReplies(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sets the HTTP status of Login Kit's OAuth errors. */
  void oauthErrorStatus(int status) {
    oauthErrorStatus = status;
  }

  /** An Open API success: the documented envelope with this data and a fresh {@code log_id}. */
  Reply ok(Map<String, Object> documented, Map<String, Object> data) {
    documented.put("data", data);
    errorOf(documented).put("log_id", logId());
    return Json.reply(200, documented);
  }

  /** An Open API error: the documented envelope, its message replaced unless {@code message} is empty. */
  Reply openApiError(int status, String payload, String message) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    Map<String, Object> error = errorOf(m);
    if (!message.isEmpty()) {
      error.put("message", message);
    }
    error.put("log_id", logId());
    return Json.reply(status, m);
  }

  /** The Open API's 429 {@code rate_limit_exceeded}. */
  Reply rateLimited() {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(TikTokPayloads.RATE_LIMIT_EXCEEDED));
    errorOf(m).put("log_id", logId());
    return Json.reply(429, m);
  }

  /** A Login Kit OAuth error. */
  Reply oauthError(String payload, String description) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    m.put("error_description", description);
    m.put("log_id", logId());
    return Json.reply(oauthErrorStatus, m);
  }

  /** A TikTok API for Business answer, its message replaced unless {@code message} is empty. */
  Reply business(String payload, Map<String, Object> data, String message) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    if (!message.isEmpty()) {
      m.put("message", message);
    }
    m.put("request_id", logId());
    m.put("data", data);
    return Json.reply(200, m);
  }

  /** A TikTok API for Business error without data. */
  Reply business(String payload) {
    return business(payload, Map.of(), "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> errorOf(Map<String, Object> envelope) {
    Map<String, Object> error = new LinkedHashMap<>((Map<String, Object>) envelope.get("error"));
    envelope.put("error", error);
    return error;
  }

  /** An id in the form of TikTok's {@code log_id} and {@code request_id}: a UTC timestamp and hex. */
  private String logId() {
    return LOG_TIME.format(clock.instant()) + String.format("%020X", nextLog++);
  }
}
