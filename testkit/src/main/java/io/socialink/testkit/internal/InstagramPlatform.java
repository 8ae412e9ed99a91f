package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.Routes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Instagram emulator's platform: its route table and the switches the emulator front turns, over
 * collaborators that each own one job: {@link InstagramLogin Instagram Login} (authorize page, token
 * host, long-lived exchange and 24-hour refresh rule, app installs), {@link FacebookLogin Facebook Login
 * for Business} (dialog, code and {@code fb_exchange_token} exchanges, {@code debug_token}, Pages,
 * {@code DELETE /{user-id}/permissions}), both on {@link MetaTokens user tokens} and one
 * {@link ConsentDialog consent page}; {@link InstagramAccess who may call what}, {@link InstagramUsage
 * usage headers and throttling} over a rolling hour per account, {@link InstagramMedia media pages and
 * the CDN}, {@link InstagramPublishing publishing containers and the quota}, and the {@link
 * InstagramCallbacks webhook subscriptions and signed callbacks}. Answers are the documented payloads
 * filled in ({@link GraphReplies}). Synchronized on the instance; internal, not API.
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
  /** The Facebook Login permissions the emulator knows. */
  public static final Set<String> FACEBOOK_SCOPES = Set.of("instagram_basic", "pages_show_list",
      "instagram_content_publish", "pages_read_engagement", "business_management", "instagram_manage_comments",
      "instagram_manage_insights");

  private final GraphReplies replies = new GraphReplies();
  private final InstagramAccounts accounts = new InstagramAccounts();
  private final InstagramUsage usage;
  private final InstagramCallbacks callbacks;
  private final InstagramLogin login;
  private final FacebookLogin facebook;
  private final InstagramMedia media;
  private final InstagramPublishing publishing;
  private final InstagramAccess access;
  private final Routes routes = new Routes();

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
    Objects.requireNonNull(clock, "clock");
    this.usage = new InstagramUsage(clock, callLimit, replies);
    this.callbacks = new InstagramCallbacks(clock, appSecret);
    this.login = new InstagramLogin(clock, appId, appSecret, redirectUri, accounts, callbacks, replies);
    this.facebook = new FacebookLogin(clock, metaAppId, metaAppSecret, facebookRedirectUri, accounts, replies);
    this.media = new InstagramMedia(clock, accounts, replies);
    this.publishing = new InstagramPublishing(clock, processing, quotaTotal, media, replies);
    this.access = new InstagramAccess(login, facebook, accounts, usage, replies);
    String v = "/" + VERSION;
    routes.add("GET", "/oauth/authorize", login::authorize)
        .add("POST", "/oauth/access_token", login::exchangeCode)
        .add("GET", "/access_token", login::longLived)
        .add("GET", "/refresh_access_token", login::refresh)
        .add("POST", "/refresh_access_token", c -> replies.error(400, InstagramPayloads.INVALID_PARAMETER,
            "Unsupported request - method type: post"))
        .add("DELETE", "/me/permissions", c -> access.graph(c, u -> replies.error(400,
            InstagramPayloads.INVALID_PARAMETER, "Unsupported delete request.")))
        // Facebook Login for Business (graph.facebook.com and the login dialog)
        .add("GET", v + "/dialog/oauth", facebook::dialog)
        .add("GET", v + "/oauth/access_token", facebook::token)
        .add("GET", v + "/debug_token", facebook::debugToken)
        .add("GET", v + "/me/accounts", c -> access.facebook(c, f -> facebook.pages(c, f)))
        .add("GET", v + "/me", c -> access.facebookToken(c) ? access.facebook(c, f -> facebook.me(c, f))
            : access.graph(c, u -> media.me(c, u)))
        .add("DELETE", v + "/{uid:[0-9]+}/permissions", c -> access.facebook(c, f -> facebook.deletePermissions(c, f)))
        // Instagram Graph (both logins)
        .add("GET", v + "/me/media", c -> access.graph(c, u -> media.page(c, u)))
        .add("GET", v + "/{ig:[0-9]+}/media", c -> access.account(c, u -> media.page(c, u)))
        .add("DELETE", v + "/me/subscribed_apps", c -> access.graph(c, u -> callbacks.unsubscribe(u.id())))
        .add("POST", v + "/{ig:[0-9]+}/media", c -> access.account(c, u -> publishing.create(c, u)))
        .add("POST", v + "/{ig:[0-9]+}/media_publish", c -> access.account(c, u -> publishing.publish(c, u)))
        .add("GET", v + "/{ig:[0-9]+}/content_publishing_limit", c -> access.account(c, u -> publishing.limit(c, u)))
        .add("GET", v + "/{id:[0-9]+}", this::node)
        .add("GET", "/cdn/{id:[0-9]+}", media::cdn);
  }

  /** {@code GET /<id>}: a container's status, or with a Facebook token also an Instagram account. */
  private Reply node(Call c) {
    if (!access.facebookToken(c)) {
      return access.graph(c, u -> publishing.status(c, u));
    }
    String id = c.params().get("id");
    if (accounts.has(id)) {
      return access.onAccount(c, Optional.of(id), u -> media.instagramUser(c, u));
    }
    return access.onAccount(c, publishing.ownerOf(id), u -> publishing.status(c, u));
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
    return media.add(userId, mediaType, productType, caption, file);
  }

  /**
   * Adds a Facebook user.
   *
   * @param id the user's app-scoped id, digits
   * @param name the user's name
   */
  public synchronized void addFacebookUser(String id, String name) {
    facebook.addUser(id, name);
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
    facebook.addPage(userId, pageId, name, instagramId);
  }

  /**
   * Whether a Facebook user's grant to the Meta app is live: they consented and their permissions were
   * not deleted since.
   *
   * @param userId the Facebook user
   * @return whether it is
   */
  public synchronized boolean facebookAuthorized(String userId) {
    return facebook.authorized(userId);
  }

  /**
   * Adds a professional account.
   *
   * @param id its Instagram professional account id, digits
   * @param username its handle
   * @param name its display name
   */
  public synchronized void addUser(String id, String username, String name) {
    accounts.add(id, username, name);
  }

  /**
   * Answers a request.
   *
   * @param call the request
   * @return the answer
   */
  public synchronized Reply handle(Call call) {
    return routes.dispatch(call).orElseGet(() -> replies.error(400, InstagramPayloads.INVALID_PARAMETER,
        "Unsupported " + call.method().toLowerCase(Locale.ROOT) + " request."));
  }

  /**
   * The answer for an injected 5xx: Graph error 2, transient.
   *
   * @param status the status
   * @return the answer
   */
  public Reply failure(int status) {
    return replies.error(status, InstagramPayloads.API_SERVICE, null);
  }

  /**
   * Throttles the next Graph calls with error 80002.
   *
   * @param count how many
   */
  public void throttleNext(int count) {
    usage.throttleNext(count);
  }

  /**
   * Makes the next containers end in {@code ERROR}.
   *
   * @param count how many
   */
  public void failNextContainers(int count) {
    publishing.failNext(count);
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
    accounts.require(userId);
    return login.removeApp(userId);
  }

  /**
   * Whether the app is installed for an account: it consented and has not removed the app since.
   *
   * @param userId the account
   * @return whether it is
   */
  public synchronized boolean installed(String userId) {
    return login.installed(userId);
  }

  /**
   * Whether the account's webhook subscription for the app is on.
   *
   * @param userId the account
   * @return whether it is
   */
  public synchronized boolean subscribed(String userId) {
    return callbacks.subscribed(userId);
  }

  /**
   * A {@code signed_request} for a callback: {@code <base64url HMAC-SHA256(app secret, payload)>.<base64url payload>}.
   *
   * @param userId the account
   * @return the value
   */
  public synchronized String signedRequest(String userId) {
    accounts.require(userId);
    return callbacks.signedRequest(userId);
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
