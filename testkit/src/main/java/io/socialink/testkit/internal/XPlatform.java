package io.socialink.testkit.internal;

import static io.socialink.testkit.internal.XBodies.problem;
import static io.socialink.testkit.internal.XBodies.problemPayload;

import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Consent;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.Routes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory X behind the emulator: registered clients, users, its route table, the API's gate (a
 * live access token, the endpoint group's per-user window announced in {@code x-rate-limit-*} headers,
 * the scopes) and the switches the emulator front turns, over collaborators that each own one job:
 * {@link XOAuth OAuth} (codes of 30 seconds, single use, PKCE-bound; access tokens of two hours;
 * single-use rotating refresh tokens; revocation), {@link XPosts posts} and {@link XMedia media
 * uploads}, on the shared emulator toolkit ({@link io.socialink.testkit.internal.emulator}). Every
 * method is synchronized on the instance, so the HTTP threads see one consistent state. Answers use the
 * documented X bodies ({@link XBodies}).
 */
public final class XPlatform {
  /** X's code lifetime. */
  public static final Duration CODE_LIFETIME = Duration.ofSeconds(30);
  /** X's access token lifetime. */
  public static final Duration ACCESS_LIFETIME = Duration.ofHours(2);
  /** X's state limit. */
  public static final int MAX_STATE = 500;

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Set<String> READ = Set.of("tweet.read", "users.read");
  private static final Set<String> WRITE = Set.of("tweet.read", "tweet.write", "users.read");
  private static final Set<String> MEDIA = Set.of("media.write");

  /**
   * A registered OAuth client.
   *
   * @param id the client id
   * @param secret the secret, or null for a public client
   * @param redirectUris the registered callback URLs
   */
  public record ClientReg(String id, @Nullable String secret, Set<String> redirectUris) {}

  /**
   * A user of the emulated X.
   *
   * @param id the user id
   * @param username the handle
   * @param name the display name
   */
  public record UserReg(String id, String username, String name) {}

  /**
   * A post made on the emulated X.
   *
   * @param id the post id
   * @param userId the author
   * @param text the text
   * @param mediaIds the attached media
   * @param createdAt when it was made, by the emulator's clock
   */
  public record PostRec(String id, String userId, String text, List<String> mediaIds, Instant createdAt) {}

  private final Clock clock;
  private final Map<String, UserReg> users = new HashMap<>();
  private final RateWindows limits = new RateWindows(RateWindows.Kind.FIXED);
  private final Consent<UserReg> consent;
  private final XOAuth oauth;
  private final XMedia media;
  private final XPosts posts;
  private final Routes routes;

  /**
   * Creates the platform.
   *
   * @param clock the clock that codes, tokens and windows expire by
   * @param clients the registered clients
   * @param user the user who consents
   * @param processingPolls status polls a video needs before it is ready
   */
  public XPlatform(Clock clock, List<ClientReg> clients, UserReg user, int processingPolls) {
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, ClientReg> m = new LinkedHashMap<>();
    clients.forEach(c -> m.put(c.id(), c));
    this.consent = new Consent<>(Objects.requireNonNull(user, "user"));
    this.users.put(user.id(), user);
    this.oauth = new XOAuth(clock, Map.copyOf(m), limits, consent);
    this.media = new XMedia(processingPolls);
    this.posts = new XPosts(clock, media);
    Map.of("users.me", 75, "tweets.create", 100, "tweets.user_timeline", 900, "media.upload", 500, "media.status", 1000,
        "media.initialize", 1875, "media.append", 1875, "media.finalize", 1875)
        .forEach((group, n) -> limits.limit(group, n, WINDOW));
    this.routes = new Routes()
        .add("GET", "/i/oauth2/authorize", c -> oauth.authorize(c.query()))
        .add("POST", "/2/oauth2/token", c -> oauth.token(c.headers(), c.form()))
        .add("POST", "/2/oauth2/revoke", c -> oauth.revoke(c.headers(), c.form()))
        .add("GET", "/2/users/me", c -> api("users.me", c, READ, this::usersMe))
        .add("POST", "/2/tweets", c -> api("tweets.create", c, WRITE, t -> posts.create(t.userId(), c.body())))
        .add("GET", "/2/users/{id:[0-9]+}/tweets", c -> api("tweets.user_timeline", c, READ,
            t -> posts.byUser(c.params().get("id"), c.query())))
        .add("POST", "/2/media/upload", c -> api("media.upload", c, MEDIA,
            t -> media.oneShot(t.userId(), c.headers().get("content-type"), c.body())))
        .add("GET", "/2/media/upload", c -> "STATUS".equals(c.query().get("command")), c -> api("media.status", c, MEDIA,
            t -> media.status(t.userId(), c.query().getOrDefault("media_id", ""))))
        .add("POST", "/2/media/upload/initialize", c -> api("media.initialize", c, MEDIA, t -> media.initialize(t.userId(), c.body())))
        .add("POST", "/2/media/upload/{id:[0-9]+}/append", c -> api("media.append", c, MEDIA,
            t -> media.append(t.userId(), c.params().get("id"), c.headers().get("content-type"), c.body())))
        .add("POST", "/2/media/upload/{id:[0-9]+}/finalize", c -> api("media.finalize", c, MEDIA,
            t -> media.finalizeUpload(t.userId(), c.params().get("id"))));
  }

  /**
   * Ends every grant of a user to the apps, as the user's "Revoke app permissions" in X's settings
   * does: their access and refresh tokens stop working.
   *
   * @param userId the user
   * @return how many tokens died
   */
  public synchronized int revokeUser(String userId) {
    return oauth.revokeUser(userId);
  }

  /**
   * Sets who consents from now on.
   *
   * @param user the user
   */
  public synchronized void consentAs(UserReg user) {
    users.put(user.id(), user);
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
   * Changes an endpoint group's per-user limit.
   *
   * @param group the group
   * @param limit calls per window
   * @param window the window
   */
  public synchronized void limit(String group, int limit, Duration window) {
    limits.limit(group, limit, window);
  }

  /**
   * Limits the revoke endpoint per client in one-second windows aligned on whole seconds, announced in
   * {@code x-rate-limit-*} headers and answered 429 beyond the limit. Unlimited unless set.
   *
   * @param perSecond calls per second and client
   */
  public synchronized void revokeLimit(int perSecond) {
    oauth.revokeLimit(perSecond);
  }

  /**
   * Issues tokens as a consent and code exchange would, without the browser: registers the user and
   * returns a live access token and, with {@code offline.access}, a refresh token.
   *
   * @param clientId a registered client
   * @param user the user
   * @param scopes the granted scopes
   * @return the access token and the refresh token, or an empty string when none
   */
  public synchronized String[] mint(String clientId, UserReg user, Set<String> scopes) {
    String[] tokens = oauth.mint(clientId, user.id(), scopes);
    users.put(user.id(), user);
    return tokens;
  }

  /**
   * When the revoke endpoint received requests naming a token, throttled ones left out.
   *
   * @param token the token
   * @return the instants, oldest first
   */
  public synchronized List<Instant> revocationsOf(String token) {
    return oauth.revocations().of(token);
  }

  /**
   * When the revoke endpoint answered 429.
   *
   * @return the instants, oldest first
   */
  public synchronized List<Instant> throttledRevocations() {
    return oauth.revocations().throttled();
  }

  /**
   * The posts made so far.
   *
   * @return the posts, oldest first
   */
  public synchronized List<PostRec> posts() {
    return posts.all();
  }

  /**
   * Handles a request.
   *
   * @param call the request
   * @return the answer
   */
  public synchronized Reply handle(Call call) {
    return routes.dispatch(call).orElseGet(() -> problem(404, "Not Found Error",
        "no such endpoint on the X emulator: " + call.method() + " " + call.path(),
        "https://api.x.com/2/problems/resource-not-found"));
  }

  /**
   * An error status in X's problem shape, for fault injection.
   *
   * @param status the status
   * @return the reply
   */
  public Reply unavailable(int status) {
    return XBodies.unavailable(status);
  }

  /** An API call: a live access token, the group's window per user (with its headers), the scopes. */
  private Reply api(String group, Call call, Set<String> needed, Function<XOAuth.TokenRec, Reply> handler) {
    Optional<XOAuth.TokenRec> found = call.bearer().flatMap(oauth::access);
    if (found.isEmpty()) {
      return problemPayload(401, "Unauthorized", "Unauthorized");
    }
    XOAuth.TokenRec token = found.get();
    Optional<RateWindows.Admission> admission = limits.admit(group, token.userId(), clock.instant());
    Map<String, String> rate = XBodies.rateHeaders(admission);
    if (admission.isPresent() && !admission.get().admitted()) {
      return problemPayload(429, "Too Many Requests", "Too Many Requests").withHeaders(rate);
    }
    if (!token.scopes().containsAll(needed)) {
      return problemPayload(403, "Forbidden", "Forbidden").withHeaders(rate);
    }
    return handler.apply(token).withHeaders(rate);
  }

  private Reply usersMe(XOAuth.TokenRec token) {
    UserReg u = users.get(token.userId());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id());
    data.put("name", u.name());
    data.put("username", u.username());
    return Json.reply(200, Map.of("data", data));
  }
}
