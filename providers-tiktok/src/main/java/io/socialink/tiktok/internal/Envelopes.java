package io.socialink.tiktok.internal;

import io.socialink.http.ApiResponse;
import io.socialink.http.JsonCodec;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the data of TikTok's two resource envelopes once the pipeline has let a response through
 * (a stated failure has already been classified and thrown by {@link TikTokResponseInterpreter}):
 *
 * <ul>
 *   <li>Open API v2: {@code {"data": {...}, "error": {"code": "ok", ...}}}; success is exactly
 *       {@code error.code == "ok"}, so an answer without that marker is refused rather than taken
 *       for a success;</li>
 *   <li>TikTok API for Business: {@code {"code": 0, "message", "request_id", "data": {...}}}; success
 *       is code 0 (or 20001, partial success).</li>
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class Envelopes {
  private Envelopes() {}

  /**
   * The {@code data} of an Open API v2 answer.
   *
   * @param json the codec
   * @param response the response the pipeline let through
   * @param what the answer, for messages
   * @return the data object
   * @throws io.socialink.http.MalformedPayloadException when the body is not JSON, has no
   *     {@code error} object with code {@code "ok"}, or no {@code data} object
   */
  public static Map<String, Object> openApiData(JsonCodec json, ApiResponse response, String what) {
    Map<String, Object> body = Fields.object(json, response, what);
    Map<String, Object> error = Fields.obj(body, "error").orElseThrow(() -> Fields.malformed(what,
        "member 'error' is missing, so the answer does not say it succeeded (success is error.code \"ok\")"));
    String code = Fields.str(error, "code").orElseThrow(() -> Fields.malformed(what, "member 'error.code' is missing"));
    if (!code.trim().equalsIgnoreCase("ok")) {
      throw Fields.malformed(what, "error.code is not \"ok\"");
    }
    return Fields.requireObj(body, "data", what);
  }

  /**
   * The {@code data} of a TikTok API for Business answer.
   *
   * @param json the codec
   * @param response the response the pipeline let through
   * @param what the answer, for messages
   * @return the data object
   * @throws io.socialink.http.MalformedPayloadException when the body is not JSON, has no numeric
   *     {@code code} 0, or no {@code data} object
   */
  public static Map<String, Object> businessData(JsonCodec json, ApiResponse response, String what) {
    Map<String, Object> body = Fields.object(json, response, what);
    long code = Fields.wholeNumber(body.get("code")).orElseThrow(() -> Fields.malformed(what,
        "member 'code' is missing or not a number"));
    if (code != 0 && code != 20001) {
      throw Fields.malformed(what, "code is " + code + ", not 0");
    }
    return Fields.requireObj(Objects.requireNonNull(body), "data", what);
  }
}
