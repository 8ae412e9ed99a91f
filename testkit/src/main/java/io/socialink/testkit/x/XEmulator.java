package io.socialink.testkit.x;

import io.socialink.testkit.internal.XPlatform;
import io.socialink.testkit.internal.emulator.EmulatorServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 *   <li>switches for 5xx answers, slow answers and connections closed without an answer.</li>
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
  /** The user who consents unless told otherwise (X's documented example user). */
  public static final User DEFAULT_USER = new User("2244994945", "XDevelopers", "X Developers");

  private final XPlatform platform;
  private final Clock clock;
  private final EmulatorServer server;

  private XEmulator(Builder b) {
    this.clock = b.clock;
    List<XPlatform.ClientReg> clients = new ArrayList<>(b.clients);
    if (clients.isEmpty()) {
      clients.add(new XPlatform.ClientReg(CLIENT_ID, CLIENT_SECRET, Set.of(REDIRECT_URI.toString())));
      clients.add(new XPlatform.ClientReg(PUBLIC_CLIENT_ID, null, Set.of(REDIRECT_URI.toString())));
    }
    this.platform = new XPlatform(clock, clients, toReg(b.user), b.processingPolls);
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
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    Objects.requireNonNull(window, "window");
    if (limit <= 0 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
    platform.limit(endpointGroup, limit, window);
  }

  /**
   * The requests received so far.
   *
   * @return the requests, oldest first
   */
  public List<Request> requests() {
    return server.requests().stream().map(r -> new Request(r.method(), r.path(), r.at())).toList();
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

  /** Configures an {@link XEmulator}; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final List<XPlatform.ClientReg> clients = new ArrayList<>();
    private User user = DEFAULT_USER;
    private int processingPolls = 2;

    private Builder() {}

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
