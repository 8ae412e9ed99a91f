package io.socialink.internal.service;

import java.util.Objects;

/** Argument checks of the services: null is a {@link NullPointerException}, blank an {@link IllegalArgumentException}. */
final class Args {
  private Args() {}

  static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
