package io.socialink.testkit.x;

import io.socialink.testkit.internal.XPlatform;
import io.socialink.testkit.internal.emulator.Checks;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.EmulatorServer;
import io.socialink.testkit.internal.emulator.Outbound;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local X for tests and examples, on the JDK's built-in HTTP server at {@code 127.0.0.1} on a free
 * port. It speaks X's API over HTTP only, with X's documented bodies (see {@link XPayloads}):
 *
 * <ul>
 *   <li>{@code GET /i/oauth2/authorize}: consents at once for the configured user and redirects (302)
 *       to the registered redirect URI with {@code state} and {@code code};</li>
 *   <li>{@code POST /2/oauth2/token}: code exchange with the PKCE check and a 30-second code lifetime,
 *       refresh with single-use rotating refresh tokens (a replayed one fails as on X), HTTP Basic for
 *       confidential clients and {@code client_id} always;</li>
 *   <li>{@code POST /2/oauth2/revoke} (a confidential client may name itself by HTTP Basic alone, without
 *       {@code client_id}), {@code GET /2/users/me}, {@code POST /2/tweets} (duplicate text
 *       refused; text over 280 weighted by twitter-text, members X's schema does not have and media
 *       ids other than 1 to 4 digit strings refused with X's invalid-request body),
 *       {@code GET /2/users/:id/tweets} (newest first, {@code max_results} 5 to 100, {@code created_at}
 *       on request, links wrapped as {@code t.co} and a media link appended as X shows them), the one-shot and
 *       chunked media uploads with status polls (a media category required, and X's size limits by
 *       category: image 5 MB, GIF 15 MB, video 512 MB);</li>
 *   <li>{@code x-rate-limit-*} headers and 429s per endpoint group and user, with X's limits;</li>
 *   <li>switches for 5xx answers, slow answers and connections closed without an answer;</li>
 *   <li>webhooks to the application: the user {@link #revokeApp revoking the app} (the X Activity API's
 *       {@code oauth.revoke} event signed in {@code x-twitter-webhooks-signature} with
 *       {@link #CONSUMER_SECRET}) and the {@link #crc CRC check} X runs against a webhook URL.</li>
 * </ul>
 *
 * Expiry follows the emulator's clock, so pass a {@link io.socialink.testkit.TestClock} to test it
 * without waiting:
 *
 * <pre>{@code
 * try (XEmulator x = XEmulator.start()) {
 *   Socialink socialink = Socialink.builder()
 *       .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
 *       .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID,
 *           Secret.of(XEmulator.CLIENT_SECRET), XEmulator.REDIRECT_URI))
 *       .build();
 *   AuthorizationStart start = socialink.linking().authorize("owner-1", "x");
 *   URI callback = x.consent(start.url());               // "clicks" consent, no browser
 *   socialink.linking().complete("owner-1", CallbackParameters.fromUri(callback));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class XEmulator implements AutoCloseable {
  /** The default confidential client's id. */
  public static final String CLIENT_ID = "emulator-client-id";
  /** The default confidential client's secret. */
  public static final String CLIENT_SECRET = "emulator-client-secret";
  /** The default public client's id. */
  public static final String PUBLIC_CLIENT_ID = "emulator-public-client-id";
  /** The redirect URI registered for both default clients; nothing needs to listen there. */
  public static final URI REDIRECT_URI = URI.create("http://127.0.0.1/x/callback");
  /**
   * The app's consumer secret (API Key Secret), with which X signs webhook deliveries and expects CRC
   * answers; configure it as the X credentials' {@code consumer_secret}.
   */
  public static final String CONSUMER_SECRET = "emulator-consumer-secret";
  /** The app id the webhook events name (X's documented example). */
  public static final String APP_ID = "29820954";
  /** The webhook signature header. */
  public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
  /** The user who consents unless told otherwise (X's documented example user). */
  public static final User DEFAULT_USER = new User("2244994945", "XDevelopers", "X Developers");

  private final XPlatform platform;
  private final Clock clock;
  private final EmulatorServer server;
  private final AtomicLong events = new AtomicLong(5934540941047412905L);

  private XEmulator(Builder b) {
    this.clock = b.clock;
    List<XPlatform.ClientReg> clients = new ArrayList<>(b.clients);
    if (clients.isEmpty()) {
      clients.add(new XPlatform.ClientReg(CLIENT_ID, CLIENT_SECRET, Set.of(REDIRECT_URI.toString())));
      clients.add(new XPlatform.ClientReg(PUBLIC_CLIENT_ID, null, Set.of(REDIRECT_URI.toString())));
    }
    this.platform = new XPlatform(clock, clients, toReg(b.user), b.processingPolls);
    if (b.revokeLimit > 0) {
      platform.revokeLimit(b.revokeLimit);
    }
    this.server = new EmulatorServer("X", clock, platform::handle, platform::unavailable);
  }

  /**
   * Starts an emulator with the default clients ({@link #CLIENT_ID} with {@link #CLIENT_SECRET}, and
   * the public {@link #PUBLIC_CLIENT_ID}, both with {@link #REDIRECT_URI}), the system clock and
   * {@link #DEFAULT_USER}.
   *
   * @return the running emulator; close it when done
   */
  public static XEmulator start() {
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
   * The authorization page, to configure the X provider's authorize URI with.
   *
   * @return {@code http://127.0.0.1:<port>/i/oauth2/authorize}
   */
  public URI authorizeUri() {
    return URI.create(server.base() + "/i/oauth2/authorize");
  }

  /**
   * The API origin, to configure the X provider's API base with.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI apiBaseUri() {
    return server.base();
  }

  /**
   * Plays the user's browser: opens the authorization URL and returns where X redirects it, the
   * redirect URI with {@code state} and {@code code} (or {@code error=access_denied}).
   *
   * @param authorizationUrl the URL the application sent the browser to
   * @return the callback URI the browser would land on
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
   * Makes later consents grant less than asked: these scopes are left out of the code's scopes.
   *
   * @param scopes the scopes not granted; none to grant everything again
   */
  public void withholdScopes(String... scopes) {
    platform.withhold(new LinkedHashSet<>(List.of(scopes)));
  }

  /**
   * Answers the next requests with an error status in X's problem shape, before they reach X.
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
   * Drops the connection of the next requests in the middle of the answer (headers sent, body cut
   * short), so the client sees the I/O failure a reset connection gives.
   *
   * @param count how many requests
   */
  public void resetNext(int count) {
    server.resetNext(count);
  }

  /**
   * Changes an endpoint group's limit per user, e.g. {@code rateLimit("tweets.create", 2, ...)} to
   * reach a 429 quickly. Groups: {@code users.me}, {@code tweets.create}, {@code media.upload},
   * {@code media.initialize}, {@code media.append}, {@code media.finalize}, {@code media.status},
   * {@code tweets.user_timeline}.
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
   * Issues tokens to a client for a user as a consent and code exchange would, without the browser
   * flow: for tests and benchmarks that need many linked accounts quickly. The user is registered,
   * and the tokens work like any others (API calls, refresh, revocation).
   *
   * @param clientId a registered client, e.g. {@link #CLIENT_ID}
   * @param user the user
   * @param scopes the granted scopes; with {@code offline.access} a refresh token is issued too
   * @return the tokens
   * @throws IllegalArgumentException if the client is not registered
   */
  public IssuedTokens issueTokens(String clientId, User user, Set<String> scopes) {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(scopes, "scopes");
    String[] t = platform.mint(clientId, toReg(user), scopes);
    return new IssuedTokens(t[0], t[1].isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(t[1]),
        XPlatform.ACCESS_LIFETIME);
  }

  /**
   * When {@code POST /2/oauth2/revoke} received requests naming a token (access or refresh), by the
   * emulator's clock; requests answered 429 are not counted.
   *
   * @param token the token
   * @return the instants, oldest first
   */
  public List<Instant> revocationsOf(String token) {
    return platform.revocationsOf(Objects.requireNonNull(token, "token"));
  }

  /**
   * When {@code POST /2/oauth2/revoke} answered 429 because of {@link Builder#revokeLimit}.
   *
   * @return the instants, oldest first
   */
  public List<Instant> throttledRevocations() {
    return platform.throttledRevocations();
  }

  /**
   * Plays the user revoking the app in X (Settings, Connected apps, Revoke app permissions): every
   * token of the user stops working, and the X Activity API's {@code oauth.revoke} event that X then
   * sends to the app's webhook is returned, signed, for the test to deliver.
   *
   * @param userId the user
   * @return the signed delivery
   */
  public WebhookDelivery revokeApp(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (!userId.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("an X user id is 1-19 digits; got '" + userId + "'");
    }
    platform.revokeUser(userId);
    String at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)
        .withNano(0));
    String body = "{\"data\":{\"event_uuid\":\"" + events.getAndIncrement() + "\",\"filter\":{},"
        + "\"event_type\":\"oauth.revoke\",\"payload\":{\"date_time\":\"" + at + "\",\"user_id\":\"" + userId
        + "\",\"app_id\":\"" + APP_ID + "\"}}}";
    return webhookDelivery(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Signs a webhook body as X does: {@code sha256=<base64 HMAC-SHA256(consumer secret, body)>}.
   *
   * @param body the raw body
   * @return the delivery
   */
  public WebhookDelivery webhookDelivery(byte[] body) {
    Objects.requireNonNull(body, "body");
    return new WebhookDelivery(body, "sha256=" + Crypto.hmacSha256Base64(CONSUMER_SECRET, body));
  }

  /**
   * Runs X's CRC check against a webhook URL: {@code GET <url>?crc_token=<token>}, which must be
   * answered 200 with {@code {"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, token)>"}}.
   *
   * @param endpoint the webhook URL
   * @return whether the answer passes, as X decides whether to keep delivering
   * @throws UncheckedIOException if the endpoint cannot be reached
   */
  public boolean crc(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String token = "crc-" + Long.toHexString(events.getAndIncrement());
    HttpResponse<String> a = Outbound.get(endpoint, "crc_token=" + token, "cannot run the CRC check against " + endpoint,
        "interrupted during a CRC check");
    String expected = "\"response_token\":\"sha256=" + Crypto.hmacSha256Base64(CONSUMER_SECRET,
        token.getBytes(StandardCharsets.UTF_8)) + "\"";
    return a.statusCode() == 200 && a.body().replace(" ", "").contains(expected);
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
   * @param path e.g. {@code /2/oauth2/token}
   * @return the count
   */
  public long count(String method, String path) {
    return server.count(method, path);
  }

  /**
   * The posts made on the emulator.
   *
   * @return the posts, oldest first
   */
  public List<PostRecord> posts() {
    return platform.posts().stream().map(p -> new PostRecord(p.id(), p.userId(), p.text(), p.mediaIds())).toList();
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
    return "XEmulator[" + server.base() + "]";
  }

  private static XPlatform.UserReg toReg(User u) {
    return new XPlatform.UserReg(u.id(), u.username(), u.name());
  }

  /**
   * A user of the emulated X.
   *
   * @param id the user id (digits)
   * @param username the handle, without {@code @}
   * @param name the display name
   */
  public record User(String id, String username, String name) {
    /** Validates the components. */
    public User {
      Objects.requireNonNull(id, "id");
      if (!id.matches("[0-9]{1,19}")) {
        throw new IllegalArgumentException("an X user id is 1-19 digits; got '" + id + "'");
      }
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Tokens issued by {@link #issueTokens}. The tokens are secrets: {@link #toString()} leaves them out.
   *
   * @param accessToken the access token
   * @param refreshToken the refresh token, when {@code offline.access} was granted
   * @param expiresIn the access token's lifetime
   */
  public record IssuedTokens(String accessToken, java.util.Optional<String> refreshToken, Duration expiresIn) {
    /** Validates the components. */
    public IssuedTokens {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(refreshToken, "refreshToken");
      Objects.requireNonNull(expiresIn, "expiresIn");
    }

    /** Names the lifetime only. */
    @Override
    public String toString() {
      return "IssuedTokens[access token, " + (refreshToken.isPresent() ? "refresh token, " : "") + "expires in "
          + expiresIn + "]";
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
   * A post made on the emulator.
   *
   * @param id the post id
   * @param userId the author's id
   * @param text the text
   * @param mediaIds the attached media ids
   */
  public record PostRecord(String id, String userId, String text, List<String> mediaIds) {
    /** Copies the media ids. */
    public PostRecord {
      mediaIds = List.copyOf(mediaIds);
    }
  }

  /**
   * A webhook delivery as X sends it.
   *
   * @param body the raw body, the bytes the signature covers
   * @param signature the {@value XEmulator#SIGNATURE_HEADER} header's value
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
     * The headers X sends with it.
     *
     * @return {@code Content-Type} and {@value XEmulator#SIGNATURE_HEADER}
     */
    public Map<String, String> headers() {
      return Map.of("Content-Type", "application/json", SIGNATURE_HEADER, signature);
    }

    /**
     * POSTs the delivery to an application's webhook URL, as X does.
     *
     * @param endpoint the webhook URL
     * @return the HTTP status the endpoint answered
     * @throws UncheckedIOException if the endpoint cannot be reached
     */
    public int deliverTo(URI endpoint) {
      return Outbound.post(endpoint, headers(), body, "cannot deliver the webhook to " + endpoint,
          "interrupted while delivering a webhook").statusCode();
    }

    /** Names the size only. */
    @Override
    public String toString() {
      return "WebhookDelivery[" + body.length + " bytes]";
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

  /** Configures an {@link XEmulator}; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final List<XPlatform.ClientReg> clients = new ArrayList<>();
    private User user = DEFAULT_USER;
    private int processingPolls = 2;
    private int revokeLimit;

    private Builder() {}

    /**
     * Limits {@code POST /2/oauth2/revoke} to this many requests per second and client, in windows
     * from one whole second to the next: answers carry {@code x-rate-limit-limit},
     * {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (epoch seconds), and a request over
     * the limit is answered 429 with them. Unlimited by default.
     *
     * @param perSecond requests per second; positive
     * @return this builder
     */
    public Builder revokeLimit(int perSecond) {
      this.revokeLimit = Checks.positive("perSecond", perSecond);
      return this;
    }

    /**
     * The clock codes, tokens and rate-limit windows expire by; the system clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Registers a confidential client (HTTP Basic required). Registering any client replaces the
     * default ones.
     *
     * @param id the client id
     * @param secret the client secret
     * @param redirectUris the callback URLs registered for it
     * @return this builder
     */
    public Builder confidentialClient(String id, String secret, URI... redirectUris) {
      Objects.requireNonNull(secret, "secret");
      clients.add(new XPlatform.ClientReg(checkId(id), secret, uris(redirectUris)));
      return this;
    }

    /**
     * Registers a public client (no secret). Registering any client replaces the default ones.
     *
     * @param id the client id
     * @param redirectUris the callback URLs registered for it
     * @return this builder
     */
    public Builder publicClient(String id, URI... redirectUris) {
      clients.add(new XPlatform.ClientReg(checkId(id), null, uris(redirectUris)));
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
     * How many status polls a video or GIF needs before X reports it processed; 2 by default.
     *
     * @param polls zero or more
     * @return this builder
     */
    public Builder mediaProcessingPolls(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("polls must not be negative");
      }
      this.processingPolls = polls;
      return this;
    }

    /**
     * Starts the emulator on a free loopback port.
     *
     * @return the running emulator
     * @throws UncheckedIOException if the server cannot start
     */
    public XEmulator start() {
      return new XEmulator(this);
    }

    private static String checkId(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank() || id.contains(":")) {
        throw new IllegalArgumentException("a client id must be non-blank without ':'; got '" + id + "'");
      }
      return id;
    }

    private static Set<String> uris(URI... redirectUris) {
      if (redirectUris.length == 0) {
        throw new IllegalArgumentException("register at least one redirect URI");
      }
      Set<String> out = new LinkedHashSet<>();
      for (URI u : redirectUris) {
        out.add(Objects.requireNonNull(u, "redirect URI").toString());
      }
      return Set.copyOf(out);
    }
  }
}
