package io.socialink.instagram.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Lenient reads of Meta's JSON: bodies and header values that are not a JSON object read as nothing,
 * and members of the wrong type read as absent, so that a malformed answer never makes the
 * interpreter fail. Thread-safe.
 */
final class GraphJson {
  /**
   * Read limits, as core's codec has: nesting 100 deep, numbers of 100 characters, strings of a million
   * and names of a thousand. Nothing a platform sends needs more; a payload beyond them is malformed.
   */
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(100)
      .maxNumberLength(100)
      .maxStringLength(1_000_000)
      .maxNameLength(1_000)
      .build();

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private GraphJson() {}

  /**
   * Reads bytes as a JSON object.
   *
   * @param json the bytes
   * @return the object, or empty when the bytes are empty, malformed or not an object
   */
  static Optional<JsonNode> object(byte[] json) {
    if (json.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads text as a JSON object.
   *
   * @param json the text, typically a header value
   * @return the object, or empty when the text is blank, malformed or not an object
   */
  static Optional<JsonNode> object(String json) {
    if (json.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A member that is a non-blank string.
   *
   * @param node the object
   * @param name the member
   * @return the string, or empty
   */
  static Optional<String> text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  /**
   * A member that is an integral number, or a string of up to 18 digits with an optional minus sign
   * (Meta sends codes both ways).
   *
   * @param node the object
   * @param name the member
   * @return the number, or empty
   */
  static OptionalLong integer(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return OptionalLong.of(v.longValue());
    }
    if (v.isTextual() && v.asText().trim().matches("-?[0-9]{1,18}")) {
      return OptionalLong.of(Long.parseLong(v.asText().trim()));
    }
    return OptionalLong.empty();
  }

  /**
   * A member that is a finite number, or a string holding one.
   *
   * @param node the object
   * @param name the member
   * @return the number, or empty
   */
  static OptionalDouble number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      return OptionalDouble.empty();
    }
    double d;
    if (v.isNumber()) {
      d = v.doubleValue();
    } else if (v.isTextual() && v.asText().trim().matches("-?[0-9]{1,9}(\\.[0-9]{1,9})?")) {
      d = Double.parseDouble(v.asText().trim());
    } else {
      return OptionalDouble.empty();
    }
    return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
  }

  /**
   * A member that is a boolean.
   *
   * @param node the object
   * @param name the member
   * @return the boolean, or empty
   */
  static Optional<Boolean> bool(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
  }
}
