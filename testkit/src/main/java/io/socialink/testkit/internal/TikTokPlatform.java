package io.socialink.testkit.internal;

import io.socialink.testkit.internal.TikTokAuthorizations.Auth;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Consent;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.Routes;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The in-memory TikTok behind the emulator: a Login Kit app and a TikTok API for Business app, its
 * route table and the switches the emulator front turns, over collaborators that each own one job:
 * {@link TikTokLoginKit Login Kit's OAuth} (authorization page, code exchange bound to the redirect URI
 * and TikTok's lowercase-hex S256 PKCE challenge, rotating refresh, revocation that ends the whole
 * authorization), {@link TikTokAuthorizations the codes and tokens with their lifetimes},
 * {@link TikTokOpenApi the Open API's gate} with user info and video list, {@link TikTokContentPosting
 * Content Posting} (Direct Post and inbox uploads in ordered chunks, status polls), and
 * {@link TikTokBusiness TikTok API for Business} (the Accounts API's OAuth and token info, the Marketing
 * API's revocation of an advertiser authorization, the Business Center calls). Open API endpoints count
 * calls per app in a one-minute sliding window (600 by default, 429 {@code rate_limit_exceeded});
 * Accounts API endpoints per account (40 by default, 40100 in an HTTP 200). Answers are the documented
 * payloads of {@link TikTokPayloads} filled in ({@link TikTokReplies}). Every method is synchronized on
 * the instance.
 */
public final class TikTokPlatform {
  /** How long an authorization code lives (fact sheet §8.2: 10 minutes in one source, 1 hour in another). */
  public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  /** The Accounts API's access token lifetime (fact sheet §8.2). */
  public static final Duration BUSINESS_ACCESS_LIFETIME = Duration.ofDays(1);
  /** The Accounts API's refresh token lifetime (fact sheet §8.2). */
  public static final Duration BUSINESS_REFRESH_LIFETIME = Duration.ofDays(365);

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /**
   * A registered app.
   *
   * @param key the client key (Login Kit) or app id (Business)
   * @param secret the client secret
   * @param business whether it is a TikTok API for Business app
   * @param redirectUris the registered redirect URIs
   */
  public record AppReg(String key, String secret, boolean business, Set<String> redirectUris) {}

  /**
   * A user of the emulated TikTok.
   *
   * @param openId the user's id for the apps
   * @param username the handle
   * @param displayName the display name
   */
  public record UserReg(String openId, String username, String displayName) {}

  private final Clock clock;
  private final Map<String, AppReg> apps;
  private final Map<String, UserReg> users = new HashMap<>();
  private final RateWindows limits = new RateWindows(RateWindows.Kind.SLIDING);
  private final Consent<UserReg> consent;
  private final TikTokReplies replies;
  private final TikTokAuthorizations auths;
  private final TikTokLoginKit loginKit;
  private final TikTokOpenApi openApi;
  private final TikTokContentPosting posting;
  private final TikTokBusiness business;
  private final Routes routes;

  /**
   * Creates the platform.
   *
   * @param clock the clock codes, tokens and windows expire by
   * @param apps the registered apps
   * @param user the user who consents
   * @param accessLifetime Login Kit's access token lifetime
   * @param refreshLifetime Login Kit's refresh token lifetime
   */
  public TikTokPlatform(Clock clock, List<AppReg> apps, UserReg user, Duration accessLifetime, Duration refreshLifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, AppReg> m = new LinkedHashMap<>();
    apps.forEach(a -> m.put(a.key(), a));
    this.apps = Map.copyOf(m);
    this.consent = new Consent<>(Objects.requireNonNull(user, "user"));
    users.put(user.openId(), user);
    this.replies = new TikTokReplies(clock);
    this.auths = new TikTokAuthorizations(clock, accessLifetime, refreshLifetime);
    this.loginKit = new TikTokLoginKit(clock, this.apps, auths, limits, replies, consent);
    this.openApi = new TikTokOpenApi(clock, this.apps, users, auths, limits, replies);
    this.posting = new TikTokContentPosting(replies);
    this.business = new TikTokBusiness(clock, this.apps, auths, limits, replies);
    for (String group : List.of("user.info", "video.list")) {
      limits.limit(group, 600, MINUTE);
    }
    limits.limit("post.video.init", 6, MINUTE);
    limits.limit("post.inbox.video.init", 6, MINUTE);
    limits.limit("post.status.fetch", 30, MINUTE);
    for (String group : List.of("business.refresh", "business.revoke", "business.token_info", "business.bc")) {
      limits.limit(group, 40, MINUTE);
    }
    String b = "/open_api/v1.3/";
    this.routes = new Routes()
        .add("GET", "/v2/auth/authorize/", c -> loginKit.authorize(c.query()))
        .add("POST", "/v2/oauth/token/", c -> loginKit.token(c.form()))
        .add("POST", "/v2/oauth/revoke/", c -> loginKit.revoke(c.form()))
        .add("GET", "/v2/user/info/", c -> openApi.call("user.info", c, "user.info.basic", openApi::userInfo))
        .add("POST", "/v2/video/list/", c -> openApi.call("video.list", c, "video.list", openApi::videoList))
        .add("POST", "/v2/post/publish/video/init/", c -> openApi.call("post.video.init", c, "video.publish",
            ca -> posting.init(ca, true)))
        .add("POST", "/v2/post/publish/inbox/video/init/", c -> openApi.call("post.inbox.video.init", c, "video.upload",
            ca -> posting.init(ca, false)))
        .add("PUT", "/upload/video/", posting::uploadChunk)
        .add("POST", "/v2/post/publish/status/fetch/", c -> openApi.call("post.status.fetch", c, null, posting::status))
        .add("POST", b + "tt_user/oauth2/token/", business::token)
        .add("POST", b + "tt_user/oauth2/refresh_token/", business::refresh)
        .add("POST", b + "tt_user/oauth2/revoke/", business::revoke)
        .add("POST", b + "tt_user/token_info/get/", business::tokenInfo)
        .add("POST", b + "oauth2/revoke_token/", business::advertiserRevoke)
        .add("POST", b + "bc/{path:asset/admin/delete|asset/unassign|member/delete|partner/asset/delete}/",
            business::businessCenter);
  }

  /**
   * Sets who consents from now on.
   *
   * @param user the user
   */
  public synchronized void consentAs(UserReg user) {
    users.put(user.openId(), user);
    consent.consentAs(user);
  }

  /** Makes the next consent a refusal ({@code error=access_denied}). */
  public synchronized void denyNextConsent() {
    consent.denyNext();
  }

  /**
   * Makes later consents leave out scopes.
   *
   * @param scopes the scopes not granted
   */
  public synchronized void withhold(Set<String> scopes) {
    consent.withhold(scopes);
  }

  /**
   * Sets the HTTP status of flat OAuth errors (TikTok documents none; 200 has been seen).
   *
   * @param status the status
   */
  public synchronized void oauthErrorStatus(int status) {
    replies.oauthErrorStatus(status);
  }

  /**
   * Makes the Business Center calls refused (40001) or accepted.
   *
   * @param refuse whether to refuse
   */
  public synchronized void refuseBusinessCenter(boolean refuse) {
    business.refuseBusinessCenter(refuse);
  }

  /**
   * Changes an endpoint group's limit.
   *
   * @param group the group
   * @param limit calls per window
   * @param window the window
   */
  public synchronized void limit(String group, int limit, Duration window) {
    limits.limit(group, limit, window);
  }

  /**
   * Limits Login Kit's revoke endpoint per app in a one-second sliding window, answering 429
   * {@code rate_limit_exceeded} beyond it (TikTok documents no rate-limit headers). Unlimited unless set.
   *
   * @param perSecond calls per second and app
   */
  public synchronized void revokeLimit(int perSecond) {
    loginKit.revokeLimit(perSecond);
  }

  /**
   * Ends every authorization of a user for the Login Kit apps, as the user's removal of the app in
   * TikTok does.
   *
   * @param openId the user
   * @return how many tokens died
   */
  public synchronized int removeAuthorization(String openId) {
    return auths.endUser(openId);
  }

  /**
   * Issues a Marketing API access token of the Business app for advertisers, as an Ads Manager
   * authorization made outside the emulator would; it does not expire.
   *
   * @param advertiserIds the advertisers it reaches
   * @return the long-term access token
   */
  public synchronized String authorizeAdvertisers(List<String> advertiserIds) {
    return business.authorizeAdvertisers(advertiserIds);
  }

  /**
   * Issues Login Kit tokens as a consent and code exchange would, without the browser: registers the
   * user and starts one authorization.
   *
   * @param appKey a registered Login Kit app
   * @param user the user
   * @param scopes the granted scopes
   * @return the access token and the refresh token
   */
  public synchronized String[] mint(String appKey, UserReg user, Set<String> scopes) {
    AppReg app = apps.get(appKey);
    if (app == null || app.business()) {
      throw new IllegalArgumentException("unknown Login Kit client key '" + appKey + "'");
    }
    users.put(user.openId(), user);
    Auth auth = auths.start(app.key(), user.openId(), Collections.unmodifiableSet(new LinkedHashSet<>(scopes)));
    return auths.loginKitPair(auth);
  }

  /**
   * When the revoke endpoint received requests naming a token, throttled ones left out.
   *
   * @param token the token
   * @return the instants, oldest first
   */
  public synchronized List<Instant> revocationsOf(String token) {
    return loginKit.revocations().of(token);
  }

  /**
   * When the revoke endpoint answered 429.
   *
   * @return the instants, oldest first
   */
  public synchronized List<Instant> throttledRevocations() {
    return loginKit.revocations().throttled();
  }

  /**
   * Handles a request.
   *
   * @param call the request
   * @return the answer
   */
  public synchronized Reply handle(Call call) {
    return routes.dispatch(call).orElseGet(() -> call.path().startsWith("/open_api/")
        ? replies.business(TikTokPayloads.BUSINESS_PARAMETER_ERROR, Map.of(),
            "no such endpoint on the TikTok emulator: " + call.method() + " " + call.path())
        : replies.openApiError(404, TikTokPayloads.INVALID_PARAMS,
            "no such endpoint on the TikTok emulator: " + call.method() + " " + call.path()));
  }

  /**
   * The answer to an injected error status: the Open API's {@code internal_error} envelope.
   *
   * @param status the status
   * @return the reply
   */
  public synchronized Reply unavailable(int status) {
    return replies.openApiError(status, TikTokPayloads.INTERNAL_ERROR, "");
  }

  /**
   * A webhook delivery's body, in TikTok's envelope, with the creation time from the clock.
   *
   * @param clientKey the app
   * @param event the event name
   * @param openId the user
   * @param content the event's content, a JSON text that the envelope carries as a string
   * @return the body
   */
  public synchronized byte[] webhookBody(String clientKey, String event, String openId, String content) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(TikTokPayloads.WEBHOOK_AUTHORIZATION_REMOVED));
    m.put("client_key", clientKey);
    m.put("event", event);
    m.put("create_time", clock.instant().getEpochSecond());
    m.put("user_openid", openId);
    m.put("content", content);
    return Json.reply(200, m).body();
  }
}
