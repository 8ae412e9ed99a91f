package io.socialink.testkit.tiktok;

import io.socialink.testkit.internal.TikTokPlatform;
import io.socialink.testkit.internal.emulator.Checks;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.EmulatorServer;
import io.socialink.testkit.internal.emulator.Outbound;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A local TikTok for tests and examples, on the JDK's built-in HTTP server at {@code 127.0.0.1} on a
 * free port, answering with TikTok's documented bodies (see {@link TikTokPayloads}). One origin serves
 * the authorization page, the Open API and TikTok API for Business:
 *
 * <ul>
 *   <li>{@code GET /v2/auth/authorize/}: consents at once for the configured user and redirects (302) to
 *       the registered redirect URI with {@code code}, {@code scopes} (the comma list granted) and
 *       {@code state}, or {@code error=access_denied} after {@link #denyNextConsent()};</li>
 *   <li>{@code POST /v2/oauth/token/} (form, {@code client_key} and {@code client_secret}): the code
 *       exchange, single use, bound to the redirect URI and, when the authorization sent a challenge,
 *       to TikTok's PKCE: the challenge must be the <b>lowercase hex</b> SHA-256 of the verifier, so an
 *       RFC 7636 base64url challenge fails here as on TikTok; the refresh, which rotates: the answer
 *       carries a new refresh token and the one sent is dead; {@code expires_in} and
 *       {@code refresh_expires_in} from {@link Builder#loginKitLifetimes} (2 hours and 180 days, TikTok's
 *       Nov-2026 pages, by default). Errors are TikTok's flat {@code {error, error_description, log_id}}
 *       with HTTP 400, or 200 after {@link Builder#oauthErrorsInHttp200()};</li>
 *   <li>{@code POST /v2/oauth/revoke/}: ends the authorization (its access and refresh tokens);
 *       answers {@code {}};</li>
 *   <li>{@code GET /v2/user/info/?fields=} and {@code POST /v2/video/list/?fields=}: the
 *       {@code {data, error:{code, message, log_id}}} envelope; only the fields asked, and
 *       {@code scope_permission_missed} for fields the scopes do not allow; {@code access_token_invalid}
 *       (401) for a dead token; 600 calls per app and endpoint in a one-minute sliding window, then 429
 *       {@code rate_limit_exceeded};</li>
 *   <li>Content Posting: {@code POST /v2/post/publish/video/init/} (Direct Post, scope
 *       {@code video.publish}, {@code post_info.privacy_level} required) and
 *       {@code POST /v2/post/publish/inbox/video/init/} (scope {@code video.upload}) for a
 *       {@code FILE_UPLOAD} video whose {@code total_chunk_count} is {@code floor(video_size / chunk_size)};
 *       the chunks {@code PUT} in order to the returned {@code upload_url} on this emulator with
 *       {@code Content-Range}; {@code POST /v2/post/publish/status/fetch/} answers
 *       {@code PROCESSING_UPLOAD} until every byte is in, then {@code SEND_TO_USER_INBOX} or
 *       {@code PUBLISH_COMPLETE} with {@code publicaly_available_post_id}; 6 inits, 30 status polls a
 *       minute per user;</li>
 *   <li>TikTok API for Business, {@code /open_api/v1.3/}: {@code tt_user/oauth2/token/} (JSON,
 *       {@code client_id}, {@code client_secret}, {@code auth_code}), {@code tt_user/oauth2/refresh_token/}
 *       (rotating), {@code tt_user/oauth2/revoke/}, {@code tt_user/token_info/get/}, the Marketing API's
 *       {@code oauth2/revoke_token/} for {@link #authorizeAdvertisers advertiser authorizations}, and the Business
 *       Center calls ({@code bc/asset/admin/delete/}, {@code bc/asset/unassign/}, {@code bc/member/delete/},
 *       {@code bc/partner/asset/delete/}, {@code Access-Token} header); every answer the
 *       {@code {code, message, request_id, data}} envelope in an HTTP 200, including 40100 when an
 *       account's window of 40 calls a minute per endpoint is full;</li>
 *   <li>fault switches (5xx answers, slow answers, connections dropped mid-answer) and
 *       {@link #webhookDelivery webhook deliveries signed as TikTok signs them}.</li>
 * </ul>
 *
 * Expiry and rate windows follow the emulator's clock, so pass a {@link io.socialink.testkit.TestClock}
 * to test them without waiting:
 *
 * <pre>{@code
 * try (TikTokEmulator tiktok = TikTokEmulator.start()) {
 *   Socialink socialink = Socialink.builder()
 *       .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(),
 *           tiktok.apiBaseUri(), tiktok.apiBaseUri())).build())
 *       .credentials(AppCredentials.confidential("tiktok", "login-kit", TikTokEmulator.CLIENT_KEY,
 *           Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
 *       .build();
 *   AuthorizationStart start = socialink.linking().authorize("owner-1", "tiktok", "login-kit",
 *       List.of("user.info.basic", "user.info.profile"));
 *   URI callback = tiktok.consent(start.url());            // "clicks" consent, no browser
 *   socialink.linking().complete("owner-1", CallbackParameters.fromUri(callback));
 * }
 * }</pre>
 *
 * <p>What TikTok leaves undocumented is a choice here, to re-check against the live API: the code's
 * lifetime (10 minutes), the status of OAuth errors, whether the 600/min limit counts per app (it does
 * here), and whether a refresh extends the refresh token's lifetime (it does here).
 *
 * <p>Thread-safe.
 */
public final class TikTokEmulator implements AutoCloseable {
  /** The Login Kit app's client key. */
  public static final String CLIENT_KEY = "emulator-client-key";
  /** The Login Kit app's client secret. */
  public static final String CLIENT_SECRET = "emulator-client-secret";
  /** The TikTok API for Business app's id (its {@code client_id}, also its {@code client_key} on the authorization page). */
  public static final String BUSINESS_APP_ID = "emulator-business-app-id";
  /** The TikTok API for Business app's secret. */
  public static final String BUSINESS_APP_SECRET = "emulator-business-app-secret";
  /**
   * The redirect URI registered for both apps; it ends in {@code /} as Business apps require, and
   * nothing needs to listen there.
   */
  public static final URI REDIRECT_URI = URI.create("http://127.0.0.1/tiktok/callback/");
  /** The user who consents unless told otherwise (the fact sheet's example {@code open_id}). */
  public static final User DEFAULT_USER = new User("afd97af1-b87b-48b9-ac98-410aghda5344", "catvideos", "Cat Videos");
  /** The webhook signature header. */
  public static final String SIGNATURE_HEADER = "TikTok-Signature";

  private final TikTokPlatform platform;
  private final Clock clock;
  private final EmulatorServer server;

  private TikTokEmulator(Builder b) {
    this.clock = b.clock;
    Set<String> redirect = Set.of(REDIRECT_URI.toString());
    this.platform = new TikTokPlatform(clock, List.of(
        new TikTokPlatform.AppReg(CLIENT_KEY, CLIENT_SECRET, false, redirect),
        new TikTokPlatform.AppReg(BUSINESS_APP_ID, BUSINESS_APP_SECRET, true, redirect)),
        toReg(b.user), b.accessLifetime, b.refreshLifetime);
    if (b.oauthErrorsInHttp200) {
      platform.oauthErrorStatus(200);
    }
    if (b.revokeLimit > 0) {
      platform.revokeLimit(b.revokeLimit);
    }
    this.server = new EmulatorServer("TikTok", clock, platform::handle, platform::unavailable);
  }

  /**
   * Starts an emulator with the two default apps, the system clock and {@link #DEFAULT_USER}.
   *
   * @return the running emulator; close it when done
   */
  public static TikTokEmulator start() {
    return builder().start();
  }

  /**
   * Starts configuring an emulator.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The authorization page, for the TikTok provider's authorize URI.
   *
   * @return {@code http://127.0.0.1:<port>/v2/auth/authorize/}
   */
  public URI authorizeUri() {
    return URI.create(server.base() + "/v2/auth/authorize/");
  }

  /**
   * The origin of both the Open API and TikTok API for Business, for the TikTok provider's
   * {@code openApiBaseUri} and {@code businessApiBaseUri}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI apiBaseUri() {
    return server.base();
  }

  /**
   * Plays the user's browser: opens the authorization URL and returns where TikTok redirects it.
   *
   * @param authorizationUrl the URL the application sent the browser to
   * @return the callback URI the browser would land on
   * @throws IllegalArgumentException if the URL is not this emulator's authorization page
   * @throws IllegalStateException if the emulator refuses the request instead of redirecting; the
   *     message says why
   */
  public URI consent(URI authorizationUrl) {
    return server.followAuthorization(authorizationUrl, authorizeUri());
  }

  /**
   * Sets the user who consents from now on.
   *
   * @param user the user
   */
  public void consentAs(User user) {
    platform.consentAs(toReg(Objects.requireNonNull(user, "user")));
  }

  /** Makes the next authorization a refusal: the redirect carries {@code error=access_denied}. */
  public void denyNextConsent() {
    platform.denyNextConsent();
  }

  /**
   * Makes later consents grant less than asked: these scopes are left out of the code's scopes and the
   * callback's {@code scopes}.
   *
   * @param scopes the scopes not granted; none to grant everything again
   */
  public void withholdScopes(String... scopes) {
    platform.withhold(new LinkedHashSet<>(List.of(scopes)));
  }

  /**
   * Makes the Business Center calls refused with 40001 (the grant is not an admin's), or accepted again.
   *
   * @param refuse whether to refuse
   */
  public void refuseBusinessCenterCalls(boolean refuse) {
    platform.refuseBusinessCenter(refuse);
  }

  /**
   * Plays an Ads Manager authorization made outside the emulator: issues a Marketing API access token
   * of the Business app that reaches these advertisers, for
   * {@code POST /open_api/v1.3/oauth2/revoke_token/} (JSON {@code app_id}, {@code secret},
   * {@code access_token}), which answers the advertiser ids and kills the token.
   *
   * @param advertiserIds the advertisers
   * @return the long-term access token
   */
  public String authorizeAdvertisers(String... advertiserIds) {
    for (String id : advertiserIds) {
      Objects.requireNonNull(id, "advertiser id");
    }
    return platform.authorizeAdvertisers(List.of(advertiserIds));
  }

  /**
   * Answers the next requests with an error status and the Open API's {@code internal_error} body,
   * before they reach TikTok.
   *
   * @param count how many requests
   * @param status the status, 500-599
   */
  public void failNext(int count, int status) {
    server.failNext(count, status);
  }

  /**
   * Holds the next answers back for a while, to test timeouts.
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
   * Changes an endpoint group's limit in its sliding window. Open API groups answer 429
   * {@code rate_limit_exceeded}: {@code user.info}, {@code video.list} (600 a minute per app),
   * {@code post.video.init}, {@code post.inbox.video.init} (6 a minute per user),
   * {@code post.status.fetch} (30 a minute per user). Business
   * groups count per account and answer 40100 in an HTTP 200: {@code business.refresh},
   * {@code business.revoke}, {@code business.token_info}, {@code business.bc} (40 a minute).
   *
   * @param endpointGroup the group
   * @param limit calls per window; positive
   * @param window the window; positive
   */
  public void rateLimit(String endpointGroup, int limit, Duration window) {
    Checks.rateLimit(endpointGroup, limit, window);
    platform.limit(endpointGroup, limit, window);
  }

  /**
   * Plays the user removing the app in TikTok: every token of the user's authorizations dies, and the
   * {@code authorization.removed} delivery (reason 1, the user disconnected) that TikTok then sends to
   * the Login Kit app is returned, signed.
   *
   * @param openId the user
   * @return the webhook delivery
   */
  public WebhookDelivery removeAuthorization(String openId) {
    Objects.requireNonNull(openId, "openId");
    platform.removeAuthorization(openId);
    return webhookDelivery("authorization.removed", openId, "{\"reason\": 1 }");
  }

  /**
   * Plays the user deleting their TikTok account: every token of the user's authorizations dies, and
   * the {@code authorization.removed} delivery with reason 2 (account deleted) is returned, signed.
   *
   * @param openId the user
   * @return the webhook delivery
   */
  public WebhookDelivery deleteAccount(String openId) {
    Objects.requireNonNull(openId, "openId");
    platform.removeAuthorization(openId);
    return webhookDelivery("authorization.removed", openId, "{\"reason\": 2 }");
  }

  /**
   * Builds a webhook delivery for the Login Kit app as TikTok sends it: the envelope
   * ({@code client_key}, {@code event}, {@code create_time} from the clock, {@code user_openid},
   * {@code content} as a JSON-encoded string) and the {@value #SIGNATURE_HEADER} header
   * {@code t=<epoch seconds>,s=<hex HMAC-SHA256 of t + "." + body, keyed with the client secret>}.
   *
   * @param event the event, e.g. {@code post.publish.complete}
   * @param openId the user
   * @param content the event's content as JSON text, e.g. {@code {"publish_id":"p1"}}
   * @return the delivery
   */
  public WebhookDelivery webhookDelivery(String event, String openId, String content) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(openId, "openId");
    Objects.requireNonNull(content, "content");
    byte[] body = platform.webhookBody(CLIENT_KEY, event, openId, content);
    long t = clock.instant().getEpochSecond();
    byte[] signed = (t + ".").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[signed.length + body.length];
    System.arraycopy(signed, 0, message, 0, signed.length);
    System.arraycopy(body, 0, message, signed.length, body.length);
    return new WebhookDelivery(body, "t=" + t + ",s=" + Crypto.hmacSha256Hex(CLIENT_SECRET, message));
  }

  /**
   * POSTs a delivery to a webhook endpoint, as TikTok does.
   *
   * @param endpoint the application's webhook URL
   * @param delivery the delivery
   * @return the HTTP status the endpoint answered
   * @throws UncheckedIOException if the endpoint cannot be reached
   */
  public int deliverWebhook(URI endpoint, WebhookDelivery delivery) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(delivery, "delivery");
    return Outbound.post(endpoint, delivery.headers(), delivery.body(), "cannot deliver the webhook to " + endpoint,
        "interrupted while delivering a webhook").statusCode();
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
   * @param path e.g. {@code /v2/oauth/token/}
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

  /** Stops the server at once. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "TikTokEmulator[" + server.base() + "]";
  }

  private static TikTokPlatform.UserReg toReg(User u) {
    return new TikTokPlatform.UserReg(u.openId(), u.username(), u.displayName());
  }

  /**
   * A user of the emulated TikTok.
   *
   * @param openId the user's id for the apps
   * @param username the handle, without {@code @}
   * @param displayName the display name
   */
  public record User(String openId, String username, String displayName) {
    /** Validates the components. */
    public User {
      Objects.requireNonNull(openId, "openId");
      if (!openId.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new IllegalArgumentException("an open_id is 1-64 letters, digits, '_', '.' or '-'; got '" + openId + "'");
      }
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(displayName, "displayName");
    }
  }

  /**
   * Issues Login Kit tokens for a user as a consent and code exchange would, without the browser flow:
   * for tests and benchmarks that need many linked accounts quickly. The user is registered, and the
   * tokens work like any others (API calls, refresh, revocation ending the authorization).
   *
   * @param user the user
   * @param scopes the granted scopes
   * @return the tokens of {@link #CLIENT_KEY}
   */
  public IssuedTokens issueTokens(User user, Set<String> scopes) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(scopes, "scopes");
    String[] t = platform.mint(CLIENT_KEY, toReg(user), scopes);
    return new IssuedTokens(t[0], t[1]);
  }

  /**
   * When {@code POST /v2/oauth/revoke/} received requests naming a token, by the emulator's clock;
   * requests answered 429 are not counted.
   *
   * @param token the access token
   * @return the instants, oldest first
   */
  public List<Instant> revocationsOf(String token) {
    return platform.revocationsOf(Objects.requireNonNull(token, "token"));
  }

  /**
   * When {@code POST /v2/oauth/revoke/} answered 429 because of {@link Builder#revokeLimit}.
   *
   * @return the instants, oldest first
   */
  public List<Instant> throttledRevocations() {
    return platform.throttledRevocations();
  }

  /**
   * Login Kit tokens issued by {@link #issueTokens}. The tokens are secrets: {@link #toString()} leaves
   * them out.
   *
   * @param accessToken the access token
   * @param refreshToken the refresh token
   */
  public record IssuedTokens(String accessToken, String refreshToken) {
    /** Validates the components. */
    public IssuedTokens {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /** Names no token. */
    @Override
    public String toString() {
      return "IssuedTokens[access token, refresh token]";
    }
  }

  /**
   * A request the emulator received.
   *
   * @param method the method
   * @param path the path, without the query
   * @param at when, by the emulator's clock
   */
  public record Request(String method, String path, Instant at) {}

  /**
   * A webhook delivery as TikTok sends it.
   *
   * @param body the raw body, the bytes the signature covers
   * @param signature the {@value TikTokEmulator#SIGNATURE_HEADER} header's value
   */
  public record WebhookDelivery(byte[] body, String signature) {
    /** Copies the body. */
    public WebhookDelivery {
      body = Objects.requireNonNull(body, "body").clone();
      Objects.requireNonNull(signature, "signature");
    }

    /**
     * A copy of the raw body.
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
      return body.clone();
    }

    /**
     * The headers TikTok sends with it.
     *
     * @return {@code Content-Type} and {@value TikTokEmulator#SIGNATURE_HEADER}
     */
    public Map<String, String> headers() {
      return Map.of("Content-Type", "application/json", SIGNATURE_HEADER, signature);
    }

    /** Names the signature's timestamp only. */
    @Override
    public String toString() {
      return "WebhookDelivery[" + body.length + " bytes, " + signature.substring(0, signature.indexOf(',')) + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WebhookDelivery d && java.util.Arrays.equals(body, d.body) && signature.equals(d.signature);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(body) + signature.hashCode();
    }
  }

  /** Configures a {@link TikTokEmulator}; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private User user = DEFAULT_USER;
    private Duration accessLifetime = Duration.ofHours(2);
    private Duration refreshLifetime = Duration.ofDays(180);
    private boolean oauthErrorsInHttp200;
    private int revokeLimit;

    private Builder() {}

    /**
     * Limits Login Kit's {@code POST /v2/oauth/revoke/} to this many requests per app in any second
     * (a sliding window, as TikTok counts): a request over the limit is answered 429 with TikTok's
     * {@code rate_limit_exceeded} body (TikTok documents no rate-limit headers). Unlimited by default.
     *
     * @param perSecond requests per second; positive
     * @return this builder
     */
    public Builder revokeLimit(int perSecond) {
      this.revokeLimit = Checks.positive("perSecond", perSecond);
      return this;
    }

    /**
     * The clock codes, tokens, rate windows and webhook timestamps follow; the system clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The user who consents; {@link #DEFAULT_USER} by default.
     *
     * @param value the user
     * @return this builder
     */
    public Builder user(User value) {
      this.user = Objects.requireNonNull(value, "user");
      return this;
    }

    /**
     * Login Kit's token lifetimes; 2 hours and 180 days by default (TikTok's Nov-2026 pages; its older
     * page says 24 hours and 365 days).
     *
     * @param access the access token's
     * @param refresh the refresh token's
     * @return this builder
     */
    public Builder loginKitLifetimes(Duration access, Duration refresh) {
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(refresh, "refresh");
      if (access.isNegative() || access.isZero() || refresh.isNegative() || refresh.isZero()) {
        throw new IllegalArgumentException("lifetimes must be positive");
      }
      this.accessLifetime = access;
      this.refreshLifetime = refresh;
      return this;
    }

    /**
     * Answers Login Kit's OAuth errors with HTTP 200 instead of 400 (TikTok documents no status; 200
     * has been seen).
     *
     * @return this builder
     */
    public Builder oauthErrorsInHttp200() {
      this.oauthErrorsInHttp200 = true;
      return this;
    }

    /**
     * Starts the emulator on a free loopback port.
     *
     * @return the running emulator
     * @throws UncheckedIOException if the server cannot start
     */
    public TikTokEmulator start() {
      return new TikTokEmulator(this);
    }
  }
}
