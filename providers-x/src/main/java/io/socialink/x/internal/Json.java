package io.socialink.x.internal;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiResponse;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads from JSON objects decoded into maps. A required member that is missing or of the wrong
 * type becomes an {@link ErrorCategory#UNKNOWN} failure that names the member, never its value.
 */
public final class Json {
  private Json() {}

  /**
   * Decodes a successful response's body as a JSON object.
   *
   * @param json the codec
   * @param response the response
   * @param what what the body should be, for messages
   * @return the members
   */
  public static Map<String, Object> object(JsonCodec json, ApiResponse response, String what) {
    try {
      return json.readObject(response.body());
    } catch (MalformedPayloadException e) {
      throw unexpected(response.status(), what, e.getMessage());
    }
  }

  /**
   * Decodes a body as a JSON object, or nothing when it is not one.
   *
   * @param json the codec
   * @param body the bytes
   * @return the members, or empty
   */
  public static Optional<Map<String, Object>> tryObject(JsonCodec json, byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readObject(body));
    } catch (MalformedPayloadException e) {
      return Optional.empty();
    }
  }

  /**
   * A member that is a JSON object.
   *
   * @param m the object
   * @param name the member
   * @return the nested object, or empty when missing or not an object
   */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> obj(Map<String, Object> m, String name) {
    Object v = m.get(name);
    return v instanceof Map ? Optional.of((Map<String, Object>) v) : Optional.empty();
  }

  /**
   * A member that is a JSON array.
   *
   * @param m the object
   * @param name the member
   * @return the list, or empty when missing or not an array
   */
  @SuppressWarnings("unchecked")
  public static Optional<List<Object>> list(Map<String, Object> m, String name) {
    Object v = m.get(name);
    return v instanceof List ? Optional.of((List<Object>) v) : Optional.empty();
  }

  /**
   * A member that is a non-blank string.
   *
   * @param m the object
   * @param name the member
   * @return the string, or empty
   */
  public static Optional<String> str(Map<String, Object> m, String name) {
    Object v = m.get(name);
    return v instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /**
   * A member that is an integral number, or a string of digits.
   *
   * @param m the object
   * @param name the member
   * @return the number, or empty
   */
  public static Optional<Long> num(Map<String, Object> m, String name) {
    Object v = m.get(name);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return Optional.of(((Number) v).longValue());
    }
    if (v instanceof java.math.BigInteger b) {
      return b.bitLength() < 64 ? Optional.of(b.longValue()) : Optional.empty(); // never a truncated value
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? Optional.of((long) d) : Optional.empty();
    }
    if (v instanceof String s && s.matches("-?[0-9]{1,18}")) {
      return Optional.of(Long.parseLong(s));
    }
    return Optional.empty();
  }

  /**
   * A required string member.
   *
   * @param m the object
   * @param name the member, named in the failure
   * @param status the response's status, for the failure
   * @param what what the body should be, for the failure
   * @return the string
   */
  public static String requireStr(Map<String, Object> m, String name, int status, String what) {
    return str(m, name).orElseThrow(() -> unexpected(status, what, "member '" + name + "' is missing or not a string"));
  }

  /**
   * The failure raised when X answers a success with a body of an unexpected shape.
   *
   * @param status the status
   * @param what what the body should be
   * @param problem what was wrong, without values
   * @return the exception, not thrown
   */
  public static SocialinkException unexpected(int status, String what, String problem) {
    return SocialinkException.of(Classification.of(ErrorCategory.UNKNOWN, XCalls.PLATFORM, status,
        "X answered with a body that is not " + what + ": " + problem)
        .withRemediation("X may have changed its response format; keep the request id and report it."), null, 1);
  }
}
