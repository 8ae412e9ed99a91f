package io.socialink.testkit.internal;

import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.Routes;
import io.socialink.testkit.internal.emulator.TokenStore;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The in-memory TikTok behind the emulator, on the shared toolkit: a Login Kit app and a TikTok API for
 * Business app, authorization codes (10 minutes, single use, bound to the redirect URI and, when the
 * authorization sent one, to TikTok's lowercase-hex S256 PKCE challenge), access tokens and single-use
 * rotating refresh tokens with the lifetimes given, revocation that ends the whole authorization, user
 * info and video list, Content Posting (Direct Post and inbox uploads of a {@code FILE_UPLOAD} video
 * in ordered chunks, status polls), the Accounts API OAuth and token info, the Marketing API's revocation of an
 * advertiser authorization, and the Business Center calls. Open API
 * endpoints count calls per app in a one-minute sliding window (600 by default, 429
 * {@code rate_limit_exceeded}); Accounts API endpoints per account (40 by default, 40100 in an HTTP
 * 200). Answers are the documented payloads of {@link TikTokPayloads} filled in. Every method is
 * synchronized on the instance.
 */
public final class TikTokPlatform {
  /** How long an authorization code lives (fact sheet §8.2: 10 minutes in one source, 1 hour in another). */
  public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  /** The Accounts API's access token lifetime (fact sheet §8.2). */
  public static final Duration BUSINESS_ACCESS_LIFETIME = Duration.ofDays(1);
  /** The Accounts API's refresh token lifetime (fact sheet §8.2). */
  public static final Duration BUSINESS_REFRESH_LIFETIME = Duration.ofDays(365);

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final List<String> BASIC = List.of("open_id", "union_id", "avatar_url", "avatar_url_100",
      "avatar_large_url", "display_name");
  private static final List<String> PROFILE = List.of("username", "bio_description", "profile_deep_link", "is_verified");
  private static final List<String> STATS = List.of("follower_count", "following_count", "likes_count", "video_count");
  private static final List<String> VIDEO_FIELDS = List.of("id", "title", "cover_image_url", "create_time",
      "share_url", "video_description", "duration", "height", "width", "embed_html", "embed_link", "like_count",
      "comment_count", "share_count", "view_count");
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

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

  private record CodeRec(String app, String redirectUri, String challenge, Set<String> scopes, String openId) {}

  /** A Marketing API (Ads Manager) authorization: the advertisers a long-term token reaches. */
  private record AdvertiserAuth(String app, List<String> advertiserIds) {}

  /** A video being posted: its size, the bytes received in order, and where it goes. */
  private static final class Upload {
    final String publishId;
    final String openId;
    final long size;
    final boolean direct;
    long received;
    long postId;

    Upload(String publishId, String openId, long size, boolean direct) {
      this.publishId = publishId;
      this.openId = openId;
      this.size = size;
      this.direct = direct;
    }
  }

  /** One authorization: what every access and refresh token issued from one consent stands for. */
  private record Auth(long id, String app, String openId, Set<String> scopes) {}

  private final Clock clock;
  private final Map<String, AppReg> apps;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Routes routes;
  private final TokenStore<CodeRec> codes;
  private final TokenStore<Auth> accessTokens;
  private final TokenStore<Auth> refreshTokens;
  private final TokenStore<AdvertiserAuth> marketingTokens;
  private final RateWindows limits = new RateWindows(RateWindows.Kind.SLIDING);
  private final Map<String, UserReg> users = new HashMap<>();
  private final Map<String, Upload> uploads = new HashMap<>();
  private long nextUpload = 67890;
  private long nextPost = 7304895727592032520L;
  private final Set<String> withheld = new LinkedHashSet<>();
  private UserReg consentUser;
  private boolean denyNext;
  private int oauthErrorStatus = 400;
  private boolean refuseBusinessCenter;
  private long nextAuth = 1;
  private long nextLog = 0x1B2C3D4E5F6L;
  /** Login Kit's revoke endpoint, limited per app only when {@link #revokeLimit} is set. */
  private static final String REVOKE_GROUP = "oauth.revoke";
  private final Map<String, List<java.time.Instant>> revocations = new HashMap<>();
  private final List<java.time.Instant> throttledRevocations = new ArrayList<>();

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
    this.consentUser = Objects.requireNonNull(user, "user");
    users.put(user.openId(), user);
    this.accessLifetime = Objects.requireNonNull(accessLifetime, "accessLifetime");
    this.refreshLifetime = Objects.requireNonNull(refreshLifetime, "refreshLifetime");
    this.codes = new TokenStore<>(clock, "", 24);
    this.accessTokens = new TokenStore<>(clock, "act.", 30);
    this.refreshTokens = new TokenStore<>(clock, "rft.", 30);
    this.marketingTokens = new TokenStore<>(clock, "", 20);
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
        .add("GET", "/v2/auth/authorize/", c -> authorize(c.query()))
        .add("POST", "/v2/oauth/token/", c -> token(c.form()))
        .add("POST", "/v2/oauth/revoke/", c -> revoke(c.form()))
        .add("GET", "/v2/user/info/", c -> openApi("user.info", c, "user.info.basic", this::userInfo))
        .add("POST", "/v2/video/list/", c -> openApi("video.list", c, "video.list", this::videoList))
        .add("POST", "/v2/post/publish/video/init/", c -> openApi("post.video.init", c, "video.publish",
            ca -> initPost(ca, true)))
        .add("POST", "/v2/post/publish/inbox/video/init/", c -> openApi("post.inbox.video.init", c, "video.upload",
            ca -> initPost(ca, false)))
        .add("PUT", "/upload/video/", this::uploadChunk)
        .add("POST", "/v2/post/publish/status/fetch/", c -> openApi("post.status.fetch", c, null, this::postStatus))
        .add("POST", b + "tt_user/oauth2/token/", this::businessToken)
        .add("POST", b + "tt_user/oauth2/refresh_token/", this::businessRefresh)
        .add("POST", b + "tt_user/oauth2/revoke/", this::businessRevoke)
        .add("POST", b + "tt_user/token_info/get/", this::businessTokenInfo)
        .add("POST", b + "oauth2/revoke_token/", this::advertiserRevoke)
        .add("POST", b + "bc/{path:asset/admin/delete|asset/unassign|member/delete|partner/asset/delete}/",
            this::businessCenter);
  }

  /**
   * Sets who consents from now on.
   *
   * @param user the user
   */
  public synchronized void consentAs(UserReg user) {
    users.put(user.openId(), user);
    consentUser = user;
  }

  /** Makes the next consent a refusal ({@code error=access_denied}). */
  public synchronized void denyNextConsent() {
    denyNext = true;
  }

  /**
   * Makes later consents leave out scopes.
   *
   * @param scopes the scopes not granted
   */
  public synchronized void withhold(Set<String> scopes) {
    withheld.clear();
    withheld.addAll(scopes);
  }

  /**
   * Sets the HTTP status of flat OAuth errors (TikTok documents none; 200 has been seen).
   *
   * @param status the status
   */
  public synchronized void oauthErrorStatus(int status) {
    oauthErrorStatus = status;
  }

  /**
   * Makes the Business Center calls refused (40001) or accepted.
   *
   * @param refuse whether to refuse
   */
  public synchronized void refuseBusinessCenter(boolean refuse) {
    refuseBusinessCenter = refuse;
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
   * Ends every authorization of a user for the Login Kit apps, as the user's removal of the app in
   * TikTok does.
   *
   * @param openId the user
   * @return how many tokens died
   */
  public synchronized int removeAuthorization(String openId) {
    return accessTokens.killIf(a -> a.openId().equals(openId)) + refreshTokens.killIf(a -> a.openId().equals(openId));
  }

  /**
   * Issues a Marketing API access token of the Business app for advertisers, as an Ads Manager
   * authorization made outside the emulator would; it does not expire.
   *
   * @param advertiserIds the advertisers it reaches
   * @return the long-term access token
   */
  public synchronized String authorizeAdvertisers(List<String> advertiserIds) {
    String app = apps.values().stream().filter(AppReg::business).map(AppReg::key).findFirst()
        .orElseThrow(() -> new IllegalStateException("no TikTok API for Business app is registered"));
    return marketingTokens.issue(new AdvertiserAuth(app, List.copyOf(advertiserIds)), TokenStore.forever());
  }

  /**
   * Handles a request.
   *
   * @param call the request
   * @return the answer
   */
  public synchronized Reply handle(Call call) {
    return routes.dispatch(call).orElseGet(() -> call.path().startsWith("/open_api/")
        ? business(TikTokPayloads.BUSINESS_PARAMETER_ERROR, Map.of(),
            "no such endpoint on the TikTok emulator: " + call.method() + " " + call.path())
        : openApiError(404, TikTokPayloads.INVALID_PARAMS,
            "no such endpoint on the TikTok emulator: " + call.method() + " " + call.path()));
  }

  /**
   * The answer to an injected error status: the Open API's {@code internal_error} envelope.
   *
   * @param status the status
   * @return the reply
   */
  public synchronized Reply unavailable(int status) {
    return openApiError(status, TikTokPayloads.INTERNAL_ERROR, "");
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

  // ---- Login Kit ---------------------------------------------------------------------------

  private Reply authorize(Map<String, String> q) {
    AppReg app = apps.get(q.getOrDefault("client_key", ""));
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
    if (denyNext) {
      denyNext = false;
      return Reply.redirect(redirect + sep + "error=access_denied&error_description="
          + enc("The user denied the authorization.") + "&state=" + enc(state));
    }
    scopes.removeAll(withheld);
    String code = codes.issue(new CodeRec(app.key(), redirect, challenge, java.util.Collections.unmodifiableSet(scopes),
        consentUser.openId()),
        CODE_LIFETIME);
    return Reply.redirect(redirect + sep + "code=" + enc(code) + "&scopes=" + enc(String.join(",", scopes))
        + "&state=" + enc(state));
  }

  /** The Login Kit app the form authenticates, or the OAuth error. */
  private Optional<AppReg> loginKitApp(Map<String, String> form) {
    AppReg app = apps.get(form.getOrDefault("client_key", ""));
    if (app == null || app.business() || !Crypto.same(app.secret(), form.getOrDefault("client_secret", ""))) {
      return Optional.empty();
    }
    return Optional.of(app);
  }

  private Reply token(Map<String, String> form) {
    Optional<AppReg> app = loginKitApp(form);
    if (app.isEmpty()) {
      return oauthError(TikTokPayloads.OAUTH_INVALID_CLIENT, "Client key or secret is invalid.");
    }
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.equals("authorization_code")) {
      Optional<CodeRec> code = codes.take(form.getOrDefault("code", "")); // single use, whatever the outcome
      if (code.isEmpty() || !code.get().app().equals(app.get().key())) {
        return oauthError(TikTokPayloads.OAUTH_INVALID_GRANT, "Authorization code is expired.");
      }
      if (!code.get().redirectUri().equals(form.get("redirect_uri"))) {
        return oauthError(TikTokPayloads.OAUTH_INVALID_REDIRECT_URI,
            "Redirect_uri is not matched with the uri when requesting code.");
      }
      String verifier = form.getOrDefault("code_verifier", "");
      boolean pkce = code.get().challenge().isEmpty() ? verifier.isEmpty()
          : !verifier.isEmpty() && Crypto.same(Crypto.s256Hex(verifier), code.get().challenge());
      if (!pkce) {
        return oauthError(TikTokPayloads.OAUTH_INVALID_CODE_VERIFIER, "Code verifier or code challenge is invalid.");
      }
      Auth auth = new Auth(nextAuth++, app.get().key(), code.get().openId(), code.get().scopes());
      return Json.reply(200, loginKitTokens(TikTokPayloads.TOKEN, auth));
    }
    if (grantType.equals("refresh_token")) {
      String presented = form.getOrDefault("refresh_token", "");
      Optional<Auth> auth = refreshTokens.live(presented);
      if (auth.isEmpty() || !auth.get().app().equals(app.get().key())) {
        return oauthError(TikTokPayloads.OAUTH_INVALID_GRANT, "Refresh token is invalid or expired.");
      }
      refreshTokens.kill(presented); // rotated: the previous refresh token stops working
      return Json.reply(200, loginKitTokens(TikTokPayloads.REFRESH, auth.get()));
    }
    return oauthError(TikTokPayloads.OAUTH_UNSUPPORTED_GRANT_TYPE, "The grant type is not supported.");
  }

  private Map<String, Object> loginKitTokens(String payload, Auth auth) {
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

  /**
   * Limits Login Kit's revoke endpoint per app in a one-second sliding window, answering 429
   * {@code rate_limit_exceeded} beyond it (TikTok documents no rate-limit headers). Unlimited unless set.
   *
   * @param perSecond calls per second and app
   */
  public synchronized void revokeLimit(int perSecond) {
    limits.limit(REVOKE_GROUP, perSecond, Duration.ofSeconds(1));
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
    Auth auth = new Auth(nextAuth++, app.key(), user.openId(), java.util.Collections.unmodifiableSet(
        new LinkedHashSet<>(scopes)));
    return new String[] {accessTokens.issue(auth, accessLifetime), refreshTokens.issue(auth, refreshLifetime)};
  }

  /**
   * When the revoke endpoint received requests naming a token, throttled ones left out.
   *
   * @param token the token
   * @return the instants, oldest first
   */
  public synchronized List<java.time.Instant> revocationsOf(String token) {
    return List.copyOf(revocations.getOrDefault(token, List.of()));
  }

  /**
   * When the revoke endpoint answered 429.
   *
   * @return the instants, oldest first
   */
  public synchronized List<java.time.Instant> throttledRevocations() {
    return List.copyOf(throttledRevocations);
  }

  private Reply revoke(Map<String, String> form) {
    Optional<AppReg> app = loginKitApp(form);
    if (app.isEmpty()) {
      return oauthError(TikTokPayloads.OAUTH_INVALID_CLIENT, "Client key or secret is invalid.");
    }
    RateWindows.Admission admission = limits.admit(REVOKE_GROUP, app.get().key(), clock.instant()).orElse(null);
    if (admission != null && !admission.admitted()) {
      throttledRevocations.add(clock.instant());
      Map<String, Object> m = Json.template(TikTokPayloads.bytes(TikTokPayloads.RATE_LIMIT_EXCEEDED));
      errorOf(m).put("log_id", logId());
      return Json.reply(429, m);
    }
    revocations.computeIfAbsent(form.getOrDefault("token", ""), k -> new ArrayList<>()).add(clock.instant());
    Optional<Auth> auth = accessTokens.live(form.getOrDefault("token", ""));
    if (auth.isEmpty() || !auth.get().app().equals(app.get().key())) {
      return oauthError(TikTokPayloads.OAUTH_INVALID_GRANT, "Access token is invalid or expired.");
    }
    endAuthorization(auth.get());
    return Json.reply(200, Json.template(TikTokPayloads.bytes(TikTokPayloads.REVOKE)));
  }

  private void endAuthorization(Auth auth) {
    accessTokens.killIf(a -> a.id() == auth.id());
    refreshTokens.killIf(a -> a.id() == auth.id());
  }

  /** An Open API call: a live Login Kit token, the group's window per app, the scope (null: either posting scope). */
  private Reply openApi(String group, Call call, @org.jspecify.annotations.Nullable String scope,
      Function<CallAuth, Reply> handler) {
    Optional<Auth> auth = call.bearer().flatMap(accessTokens::live).filter(a -> !apps.get(a.app()).business());
    if (auth.isEmpty()) {
      return openApiError(401, TikTokPayloads.ACCESS_TOKEN_INVALID, "");
    }
    String key = group.startsWith("post.") ? auth.get().openId() : auth.get().app(); // posting counts per user
    RateWindows.Admission admission = limits.admit(group, key, clock.instant()).orElse(null);
    if (admission != null && !admission.admitted()) {
      Map<String, Object> m = Json.template(TikTokPayloads.bytes(TikTokPayloads.RATE_LIMIT_EXCEEDED));
      errorOf(m).put("log_id", logId());
      return Json.reply(429, m);
    }
    boolean scoped = scope == null
        ? auth.get().scopes().contains("video.upload") || auth.get().scopes().contains("video.publish")
        : auth.get().scopes().contains(scope);
    if (!scoped) {
      return openApiError(401, TikTokPayloads.SCOPE_NOT_AUTHORIZED, "");
    }
    return handler.apply(new CallAuth(call, auth.get()));
  }

  private record CallAuth(Call call, Auth auth) {}

  private Reply userInfo(CallAuth ca) {
    List<String> fields = fields(ca.call());
    Set<String> allowed = new LinkedHashSet<>(BASIC);
    allowed.addAll(PROFILE);
    allowed.addAll(STATS);
    if (fields.isEmpty() || !allowed.containsAll(fields)) {
      return openApiError(400, TikTokPayloads.INVALID_PARAMS, "The request parameters are invalid: fields");
    }
    Set<String> scopes = ca.auth().scopes();
    if ((!scopes.contains("user.info.profile") && fields.stream().anyMatch(PROFILE::contains))
        || (!scopes.contains("user.info.stats") && fields.stream().anyMatch(STATS::contains))) {
      return openApiError(400, TikTokPayloads.SCOPE_PERMISSION_MISSED, "");
    }
    UserReg u = users.get(ca.auth().openId());
    Map<String, Object> documented = Json.template(TikTokPayloads.bytes(TikTokPayloads.USER_INFO));
    @SuppressWarnings("unchecked")
    Map<String, Object> example = (Map<String, Object>) ((Map<String, Object>) documented.get("data")).get("user");
    Map<String, Object> user = new LinkedHashMap<>();
    for (String f : fields) {
      Object v = switch (f) {
        case "open_id" -> u.openId();
        case "union_id" -> "union-" + u.openId();
        case "display_name" -> u.displayName();
        case "username" -> u.username();
        case "avatar_url_100", "avatar_large_url" -> example.get("avatar_url");
        default -> example.get(f);
      };
      user.put(f, v);
    }
    return ok(documented, Map.of("user", user));
  }

  private Reply videoList(CallAuth ca) {
    List<String> fields = fields(ca.call());
    if (fields.isEmpty() || !VIDEO_FIELDS.containsAll(fields)) {
      return openApiError(400, TikTokPayloads.INVALID_PARAMS, "The request parameters are invalid: fields");
    }
    Map<String, Object> body = Json.object(ca.call().body()).orElse(Map.of());
    Object max = body.getOrDefault("max_count", 10);
    if (!(max instanceof Integer n) || n < 1 || n > 20) {
      return openApiError(400, TikTokPayloads.INVALID_PARAMS, "The request parameters are invalid: max_count");
    }
    Map<String, Object> documented = Json.template(TikTokPayloads.bytes(TikTokPayloads.VIDEO_LIST));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) documented.get("data"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> videos = (List<Map<String, Object>>) data.get("videos");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> v : videos.subList(0, Math.min(n, videos.size()))) {
      Map<String, Object> picked = new LinkedHashMap<>();
      fields.forEach(f -> picked.put(f, v.get(f)));
      out.add(picked);
    }
    data.put("videos", out);
    data.put("has_more", false);
    return ok(documented, data);
  }

  // ---- Content Posting ---------------------------------------------------------------------

  /**
   * Direct Post or inbox upload init: {@code source_info} must be a {@code FILE_UPLOAD} whose chunk
   * count is {@code floor(video_size / chunk_size)} (at least one); Direct Post also needs
   * {@code post_info.privacy_level}. The upload address is on this emulator.
   */
  private Reply initPost(CallAuth ca, boolean direct) {
    Map<String, Object> body = Json.object(ca.call().body()).orElse(Map.of());
    if (direct && !(body.get("post_info") instanceof Map<?, ?> info && info.get("privacy_level") instanceof String)) {
      return openApiError(400, TikTokPayloads.POST_INVALID_PARAM, "The privacy_level field is missing.");
    }
    if (!(body.get("source_info") instanceof Map<?, ?> source) || !"FILE_UPLOAD".equals(source.get("source"))) {
      return openApiError(400, TikTokPayloads.POST_INVALID_PARAM,
          "The emulator takes source_info.source FILE_UPLOAD only.");
    }
    if (!(source.get("video_size") instanceof Number size) || !(source.get("chunk_size") instanceof Number chunk)
        || !(source.get("total_chunk_count") instanceof Number count) || size.longValue() <= 0
        || chunk.longValue() <= 0 || count.longValue() != Math.max(1, size.longValue() / chunk.longValue())) {
      return openApiError(400, TikTokPayloads.POST_INVALID_PARAM,
          "video_size, chunk_size and total_chunk_count = floor(video_size / chunk_size) are required.");
    }
    long n = nextUpload++;
    String publishId = (direct ? "v_pub_file~v2-1." : "v_inbox_file~v2.") + (123456789 + n);
    uploads.put(publishId, new Upload(publishId, ca.auth().openId(), size.longValue(), direct));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("publish_id", publishId);
    data.put("upload_url", "http://" + ca.call().header("host") + "/upload/video/?upload_id=" + n + "&upload_token="
        + enc(publishId));
    return ok(Json.template(TikTokPayloads.bytes(direct ? TikTokPayloads.POST_VIDEO_INIT : TikTokPayloads.POST_INBOX_INIT)),
        data);
  }

  /** {@code PUT} of one chunk, in order, with {@code Content-Range: bytes first-last/total}: 206, then 201 for the last. */
  private Reply uploadChunk(Call call) {
    Upload up = uploads.get(call.query().getOrDefault("upload_token", ""));
    if (up == null) {
      return Reply.text(404, "no such upload");
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes ([0-9]+)-([0-9]+)/([0-9]+)")
        .matcher(call.header("content-range"));
    long length = call.body().length;
    if (!m.matches() || Long.parseLong(m.group(1)) != up.received || Long.parseLong(m.group(3)) != up.size
        || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != length) {
      return Reply.text(416, "expected Content-Range: bytes " + up.received + "-…/" + up.size + " matching the body");
    }
    up.received += length;
    return new Reply(up.received == up.size ? 201 : 206, Map.of(), new byte[0]);
  }

  /** {@code /v2/post/publish/status/fetch/}: processing until every byte is in, then delivered or published. */
  private Reply postStatus(CallAuth ca) {
    Map<String, Object> body = Json.object(ca.call().body()).orElse(Map.of());
    Upload up = uploads.get(String.valueOf(body.get("publish_id")));
    if (up == null) {
      return openApiError(400, TikTokPayloads.POST_INVALID_PUBLISH_ID, "");
    }
    if (!up.openId.equals(ca.auth().openId())) {
      return openApiError(400, TikTokPayloads.POST_TOKEN_NOT_AUTHORIZED_FOR_PUBLISH_ID, "");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (up.received < up.size) {
      data.put("status", "PROCESSING_UPLOAD");
      data.put("uploaded_bytes", up.received);
      return ok(Json.template(TikTokPayloads.bytes(TikTokPayloads.POST_STATUS_PROCESSING_UPLOAD)), data);
    }
    if (!up.direct) {
      data.put("status", "SEND_TO_USER_INBOX");
      data.put("uploaded_bytes", up.received);
      return ok(Json.template(TikTokPayloads.bytes(TikTokPayloads.POST_STATUS_SEND_TO_USER_INBOX)), data);
    }
    data.put("status", "PUBLISH_COMPLETE");
    if (up.postId == 0) {
      up.postId = nextPost++;
    }
    data.put("publicaly_available_post_id", List.of(up.postId)); // TikTok's spelling
    return ok(Json.template(TikTokPayloads.bytes(TikTokPayloads.POST_STATUS_PUBLISH_COMPLETE)), data);
  }

  private static List<String> fields(Call call) {
    List<String> out = new ArrayList<>(Arrays.asList(call.query().getOrDefault("fields", "").split(",")));
    out.remove("");
    return out;
  }

  private Reply ok(Map<String, Object> documented, Map<String, Object> data) {
    documented.put("data", data);
    errorOf(documented).put("log_id", logId());
    return Json.reply(200, documented);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> errorOf(Map<String, Object> envelope) {
    Map<String, Object> error = new LinkedHashMap<>((Map<String, Object>) envelope.get("error"));
    envelope.put("error", error);
    return error;
  }

  private Reply openApiError(int status, String payload, String message) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    Map<String, Object> error = errorOf(m);
    if (!message.isEmpty()) {
      error.put("message", message);
    }
    error.put("log_id", logId());
    return Json.reply(status, m);
  }

  private Reply oauthError(String payload, String description) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    m.put("error_description", description);
    m.put("log_id", logId());
    return Json.reply(oauthErrorStatus, m);
  }

  // ---- TikTok API for Business -------------------------------------------------------------

  /** The Business app a JSON body authenticates with {@code client_id} and {@code client_secret}. */
  private Optional<AppReg> businessApp(Map<String, Object> body) {
    AppReg app = apps.get(String.valueOf(body.get("client_id")));
    if (app == null || !app.business() || !(body.get("client_secret") instanceof String s) || !Crypto.same(app.secret(), s)) {
      return Optional.empty();
    }
    return Optional.of(app);
  }

  private Reply businessToken(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    Optional<AppReg> app = businessApp(body);
    if (app.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH, Map.of(), "");
    }
    if (!"authorization_code".equals(body.get("grant_type"))) {
      return business(TikTokPayloads.BUSINESS_GRANT_TYPE_INVALID, Map.of(), "");
    }
    Optional<CodeRec> code = codes.take(String.valueOf(body.get("auth_code")));
    if (code.isEmpty() || !code.get().app().equals(app.get().key())) {
      return business(TikTokPayloads.BUSINESS_AUTH_CODE_INVALID, Map.of(), "");
    }
    if (!code.get().redirectUri().equals(body.get("redirect_uri"))) {
      return business(TikTokPayloads.BUSINESS_PARAMETER_ERROR, Map.of(), "redirect_uri does not match the authorization's");
    }
    Auth auth = new Auth(nextAuth++, app.get().key(), code.get().openId(), code.get().scopes());
    return business(TikTokPayloads.BUSINESS_TOKEN, businessTokens(auth), "");
  }

  private Map<String, Object> businessTokens(Auth auth) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", accessTokens.issue(auth, BUSINESS_ACCESS_LIFETIME));
    data.put("expires_in", BUSINESS_ACCESS_LIFETIME.toSeconds());
    data.put("open_id", auth.openId());
    data.put("refresh_token", refreshTokens.issue(auth, BUSINESS_REFRESH_LIFETIME));
    data.put("refresh_token_expires_in", BUSINESS_REFRESH_LIFETIME.toSeconds());
    data.put("scope", String.join(",", auth.scopes()));
    data.put("token_type", "Bearer");
    return data;
  }

  private Reply businessRefresh(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    Optional<AppReg> app = businessApp(body);
    if (app.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH, Map.of(), "");
    }
    if (!"refresh_token".equals(body.get("grant_type"))) {
      return business(TikTokPayloads.BUSINESS_GRANT_TYPE_INVALID, Map.of(), "");
    }
    String presented = String.valueOf(body.get("refresh_token"));
    Optional<Auth> auth = refreshTokens.live(presented).filter(a -> a.app().equals(app.get().key()));
    if (auth.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_REFRESH_TOKEN_INVALID, Map.of(), "");
    }
    Optional<Reply> throttled = throttle("business.refresh", auth.get());
    if (throttled.isPresent()) {
      return throttled.get();
    }
    refreshTokens.kill(presented);
    return business(TikTokPayloads.BUSINESS_REFRESH, businessTokens(auth.get()), "");
  }

  private Reply businessRevoke(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    Optional<AppReg> app = businessApp(body);
    if (app.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH, Map.of(), "");
    }
    return withBusinessToken(String.valueOf(body.getOrDefault("access_token", "")), app.get(), "business.revoke",
        auth -> {
          endAuthorization(auth);
          return business(TikTokPayloads.BUSINESS_REVOKE, Map.of(), "");
        });
  }

  private Reply businessTokenInfo(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    AppReg app = apps.get(String.valueOf(body.get("app_id")));
    if (app == null || !app.business()) {
      return business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH, Map.of(), "");
    }
    return withBusinessToken(String.valueOf(body.getOrDefault("access_token", "")), app, "business.token_info",
        auth -> {
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("app_id", app.key());
          data.put("creator_id", auth.openId());
          data.put("scope", String.join(",", auth.scopes()));
          return business(TikTokPayloads.BUSINESS_TOKEN_INFO, data, "");
        });
  }

  /** {@code oauth2/revoke_token/}: JSON {@code app_id}, {@code secret}, {@code access_token}. */
  private Reply advertiserRevoke(Call call) {
    Map<String, Object> body = Json.object(call.body()).orElse(Map.of());
    AppReg app = apps.get(String.valueOf(body.get("app_id")));
    if (app == null || !app.business() || !(body.get("secret") instanceof String s) || !Crypto.same(app.secret(), s)) {
      return business(TikTokPayloads.BUSINESS_APP_SECRET_MISMATCH, Map.of(), "");
    }
    String token = String.valueOf(body.getOrDefault("access_token", ""));
    Optional<AdvertiserAuth> auth = marketingTokens.live(token).filter(a -> a.app().equals(app.key()));
    if (auth.isEmpty()) {
      return business(token.isEmpty() ? TikTokPayloads.BUSINESS_ACCESS_TOKEN_NULL
          : TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT, Map.of(), "");
    }
    marketingTokens.kill(token);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("app_id", app.key());
    data.put("advertiser_ids", auth.get().advertiserIds());
    return business(TikTokPayloads.BUSINESS_ADVERTISER_REVOKE, data, "");
  }

  private Reply businessCenter(Call call) {
    String token = call.header("access-token");
    Optional<Auth> auth = accessTokens.live(token).filter(a -> apps.get(a.app()).business());
    if (token.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_NULL, Map.of(), "");
    }
    if (auth.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT, Map.of(), "");
    }
    Optional<Reply> throttled = throttle("business.bc", auth.get());
    if (throttled.isPresent()) {
      return throttled.get();
    }
    if (refuseBusinessCenter) {
      return business(TikTokPayloads.BUSINESS_NO_PERMISSION, Map.of(), "");
    }
    if (Json.object(call.body()).map(b -> b.get("bc_id")).isEmpty()) {
      return business(TikTokPayloads.BUSINESS_PARAMETER_ERROR, Map.of(), "bc_id is required");
    }
    return business(TikTokPayloads.BUSINESS_CENTER_OK, Map.of(), "");
  }

  private Reply withBusinessToken(String token, AppReg app, String group, Function<Auth, Reply> then) {
    if (token.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_NULL, Map.of(), "");
    }
    Optional<Auth> auth = accessTokens.live(token).filter(a -> a.app().equals(app.key()));
    if (auth.isEmpty()) {
      return business(TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT, Map.of(), "");
    }
    return throttle(group, auth.get()).orElseGet(() -> then.apply(auth.get()));
  }

  /** 40100 in an HTTP 200 when the account's window for the endpoint is full. */
  private Optional<Reply> throttle(String group, Auth auth) {
    return limits.admit(group, auth.openId(), clock.instant()).filter(a -> !a.admitted())
        .map(a -> business(TikTokPayloads.BUSINESS_TOO_MANY_REQUESTS, Map.of(), ""));
  }

  private Reply business(String payload, Map<String, Object> data, String message) {
    Map<String, Object> m = Json.template(TikTokPayloads.bytes(payload));
    if (!message.isEmpty()) {
      m.put("message", message);
    }
    m.put("request_id", logId());
    m.put("data", data);
    return Json.reply(200, m);
  }

  /** An id in the form of TikTok's {@code log_id} and {@code request_id}: a UTC timestamp and hex. */
  private String logId() {
    return LOG_TIME.format(clock.instant()) + String.format("%020X", nextLog++);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
