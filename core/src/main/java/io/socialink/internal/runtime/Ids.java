package io.socialink.internal.runtime;

import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Mints authorization states and record ids from the configured random source. Thread-safe when the
 * random source is (the default {@link java.security.SecureRandom} is).
 */
public final class Ids {
  private final RandomGenerator random;
  private final Clock clock;

  /**
   * Creates the minter.
   *
   * @param random the random source
   * @param clock the clock, whose millisecond count ends every id
   */
  public Ids(RandomGenerator random, Clock clock) {
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The random source, for PKCE verifiers.
   *
   * @return the source
   */
  public RandomGenerator random() {
    return random;
  }

  /**
   * A new authorization state: 32 random bytes, base64url without padding.
   *
   * @return the state
   */
  public String state() {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * A new record id: the prefix, a random part and the clock's milliseconds, in hex.
   *
   * @param prefix the prefix, such as {@code g} for grants
   * @return the id
   */
  public String id(String prefix) {
    return prefix + "-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + Long.toHexString(clock.millis());
  }
}
