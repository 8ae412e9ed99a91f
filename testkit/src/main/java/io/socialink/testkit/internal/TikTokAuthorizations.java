package io.socialink.testkit.internal;

import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.TokenStore;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TikTok's codes and tokens and their lifetimes: authorization codes ({@link TikTokPlatform#CODE_LIFETIME},
 * single use), and per authorization (one consent) its access tokens and single-use rotating refresh
 * tokens, with Login Kit's lifetimes as configured or the Accounts API's fixed ones. Ending an
 * authorization kills every token issued for it. Not thread-safe: used under the platform's lock.
 */
final class TikTokAuthorizations {
  /**
   * One authorization: what every access and refresh token issued from one consent stands for.
   *
   * @param id its number
   * @param app the app's key
   * @param openId the user
   * @param scopes the scopes granted
   */
  record Auth(long id, String app, String openId, Set<String> scopes) {}

  /**
   * An authorization code.
   *
   * @param app the app's key
   * @param redirectUri the redirect URI it is bound to
   * @param challenge the PKCE challenge, empty when none was sent
   * @param scopes the scopes granted
   * @param openId the user who consented
   */
  record CodeRec(String app, String redirectUri, String challenge, Set<String> scopes, String openId) {}

  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final TokenStore<CodeRec> codes;
  private final TokenStore<Auth> accessTokens;
  private final TokenStore<Auth> refreshTokens;
  private long nextAuth = 1;

  /**
   * Creates the store.
   *
   * @param clock the clock codes and tokens expire by
   * @param accessLifetime Login Kit's access token lifetime
   * @param refreshLifetime Login Kit's refresh token lifetime
   */
  TikTokAuthorizations(Clock clock, Duration accessLifetime, Duration refreshLifetime) {
    this.accessLifetime = Objects.requireNonNull(accessLifetime, "accessLifetime");
    this.refreshLifetime = Objects.requireNonNull(refreshLifetime, "refreshLifetime");
    this.codes = new TokenStore<>(clock, "", 24);
    this.accessTokens = new TokenStore<>(clock, "act.", 30);
    this.refreshTokens = new TokenStore<>(clock, "rft.", 30);
  }

  /** Issues a code. */
  String issueCode(CodeRec code) {
    return codes.issue(code, TikTokPlatform.CODE_LIFETIME);
  }

  /** Spends a code, whatever the outcome. */
  Optional<CodeRec> takeCode(String code) {
    return codes.take(code);
  }

  /** Starts an authorization. */
  Auth start(String app, String openId, Set<String> scopes) {
    return new Auth(nextAuth++, app, openId, scopes);
  }

  /** The authorization a live access token stands for. */
  Optional<Auth> access(String token) {
    return accessTokens.live(token);
  }

  /** The authorization a live refresh token stands for. */
  Optional<Auth> refresh(String token) {
    return refreshTokens.live(token);
  }

  /** Kills a refresh token, as rotation does. */
  void spendRefresh(String token) {
    refreshTokens.kill(token);
  }

  /** Ends an authorization: its access and refresh tokens die. */
  void end(Auth auth) {
    accessTokens.killIf(a -> a.id() == auth.id());
    refreshTokens.killIf(a -> a.id() == auth.id());
  }

  /** Ends every authorization of a user; answers how many tokens died. */
  int endUser(String openId) {
    return accessTokens.killIf(a -> a.openId().equals(openId)) + refreshTokens.killIf(a -> a.openId().equals(openId));
  }

  /** Issues Login Kit's access and refresh tokens for an authorization. */
  String[] loginKitPair(Auth auth) {
    return new String[] {accessTokens.issue(auth, accessLifetime), refreshTokens.issue(auth, refreshLifetime)};
  }

  /** Login Kit's token answer: the documented payload with new tokens for the authorization. */
  Map<String, Object> loginKitTokens(String payload, Auth auth) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    m.put("access_token", accessTokens.issue(auth, accessLifetime));
    m.put("expires_in", accessLifetime.toSeconds());
    m.put("open_id", auth.openId());
    m.put("refresh_expires_in", refreshLifetime.toSeconds());
    m.put("refresh_token", refreshTokens.issue(auth, refreshLifetime));
    m.put("scope", String.join(",", auth.scopes()));
    m.put("token_type", "Bearer");
    return m;
  }

  /** The Accounts API's token data: new tokens for the authorization, with the Accounts API's lifetimes. */
  Map<String, Object> businessTokens(Auth auth) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", accessTokens.issue(auth, TikTokPlatform.BUSINESS_ACCESS_LIFETIME));
    data.put("expires_in", TikTokPlatform.BUSINESS_ACCESS_LIFETIME.toSeconds());
    data.put("open_id", auth.openId());
    data.put("refresh_token", refreshTokens.issue(auth, TikTokPlatform.BUSINESS_REFRESH_LIFETIME));
    data.put("refresh_token_expires_in", TikTokPlatform.BUSINESS_REFRESH_LIFETIME.toSeconds());
    data.put("scope", String.join(",", auth.scopes()));
    data.put("token_type", "Bearer");
    return data;
  }
}
