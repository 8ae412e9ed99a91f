package io.socialink.testkit.internal;

import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.x.XPayloads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** X's answer bodies for the emulator: OAuth errors, problem details and the documented invalid-request body. */
final class XBodies {
  private XBodies() {}

  static Reply oauthError(int status, String error, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error);
    m.put("error_description", description);
    return Json.reply(status, m);
  }

  static Reply problemPayload(int status, String title, String detail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("type", "about:blank");
    m.put("status", status);
    m.put("detail", detail);
    return Json.reply(status, m);
  }

  static Reply problem(int status, String title, String detail, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("detail", detail);
    m.put("type", type);
    return Json.reply(status, m);
  }

  static Reply invalidRequest(String parameter, String message) {
    return invalidRequest(parameter, "", message);
  }

  static Reply invalidRequest(String parameter, String value, String message) {
    // X's documented invalid-request payload, with this request's parameter and message in its errors.
    Map<String, Object> m = Json.template(XPayloads.bytes(XPayloads.INVALID_REQUEST));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("parameters", Map.of(parameter, value.isEmpty() ? List.of() : List.of(value)));
    error.put("message", message);
    m.put("errors", List.of(error));
    return Json.reply(400, m);
  }

  /**
   * The {@code x-rate-limit-*} headers of a rate-limit verdict: the limit, what remains, and the reset in
   * epoch seconds; none when the group has no limit.
   *
   * @param admission the verdict, or empty
   * @return the headers, in that order
   */
  static Map<String, String> rateHeaders(Optional<RateWindows.Admission> admission) {
    Map<String, String> rate = new LinkedHashMap<>();
    admission.ifPresent(a -> {
      rate.put("x-rate-limit-limit", Integer.toString(a.limit()));
      rate.put("x-rate-limit-remaining", Integer.toString(a.remaining()));
      rate.put("x-rate-limit-reset", Long.toString(a.reset().getEpochSecond()));
    });
    return rate;
  }

  /**
   * A 503 in X's problem shape, for fault injection.
   *
   * @param status the status
   * @return the reply
   */
  static Reply unavailable(int status) {
    return problemPayload(status, status == 503 ? "Service Unavailable" : "Error", status == 503 ? "Service Unavailable" : "Error");
  }
}
