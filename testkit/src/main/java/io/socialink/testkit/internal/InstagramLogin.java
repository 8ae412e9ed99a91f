package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.TokenStore;
import java.time.Duration;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Instagram Login on the emulator: the authorize page ({@code www.instagram.com}, codes single use for
 * an hour), the code exchange on the token host ({@code api.instagram.com}, a short-lived token), the
 * exchange of a short-lived token for a long-lived one and the refresh of a long-lived token at least
 * 24 hours old on the Graph host; and whether the app is installed for an account: from consent until
 * the user removes the app, which ends every token the account holds. Not thread-safe: used under the
 * platform's lock.
 */
final class InstagramLogin {
  private record Code(String userId, String redirectUri, List<String> scopes) {}

  private final Clock clock;
  private final String appId;
  private final String appSecret;
  private final String redirectUri;
  private final InstagramAccounts accounts;
  private final InstagramCallbacks callbacks;
  private final GraphReplies replies;
  private final ConsentDialog dialog;
  private final TokenStore<Code> codes;
  private final MetaTokens tokens;
  private final Set<String> installed = new HashSet<>();

  /**
   * Creates the login.
   *
   * @param clock the clock codes and tokens expire by
   * @param appId the Instagram app's id
   * @param appSecret the Instagram app's secret
   * @param redirectUri the registered redirect URI
   * @param accounts the accounts that may consent
   * @param callbacks the webhook subscriptions consent turns on
   * @param replies the Graph errors' wording
   */
  InstagramLogin(Clock clock, String appId, String appSecret, String redirectUri, InstagramAccounts accounts,
      InstagramCallbacks callbacks, GraphReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.appId = appId;
    this.appSecret = appSecret;
    this.redirectUri = redirectUri;
    this.accounts = accounts;
    this.callbacks = callbacks;
    this.replies = replies;
    this.dialog = new ConsentDialog(appId, redirectUri, InstagramPlatform.SCOPES, new ConsentDialog.Wording(
        "Invalid platform app (client_id is not this emulator's Instagram app id)",
        "Invalid redirect_uri: it must equal the registered ", "Invalid scopes: ", "; Instagram Login knows ", "account",
        "error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request", "#_"));
    this.codes = new TokenStore<>(clock, "AQB", 24);
    this.tokens = new MetaTokens(clock, "IGAA", replies);
  }

  /** {@code GET /oauth/authorize}. */
  Reply authorize(Call c) {
    return dialog.answer(c.query(), accounts.ids(),
        (user, scopes) -> codes.issue(new Code(user, redirectUri, scopes), Duration.ofHours(1)));
  }

  /** {@code POST /oauth/access_token} (form): a code for a short-lived token, with the token host's flat errors. */
  Reply exchangeCode(Call c) {
    Map<String, String> f = c.form();
    if (!appId.equals(f.get("client_id"))) {
      return GraphReplies.tokenError(InstagramPayloads.TOKEN_INVALID_PLATFORM_APP);
    }
    if (!Crypto.same(appSecret, f.getOrDefault("client_secret", ""))) {
      return GraphReplies.tokenError(InstagramPayloads.TOKEN_INVALID_CLIENT_SECRET);
    }
    if (!"authorization_code".equals(f.get("grant_type"))) {
      return GraphReplies.tokenError(InstagramPayloads.TOKEN_CODE_USED);
    }
    Optional<Code> code = codes.take(f.getOrDefault("code", ""));
    if (code.isEmpty() || !code.get().redirectUri().equals(f.get("redirect_uri"))) {
      return GraphReplies.tokenError(InstagramPayloads.TOKEN_CODE_USED);
    }
    Code k = code.get();
    installed.add(k.userId());
    callbacks.subscribe(k.userId());
    String token = tokens.issue(k.userId(), k.scopes(), InstagramPlatform.SHORT_LIVED);
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.CODE_EXCHANGE));
    m.put("access_token", token);
    m.put("user_id", Long.parseLong(k.userId()));
    m.put("permissions", k.scopes());
    return Json.reply(200, m);
  }

  /** {@code GET /access_token?grant_type=ig_exchange_token}: a short-lived token for a long-lived one. */
  Reply longLived(Call c) {
    Map<String, String> q = c.query();
    if (!"ig_exchange_token".equals(q.get("grant_type"))) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "Unsupported grant_type");
    }
    if (!Crypto.same(appSecret, q.getOrDefault("client_secret", ""))) {
      return replies.error(400, InstagramPayloads.CLIENT_SECRET, null);
    }
    String presented = q.getOrDefault("access_token", "");
    Optional<Reply> refused = tokens.refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    MetaTokens.Token t = tokens.live(presented).orElseThrow();
    if (t.longLived()) {
      return replies.error(400, InstagramPayloads.INVALID_TOKEN, null);
    }
    return MetaTokens.bearer(InstagramPayloads.LONG_LIVED_TOKEN, tokens.extend(t, InstagramPlatform.LONG_LIVED),
        InstagramPlatform.LONG_LIVED);
  }

  /** {@code GET /refresh_access_token?grant_type=ig_refresh_token}: a new long-lived token for one a day old. */
  Reply refresh(Call c) {
    Map<String, String> q = c.query();
    if (!"ig_refresh_token".equals(q.get("grant_type"))) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "Unsupported grant_type");
    }
    String presented = q.getOrDefault("access_token", "");
    Optional<Reply> refused = tokens.refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    MetaTokens.Token t = tokens.live(presented).orElseThrow();
    if (!t.longLived()) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "A short-lived token cannot be refreshed");
    }
    if (clock.instant().isBefore(t.issuedAt().plus(InstagramPlatform.MIN_REFRESH_AGE))) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER,
          "The access token must be at least 24 hours old to be refreshed");
    }
    return MetaTokens.bearer(InstagramPayloads.REFRESH_TOKEN, tokens.extend(t, InstagramPlatform.LONG_LIVED),
        InstagramPlatform.LONG_LIVED);
  }

  /** The user removes the app: every token of the account dies; answers whether the app was installed. */
  boolean removeApp(String userId) {
    tokens.endAll(userId);
    return installed.remove(userId);
  }

  /** Whether the account consented and has not removed the app since. */
  boolean installed(String userId) {
    return installed.contains(userId);
  }

  /** The login's user tokens. */
  MetaTokens tokens() {
    return tokens;
  }
}
