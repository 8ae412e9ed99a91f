package io.socialink.testkit.instagram;

import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.internal.InstagramPlatform;
import io.socialink.testkit.internal.emulator.Checks;
import io.socialink.testkit.internal.emulator.EmulatorServer;
import io.socialink.testkit.internal.emulator.Outbound;
import io.socialink.testkit.internal.emulator.PayloadShapes;
import io.socialink.webhook.WebhookRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A local Instagram (Instagram API with Instagram Login) for tests and examples, on the JDK's built-in
 * HTTP server at {@code 127.0.0.1} on a free port, answering with the documented bodies of
 * {@link InstagramPayloads}. One origin serves what Instagram spreads over three hosts, so
 * {@link #authorizeUri()}, {@link #apiBaseUri()} and {@link #graphBaseUri()} share it:
 *
 * <ul>
 *   <li>{@code GET /oauth/authorize} ({@code www.instagram.com}): checks {@code client_id},
 *       {@code redirect_uri}, {@code response_type=code} and the scopes, consents at once for the
 *       {@link #DEFAULT_USER_ID default account} and redirects (302) to the redirect URI with
 *       {@code code} (single use, one hour) and {@code state}, plus Instagram's {@code #_} fragment;
 *       {@link #deny} gives {@code error=access_denied};</li>
 *   <li>{@code POST /oauth/access_token} ({@code api.instagram.com}, form): the code exchange, answering
 *       the flat {@code {access_token, user_id, permissions}} with a short-lived token (one hour), or the
 *       token host's {@code {error_type, code, error_message}} errors;</li>
 *   <li>{@code GET /access_token?grant_type=ig_exchange_token&client_secret=&access_token=}: a
 *       short-lived token for a long-lived one (60 days); {@code GET /refresh_access_token?grant_type=
 *       ig_refresh_token&access_token=}: a new long-lived token, only for a live long-lived token at least
 *       24 hours old (a POST is refused, as on Instagram);</li>
 *   <li>{@code /v25.0/me?fields=}, {@code /v25.0/me/media} and {@code /<IG_ID>/media} (pages newest
 *       first, opaque cursors, {@code next} while more remain; media added with {@link #addMedia} or
 *       published, whose files a public {@code /cdn/<id>} serves at their {@code media_url}), {@code POST /<IG_ID>/media} (a container,
 *       {@code IN_PROGRESS} for {@link Builder#containerProcessing} on the clock, then {@code FINISHED}, or
 *       {@code ERROR} after {@link #failNextContainers}; {@code EXPIRED} after 24 hours unpublished),
 *       {@code GET /<container>?fields=status_code,status}, {@code POST /<IG_ID>/media_publish}
 *       (9007/2207027 while in progress; 9/2207042 once {@link Builder#publishingQuota} posts were
 *       published in 24 hours), {@code GET /<IG_ID>/content_publishing_limit},
 *       {@code DELETE /v25.0/me/subscribed_apps}; and {@code DELETE /me/permissions}, which Instagram
 *       does not document for Instagram Login and this emulator refuses (error 100), so an app cannot
 *       revoke: the user {@link #removeApp removes the app};</li>
 *   <li>Graph errors in Meta's shape ({@code {"error":{message, type, code, error_subcode,
 *       fbtrace_id}}}, HTTP 400): 190/467 for an unknown token, 190 for an expired one, 190/458 for a
 *       token of an account that removed the app, 100/33 for another account's objects;</li>
 *   <li>usage headers on every Graph answer: {@code x-app-usage} and {@code x-business-use-case-usage}
 *       (keyed by the account, {@code type} {@code instagram}) whose percentages climb with the account's
 *       calls in a rolling hour against {@link Builder#callsPerHour}; at 100 % calls are refused with
 *       80002 and {@code estimated_time_to_regain_access} in minutes until the oldest call leaves the
 *       window;</li>
 *   <li>the deauthorize and data-deletion callbacks Meta sends, signed with {@link #APP_SECRET} as a
 *       {@code signed_request} ({@link #removeApp}, {@link #dataDeletionRequest}, {@link Callback#deliverTo});</li>
 *   <li>Facebook Login for Business, with the {@link #META_APP_ID Meta app's} credentials: the dialog
 *       {@code GET /v25.0/dialog/oauth} ({@link #consentOnFacebook}), {@code GET /v25.0/oauth/access_token}
 *       with a code (a short-lived user token) or with {@code grant_type=fb_exchange_token} (a long-lived
 *       one, 60 days), {@code GET /v25.0/debug_token} with the app token, {@code GET /v25.0/me} (the
 *       Facebook user), {@code GET /v25.0/me/accounts} (the user's Pages, paged, each with its
 *       {@code instagram_business_account} when one is connected: by default a Page without one, then a
 *       Page with the default account), the Instagram calls on {@code /v25.0/<IG_ID>} (the account, its
 *       media, containers, quota and publishing) for accounts behind the user's Pages, and
 *       {@code DELETE /v25.0/{user-id}/permissions}, after which every token of the user is refused
 *       (190/458) and debugs as invalid;</li>
 *   <li>fault switches: 5xx answers (Graph error 2), slow answers, connections dropped mid-answer, and
 *       {@link #throttleNext throttling}.</li>
 * </ul>
 *
 * Expiry, the refresh rule, container processing, the quota and usage follow the emulator's clock, so
 * pass a {@link io.socialink.testkit.TestClock} (also to Socialink, with {@code sleeper(clock::advance)}):
 *
 * <pre>{@code
 * try (InstagramEmulator ig = InstagramEmulator.builder().clock(clock).start()) {
 *   Socialink socialink = Socialink.builder().clock(clock).sleeper(clock::advance)
 *       .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(),
 *           ig.apiBaseUri(), ig.graphBaseUri())).build())
 *       .credentials(AppCredentials.confidential("instagram", "instagram-login", InstagramEmulator.APP_ID,
 *           Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
 *       .build();
 *   AuthorizationStart start = socialink.linking().authorize("owner-1", "instagram");
 *   URI callback = ig.consent(start.url());              // "clicks" consent, no browser
 *   Grant grant = socialink.linking().complete("owner-1", CallbackParameters.fromUri(callback)).grant();
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InstagramEmulator implements AutoCloseable {
  /** The emulated Instagram app's id. */
  public static final String APP_ID = "990602627938098";
  /** The emulated Instagram app's secret; it also signs the callbacks. */
  public static final String APP_SECRET = "emulator-instagram-app-secret";
  /** The redirect URI registered for the app; the emulator never calls it. */
  public static final URI REDIRECT_URI = URI.create("https://127.0.0.1/instagram/callback/");
  /** The default account's Instagram professional account id. */
  public static final String DEFAULT_USER_ID = "17841400000000000";
  /** The default account's handle. */
  public static final String DEFAULT_USERNAME = "bronzfonz";
  /** The emulated Meta app's id, Facebook Login's client id. */
  public static final String META_APP_ID = "661587963994181";
  /** The emulated Meta app's secret, Facebook Login's client secret. */
  public static final String META_APP_SECRET = "emulator-meta-app-secret";
  /** The redirect URI registered for Facebook Login; the emulator never calls it. */
  public static final URI FACEBOOK_REDIRECT_URI = URI.create("https://127.0.0.1/facebook/callback/");
  /** The default Facebook user's app-scoped id. */
  public static final String DEFAULT_FACEBOOK_USER_ID = "10158000000000001";
  /** The default Facebook user's Page without an Instagram account. */
  public static final String DEFAULT_PAGE_WITHOUT_INSTAGRAM_ID = "101010101010101";
  /** The default Facebook user's Page, connected to the {@link #DEFAULT_USER_ID default Instagram account}. */
  public static final String DEFAULT_PAGE_ID = "134895793791914";

  private final InstagramPlatform platform;
  private final EmulatorServer server;
  private final Clock clock;

  private InstagramEmulator(Builder b) {
    this.clock = b.clock;
    this.platform = new InstagramPlatform(b.clock, APP_ID, APP_SECRET, REDIRECT_URI.toString(), b.processing,
        b.quota, b.callsPerHour, META_APP_ID, META_APP_SECRET, FACEBOOK_REDIRECT_URI.toString());
    platform.addUser(DEFAULT_USER_ID, DEFAULT_USERNAME, "Bronz Fonz");
    platform.addFacebookUser(DEFAULT_FACEBOOK_USER_ID, "Bronz Fonz");
    platform.addPage(DEFAULT_FACEBOOK_USER_ID, DEFAULT_PAGE_WITHOUT_INSTAGRAM_ID, "Bronz Fonz Fan Club", Optional.empty());
    platform.addPage(DEFAULT_FACEBOOK_USER_ID, DEFAULT_PAGE_ID, "Bronz Fonz Studio", Optional.of(DEFAULT_USER_ID));
    this.server = new EmulatorServer("Instagram", b.clock, platform::handle, platform::failure);
  }

  /**
   * Starts an emulator on the system clock with the defaults.
   *
   * @return the running emulator
   */
  public static InstagramEmulator start() {
    return builder().start();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The authorization page, for {@code InstagramEndpoints.of}.
   *
   * @return {@code http://127.0.0.1:<port>/oauth/authorize}
   */
  public URI authorizeUri() {
    return InstagramPlatform.authorizePage(server.base());
  }

  /**
   * The token host's base ({@code api.instagram.com}).
   *
   * @return the origin
   */
  public URI apiBaseUri() {
    return server.base();
  }

  /**
   * The Graph host's base ({@code graph.instagram.com}), the same origin as {@link #apiBaseUri()}.
   *
   * @return the origin
   */
  public URI graphBaseUri() {
    return server.base();
  }

  /**
   * Plays the user's browser: the default account consents to everything asked.
   *
   * @param authorizationUrl the URL the application sends the browser to
   * @return the callback URI Instagram redirects the browser to
   * @throws IllegalStateException if the emulator refuses the authorization (the message says why)
   */
  public URI consent(URI authorizationUrl) {
    return server.followAuthorization(authorizationUrl, authorizeUri());
  }

  /**
   * Plays the user's browser: the user declines.
   *
   * @param authorizationUrl the URL the application sends the browser to
   * @return the callback URI with {@code error=access_denied}
   */
  public URI deny(URI authorizationUrl) {
    return server.followAuthorization(authorizationUrl, authorizeUri(), "emulator_consent", "deny");
  }

  /**
   * Plays the user's browser for another account, added first with {@link #addAccount}.
   *
   * @param authorizationUrl the URL the application sends the browser to
   * @param userId the account that consents
   * @return the callback URI
   * @throws IllegalStateException if the account is unknown (the page answers 400 saying so)
   */
  public URI consentAs(URI authorizationUrl, String userId) {
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(userId, "userId");
    return server.followAuthorization(authorizationUrl, authorizeUri(), "emulator_user", userId);
  }

  /**
   * Adds a professional account.
   *
   * @param userId its Instagram professional account id, up to 18 digits
   * @param username its handle
   */
  public void addAccount(String userId, String username) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    platform.addUser(userId, username, username);
  }

  /**
   * Facebook Login's dialog, for {@code FacebookLoginEndpoints.of}.
   *
   * @return {@code http://127.0.0.1:<port>/v25.0/dialog/oauth}
   */
  public URI facebookDialogUri() {
    return URI.create(server.base() + "/" + InstagramPlatform.VERSION + "/dialog/oauth");
  }

  /**
   * The Graph host of Facebook Login ({@code graph.facebook.com}), the same origin as {@link #graphBaseUri()}.
   *
   * @return the origin
   */
  public URI facebookGraphBaseUri() {
    return server.base();
  }

  /**
   * Plays the user's browser on Facebook's login dialog: the {@link #DEFAULT_FACEBOOK_USER_ID default
   * Facebook user} consents to everything asked and shares all their Pages.
   *
   * @param authorizationUrl the dialog URL the application sends the browser to
   * @return the callback URI Facebook redirects the browser to
   * @throws IllegalStateException if the emulator refuses the authorization (the message says why)
   */
  public URI consentOnFacebook(URI authorizationUrl) {
    return server.followAuthorization(authorizationUrl, facebookDialogUri());
  }

  /**
   * Plays the browser on Facebook's login dialog for another Facebook user, added first with
   * {@link #addFacebookUser}.
   *
   * @param authorizationUrl the dialog URL
   * @param facebookUserId the Facebook user who consents
   * @return the callback URI
   */
  public URI consentOnFacebookAs(URI authorizationUrl, String facebookUserId) {
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(facebookUserId, "facebookUserId");
    return server.followAuthorization(authorizationUrl, facebookDialogUri(), "emulator_user", facebookUserId);
  }

  /**
   * Plays the browser on Facebook's login dialog: the user declines.
   *
   * @param authorizationUrl the dialog URL
   * @return the callback URI with {@code error=access_denied}
   */
  public URI denyOnFacebook(URI authorizationUrl) {
    return server.followAuthorization(authorizationUrl, facebookDialogUri(), "emulator_consent", "deny");
  }

  /**
   * Adds a Facebook user, without Pages.
   *
   * @param facebookUserId the user's app-scoped id, up to 18 digits
   * @param name the user's name
   */
  public void addFacebookUser(String facebookUserId, String name) {
    platform.addFacebookUser(facebookUserId, name);
  }

  /**
   * Adds a Page a Facebook user manages, listed after their other Pages by {@code /me/accounts}.
   *
   * @param facebookUserId the Facebook user, added first
   * @param pageId the Page's id, up to 18 digits
   * @param name the Page's name
   * @param instagramAccountId the Instagram professional account connected to the Page (added first with
   *     {@link #addAccount}), or empty for a Page without one
   */
  public void addPage(String facebookUserId, String pageId, String name, Optional<String> instagramAccountId) {
    platform.addPage(facebookUserId, pageId, name, instagramAccountId);
  }

  /**
   * Whether a Facebook user's grant to the Meta app is live: they consented and the app has not deleted
   * their permissions since.
   *
   * @param facebookUserId the Facebook user
   * @return whether it is
   */
  public boolean facebookAuthorized(String facebookUserId) {
    return platform.facebookAuthorized(facebookUserId);
  }

  /**
   * Adds a media object to an account, as if the user had posted it in the Instagram app; it is listed
   * by {@code /me/media} newest first, stamped by the emulator's clock, and its file is served at its
   * {@code media_url} on this emulator without a token, as Instagram's CDN does.
   *
   * @param userId the account
   * @param mediaType {@code IMAGE}, {@code VIDEO} or {@code CAROUSEL_ALBUM}
   * @param productType {@code FEED}, {@code REELS} or {@code STORY}
   * @param caption the caption, if any
   * @param file the file; empty leaves {@code media_url} out, as Instagram does for copyrighted media
   * @return the media id
   * @throws IllegalArgumentException if the account is unknown
   */
  public String addMedia(String userId, String mediaType, String productType, Optional<String> caption,
      Optional<byte[]> file) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(productType, "productType");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(file, "file");
    return platform.addMedia(userId, mediaType, productType, caption, file);
  }

  /**
   * Simulates the user removing the app in Instagram (Settings, Apps and websites, Remove): every token
   * of the account is refused from now on (190/458), and Meta's deauthorize callback, signed, is
   * returned for the test to deliver.
   *
   * @param userId the account
   * @return the deauthorize callback
   */
  public Callback removeApp(String userId) {
    platform.removeApp(userId);
    return new Callback(Callback.Kind.DEAUTHORIZE, platform.signedRequest(userId));
  }

  /**
   * Meta's data-deletion callback for an account, signed, for the test to deliver.
   *
   * @param userId the account
   * @return the callback
   */
  public Callback dataDeletionRequest(String userId) {
    return new Callback(Callback.Kind.DATA_DELETION, platform.signedRequest(userId));
  }

  /**
   * Runs Meta's webhook subscription handshake against a callback URL, as the App Dashboard does when
   * the URL is saved: {@code GET <url>?hub.mode=subscribe&hub.challenge=<number>&hub.verify_token=<token>},
   * which must be answered 200 with the challenge.
   *
   * @param endpoint the callback URL
   * @param verifyToken the verify token entered in the dashboard
   * @return whether the endpoint echoed the challenge
   * @throws UncheckedIOException if the endpoint cannot be reached
   */
  public boolean verifyWebhookSubscription(URI endpoint, String verifyToken) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(verifyToken, "verifyToken");
    String challenge = Long.toString(1_158_201_444L + clock.instant().getEpochSecond() % 1000);
    HttpResponse<String> a = Outbound.get(endpoint, "hub.mode=subscribe&hub.challenge=" + challenge
        + "&hub.verify_token=" + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8),
        "cannot run the webhook handshake against " + endpoint, "interrupted during a webhook handshake");
    return a.statusCode() == 200 && a.body().strip().equals(challenge);
  }

  /**
   * Whether the app is installed for an account: it consented and has not removed the app since.
   *
   * @param userId the account
   * @return whether it is
   */
  public boolean installed(String userId) {
    return platform.installed(userId);
  }

  /**
   * Whether the account's webhooks for the app are on: from consent until
   * {@code DELETE /me/subscribed_apps}.
   *
   * @param userId the account
   * @return whether they are
   */
  public boolean subscribed(String userId) {
    return platform.subscribed(userId);
  }

  /**
   * Checks a data-deletion callback's reply against Meta's documented
   * {@code {"url":…,"confirmation_code":…}}.
   *
   * @param reply the body the application answered with
   * @return what differs from the documented shape, or empty when it matches
   */
  public static Optional<String> dataDeletionReplyDifference(byte[] reply) {
    Objects.requireNonNull(reply, "reply");
    return PayloadShapes.difference(reply, InstagramPayloads.bytes(InstagramPayloads.DATA_DELETION_REPLY));
  }

  /**
   * Answers the next requests with an error status and Graph error 2 (transient).
   *
   * @param count how many requests
   * @param status the status, 500-599
   */
  public void failNext(int count, int status) {
    server.failNext(count, status);
  }

  /**
   * Holds the next answers back for a while, to test timeouts (real time).
   *
   * @param count how many requests
   * @param duration how long each waits
   */
  public void delayNext(int count, Duration duration) {
    server.delayNext(count, duration);
  }

  /**
   * Drops the connection of the next requests in the middle of the answer.
   *
   * @param count how many requests
   */
  public void resetNext(int count) {
    server.resetNext(count);
  }

  /**
   * Throttles the next Graph calls made with a live token: error 80002 with the usage headers at 100 %.
   *
   * @param count how many calls
   */
  public void throttleNext(int count) {
    platform.throttleNext(Checks.count(count));
  }

  /**
   * Makes the next containers end in {@code ERROR} (status {@code Error: 2207003}) once processed.
   *
   * @param count how many containers
   */
  public void failNextContainers(int count) {
    platform.failNextContainers(Checks.count(count));
  }

  /**
   * The requests received so far.
   *
   * @return the requests, oldest first
   */
  public List<Request> requests() {
    return server.requests(Request::new);
  }

  /**
   * How many requests hit a method and path.
   *
   * @param method e.g. {@code POST}
   * @param path the path, e.g. {@code /oauth/access_token}
   * @return the count
   */
  public long count(String method, String path) {
    return server.count(method, path);
  }

  /**
   * The emulator's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  /** Names the origin. */
  @Override
  public String toString() {
    return "InstagramEmulator[" + server.base() + "]";
  }

  /**
   * A request received.
   *
   * @param method the method
   * @param path the path, without the query
   * @param at when, by the emulator's clock
   */
  public record Request(String method, String path, Instant at) {}

  /**
   * A deauthorize or data-deletion callback as Meta sends it: a form POST of one field,
   * {@code signed_request}, to the callback URL configured for the app.
   *
   * @param kind which callback
   * @param signedRequest the {@code signed_request} value
   */
  public record Callback(Kind kind, String signedRequest) {
    /** Which callback URL it goes to. */
    public enum Kind {
      /** The deauthorize callback URL. */
      DEAUTHORIZE,
      /** The data deletion request URL. */
      DATA_DELETION
    }

    /** Checks the components. */
    public Callback {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(signedRequest, "signedRequest");
    }

    /**
     * The form body: {@code signed_request=<url-encoded value>}.
     *
     * @return the bytes
     */
    public byte[] body() {
      return ("signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The callback as a Socialink webhook request, for a verifier without an HTTP server.
     *
     * @return the POST
     */
    public WebhookRequest webhookRequest() {
      return new WebhookRequest(HttpMethod.POST, Map.of(),
          Headers.of("Content-Type", "application/x-www-form-urlencoded"), body());
    }

    /**
     * POSTs the callback to an application's endpoint, as Meta does.
     *
     * @param endpoint the callback URL
     * @return the endpoint's answer
     * @throws UncheckedIOException if the endpoint cannot be reached
     */
    public Delivery deliverTo(URI endpoint) {
      HttpResponse<byte[]> a = Outbound.post(endpoint, Map.of("Content-Type", "application/x-www-form-urlencoded"),
          body(), "cannot deliver the " + kind + " callback to " + endpoint, "interrupted while delivering a callback");
      return new Delivery(a.statusCode(), a.body());
    }

    /** Names the kind only: the value is a credential-like token. */
    @Override
    public String toString() {
      return "Callback[" + kind + "]";
    }
  }

  /**
   * An application endpoint's answer to a callback.
   *
   * @param status the HTTP status
   * @param body the body
   */
  public record Delivery(int status, byte[] body) {
    /** Copies the body. */
    public Delivery {
      body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A copy of the body.
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Delivery d && status == d.status && java.util.Arrays.equals(body, d.body);
    }

    @Override
    public int hashCode() {
      return 31 * status + java.util.Arrays.hashCode(body);
    }

    /** Names the status and size. */
    @Override
    public String toString() {
      return "Delivery[" + status + ", " + body.length + " bytes]";
    }
  }

  /** Configures an {@link InstagramEmulator}; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration processing = Duration.ofSeconds(30);
    private int quota = 50;
    private int callsPerHour = 200;

    private Builder() {}

    /**
     * The clock tokens, containers, the quota and usage run on.
     *
     * @param value the clock, e.g. a {@link io.socialink.testkit.TestClock}
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * How long a new container stays {@code IN_PROGRESS}: 30 seconds by default.
     *
     * @param value the duration, not negative
     * @return this builder
     */
    public Builder containerProcessing(Duration value) {
      Objects.requireNonNull(value, "value");
      if (value.isNegative()) {
        throw new IllegalArgumentException("containerProcessing must not be negative");
      }
      processing = value;
      return this;
    }

    /**
     * Posts an account may publish in 24 hours: 50 by default (the figure Meta's reference gives).
     *
     * @param value the quota, 1 or more
     * @return this builder
     */
    public Builder publishingQuota(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("publishingQuota must be at least 1; got " + value);
      }
      quota = value;
      return this;
    }

    /**
     * Graph calls an account may make in a rolling hour, the 100 % of its usage headers: 200 by default.
     *
     * @param value the limit, 1 or more
     * @return this builder
     */
    public Builder callsPerHour(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("callsPerHour must be at least 1; got " + value);
      }
      callsPerHour = value;
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @return the running emulator
     */
    public InstagramEmulator start() {
      return new InstagramEmulator(this);
    }
  }
}
