package io.socialink.testkit.internal;

import io.socialink.testkit.internal.TikTokAuthorizations.Auth;
import io.socialink.testkit.internal.TikTokAuthorizations.CodeRec;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.TokenStore;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * TikTok API for Business on the emulator, {@code /open_api/v1.3/}: the Accounts API's OAuth
 * ({@code tt_user/oauth2/token/}, rotating {@code refresh_token/}, {@code revoke/}) and
 * {@code token_info/get/} with the Business app's {@code client_id} and {@code client_secret}; the
 * Marketing API's {@code oauth2/revoke_token/} for advertiser authorizations made outside the emulator;
 * and the Business Center calls, which can be set to refuse (40001). Every answer is the
 * {@code {code, message, request_id, data}} envelope in an HTTP 200, including 40100 when an account's
 * window for the endpoint is full. Not thread-safe: used under the platform's lock.
 */
final class TikTokBusiness {
  /** A Marketing API (Ads Manager) authorization: the advertisers a long-term token reaches. */
  private record AdvertiserAuth(String app, List<String> advertiserIds) {}

  private final Clock clock;
  private final Map<String, TikTokPlatform.AppReg> apps;
  private final TikTokAuthorizations auths;
  private final RateWindows limits;
  private final TikTokReplies replies;
  private final TokenStore<AdvertiserAuth> marketingTokens;
  private boolean refuseBusinessCenter;

  /**
   * Creates the Business API.
   *
   * @param clock the clock tokens and windows run on
   * @param apps the registered apps by key
   * @param auths the codes and tokens
   * @param limits the platform's rate windows
   * @param replies TikTok's answer shapes
   */
  TikTokBusiness(Clock clock, Map<String, TikTokPlatform.AppReg> apps, TikTokAuthorizations auths, RateWindows limits,
      TikTokReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.apps = apps;
    this.auths = auths;
    this.limits = limits;
    this.replies = replies;
    this.marketingTokens = new TokenStore<>(clock, "", 20);
  }

  /** Makes the Business Center calls refused (40001) or accepted. */
  void refuseBusinessCenter(boolean refuse) {
    refuseBusinessCenter = refuse;
  }

  /** Issues a never-expiring Marketing API token of the Business app for advertisers. */
  String authorizeAdvertisers(List<String> advertiserIds) {
    String app = apps.values().stream().filter(TikTokPlatform.AppReg::business).map(TikTokPlatform.AppReg::key)
        .findFirst().orElseThrow(() -> new IllegalStateException("no TikTok API for Business app is registered"));
    return marketingTokens.issue(new AdvertiserAuth(app, List.copyOf(advertiserIds)), TokenStore.forever());
  }

  /** {@code tt_user/oauth2/token/}: an auth code for tokens. */
  Reply token(Call call) {
    return withApp(call, "authorization_code", (body, app) -> {
      Optional<CodeRec> code = auths.takeCode(String.valueOf(body.get("auth_code")));
      if (code.isEmpty() || !code.get().app().equals(app.key())) {
        return replies.business(TikTokPayloads.BUSINESS_AUTH_CODE_INVALID);
      }
      if (!code.get().redirectUri().equals(body.get("redirect_uri"))) {
        return replies.business(TikTokPayloads.BUSINESS_PARAMETER_ERROR, Map.of(),
            "redirect_uri does not match the authorization's");
      }
      Auth auth = auths.start(app.key(), code.get().openId(), code.get().scopes());
      return replies.business(TikTokPayloads.BUSINESS_TOKEN, auths.businessTokens(auth), "");
    });
  }

  /** {@code tt_user/oauth2/refresh_token/}: rotating refresh. */
  Reply refresh(Call call) {
    return withApp(call, "refresh_token", (body, app) -> {
      String presented = String.valueOf(body.get("refresh_token"));
      Optional<Auth> auth = auths.refresh(presented).filter(a -> a.app().equals(app.key()));
      if (auth.isEmpty()) {
        return replies.business(TikTokPayloads.BUSINESS_REFRESH_TOKEN_INVALID);
      }
      Optional<Reply> throttled = throttle("business.refresh", auth.get());
      if (throttled.isPresent()) {
        return throttled.get();
      }
      auths.spendRefresh(presented);
      return replies.business(TikTokPayloads.BUSINESS_REFRESH, auths.businessTokens(auth.get()), "");
    });
  }

  /** {@code tt_user/oauth2/revoke/}: ends the authorization of an access token. */
  Reply revoke(Call call) {
    return withApp(call, null, (body, app) -> withToken(String.valueOf(body.getOrDefault("access_token", "")), app,
        "business.revoke", auth -> {
          auths.end(auth);
          return replies.business(TikTokPayloads.BUSINESS_REVOKE);
        }));
  }

  /** {@code tt_user/token_info/get/}: JSON {@code app_id} and {@code access_token}. */
  Reply tokenInfo(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    TikTokPlatform.AppReg app = apps.get(String.valueOf(body.get("app_id")));
    if (app == null || !app.business()) {
      return replies.business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH);
    }
    return withToken(String.valueOf(body.getOrDefault("access_token", "")), app, "business.token_info", auth -> {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("app_id", app.key());
      data.put("creator_id", auth.openId());
      data.put("scope", String.join(",", auth.scopes()));
      return replies.business(TikTokPayloads.BUSINESS_TOKEN_INFO, data, "");
    });
  }

  /** {@code oauth2/revoke_token/}: JSON {@code app_id}, {@code secret}, {@code access_token}. */
  Reply advertiserRevoke(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    TikTokPlatform.AppReg app = apps.get(String.valueOf(body.get("app_id")));
    if (app == null || !app.business() || !(body.get("secret") instanceof String s) || !Crypto.same(app.secret(), s)) {
      return replies.business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH);
    }
    String token = String.valueOf(body.getOrDefault("access_token", ""));
    Optional<AdvertiserAuth> auth = marketingTokens.live(token).filter(a -> a.app().equals(app.key()));
    if (auth.isEmpty()) {
      return replies.business(token.isEmpty() ? TikTokPayloads.BUSINESS_ACCESS_TOKEN_NULL
          : TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT);
    }
    marketingTokens.kill(token);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("app_id", app.key());
    data.put("advertiser_ids", auth.get().advertiserIds());
    return replies.business(TikTokPayloads.BUSINESS_ADVERTISER_REVOKE, data, "");
  }

  /** The Business Center calls, with the {@code Access-Token} header. */
  Reply businessCenter(Call call) {
    String token = call.header("access-token");
    Optional<Auth> auth = auths.access(token).filter(a -> apps.get(a.app()).business());
    if (token.isEmpty()) {
      return replies.business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_NULL);
    }
    if (auth.isEmpty()) {
      return replies.business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT);
    }
    Optional<Reply> throttled = throttle("business.bc", auth.get());
    if (throttled.isPresent()) {
      return throttled.get();
    }
    if (refuseBusinessCenter) {
      return replies.business(TikTokPayloads.BUSINESS_NO_PERMISSION);
    }
    if (Json.object(call.body()).map(b -> b.get("bc_id")).isEmpty()) {
      return replies.business(TikTokPayloads.BUSINESS_PARAMETER_ERROR, Map.of(), "bc_id is required");
    }
    return replies.business(TikTokPayloads.BUSINESS_CENTER_OK);
  }

  /**
   * A call the Business app authenticates with {@code client_id} and {@code client_secret} in its JSON
   * body (40101 otherwise), with the grant type asked (40108 otherwise) unless {@code grantType} is null.
   */
  private Reply withApp(Call call, @Nullable String grantType,
      BiFunction<Map<String, Object>, TikTokPlatform.AppReg, Reply> then) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    TikTokPlatform.AppReg app = apps.get(String.valueOf(body.get("client_id")));
    if (app == null || !app.business() || !(body.get("client_secret") instanceof String s) || !Crypto.same(app.secret(), s)) {
      return replies.business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH);
    }
    if (grantType != null && !grantType.equals(body.get("grant_type"))) {
      return replies.business(TikTokPayloads.BUSINESS_GRANT_TYPE_INVALID);
    }
    return then.apply(body, app);
  }

  /** A call with an access token of the app: 40104 when empty, 40105 when dead, 40100 when throttled. */
  private Reply withToken(String token, TikTokPlatform.AppReg app, String group, Function<Auth, Reply> then) {
    if (token.isEmpty()) {
      return replies.business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_NULL);
    }
    Optional<Auth> auth = auths.access(token).filter(a -> a.app().equals(app.key()));
    if (auth.isEmpty()) {
      return replies.business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT);
    }
    return throttle(group, auth.get()).orElseGet(() -> then.apply(auth.get()));
  }

  /** 40100 in an HTTP 200 when the account's window for the endpoint is full. */
  private Optional<Reply> throttle(String group, Auth auth) {
    return limits.admit(group, auth.openId(), clock.instant()).filter(a -> !a.admitted())
        .map(a -> replies.business(TikTokPayloads.BUSINESS_TOO_MANY_REQUESTS));
  }
}
