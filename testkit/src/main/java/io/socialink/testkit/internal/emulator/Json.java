package io.socialink.testkit.internal.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** JSON for emulators: answers from maps, request bodies as maps, documented payloads as templates. */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /**
   * A JSON answer.
   *
   * @param status the status
   * @param value a map, list or value Jackson writes
   * @return the reply
   */
  public static Reply reply(int status, Object value) {
    try {
      return Reply.json(status, MAPPER.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A body as a JSON object.
   *
   * @param body the bytes
   * @return the members in order, or empty when the body is not a JSON object
   */
  public static Optional<Map<String, Object>> object(byte[] body) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = MAPPER.readValue(body, LinkedHashMap.class);
      return Optional.ofNullable(m);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A documented payload to fill in: its members in order, as a mutable map.
   *
   * @param documented the payload's bytes, a JSON object
   * @return a mutable copy
   * @throws IllegalArgumentException if the payload is not a JSON object
   */
  public static Map<String, Object> template(byte[] documented) {
    return object(documented).orElseThrow(() -> new IllegalArgumentException("a documented payload is not a JSON object"));
  }
}
