package io.socialink.testkit.internal.emulator;

import java.time.Duration;
import java.util.Objects;

/** The argument checks the emulator fronts and their builders share, with the messages they give. */
public final class Checks {
  private Checks() {}

  /**
   * A count of requests, calls or objects a fault switch applies to.
   *
   * @param count the count
   * @return the count
   * @throws IllegalArgumentException if it is negative
   */
  public static int count(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative; got " + count);
    }
    return count;
  }

  /**
   * A positive number.
   *
   * @param name the parameter's name, for the message
   * @param value the number
   * @return the number
   * @throws IllegalArgumentException if it is not positive
   */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive; got " + value);
    }
    return value;
  }

  /**
   * An endpoint group's rate limit: a group, and a positive limit and window.
   *
   * @param endpointGroup the group
   * @param limit calls per window
   * @param window the window
   * @throws IllegalArgumentException if the limit or the window is not positive
   */
  public static void rateLimit(String endpointGroup, int limit, Duration window) {
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(window, "window");
    if (limit <= 0 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
  }
}
