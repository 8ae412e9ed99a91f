package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.Routes;
import io.socialink.testkit.internal.emulator.TokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Instagram emulator's platform: Instagram Login's authorize page and token host, the Graph host's
 * long-lived exchange and 24-hour refresh rule, {@code /me}, media pages, publishing containers whose
 * status moves on the clock, the publishing quota, usage headers over a rolling hour per account, and
 * the signed callbacks; and Facebook Login for Business: the login dialog, the code and
 * {@code fb_exchange_token} exchanges with the Meta app's credentials, {@code debug_token}, the user's
 * Pages with or without an Instagram account, the Instagram calls on {@code /<IG_ID>} with a Facebook
 * token, and {@code DELETE /{user-id}/permissions}, after which the user's tokens are refused. Answers are the documented payloads filled in. Synchronized on the instance;
 * internal, not API.
 */
public final class InstagramPlatform {
  /** The Graph version the emulator serves. */
  public static final String VERSION = "v25.0";
  /** A short-lived token's life. */
  public static final Duration SHORT_LIVED = Duration.ofHours(1);
  /** A long-lived token's life. */
  public static final Duration LONG_LIVED = Duration.ofDays(60);
  /** The least age of a refreshable token. */
  public static final Duration MIN_REFRESH_AGE = Duration.ofHours(24);
  /** How long an unpublished container lives. */
  public static final Duration CONTAINER_LIFE = Duration.ofHours(24);
  /** The publishing quota's window. */
  public static final Duration QUOTA_WINDOW = Duration.ofHours(24);
  /** The usage window. */
  public static final Duration USAGE_WINDOW = Duration.ofHours(1);
  /** The scopes Instagram Login knows. */
  public static final Set<String> SCOPES = Set.of("instagram_business_basic", "instagram_business_content_publish",
      "instagram_business_manage_comments", "instagram_business_manage_messages",
      "instagram_business_manage_insights");

  private static final DateTimeFormatter META_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

  /** A user of the emulator. */
  private record User(String id, String appScopedId, String username, String name) {}

  private record Code(String userId, String redirectUri, List<String> scopes) {}

  /** A token: whose, which kind, issued and expiring when. */
  private record Token(String userId, int generation, boolean longLived, List<String> scopes, Instant issuedAt,
      Instant expiresAt) {}

  private static final class Container {
    final String id;
    final String userId;
    final Instant createdAt;
    final Optional<String> caption;
    final String mediaType;
    final boolean failed;
    boolean published;

    Container(String id, String userId, Instant createdAt, Optional<String> caption, String mediaType, boolean failed) {
      this.id = id;
      this.userId = userId;
      this.createdAt = createdAt;
      this.caption = caption;
      this.mediaType = mediaType;
      this.failed = failed;
    }
  }

  private record Media(String id, String userId, Optional<String> caption, String mediaType, String productType,
      Instant at, Optional<byte[]> file) {}

  /** The bytes the emulated CDN serves for media published through the API (a one-pixel PNG). */
  private static final byte[] PUBLISHED_FILE = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  /** A Facebook user of the emulator, with the Pages they manage. */
  private record FbUser(String id, String name, List<Page> pages) {}

  /** A Facebook Page, with the Instagram professional account connected to it, if any. */
  private record Page(String id, String name, Optional<String> instagramId) {}

  private record FbCode(String userId, String redirectUri, List<String> scopes) {}

  /** A Facebook Login user token. */
  private record FbToken(String userId, int generation, boolean longLived, List<String> scopes, Instant issuedAt,
      Instant expiresAt) {}

  private final Clock clock;
  private final String appId;
  private final String appSecret;
  private final String redirectUri;
  private final Duration processing;
  private final int quotaTotal;
  private final int callLimit;
  private final TokenStore<Code> codes;
  private final TokenStore<Token> tokens;
  private final Map<String, Integer> generations = new HashMap<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Set<String> installed = new HashSet<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final List<Media> media = new ArrayList<>();
  private final RateWindows usage = new RateWindows(RateWindows.Kind.SLIDING);
  private final AtomicLong ids = new AtomicLong(17889455560051444L);
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger failContainers = new AtomicInteger();
  private final AtomicInteger trace = new AtomicInteger();
  private final Routes routes = new Routes();
  private final String metaAppId;
  private final String metaAppSecret;
  private final String facebookRedirectUri;
  private final TokenStore<FbCode> fbCodes;
  private final TokenStore<FbToken> fbTokens;
  private final Map<String, FbUser> fbUsers = new LinkedHashMap<>();
  private final Map<String, Integer> fbGenerations = new HashMap<>();

  /**
   * Creates the platform.
   *
   * @param clock the clock tokens, containers, quotas and usage run on
   * @param appId the Instagram app's id
   * @param appSecret the Instagram app's secret
   * @param redirectUri the registered redirect URI
   * @param processing how long a container stays {@code IN_PROGRESS}
   * @param quotaTotal posts allowed per 24 hours
   * @param callLimit Graph calls per account per rolling hour (100 % usage)
   * @param metaAppId the Meta app's id (Facebook Login)
   * @param metaAppSecret the Meta app's secret (Facebook Login)
   * @param facebookRedirectUri the redirect URI registered for Facebook Login
   */
  public InstagramPlatform(Clock clock, String appId, String appSecret, String redirectUri, Duration processing,
      int quotaTotal, int callLimit, String metaAppId, String metaAppSecret, String facebookRedirectUri) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.appId = appId;
    this.appSecret = appSecret;
    this.redirectUri = redirectUri;
    this.processing = processing;
    this.quotaTotal = quotaTotal;
    this.callLimit = callLimit;
    this.codes = new TokenStore<>(clock, "AQB", 24);
    this.tokens = new TokenStore<>(clock, "IGAA", 32);
    this.metaAppId = metaAppId;
    this.metaAppSecret = metaAppSecret;
    this.facebookRedirectUri = facebookRedirectUri;
    this.fbCodes = new TokenStore<>(clock, "AQD", 24);
    this.fbTokens = new TokenStore<>(clock, "EAA", 32);
    usage.limit("graph", callLimit, USAGE_WINDOW);
    String v = "/" + VERSION;
    routes.add("GET", "/oauth/authorize", this::authorize)
        .add("POST", "/oauth/access_token", this::exchangeCode)
        .add("GET", "/access_token", this::longLived)
        .add("GET", "/refresh_access_token", this::refresh)
        .add("POST", "/refresh_access_token", c -> graphError(400, InstagramPayloads.INVALID_PARAMETER,
            "Unsupported request - method type: post"))
        .add("DELETE", "/me/permissions", c -> graph(c, (t, u) -> graphError(400, InstagramPayloads.INVALID_PARAMETER,
            "Unsupported delete request.")))
        // Facebook Login for Business (graph.facebook.com and the login dialog)
        .add("GET", v + "/dialog/oauth", this::facebookDialog)
        .add("GET", v + "/oauth/access_token", this::facebookToken)
        .add("GET", v + "/debug_token", this::debugToken)
        .add("GET", v + "/me/accounts", c -> facebook(c, (t, f) -> pages(c, f)))
        .add("GET", v + "/me", c -> isFacebookToken(c) ? facebook(c, (t, f) -> facebookMe(c, f)) : graph(c, (t, u) -> me(c, u)))
        .add("DELETE", v + "/{uid:[0-9]+}/permissions", c -> facebook(c, (t, f) -> deletePermissions(c, f)))
        // Instagram Graph (both logins)
        .add("GET", v + "/me/media", c -> graph(c, (t, u) -> mediaPage(c, u)))
        .add("GET", v + "/{ig:[0-9]+}/media", c -> account(c, u -> mediaPage(c, u)))
        .add("DELETE", v + "/me/subscribed_apps", c -> graph(c, (t, u) -> {
          subscribed.remove(u.id());
          return Json.reply(200, Json.template(InstagramPayloads.bytes(InstagramPayloads.SUBSCRIBED_APPS)));
        }))
        .add("POST", v + "/{ig:[0-9]+}/media", c -> account(c, u -> createContainer(c, u)))
        .add("POST", v + "/{ig:[0-9]+}/media_publish", c -> account(c, u -> publish(c, u)))
        .add("GET", v + "/{ig:[0-9]+}/content_publishing_limit", c -> account(c, u -> publishingLimit(c, u)))
        .add("GET", v + "/{id:[0-9]+}", this::node)
        .add("GET", "/cdn/{id:[0-9]+}", this::cdn);
  }

  /**
   * Adds a media object to an account, as if the user had posted it in the Instagram app.
   *
   * @param userId the account
   * @param mediaType {@code IMAGE}, {@code VIDEO} or {@code CAROUSEL_ALBUM}
   * @param productType {@code FEED}, {@code REELS} or {@code STORY}
   * @param caption the caption, if any
   * @param file the file the CDN serves at its {@code media_url}; empty leaves {@code media_url} out, as
   *     Instagram does for copyrighted media
   * @return the media id
   */
  public synchronized String addMedia(String userId, String mediaType, String productType, Optional<String> caption,
      Optional<byte[]> file) {
    if (!users.containsKey(userId)) {
      throw new IllegalArgumentException("no account " + userId + " on the emulator");
    }
    String id = String.valueOf(ids.incrementAndGet());
    media.add(new Media(id, userId, caption, mediaType, productType, clock.instant(), file.map(byte[]::clone)));
    return id;
  }

  /** The public CDN address of a media file: no token needed. */
  private Reply cdn(Call c) {
    String id = c.params().get("id");
    for (Media m : media) {
      if (m.id().equals(id) && m.file().isPresent()) {
        String type = m.mediaType().equals("VIDEO") ? "video/mp4" : "image/jpeg";
        return new Reply(200, Map.of("Content-Type", type), m.file().get());
      }
    }
    return Reply.text(404, "Not Found");
  }

  /**
   * Adds a Facebook user.
   *
   * @param id the user's app-scoped id, digits
   * @param name the user's name
   */
  public synchronized void addFacebookUser(String id, String name) {
    if (!Objects.requireNonNull(id, "id").matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("a Facebook user id is up to 18 digits");
    }
    fbUsers.put(id, new FbUser(id, Objects.requireNonNull(name, "name"), new ArrayList<>()));
  }

  /**
   * Adds a Page a Facebook user manages, with or without an Instagram professional account connected.
   *
   * @param userId the Facebook user, added first
   * @param pageId the Page's id, digits
   * @param name the Page's name
   * @param instagramId the connected Instagram account, added first, or empty
   */
  public synchronized void addPage(String userId, String pageId, String name, Optional<String> instagramId) {
    FbUser u = fbUsers.get(Objects.requireNonNull(userId, "userId"));
    if (u == null) {
      throw new IllegalArgumentException("the Instagram emulator has no Facebook user " + userId + "; known: "
          + fbUsers.keySet());
    }
    if (!Objects.requireNonNull(pageId, "pageId").matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("a Page id is up to 18 digits");
    }
    Objects.requireNonNull(instagramId, "instagramId").ifPresent(this::requireUser);
    u.pages().add(new Page(pageId, Objects.requireNonNull(name, "name"), instagramId));
  }

  /**
   * Whether a Facebook user's grant to the Meta app is live: they consented and their permissions were
   * not deleted since.
   *
   * @param userId the Facebook user
   * @return whether it is
   */
  public synchronized boolean facebookAuthorized(String userId) {
    return fbAuthorized.contains(userId);
  }

  private final Set<String> fbAuthorized = new HashSet<>();

  /**
   * Adds a professional account.
   *
   * @param id its Instagram professional account id, digits
   * @param username its handle
   * @param name its display name
   */
  public synchronized void addUser(String id, String username, String name) {
    if (!id.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("an Instagram account id is up to 18 digits");
    }
    users.put(id, new User(id, "70" + id.substring(Math.max(0, id.length() - 14)), username, name));
  }

  /**
   * Answers a request.
   *
   * @param call the request
   * @return the answer
   */
  public synchronized Reply handle(Call call) {
    return routes.dispatch(call).orElseGet(() -> graphError(400, InstagramPayloads.INVALID_PARAMETER,
        "Unsupported " + call.method().toLowerCase(java.util.Locale.ROOT) + " request."));
  }

  /**
   * The answer for an injected 5xx: Graph error 2, transient.
   *
   * @param status the status
   * @return the answer
   */
  public Reply failure(int status) {
    return graphError(status, InstagramPayloads.API_SERVICE, null);
  }

  /**
   * Throttles the next Graph calls with error 80002.
   *
   * @param count how many
   */
  public void throttleNext(int count) {
    throttleNext.set(count);
  }

  /**
   * Makes the next containers end in {@code ERROR}.
   *
   * @param count how many
   */
  public void failNextContainers(int count) {
    failContainers.set(count);
  }

  /**
   * The user removes the app: every token of the account dies (later calls with one are answered
   * 190/458, "the app is not installed") and the app is no longer installed for the account until the
   * user consents again.
   *
   * @param userId the account
   * @return whether the app was installed for the account
   */
  public synchronized boolean removeApp(String userId) {
    requireUser(userId);
    generations.merge(userId, 1, Integer::sum);
    return installed.remove(userId);
  }

  /**
   * Whether the app is installed for an account: it consented and has not removed the app since.
   *
   * @param userId the account
   * @return whether it is
   */
  public synchronized boolean installed(String userId) {
    return installed.contains(userId);
  }

  /**
   * Whether the account's webhook subscription for the app is on.
   *
   * @param userId the account
   * @return whether it is
   */
  public synchronized boolean subscribed(String userId) {
    return subscribed.contains(userId);
  }

  private final Set<String> subscribed = new HashSet<>();

  private int generation(String userId) {
    return generations.getOrDefault(userId, 0);
  }

  /**
   * A {@code signed_request} for a callback: {@code <base64url HMAC-SHA256(app secret, payload)>.<base64url payload>}.
   *
   * @param userId the account
   * @return the value
   */
  public synchronized String signedRequest(String userId) {
    requireUser(userId);
    Map<String, Object> p = Json.template(InstagramPayloads.bytes(InstagramPayloads.SIGNED_REQUEST_PAYLOAD));
    long issued = clock.instant().getEpochSecond();
    p.put("algorithm", "HMAC-SHA256");
    p.put("expires", issued + 3600);
    p.put("issued_at", issued);
    p.put("user_id", userId);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = b64.encodeToString(Json.reply(200, p).body());
    byte[] sig = HexFormat.of().parseHex(Crypto.hmacSha256Hex(appSecret, payload.getBytes(StandardCharsets.US_ASCII)));
    return b64.encodeToString(sig) + "." + payload;
  }

  private void requireUser(String userId) {
    if (!users.containsKey(Objects.requireNonNull(userId, "userId"))) {
      throw new IllegalArgumentException("the Instagram emulator has no account " + userId + "; known: " + users.keySet());
    }
  }

  // ---- Instagram Login

  private Reply authorize(Call c) {
    Map<String, String> q = c.query();
    if (!appId.equals(q.get("client_id"))) {
      return Reply.text(400, "Invalid platform app (client_id is not this emulator's Instagram app id)");
    }
    if (!redirectUri.equals(q.get("redirect_uri"))) {
      return Reply.text(400, "Invalid redirect_uri: it must equal the registered " + redirectUri);
    }
    if (!"code".equals(q.get("response_type"))) {
      return Reply.text(400, "response_type must be code");
    }
    List<String> scopes = Arrays.stream(q.getOrDefault("scope", "").split("[, ]+")).filter(s -> !s.isEmpty()).toList();
    if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
      return Reply.text(400, "Invalid scopes: " + scopes + "; Instagram Login knows " + SCOPES);
    }
    String user = q.getOrDefault("emulator_user", users.keySet().iterator().next());
    if (!users.containsKey(user)) {
      return Reply.text(400, "the Instagram emulator has no account " + user + "; add it first");
    }
    StringBuilder to = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
    if ("deny".equals(q.get("emulator_consent"))) {
      to.append("error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request");
    } else {
      to.append("code=").append(codes.issue(new Code(user, redirectUri, scopes), Duration.ofHours(1)));
    }
    if (q.containsKey("state")) {
      to.append("&state=").append(URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    }
    return Reply.redirect(to.append("#_").toString());
  }

  private Reply exchangeCode(Call c) {
    Map<String, String> f = c.form();
    if (!appId.equals(f.get("client_id"))) {
      return tokenError(InstagramPayloads.TOKEN_INVALID_PLATFORM_APP);
    }
    if (!Crypto.same(appSecret, f.getOrDefault("client_secret", ""))) {
      return tokenError(InstagramPayloads.TOKEN_INVALID_CLIENT_SECRET);
    }
    if (!"authorization_code".equals(f.get("grant_type"))) {
      return tokenError(InstagramPayloads.TOKEN_CODE_USED);
    }
    Optional<Code> code = codes.take(f.getOrDefault("code", ""));
    if (code.isEmpty() || !code.get().redirectUri().equals(f.get("redirect_uri"))) {
      return tokenError(InstagramPayloads.TOKEN_CODE_USED);
    }
    Instant now = clock.instant();
    Code k = code.get();
    installed.add(k.userId());
    subscribed.add(k.userId());
    String token = tokens.issue(new Token(k.userId(), generation(k.userId()), false, k.scopes(), now, now.plus(SHORT_LIVED)),
        TokenStore.forever());
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.CODE_EXCHANGE));
    m.put("access_token", token);
    m.put("user_id", Long.parseLong(k.userId()));
    m.put("permissions", k.scopes());
    return Json.reply(200, m);
  }

  private Reply longLived(Call c) {
    Map<String, String> q = c.query();
    if (!"ig_exchange_token".equals(q.get("grant_type"))) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "Unsupported grant_type");
    }
    if (!Crypto.same(appSecret, q.getOrDefault("client_secret", ""))) {
      return graphError(400, InstagramPayloads.CLIENT_SECRET, null);
    }
    String presented = q.getOrDefault("access_token", "");
    Optional<Reply> refused = refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    Token t = tokens.live(presented).orElseThrow();
    if (t.longLived()) {
      return graphError(400, InstagramPayloads.INVALID_TOKEN, null);
    }
    return issueLongLived(t, InstagramPayloads.LONG_LIVED_TOKEN);
  }

  private Reply refresh(Call c) {
    Map<String, String> q = c.query();
    if (!"ig_refresh_token".equals(q.get("grant_type"))) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "Unsupported grant_type");
    }
    String presented = q.getOrDefault("access_token", "");
    Optional<Reply> refused = refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    Token t = tokens.live(presented).orElseThrow();
    if (!t.longLived()) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "A short-lived token cannot be refreshed");
    }
    if (clock.instant().isBefore(t.issuedAt().plus(MIN_REFRESH_AGE))) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER,
          "The access token must be at least 24 hours old to be refreshed");
    }
    return issueLongLived(t, InstagramPayloads.REFRESH_TOKEN);
  }

  private Reply issueLongLived(Token from, String payload) {
    Instant now = clock.instant();
    String token = tokens.issue(new Token(from.userId(), from.generation(), true, from.scopes(), now, now.plus(LONG_LIVED)),
        TokenStore.forever());
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(payload));
    m.put("access_token", token);
    m.put("token_type", "bearer");
    m.put("expires_in", LONG_LIVED.toSeconds());
    return Json.reply(200, m);
  }

  /** Why a presented token is refused, or empty when it is live. */
  private Optional<Reply> refusal(String presented) {
    Optional<Token> t = tokens.live(presented);
    if (t.isEmpty()) {
      return Optional.of(graphError(400, InstagramPayloads.INVALID_TOKEN, null));
    }
    if (t.get().generation() < generation(t.get().userId())) {
      return Optional.of(graphError(400, InstagramPayloads.APP_NOT_INSTALLED, null));
    }
    if (!clock.instant().isBefore(t.get().expiresAt())) {
      return Optional.of(graphError(400, InstagramPayloads.ACCESS_TOKEN_EXPIRED, null));
    }
    return Optional.empty();
  }

  // ---- Graph

  private interface GraphHandler {
    Reply answer(Token token, User user);
  }

  private Reply graph(Call c, GraphHandler h) {
    String presented = presented(c);
    Optional<Reply> refused = refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    Token t = tokens.live(presented).orElseThrow();
    User u = users.get(t.userId());
    return metered(u.id(), () -> h.answer(t, u));
  }

  /** Counts a Graph call against a key's usage, throttles at 100 %, and adds the usage headers. */
  private Reply metered(String key, java.util.function.Supplier<Reply> answer) {
    Instant now = clock.instant();
    if (throttleNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      return graphError(400, InstagramPayloads.INSTAGRAM_BUC, null).withHeaders(usageHeaders(key, 100,
          Duration.ofMinutes(1)));
    }
    RateWindows.Admission a = usage.admit("graph", key, now).orElseThrow();
    if (!a.admitted()) {
      return graphError(400, InstagramPayloads.INSTAGRAM_BUC, null)
          .withHeaders(usageHeaders(key, 100, Duration.between(now, a.reset())));
    }
    int percent = (int) ((callLimit - a.remaining()) * 100L / callLimit);
    return answer.get().withHeaders(usageHeaders(key, percent, Duration.ZERO));
  }

  private Map<String, String> usageHeaders(String userId, int percent, Duration regain) {
    long minutes = regain.isZero() ? 0 : Math.max(1, (regain.toSeconds() + 59) / 60);
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("call_count", percent);
    app.put("total_time", percent);
    app.put("total_cputime", percent);
    Map<String, Object> buc = new LinkedHashMap<>();
    buc.put("type", "instagram");
    buc.put("call_count", percent);
    buc.put("total_cputime", percent);
    buc.put("total_time", percent);
    buc.put("estimated_time_to_regain_access", minutes);
    return Map.of("x-app-usage", json(app), "x-business-use-case-usage", json(Map.of(userId, List.of(buc))));
  }

  private static String json(Object value) {
    return new String(Json.reply(200, value).body(), StandardCharsets.UTF_8);
  }

  private Reply own(Call c, User u, java.util.function.Supplier<Reply> then) {
    return u.id().equals(c.params().get("ig")) ? then.get()
        : graphError(400, InstagramPayloads.OBJECT_MISSING, null);
  }

  private Reply me(Call c, User u) {
    Map<String, Object> all = Json.template(InstagramPayloads.bytes(InstagramPayloads.ME));
    all.put("user_id", u.id());
    all.put("id", u.appScopedId());
    all.put("username", u.username());
    all.put("name", u.name());
    all.put("media_count", media.stream().filter(m -> m.userId().equals(u.id())).count());
    return Json.reply(200, pick(all, fields(c, "id")));
  }

  private static Map<String, Object> pick(Map<String, Object> all, List<String> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      if (all.containsKey(f)) {
        out.put(f, all.get(f));
      }
    }
    return out;
  }

  private static List<String> fields(Call c, String fallback) {
    return Arrays.stream(c.query().getOrDefault("fields", fallback).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }

  private Reply mediaPage(Call c, User u) {
    List<Media> mine = new ArrayList<>();
    for (int i = media.size() - 1; i >= 0; i--) {
      if (media.get(i).userId().equals(u.id())) {
        mine.add(media.get(i));
      }
    }
    int limit;
    try {
      limit = Integer.parseInt(c.query().getOrDefault("limit", "25"));
    } catch (NumberFormatException e) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    if (limit < 1 || limit > 100) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    int from = 0;
    if (c.query().containsKey("after")) {
      Optional<Integer> at = cursor(c.query().get("after"));
      if (at.isEmpty()) {
        return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
      }
      from = Math.min(Math.max(0, at.get()), mine.size());
    }
    int to = Math.min(mine.size(), from + limit);
    List<String> fields = fields(c, "id");
    List<Map<String, Object>> data = new ArrayList<>();
    for (Media m : mine.subList(from, to)) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("id", m.id());
      m.caption().ifPresent(cap -> all.put("caption", cap));
      all.put("media_type", m.mediaType());
      all.put("media_product_type", m.productType());
      if (m.file().isPresent()) {
        all.put("media_url", "http://" + c.header("host") + "/cdn/" + m.id());
      }
      all.put("permalink", "https://www.instagram.com/p/" + m.id() + "/");
      all.put("timestamp", META_TIME.format(m.at()));
      all.put("username", u.username());
      data.add(pick(all, fields));
    }
    Map<String, Object> page = Json.template(InstagramPayloads.bytes(InstagramPayloads.MEDIA_LIST));
    page.put("data", data);
    Map<String, Object> cursors = new LinkedHashMap<>();
    cursors.put("before", cursorOf(from));
    cursors.put("after", cursorOf(to));
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("cursors", cursors);
    if (to < mine.size()) {
      paging.put("next", "http://" + c.header("host") + "/" + VERSION + "/" + u.id() + "/media?limit=" + limit
          + "&after=" + cursorOf(to));
    }
    page.put("paging", paging);
    return Json.reply(200, page);
  }

  private static String cursorOf(int index) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("ig:" + index).getBytes(StandardCharsets.US_ASCII));
  }

  private static Optional<Integer> cursor(String value) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
      return s.startsWith("ig:") ? Optional.of(Integer.parseInt(s.substring(3))) : Optional.empty();
    } catch (IllegalArgumentException e) { // not base64url, or not a number
      return Optional.empty();
    }
  }

  /** A request's parameters: the JSON body's members, else the form's, then the query's. */
  private static Map<String, String> params(Call c) {
    Map<String, String> p = new LinkedHashMap<>(c.query());
    Optional<Map<String, Object>> json = Json.object(c.body());
    if (json.isPresent()) {
      json.get().forEach((k, v) -> p.put(k, String.valueOf(v)));
    } else if (c.header("content-type").startsWith("application/x-www-form-urlencoded")) {
      p.putAll(c.form());
    }
    return p;
  }

  private Reply createContainer(Call c, User u) {
    Map<String, String> p = params(c);
    String type = p.getOrDefault("media_type", "IMAGE");
    Optional<String> caption = Optional.ofNullable(p.get("caption"));
    boolean ok = switch (type) {
      case "IMAGE" -> p.containsKey("image_url");
      case "REELS", "STORIES" -> p.containsKey("video_url") || p.containsKey("image_url");
      case "CAROUSEL" -> p.containsKey("children");
      default -> false;
    };
    if (!ok || caption.map(s -> s.length() > 2200).orElse(false)) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    boolean failed = failContainers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    String id = String.valueOf(ids.incrementAndGet());
    containers.put(id, new Container(id, u.id(), clock.instant(), caption, type, failed));
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.CONTAINER_CREATED));
    m.put("id", id);
    return Json.reply(200, m);
  }

  private String statusOf(Container k) {
    Instant now = clock.instant();
    if (k.published) {
      return "PUBLISHED";
    }
    if (!now.isBefore(k.createdAt.plus(CONTAINER_LIFE))) {
      return "EXPIRED";
    }
    if (now.isBefore(k.createdAt.plus(processing))) {
      return "IN_PROGRESS";
    }
    return k.failed ? "ERROR" : "FINISHED";
  }

  private Reply containerStatus(Call c, User u) {
    Container k = containers.get(c.params().get("id"));
    if (k == null || !k.userId.equals(u.id())) {
      return graphError(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    String status = statusOf(k);
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(switch (status) {
      case "PUBLISHED" -> InstagramPayloads.CONTAINER_PUBLISHED;
      case "IN_PROGRESS" -> InstagramPayloads.CONTAINER_IN_PROGRESS;
      case "FINISHED" -> InstagramPayloads.CONTAINER_FINISHED;
      default -> InstagramPayloads.CONTAINER_ERROR;
    }));
    m.put("status_code", status);
    if (status.equals("EXPIRED")) {
      m.put("status", "Expired: the container was not published within 24 hours.");
    }
    m.put("id", k.id);
    return Json.reply(200, pick(m, fieldsWithId(c)));
  }

  private static List<String> fieldsWithId(Call c) {
    List<String> f = new ArrayList<>(fields(c, "id"));
    if (!f.contains("id")) {
      f.add("id");
    }
    return f;
  }

  private int publishedInWindow(String userId) {
    Instant since = clock.instant().minus(QUOTA_WINDOW);
    return (int) media.stream().filter(m -> m.userId().equals(userId) && m.at().isAfter(since)).count();
  }

  private Reply publish(Call c, User u) {
    Container k = containers.get(params(c).getOrDefault("creation_id", ""));
    if (k == null || !k.userId.equals(u.id())) {
      return graphError(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    String status = statusOf(k);
    if (status.equals("IN_PROGRESS")) {
      return graphError(400, InstagramPayloads.MEDIA_NOT_READY, null);
    }
    if (!status.equals("FINISHED")) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "The container is " + status
          + " and cannot be published.");
    }
    if (publishedInWindow(u.id()) >= quotaTotal) {
      return graphError(400, InstagramPayloads.PUBLISH_QUOTA, null);
    }
    k.published = true;
    String id = String.valueOf(ids.incrementAndGet());
    String product = k.mediaType.equals("REELS") ? "REELS" : k.mediaType.equals("STORIES") ? "STORY" : "FEED";
    String readBack = k.mediaType.equals("CAROUSEL") ? "CAROUSEL_ALBUM" : k.mediaType.equals("IMAGE") ? "IMAGE" : "VIDEO";
    media.add(new Media(id, u.id(), k.caption, readBack, product, clock.instant(), Optional.of(PUBLISHED_FILE)));
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.MEDIA_PUBLISH));
    m.put("id", id);
    return Json.reply(200, m);
  }

  private Reply publishingLimit(Call c, User u) {
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(InstagramPayloads.CONTENT_PUBLISHING_LIMIT));
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = new LinkedHashMap<>(((List<Map<String, Object>>) doc.get("data")).get(0));
    entry.put("quota_usage", publishedInWindow(u.id()));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("quota_total", quotaTotal);
    config.put("quota_duration", QUOTA_WINDOW.toSeconds());
    entry.put("config", config);
    if (!fields(c, "quota_usage").contains("config")) {
      entry.remove("config");
    }
    doc.put("data", List.of(entry));
    return Json.reply(200, doc);
  }

  // ---- Facebook Login for Business

  /** The Facebook Login permissions the emulator knows. */
  public static final Set<String> FACEBOOK_SCOPES = Set.of("instagram_basic", "pages_show_list",
      "instagram_content_publish", "pages_read_engagement", "business_management", "instagram_manage_comments",
      "instagram_manage_insights");

  private Reply facebookDialog(Call c) {
    Map<String, String> q = c.query();
    if (!metaAppId.equals(q.get("client_id"))) {
      return Reply.text(400, "Invalid App ID: client_id is not this emulator's Meta app id");
    }
    if (!facebookRedirectUri.equals(q.get("redirect_uri"))) {
      return Reply.text(400, "URL blocked: redirect_uri must equal the registered " + facebookRedirectUri);
    }
    if (!"code".equals(q.get("response_type"))) {
      return Reply.text(400, "response_type must be code");
    }
    List<String> scopes = Arrays.stream(q.getOrDefault("scope", "").split("[, ]+")).filter(s -> !s.isEmpty()).toList();
    if (scopes.isEmpty() || !FACEBOOK_SCOPES.containsAll(scopes)) {
      return Reply.text(400, "Invalid Scopes: " + scopes + "; Facebook Login here knows " + FACEBOOK_SCOPES);
    }
    if (fbUsers.isEmpty()) {
      return Reply.text(400, "the Instagram emulator has no Facebook user; add one first");
    }
    String user = q.getOrDefault("emulator_user", fbUsers.keySet().iterator().next());
    if (!fbUsers.containsKey(user)) {
      return Reply.text(400, "the Instagram emulator has no Facebook user " + user + "; add it first");
    }
    StringBuilder to = new StringBuilder(facebookRedirectUri).append(facebookRedirectUri.contains("?") ? '&' : '?');
    if ("deny".equals(q.get("emulator_consent"))) {
      to.append("error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied");
    } else {
      to.append("code=").append(fbCodes.issue(new FbCode(user, facebookRedirectUri, scopes), Duration.ofMinutes(10)));
    }
    if (q.containsKey("state")) {
      to.append("&state=").append(URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    }
    return Reply.redirect(to.toString());
  }

  private Reply facebookToken(Call c) {
    Map<String, String> q = c.query();
    if (!metaAppId.equals(q.get("client_id"))) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "Error validating application. Invalid application ID.");
    }
    if (!Crypto.same(metaAppSecret, q.getOrDefault("client_secret", ""))) {
      return graphError(400, InstagramPayloads.CLIENT_SECRET, null);
    }
    Instant now = clock.instant();
    if ("fb_exchange_token".equals(q.get("grant_type"))) {
      Optional<FbToken> t = fbTokens.live(q.getOrDefault("fb_exchange_token", ""));
      Optional<Reply> refused = facebookRefusal(q.getOrDefault("fb_exchange_token", ""));
      if (refused.isPresent()) {
        return refused.get();
      }
      FbToken from = t.orElseThrow();
      String token = fbTokens.issue(new FbToken(from.userId(), from.generation(), true, from.scopes(), now,
          now.plus(LONG_LIVED)), TokenStore.forever());
      Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_LONG_LIVED_TOKEN));
      m.put("access_token", token);
      m.put("token_type", "bearer");
      m.put("expires_in", LONG_LIVED.toSeconds());
      return Json.reply(200, m);
    }
    if (q.containsKey("grant_type")) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "Unsupported grant_type");
    }
    Optional<FbCode> code = fbCodes.take(q.getOrDefault("code", ""));
    if (code.isEmpty() || !code.get().redirectUri().equals(q.get("redirect_uri"))) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "This authorization code has been used.");
    }
    FbCode k = code.get();
    fbAuthorized.add(k.userId());
    String token = fbTokens.issue(new FbToken(k.userId(), fbGenerations.getOrDefault(k.userId(), 0), false, k.scopes(),
        now, now.plus(Duration.ofHours(2))), TokenStore.forever());
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_CODE_EXCHANGE));
    m.put("access_token", token);
    m.put("token_type", "bearer");
    m.put("expires_in", Duration.ofHours(2).toSeconds());
    return Json.reply(200, m);
  }

  private Reply debugToken(Call c) {
    Map<String, String> q = c.query();
    if (!Crypto.same(metaAppId + "|" + metaAppSecret, q.getOrDefault("access_token", ""))) {
      return graphError(400, InstagramPayloads.CLIENT_SECRET, null);
    }
    String input = q.getOrDefault("input_token", "");
    Optional<FbToken> t = fbTokens.live(input);
    boolean valid = t.isPresent() && facebookRefusal(input).isEmpty();
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(valid ? InstagramPayloads.FACEBOOK_DEBUG_TOKEN
        : InstagramPayloads.FACEBOOK_DEBUG_TOKEN_INVALID));
    @SuppressWarnings("unchecked")
    Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) doc.get("data"));
    d.put("app_id", metaAppId);
    d.put("is_valid", valid);
    if (t.isPresent()) {
      d.put("user_id", t.get().userId());
      d.put("expires_at", t.get().expiresAt().getEpochSecond());
      if (valid) {
        d.put("issued_at", t.get().issuedAt().getEpochSecond());
        d.put("scopes", t.get().scopes());
      }
    } else {
      d.remove("user_id");
      d.remove("expires_at");
    }
    doc.put("data", d);
    return Json.reply(200, doc);
  }

  private interface FacebookHandler {
    Reply answer(FbToken token, FbUser user);
  }

  private boolean isFacebookToken(Call c) {
    return fbTokens.live(presented(c)).isPresent();
  }

  private static String presented(Call c) {
    return c.bearer().orElse(c.query().getOrDefault("access_token", ""));
  }

  /** Why a presented Facebook token is refused, or empty when it is live. */
  private Optional<Reply> facebookRefusal(String presented) {
    Optional<FbToken> t = fbTokens.live(presented);
    if (t.isEmpty()) {
      return Optional.of(graphError(400, InstagramPayloads.INVALID_TOKEN, null));
    }
    if (t.get().generation() < fbGenerations.getOrDefault(t.get().userId(), 0)) {
      return Optional.of(graphError(400, InstagramPayloads.APP_NOT_INSTALLED, null));
    }
    if (!clock.instant().isBefore(t.get().expiresAt())) {
      return Optional.of(graphError(400, InstagramPayloads.ACCESS_TOKEN_EXPIRED, null));
    }
    return Optional.empty();
  }

  /** A call that needs a Facebook user token; an Instagram token has no such edge. */
  private Reply facebook(Call c, FacebookHandler h) {
    String presented = presented(c);
    if (fbTokens.live(presented).isEmpty() && tokens.live(presented).isPresent()) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, "Tried accessing nonexisting field on an Instagram"
          + " user token");
    }
    Optional<Reply> refused = facebookRefusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    FbToken t = fbTokens.live(presented).orElseThrow();
    FbUser u = fbUsers.get(t.userId());
    return metered(u.id(), () -> h.answer(t, u));
  }

  /**
   * A call on an Instagram account with a Facebook user token: refused unless the account is behind one
   * of the user's Pages; counted against the account's usage, as Meta counts Instagram calls.
   */
  private Reply facebookOnAccount(Call c, String igId, java.util.function.Function<User, Reply> then) {
    String presented = presented(c);
    Optional<Reply> refused = facebookRefusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    FbUser f = fbUsers.get(fbTokens.live(presented).orElseThrow().userId());
    if (igId == null || !managed(f).contains(igId) || !users.containsKey(igId)) {
      return graphError(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    return metered(igId, () -> then.apply(users.get(igId)));
  }

  private Reply facebookMe(Call c, FbUser u) {
    Map<String, Object> all = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_ME));
    all.put("id", u.id());
    all.put("name", u.name());
    return Json.reply(200, pick(all, fields(c, "id,name")));
  }

  private Reply pages(Call c, FbUser u) {
    int limit;
    try {
      limit = Integer.parseInt(c.query().getOrDefault("limit", "25"));
    } catch (NumberFormatException e) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    if (limit < 1 || limit > 100) {
      return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    int from = 0;
    if (c.query().containsKey("after")) {
      Optional<Integer> at = cursor(c.query().get("after"));
      if (at.isEmpty()) {
        return graphError(400, InstagramPayloads.INVALID_PARAMETER, null);
      }
      from = Math.min(Math.max(0, at.get()), u.pages().size());
    }
    int to = Math.min(u.pages().size(), from + limit);
    String fields = c.query().getOrDefault("fields", "id,name");
    boolean withInstagram = fields.contains("instagram_business_account");
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_PAGES));
    List<Map<String, Object>> data = new ArrayList<>();
    for (Page p : u.pages().subList(from, to)) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("id", p.id());
      page.put("name", p.name());
      if (withInstagram && p.instagramId().isPresent()) {
        Map<String, Object> ig = new LinkedHashMap<>();
        ig.put("id", p.instagramId().get());
        ig.put("username", users.get(p.instagramId().get()).username());
        page.put("instagram_business_account", ig);
      }
      data.add(page);
    }
    doc.put("data", data);
    Map<String, Object> cursors = new LinkedHashMap<>();
    cursors.put("before", cursorOf(from));
    cursors.put("after", cursorOf(to));
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("cursors", cursors);
    if (to < u.pages().size()) {
      paging.put("next", "http://" + c.header("host") + "/" + VERSION + "/" + u.id() + "/accounts?limit=" + limit
          + "&after=" + cursorOf(to));
    }
    doc.put("paging", paging);
    return Json.reply(200, doc);
  }

  private Reply deletePermissions(Call c, FbUser u) {
    if (!u.id().equals(c.params().get("uid"))) {
      return graphError(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    fbGenerations.merge(u.id(), 1, Integer::sum);
    fbAuthorized.remove(u.id());
    return Json.reply(200, Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_PERMISSIONS_DELETED)));
  }

  /** The Instagram accounts a Facebook user reaches through their Pages. */
  private Set<String> managed(FbUser u) {
    Set<String> out = new HashSet<>();
    u.pages().forEach(p -> p.instagramId().ifPresent(out::add));
    return out;
  }

  /**
   * A call on {@code /<IG_ID>/...}: with an Instagram Login token for its own account, or with a
   * Facebook Login token for an account behind one of the user's Pages.
   */
  private Reply account(Call c, java.util.function.Function<User, Reply> then) {
    if (!isFacebookToken(c)) {
      return graph(c, (t, u) -> own(c, u, () -> then.apply(u)));
    }
    return facebookOnAccount(c, c.params().get("ig"), then);
  }

  /** {@code GET /<id>}: a container's status, or with a Facebook token also an Instagram account. */
  private Reply node(Call c) {
    if (!isFacebookToken(c)) {
      return graph(c, (t, u) -> containerStatus(c, u));
    }
    String id = c.params().get("id");
    if (users.containsKey(id)) {
      return facebookOnAccount(c, id, u -> instagramUser(c, u));
    }
    Container k = containers.get(id);
    return facebookOnAccount(c, k == null ? null : k.userId, u -> containerStatus(c, u));
  }

  private Reply instagramUser(Call c, User u) {
    Map<String, Object> all = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_IG_USER));
    all.put("id", u.id());
    all.put("username", u.username());
    all.put("name", u.name());
    all.put("media_count", media.stream().filter(m -> m.userId().equals(u.id())).count());
    List<String> f = new ArrayList<>(fields(c, "id"));
    if (!f.contains("id")) {
      f.add("id");
    }
    return Json.reply(200, pick(all, f));
  }

  // ---- errors

  private static Reply tokenError(String payload) {
    return Json.reply(400, Json.template(InstagramPayloads.bytes(payload)));
  }

  private Reply graphError(int status, String payload, String message) {
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(payload));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = new LinkedHashMap<>((Map<String, Object>) doc.get("error"));
    if (message != null) {
      error.put("message", message);
    }
    error.put("fbtrace_id", "Emu" + Integer.toString(trace.incrementAndGet(), 36) + "Trace");
    doc.put("error", error);
    return Json.reply(status, doc);
  }

  /**
   * The authorize page's URI path.
   *
   * @param base the origin
   * @return the page
   */
  public static URI authorizePage(URI base) {
    return URI.create(base + "/oauth/authorize");
  }
}
