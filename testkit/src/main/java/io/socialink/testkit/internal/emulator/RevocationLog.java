package io.socialink.testkit.internal.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a revoke endpoint received, by the emulator's clock: when requests named each token (those it
 * let through its rate limit), and when it answered 429 instead. Not thread-safe: used under the
 * platform's lock.
 */
public final class RevocationLog {
  private final Map<String, List<Instant>> byToken = new HashMap<>();
  private final List<Instant> throttled = new ArrayList<>();

  /**
   * Notes a request let through that named a token.
   *
   * @param token the token named
   * @param at when
   */
  public void received(String token, Instant at) {
    byToken.computeIfAbsent(token, k -> new ArrayList<>()).add(at);
  }

  /**
   * Notes a request answered 429.
   *
   * @param at when
   */
  public void throttled(Instant at) {
    throttled.add(at);
  }

  /**
   * When requests named a token.
   *
   * @param token the token
   * @return the instants, oldest first
   */
  public List<Instant> of(String token) {
    return List.copyOf(byToken.getOrDefault(token, List.of()));
  }

  /**
   * When requests were answered 429.
   *
   * @return the instants, oldest first
   */
  public List<Instant> throttled() {
    return List.copyOf(throttled);
  }
}
