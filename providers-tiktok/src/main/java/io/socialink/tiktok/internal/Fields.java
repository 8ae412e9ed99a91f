package io.socialink.tiktok.internal;

import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiResponse;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads members of TikTok's decoded JSON answers. A missing or mistyped required member is a
 * {@link MalformedPayloadException} naming the member and the answer, never quoting the payload.
 * Stateless; thread-safe.
 */
public final class Fields {
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");

  private Fields() {}

  /**
   * The body of a response as a JSON object.
   *
   * @param json the codec
   * @param response the response
   * @param what what the answer was, e.g. {@code "the user info answer"}
   * @return the members
   * @throws MalformedPayloadException when the body is empty or not a JSON object
   */
  public static Map<String, Object> object(JsonCodec json, ApiResponse response, String what) {
    if (response.bodyLength() == 0) {
      throw malformed(what, "the body is empty (HTTP " + response.status() + ")");
    }
    try {
      return json.readObject(response.body());
    } catch (MalformedPayloadException e) {
      throw malformed(what, "the body is not a JSON object (HTTP " + response.status() + ")");
    }
  }

  /**
   * A failure to read an answer.
   *
   * @param what the answer
   * @param problem what is wrong with it, without its content
   * @return the exception, not thrown
   */
  public static MalformedPayloadException malformed(String what, String problem) {
    return new MalformedPayloadException(TikTokResponseInterpreter.PLATFORM, "TikTok's " + what + " cannot be read: "
        + problem);
  }

  /**
   * A string member, empty when missing, blank or not a string.
   *
   * @param m the object
   * @param key the member
   * @return the value
   */
  public static Optional<String> str(Map<String, Object> m, String key) {
    return m.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /**
   * A required string member.
   *
   * @param m the object
   * @param key the member
   * @param what the answer, for the message
   * @return the value
   * @throws MalformedPayloadException when missing, blank or not a string
   */
  public static String requireStr(Map<String, Object> m, String key, String what) {
    return str(m, key).orElseThrow(() -> malformed(what, "member '" + key + "' is missing or not a string"));
  }

  /**
   * An identifier sent as a string or a whole number (TikTok's int64 ids), as text, exactly.
   *
   * @param value the member's value
   * @return the id, or empty
   */
  public static Optional<String> id(Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Short) {
      return Optional.of(value.toString());
    }
    return Optional.empty();
  }

  /**
   * An object member.
   *
   * @param m the object
   * @param key the member
   * @return the value, empty when missing or not an object
   */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> obj(Map<String, Object> m, String key) {
    return m.get(key) instanceof Map<?, ?> inner ? Optional.of((Map<String, Object>) inner) : Optional.empty();
  }

  /**
   * A required object member.
   *
   * @param m the object
   * @param key the member
   * @param what the answer
   * @return the value
   * @throws MalformedPayloadException when missing or not an object
   */
  public static Map<String, Object> requireObj(Map<String, Object> m, String key, String what) {
    return obj(m, key).orElseThrow(() -> malformed(what, "member '" + key + "' is missing or not an object"));
  }

  /**
   * A list member.
   *
   * @param m the object
   * @param key the member
   * @return the value, empty when missing or not a list
   */
  public static Optional<List<?>> list(Map<String, Object> m, String key) {
    return m.get(key) instanceof List<?> l ? Optional.of(l) : Optional.empty();
  }

  /**
   * A list of strings; elements of another type are refused.
   *
   * @param m the object
   * @param key the member
   * @param what the answer
   * @return the strings, empty when the member is missing
   * @throws MalformedPayloadException when the member is not a list of strings
   */
  public static List<String> strings(Map<String, Object> m, String key, String what) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw malformed(what, "member '" + key + "' is not a list");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      out.add(id(o).orElseThrow(() -> malformed(what, "member '" + key + "' holds an element that is not a string")));
    }
    return List.copyOf(out);
  }

  /**
   * A whole-number member.
   *
   * @param m the object
   * @param key the member
   * @return the value, empty when missing or not a whole number
   */
  public static Optional<Long> num(Map<String, Object> m, String key) {
    return m.get(key) instanceof String ? Optional.empty() : wholeNumber(m.get(key));
  }

  /**
   * A whole number sent as a JSON number or a digit string.
   *
   * @param value the member's value
   * @return the number, or empty
   */
  public static Optional<Long> wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? Optional.of(b.longValue()) : Optional.empty();
    }
    if (value instanceof String s && DIGITS.matcher(s).matches()) {
      return Optional.of(Long.parseLong(s));
    }
    return Optional.empty();
  }

  /**
   * A boolean member.
   *
   * @param m the object
   * @param key the member
   * @return the value, empty when missing or not a boolean
   */
  public static Optional<Boolean> bool(Map<String, Object> m, String key) {
    return m.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  /**
   * Rethrows a failure unless it says the token is dead: {@code AUTH_EXPIRED} (TikTok's
   * {@code access_token_invalid}, Business 40102) or {@code AUTH_REVOKED}. A missing scope is not a
   * dead token.
   *
   * @param e the failure
   * @return true
   * @throws SocialinkException {@code e} itself when it says something else
   */
  public static boolean tokenDead(SocialinkException e) {
    ErrorCategory c = Objects.requireNonNull(e, "e").category();
    if (c == ErrorCategory.AUTH_EXPIRED || c == ErrorCategory.AUTH_REVOKED) {
      return true;
    }
    throw e;
  }
}
