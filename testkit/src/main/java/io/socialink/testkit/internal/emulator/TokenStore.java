package io.socialink.testkit.internal.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opaque tokens (access and refresh tokens, authorization codes) with what each stands for and when
 * it expires by the emulator's clock. A token is live until it expires or is {@link #kill killed};
 * {@link #take} spends a single-use one (a code, a rotated refresh token) whatever the outcome.
 * Synchronized on the instance.
 *
 * @param <T> what a token stands for
 */
public final class TokenStore<T> {
  private record Entry<T>(T value, Instant expiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry<T>> tokens = new HashMap<>();
  private final Clock clock;
  private final String prefix;
  private final int bytes;

  /**
   * Creates a store.
   *
   * @param clock the clock tokens expire by
   * @param prefix what every token starts with (e.g. TikTok's {@code act.}), may be empty
   * @param bytes how many random bytes follow, base64url-encoded
   */
  public TokenStore(Clock clock, String prefix, int bytes) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.bytes = bytes;
  }

  /**
   * Issues a token.
   *
   * @param value what it stands for
   * @param lifetime how long it lives from now; {@link #forever()} for no expiry
   * @return the token
   */
  public synchronized String issue(T value, Duration lifetime) {
    Objects.requireNonNull(value, "value");
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    String token = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Instant now = clock.instant();
    Instant end = lifetime.equals(forever()) ? Instant.MAX : now.plus(lifetime);
    tokens.put(token, new Entry<>(value, end));
    return token;
  }

  /**
   * The lifetime of a token that never expires.
   *
   * @return a marker duration
   */
  public static Duration forever() {
    return Duration.ofSeconds(Long.MAX_VALUE);
  }

  /**
   * What a live token stands for.
   *
   * @param token the token
   * @return the value, or empty when the token is unknown, killed or expired
   */
  public synchronized Optional<T> live(String token) {
    Entry<T> e = tokens.get(token);
    return e != null && clock.instant().isBefore(e.expiresAt()) ? Optional.of(e.value()) : Optional.empty();
  }

  /**
   * Spends a single-use token: it is gone afterwards whether it was live or not.
   *
   * @param token the token
   * @return what it stood for, or empty when it was unknown, spent or expired
   */
  public synchronized Optional<T> take(String token) {
    Entry<T> e = tokens.remove(token);
    return e != null && clock.instant().isBefore(e.expiresAt()) ? Optional.of(e.value()) : Optional.empty();
  }

  /**
   * Kills a token.
   *
   * @param token the token
   * @return whether it was known
   */
  public synchronized boolean kill(String token) {
    return tokens.remove(token) != null;
  }

  /**
   * Kills every token whose value matches.
   *
   * @param which the condition
   * @return how many were killed
   */
  public synchronized int killIf(java.util.function.Predicate<T> which) {
    int before = tokens.size();
    tokens.values().removeIf(e -> which.test(e.value()));
    return before - tokens.size();
  }
}
