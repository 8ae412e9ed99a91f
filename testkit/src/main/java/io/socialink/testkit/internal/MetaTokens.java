package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user tokens of one Meta login (Instagram Login or Facebook Login) and their lifetimes. A token
 * names its user, whether it is long-lived, its scopes, when it was issued and when it expires by the
 * clock, and the user's generation when it was issued: {@link #endAll ending a user's access} moves the
 * generation on, so every token issued before is refused with 190/458 ("the app is not installed"),
 * while an unknown token is refused with 190/467 and an expired one with 190. Tokens live in the store
 * until then (the refusal, not the store, decides). Not thread-safe: used under the platform's lock.
 */
final class MetaTokens {
  /**
   * A user token.
   *
   * @param userId whose
   * @param generation the user's generation when the first token of its line was issued
   * @param longLived whether it is long-lived
   * @param scopes the scopes granted
   * @param issuedAt when it was issued
   * @param expiresAt when it expires
   */
  record Token(String userId, int generation, boolean longLived, List<String> scopes, Instant issuedAt,
      Instant expiresAt) {}

  private final Clock clock;
  private final TokenStore<Token> store;
  private final GraphReplies replies;
  private final Map<String, Integer> generations = new HashMap<>();

  /**
   * Creates the store.
   *
   * @param clock the clock tokens expire by
   * @param prefix what the login's tokens start with ({@code IGAA}, {@code EAA})
   * @param replies the Graph errors' wording
   */
  MetaTokens(Clock clock, String prefix, GraphReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.store = new TokenStore<>(clock, prefix, 32);
    this.replies = Objects.requireNonNull(replies, "replies");
  }

  /** Issues a short-lived token of the user's current generation, living {@code life} from now. */
  String issue(String userId, List<String> scopes, Duration life) {
    Instant now = clock.instant();
    return store.issue(new Token(userId, generations.getOrDefault(userId, 0), false, scopes, now, now.plus(life)),
        TokenStore.forever());
  }

  /** Issues a long-lived token for a live one: same user, generation and scopes, living {@code life} from now. */
  String extend(Token from, Duration life) {
    Instant now = clock.instant();
    return store.issue(new Token(from.userId(), from.generation(), true, from.scopes(), now, now.plus(life)),
        TokenStore.forever());
  }

  /** What a token stands for, whether or not it is still honoured (see {@link #refusal}). */
  Optional<Token> live(String presented) {
    return store.live(presented);
  }

  /** Whether a token is one of this login's, honoured or not. */
  boolean holds(String presented) {
    return store.live(presented).isPresent();
  }

  /** The user a token belongs to, whether or not it is still honoured. */
  Optional<String> userOf(String presented) {
    return store.live(presented).map(Token::userId);
  }

  /**
   * Why a presented token is refused: unknown (190/467), of a user whose access ended since (190/458),
   * or expired (190).
   *
   * @param presented the token
   * @return the Graph error, or empty when the token is honoured
   */
  Optional<Reply> refusal(String presented) {
    Optional<Token> t = store.live(presented);
    if (t.isEmpty()) {
      return Optional.of(replies.error(400, InstagramPayloads.INVALID_TOKEN, null));
    }
    if (t.get().generation() < generations.getOrDefault(t.get().userId(), 0)) {
      return Optional.of(replies.error(400, InstagramPayloads.APP_NOT_INSTALLED, null));
    }
    if (!clock.instant().isBefore(t.get().expiresAt())) {
      return Optional.of(replies.error(400, InstagramPayloads.ACCESS_TOKEN_EXPIRED, null));
    }
    return Optional.empty();
  }

  /** Ends every token the user holds so far: later calls with one are refused with 190/458. */
  void endAll(String userId) {
    generations.merge(userId, 1, Integer::sum);
  }

  /**
   * A token answer in a documented payload: {@code access_token}, {@code token_type} {@code bearer} and
   * {@code expires_in}.
   *
   * @param payload the documented payload
   * @param token the token
   * @param life its lifetime
   * @return the answer, HTTP 200
   */
  static Reply bearer(String payload, String token, Duration life) {
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(payload));
    m.put("access_token", token);
    m.put("token_type", "bearer");
    m.put("expires_in", life.toSeconds());
    return Json.reply(200, m);
  }
}
