package io.socialink.testkit.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The check that keeps an emulator's answers in the platform's documented shapes: two JSON bodies have
 * the same shape when they have the same member names and JSON types, recursively, arrays compared by
 * their first element (an empty array matches any array). Values are not compared.
 */
public final class PayloadShapes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PayloadShapes() {}

  /**
   * The shape of a JSON value.
   *
   * @param n the value
   * @return nested maps of member name to shape, a one-element list for an array, or a type name
   */
  public static Object shape(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new TreeMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), shape(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      return n.isEmpty() ? "array" : List.of(shape(n.get(0)));
    }
    if (n.isIntegralNumber()) {
      return "integer";
    }
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  /**
   * How an answer's shape differs from a documented payload's.
   *
   * @param actual the answer's body
   * @param documented the documented payload
   * @return a description of the difference, or empty when the shapes are the same
   */
  public static Optional<String> difference(byte[] actual, byte[] documented) {
    Object a;
    Object d;
    try {
      a = shape(MAPPER.readTree(actual));
      d = shape(MAPPER.readTree(documented));
    } catch (IOException e) {
      return Optional.of("not JSON: " + e.getMessage());
    }
    return a.equals(d) ? Optional.empty() : Optional.of("shape " + a + " is not the documented " + d);
  }
}
