package io.socialink;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the model's constructors. */
final class Checks {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private Checks() {}

  static String notBlank(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  static String identifier(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1-64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit; got '"
              + value + "'");
    }
    return value;
  }

  static Duration notNegative(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative; got " + value);
    }
    return value;
  }
}
