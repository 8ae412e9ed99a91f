package io.socialink.testkit.internal.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An emulator's answer: status, headers and body.
 *
 * @param status the status
 * @param headers the headers
 * @param body the body
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {
  /** Copies the components. */
  public Reply {
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * A JSON answer.
   *
   * @param status the status
   * @param json the JSON bytes
   * @return the reply
   */
  public static Reply json(int status, byte[] json) {
    return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), json);
  }

  /**
   * A plain-text answer.
   *
   * @param status the status
   * @param text the text
   * @return the reply
   */
  public static Reply text(int status, String text) {
    return new Reply(status, Map.of("Content-Type", "text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A redirect.
   *
   * @param location where to
   * @return the reply
   */
  public static Reply redirect(String location) {
    return new Reply(302, Map.of("Location", location), new byte[0]);
  }

  /**
   * This reply with more headers.
   *
   * @param more the headers to add
   * @return the new reply
   */
  public Reply withHeaders(Map<String, String> more) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(more);
    return new Reply(status, h, body);
  }

  /**
   * A copy of the body.
   *
   * @return the bytes
   */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
