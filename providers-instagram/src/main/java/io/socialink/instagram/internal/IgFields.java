package io.socialink.instagram.internal;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads members of Instagram answers decoded as maps: ids kept exactly as their digits (never through
 * a double: Instagram ids exceed 2^53), optional members empty when absent or of another type, and
 * malformed answers as classified {@code UNKNOWN} errors that never quote the body. Pure functions.
 */
public final class IgFields {
  private IgFields() {}

  /**
   * A text member.
   *
   * @param m the object
   * @param name the member
   * @return the text, empty when absent, blank or not a string
   */
  public static Optional<String> str(Map<String, Object> m, String name) {
    return m.get(name) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /**
   * An id member: a string, or an integer kept as its digits.
   *
   * @param m the object
   * @param name the member
   * @return the id, empty when absent or of another type
   */
  public static Optional<String> id(Map<String, Object> m, String name) {
    Object v = m.get(name);
    if (v instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
      return Optional.of(v.toString());
    }
    return Optional.empty();
  }

  /**
   * A whole-number member.
   *
   * @param m the object
   * @param name the member
   * @return the number, empty when absent or not a whole number
   */
  public static OptionalLong num(Map<String, Object> m, String name) {
    Object v = m.get(name);
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return OptionalLong.of(((Number) v).longValue());
    }
    if (v instanceof String s && s.matches("\\d{1,18}")) {
      return OptionalLong.of(Long.parseLong(s));
    }
    return OptionalLong.empty();
  }

  /**
   * An absolute URI member.
   *
   * @param m the object
   * @param name the member
   * @return the URI, empty when absent or not an absolute URI
   */
  public static Optional<URI> uri(Map<String, Object> m, String name) {
    try {
      return str(m, name).map(URI::create).filter(URI::isAbsolute);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * An object member.
   *
   * @param m the object
   * @param name the member
   * @return the member's object, empty when absent or not an object
   */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> obj(Map<String, Object> m, String name) {
    return m.get(name) instanceof Map<?, ?> o ? Optional.of((Map<String, Object>) o) : Optional.empty();
  }

  /**
   * A list member.
   *
   * @param m the object
   * @param name the member
   * @return the list, empty when absent or not a list
   */
  public static Optional<List<?>> list(Map<String, Object> m, String name) {
    return m.get(name) instanceof List<?> l ? Optional.of(l) : Optional.empty();
  }

  /**
   * The error of an answer without the documented shape.
   *
   * @param what the answer, e.g. {@code "profile answer"}
   * @param problem what is wrong, naming members only
   * @return the exception, not thrown
   */
  public static SocialinkException malformed(String what, String problem) {
    return SocialinkException.of(Classification.of(ErrorCategory.UNKNOWN, GraphResponseInterpreter.PLATFORM, 0,
        "Instagram's " + what + " is malformed: " + problem)
        .withRemediation("The answer did not have the documented shape; check the provider's endpoints, and report it"
            + " to the provider's authors if they are right."), null, 1);
  }
}
