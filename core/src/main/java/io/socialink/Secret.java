package io.socialink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret value such as an access token, a refresh token or a client secret.
 *
 * <p>The value is revealed only by {@link #reveal()}. {@link #toString()} prints a fixed mask, and
 * Jackson renders a {@code Secret} as the same mask, so a secret held in a record or logged by
 * mistake never shows. {@link #fingerprint()} gives a short, non-reversible digest that may be
 * logged to tell two secrets apart.
 *
 * <p>Equality compares the values in constant time. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Secret token = Secret.of(response.accessToken());
 * request.header("Authorization", "Bearer " + token.reveal());
 * }</pre>
 */
public final class Secret {
  /** What {@link #toString()} prints instead of the value. */
  public static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the secret; must not be blank
   * @return the secret
   * @throws IllegalArgumentException if the value is blank (the message never contains it)
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret value must not be blank");
    }
    return new Secret(value);
  }

  /**
   * Returns the secret value. Call it only where the value leaves the process on purpose, such as
   * an {@code Authorization} header.
   *
   * @return the value
   */
  public String reveal() {
    return value;
  }

  /**
   * Returns the first 12 hex digits of the SHA-256 digest of the value: safe to log, enough to tell
   * secrets apart, not enough to recover one.
   *
   * @return the fingerprint
   */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * Jackson's rendering of a secret: the mask.
   *
   * @return {@link #MASK}
   */
  @com.fasterxml.jackson.annotation.JsonValue
  String jsonValue() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0x5ec12e7; // Equal secrets must hash alike; a hash of the value could leak it.
  }

  /** Returns the mask, never the value. */
  @Override
  public String toString() {
    return MASK;
  }
}
