package io.socialink.testkit.internal;

import io.socialink.testkit.internal.TikTokAuthorizations.Auth;
import io.socialink.testkit.internal.TikTokAuthorizations.CodeRec;
import io.socialink.testkit.internal.emulator.Consent;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.RevocationLog;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Login Kit's OAuth on the emulator: the authorization page ({@code GET /v2/auth/authorize/}, which
 * consents as the test set it and binds the code to the redirect URI and TikTok's lowercase-hex S256
 * PKCE challenge), the token endpoint (code exchange, rotating refresh) with the app's client key and
 * secret, and the revoke endpoint, which ends the whole authorization, is limited per app in a sliding
 * second once {@link #revokeLimit} is set, and keeps a log of what it received. Not thread-safe: used
 * under the platform's lock.
 */
final class TikTokLoginKit {
  /** Login Kit's revoke endpoint, limited per app only when {@link #revokeLimit} is set. */
  private static final String REVOKE_GROUP = "oauth.revoke";

  private final Clock clock;
  private final Map<String, TikTokPlatform.AppReg> apps;
  private final TikTokAuthorizations auths;
  private final RateWindows limits;
  private final TikTokReplies replies;
  private final Consent<TikTokPlatform.UserReg> consent;
  private final RevocationLog revocations = new RevocationLog();

  /**
   * Creates Login Kit.
   *
   * @param clock the clock the revoke limit and log run on
   * @param apps the registered apps by key
   * @param auths the codes and tokens
   * @param limits the platform's rate windows
   * @param replies TikTok's answer shapes
   * @param consent who consents, and how
   */
  TikTokLoginKit(Clock clock, Map<String, TikTokPlatform.AppReg> apps, TikTokAuthorizations auths, RateWindows limits,
      TikTokReplies replies, Consent<TikTokPlatform.UserReg> consent) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.apps = apps;
    this.auths = auths;
    this.limits = limits;
    this.replies = replies;
    this.consent = consent;
  }

  /** Limits the revoke endpoint per app in a one-second sliding window. */
  void revokeLimit(int perSecond) {
    limits.limit(REVOKE_GROUP, perSecond, Duration.ofSeconds(1));
  }

  /** What the revoke endpoint received. */
  RevocationLog revocations() {
    return revocations;
  }

  /** {@code GET /v2/auth/authorize/}. */
  Reply authorize(Map<String, String> q) {
    TikTokPlatform.AppReg app = apps.get(q.getOrDefault("client_key", ""));
    if (app == null) {
      return Reply.text(400, "Something went wrong: client_key is unknown");
    }
    String redirect = q.getOrDefault("redirect_uri", "");
    if (!app.redirectUris().contains(redirect)) {
      return Reply.text(400, "Something went wrong: redirect_uri does not match a registered redirect URI");
    }
    String state = q.getOrDefault("state", "");
    String sep = redirect.contains("?") ? "&" : "?";
    if (!"code".equals(q.get("response_type"))) {
      return Reply.redirect(redirect + sep + "error=unsupported_response_type&state=" + enc(state));
    }
    Set<String> scopes = new LinkedHashSet<>(Arrays.asList(q.getOrDefault("scope", "").split(",")));
    scopes.remove("");
    if (scopes.isEmpty()) {
      return Reply.redirect(redirect + sep + "error=invalid_scope&error_description=" + enc("scope is required")
          + "&state=" + enc(state));
    }
    String challenge = q.getOrDefault("code_challenge", "");
    if (!challenge.isEmpty() && !"S256".equals(q.get("code_challenge_method"))) {
      return Reply.text(400, "Something went wrong: code_challenge_method must be S256");
    }
    if (consent.takeDenial()) {
      return Reply.redirect(redirect + sep + "error=access_denied&error_description="
          + enc("The user denied the authorization.") + "&state=" + enc(state));
    }
    Set<String> granted = consent.grant(scopes);
    String code = auths.issueCode(new CodeRec(app.key(), redirect, challenge, granted, consent.user().openId()));
    return Reply.redirect(redirect + sep + "code=" + enc(code) + "&scopes=" + enc(String.join(",", granted))
        + "&state=" + enc(state));
  }

  /** {@code POST /v2/oauth/token/}: the code exchange or the rotating refresh. */
  Reply token(Map<String, String> form) {
    Optional<TikTokPlatform.AppReg> app = app(form);
    if (app.isEmpty()) {
      return replies.oauthError(TikTokPayloads.OAUTH_INVALID_CLIENT, "Client key or secret is invalid.");
    }
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.equals("authorization_code")) {
      Optional<CodeRec> code = auths.takeCode(form.getOrDefault("code", "")); // single use, whatever the outcome
      if (code.isEmpty() || !code.get().app().equals(app.get().key())) {
        return replies.oauthError(TikTokPayloads.OAUTH_INVALID_GRANT, "Authorization code is expired.");
      }
      if (!code.get().redirectUri().equals(form.get("redirect_uri"))) {
        return replies.oauthError(TikTokPayloads.OAUTH_INVALID_REDIRECT_URI,
            "Redirect_uri is not matched with the uri when requesting code.");
      }
      String verifier = form.getOrDefault("code_verifier", "");
      boolean pkce = code.get().challenge().isEmpty() ? verifier.isEmpty()
          : !verifier.isEmpty() && Crypto.same(Crypto.s256Hex(verifier), code.get().challenge());
      if (!pkce) {
        return replies.oauthError(TikTokPayloads.OAUTH_INVALID_CODE_VERIFIER, "Code verifier or code challenge is invalid.");
      }
      Auth auth = auths.start(app.get().key(), code.get().openId(), code.get().scopes());
      return Json.reply(200, auths.loginKitTokens(TikTokPayloads.TOKEN, auth));
    }
    if (grantType.equals("refresh_token")) {
      String presented = form.getOrDefault("refresh_token", "");
      Optional<Auth> auth = auths.refresh(presented);
      if (auth.isEmpty() || !auth.get().app().equals(app.get().key())) {
        return replies.oauthError(TikTokPayloads.OAUTH_INVALID_GRANT, "Refresh token is invalid or expired.");
      }
      auths.spendRefresh(presented); // rotated: the previous refresh token stops working
      return Json.reply(200, auths.loginKitTokens(TikTokPayloads.REFRESH, auth.get()));
    }
    return replies.oauthError(TikTokPayloads.OAUTH_UNSUPPORTED_GRANT_TYPE, "The grant type is not supported.");
  }

  /** {@code POST /v2/oauth/revoke/}: ends the authorization of an access token. */
  Reply revoke(Map<String, String> form) {
    Optional<TikTokPlatform.AppReg> app = app(form);
    if (app.isEmpty()) {
      return replies.oauthError(TikTokPayloads.OAUTH_INVALID_CLIENT, "Client key or secret is invalid.");
    }
    RateWindows.Admission admission = limits.admit(REVOKE_GROUP, app.get().key(), clock.instant()).orElse(null);
    if (admission != null && !admission.admitted()) {
      revocations.throttled(clock.instant());
      return replies.rateLimited();
    }
    revocations.received(form.getOrDefault("token", ""), clock.instant());
    Optional<Auth> auth = auths.access(form.getOrDefault("token", ""));
    if (auth.isEmpty() || !auth.get().app().equals(app.get().key())) {
      return replies.oauthError(TikTokPayloads.OAUTH_INVALID_GRANT, "Access token is invalid or expired.");
    }
    auths.end(auth.get());
    return Json.reply(200, Json.template(TikTokPayloads.bytes(TikTokPayloads.REVOKE)));
  }

  /** The Login Kit app the form authenticates with {@code client_key} and {@code client_secret}. */
  private Optional<TikTokPlatform.AppReg> app(Map<String, String> form) {
    TikTokPlatform.AppReg app = apps.get(form.getOrDefault("client_key", ""));
    if (app == null || app.business() || !Crypto.same(app.secret(), form.getOrDefault("client_secret", ""))) {
      return Optional.empty();
    }
    return Optional.of(app);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
