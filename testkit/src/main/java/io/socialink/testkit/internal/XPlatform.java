package io.socialink.testkit.internal;

import static io.socialink.testkit.internal.XBodies.invalidRequest;
import static io.socialink.testkit.internal.XBodies.oauthError;
import static io.socialink.testkit.internal.XBodies.problem;
import static io.socialink.testkit.internal.XBodies.problemPayload;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.Routes;
import io.socialink.testkit.internal.emulator.TokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The in-memory X behind the emulator: registered clients, authorization codes (30 seconds, single
 * use, PKCE-bound), access tokens (two hours), single-use rotating refresh tokens, revocation, users,
 * posts, media (in {@link XMedia}) and per-endpoint rate limits, on the shared emulator toolkit
 * ({@link io.socialink.testkit.internal.emulator}). Every method is synchronized on the instance, so the
 * HTTP threads see one consistent state. Answers use the documented X bodies.
 */
public final class XPlatform {
  /** X's code lifetime. */
  public static final Duration CODE_LIFETIME = Duration.ofSeconds(30);
  /** X's access token lifetime. */
  public static final Duration ACCESS_LIFETIME = Duration.ofHours(2);
  /** X's state limit. */
  public static final int MAX_STATE = 500;

  private static final String CODE_INVALID = "Value passed for the authorization code was invalid.";
  private static final String TOKEN_INVALID = "Value passed for the token was invalid.";
  private static final Duration WINDOW = Duration.ofMinutes(15);
  /** X's weighted limit on a post's text. */
  private static final int MAX_WEIGHTED_TEXT = 280;
  /** The members of X's CreatePostsRequest, which has additionalProperties:false. */
  private static final Set<String> POST_MEMBERS = Set.of("text", "media", "reply", "quote_tweet_id", "poll",
      "reply_settings", "for_super_followers_only", "geo", "direct_message_deep_link", "card_uri", "community_id",
      "nullcast", "edit_options", "made_with_ai", "paid_partnership", "share_with_followers");
  private static final Set<String> READ = Set.of("tweet.read", "users.read");
  private static final Set<String> WRITE = Set.of("tweet.read", "tweet.write", "users.read");
  private static final Set<String> MEDIA = Set.of("media.write");
  private static final Pattern MEDIA_ID = Pattern.compile("[0-9]{1,19}");

  private final Clock clock;
  private final Map<String, ClientReg> clients;
  private final XMedia media;
  private final Routes routes;
  private final TokenStore<CodeRec> codes;
  private final TokenStore<TokenRec> accessTokens;
  private final TokenStore<TokenRec> refreshTokens;
  private final RateWindows limits = new RateWindows(RateWindows.Kind.FIXED);
  private UserReg consentUser;
  private boolean denyNext;
  private final Set<String> withheld = new LinkedHashSet<>();
  private final Map<String, UserReg> users = new HashMap<>();
  private final List<PostRec> posts = new ArrayList<>();
  private long nextPost = 1445880548472328192L;
  /** The revoke endpoint's group, limited per client only when {@link #revokeLimit} is set. */
  private static final String REVOKE_GROUP = "oauth2.revoke";
  /** Revoke requests past the rate limit, by token named: when each came, by the clock. */
  private final Map<String, List<java.time.Instant>> revocations = new HashMap<>();
  private final List<java.time.Instant> throttledRevocations = new ArrayList<>();

  /**
   * A registered OAuth client.
   *
   * @param id the client id
   * @param secret the secret, or null for a public client
   * @param redirectUris the registered callback URLs
   */
  public record ClientReg(String id, @org.jspecify.annotations.Nullable String secret, Set<String> redirectUris) {}

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
  public record PostRec(String id, String userId, String text, List<String> mediaIds, java.time.Instant createdAt) {}

  private record CodeRec(String clientId, String redirectUri, String challenge, String method, Set<String> scopes,
      String userId) {}

  private record TokenRec(String clientId, String userId, Set<String> scopes) {}


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
    this.clients = Map.copyOf(m);
    this.consentUser = Objects.requireNonNull(user, "user");
    this.users.put(user.id(), user);
    this.media = new XMedia(processingPolls);
    this.codes = new TokenStore<>(clock, "", 30);
    this.accessTokens = new TokenStore<>(clock, "", 30);
    this.refreshTokens = new TokenStore<>(clock, "", 30);
    Map.of("users.me", 75, "tweets.create", 100, "tweets.user_timeline", 900, "media.upload", 500, "media.status", 1000,
        "media.initialize", 1875, "media.append", 1875, "media.finalize", 1875)
        .forEach((group, n) -> limits.limit(group, n, WINDOW));
    this.routes = new Routes()
        .add("GET", "/i/oauth2/authorize", c -> authorize(c.query()))
        .add("POST", "/2/oauth2/token", c -> token(c.headers(), c.form()))
        .add("POST", "/2/oauth2/revoke", c -> revoke(c.headers(), c.form()))
        .add("GET", "/2/users/me", c -> api("users.me", c, READ, this::usersMe))
        .add("POST", "/2/tweets", c -> api("tweets.create", c, WRITE, t -> tweet(t, c.body())))
        .add("GET", "/2/users/{id:[0-9]+}/tweets", c -> api("tweets.user_timeline", c, READ,
            t -> userTweets(c.params().get("id"), c.query())))
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
    return accessTokens.killIf(t -> t.userId().equals(userId)) + refreshTokens.killIf(t -> t.userId().equals(userId));
  }

  /**
   * Sets who consents from now on.
   *
   * @param user the user
   */
  public synchronized void consentAs(UserReg user) {
    users.put(user.id(), user);
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
    limits.limitAligned(REVOKE_GROUP, perSecond, Duration.ofSeconds(1));
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
    if (!clients.containsKey(clientId)) {
      throw new IllegalArgumentException("unknown client id '" + clientId + "'");
    }
    users.put(user.id(), user);
    TokenRec rec = new TokenRec(clientId, user.id(), Set.copyOf(scopes));
    String access = accessTokens.issue(rec, ACCESS_LIFETIME);
    String refresh = scopes.contains("offline.access") ? refreshTokens.issue(rec, TokenStore.forever()) : "";
    return new String[] {access, refresh};
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

  /**
   * The posts made so far.
   *
   * @return the posts, oldest first
   */
  public synchronized List<PostRec> posts() {
    return List.copyOf(posts);
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

  // ---- OAuth -------------------------------------------------------------------------------

  private Reply authorize(Map<String, String> q) {
    ClientReg client = clients.get(q.getOrDefault("client_id", ""));
    if (client == null) {
      return Reply.text(400, "Something went wrong: unknown client_id");
    }
    String redirect = q.getOrDefault("redirect_uri", "");
    if (!client.redirectUris().contains(redirect)) {
      return Reply.text(400, "Something went wrong: redirect_uri does not match a registered callback URL");
    }
    if (!"code".equals(q.get("response_type"))) {
      return Reply.text(400, "Something went wrong: response_type must be code");
    }
    String state = q.getOrDefault("state", "");
    if (state.isEmpty() || state.length() > MAX_STATE) {
      return Reply.text(400, "Something went wrong: state is required, at most " + MAX_STATE + " characters");
    }
    String challenge = q.getOrDefault("code_challenge", "");
    String method = q.getOrDefault("code_challenge_method", "");
    if (challenge.isEmpty() || !(method.equals("S256") || method.equals("s256") || method.equals("plain"))) {
      return Reply.text(400, "Something went wrong: PKCE code_challenge and code_challenge_method (S256 or plain) are required");
    }
    Set<String> scopes = new LinkedHashSet<>(List.of(q.getOrDefault("scope", "").trim().split(" +")));
    scopes.remove("");
    if (scopes.isEmpty()) {
      return Reply.text(400, "Something went wrong: scope is required");
    }
    String sep = redirect.contains("?") ? "&" : "?";
    if (denyNext) {
      denyNext = false;
      return Reply.redirect(redirect + sep + "error=access_denied&state=" + enc(state));
    }
    scopes.removeAll(withheld);
    String code = codes.issue(new CodeRec(client.id(), redirect, challenge, method, Collections.unmodifiableSet(scopes),
        consentUser.id()), CODE_LIFETIME);
    return Reply.redirect(redirect + sep + "state=" + enc(state) + "&code=" + enc(code));
  }

  /**
   * Finds and checks the calling client. The token endpoint always wants {@code client_id} in the body;
   * the revoke endpoint takes it from the HTTP Basic header when the body has none (fact sheet §2: a
   * confidential revoke sends Basic and {@code token} only).
   */
  private Optional<Reply> authenticateClient(Map<String, String> headers, Map<String, String> form, ClientReg[] out,
      boolean basicMayNameClient) {
    if (form.containsKey("client_secret")) {
      return Optional.of(oauthError(401, "unauthorized_client", "Missing valid authorization header"));
    }
    String clientId = form.get("client_id");
    if ((clientId == null || clientId.isEmpty()) && basicMayNameClient) {
      clientId = basicClientId(headers.getOrDefault("authorization", "")).orElse(null);
    }
    if (clientId == null || clientId.isEmpty()) {
      return Optional.of(oauthError(400, "invalid_request", "Missing required parameter [client_id]."));
    }
    ClientReg client = clients.get(clientId);
    if (client == null) {
      return Optional.of(Json.reply(401, Map.of("error", "invalid_client")));
    }
    if (client.secret() != null) {
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
      if (!Crypto.same(headers.getOrDefault("authorization", ""), expected)) {
        return Optional.of(oauthError(401, "unauthorized_client", "Missing valid authorization header"));
      }
    }
    out[0] = client;
    return Optional.empty();
  }

  /** The client id of an HTTP Basic header, if the header is one. */
  private static Optional<String> basicClientId(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
  }

  private Reply token(Map<String, String> headers, Map<String, String> form) {
    ClientReg[] client = new ClientReg[1];
    Optional<Reply> refused = authenticateClient(headers, form, client, false);
    if (refused.isPresent()) {
      return refused.get();
    }
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.equals("authorization_code")) {
      Optional<CodeRec> code = codes.take(form.getOrDefault("code", "")); // single use, whatever the outcome
      if (code.isEmpty() || !code.get().clientId().equals(client[0].id())
          || !code.get().redirectUri().equals(form.get("redirect_uri"))
          || !pkceMatches(code.get(), form.getOrDefault("code_verifier", ""))) {
        return oauthError(400, "invalid_request", CODE_INVALID);
      }
      return issue(client[0].id(), code.get().userId(), code.get().scopes());
    }
    if (grantType.equals("refresh_token")) {
      String presented = form.getOrDefault("refresh_token", "");
      Optional<TokenRec> old = refreshTokens.live(presented);
      if (old.isEmpty() || !old.get().clientId().equals(client[0].id())) {
        return oauthError(400, "invalid_request", TOKEN_INVALID);
      }
      refreshTokens.kill(presented); // single use: the answer carries its successor
      return issue(client[0].id(), old.get().userId(), old.get().scopes());
    }
    return oauthError(400, "invalid_request", "Value passed for the grant type was invalid.");
  }

  private Reply issue(String clientId, String userId, Set<String> scopes) {
    TokenRec rec = new TokenRec(clientId, userId, scopes);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "bearer");
    body.put("expires_in", ACCESS_LIFETIME.toSeconds());
    body.put("access_token", accessTokens.issue(rec, ACCESS_LIFETIME));
    body.put("scope", String.join(" ", scopes));
    if (scopes.contains("offline.access")) {
      body.put("refresh_token", refreshTokens.issue(rec, TokenStore.forever()));
    }
    return Json.reply(200, body);
  }

  private Reply revoke(Map<String, String> headers, Map<String, String> form) {
    ClientReg[] client = new ClientReg[1];
    Optional<Reply> refused = authenticateClient(headers, form, client, true);
    if (refused.isPresent()) {
      return refused.get();
    }
    String token = form.getOrDefault("token", "");
    Map<String, String> rate = new LinkedHashMap<>();
    Optional<RateWindows.Admission> admission = limits.admit(REVOKE_GROUP, client[0].id(), clock.instant());
    if (admission.isPresent()) {
      RateWindows.Admission a = admission.get();
      rate.put("x-rate-limit-limit", Integer.toString(a.limit()));
      rate.put("x-rate-limit-remaining", Integer.toString(a.remaining()));
      rate.put("x-rate-limit-reset", Long.toString(a.reset().getEpochSecond()));
      if (!a.admitted()) {
        throttledRevocations.add(clock.instant());
        return problemPayload(429, "Too Many Requests", "Too Many Requests").withHeaders(rate);
      }
    }
    revocations.computeIfAbsent(token, k -> new ArrayList<>()).add(clock.instant());
    return revokeToken(client[0], token, form).withHeaders(rate);
  }

  private Reply revokeToken(ClientReg client0, String token, Map<String, String> form) {
    ClientReg[] client = {client0};
    TokenStore<TokenRec> first = "refresh_token".equals(form.get("token_type_hint")) ? refreshTokens : accessTokens;
    TokenStore<TokenRec> second = first == refreshTokens ? accessTokens : refreshTokens;
    TokenStore<TokenRec> holder = first.live(token).isPresent() ? first : second;
    Optional<TokenRec> rec = holder.live(token);
    if (rec.isEmpty() || !rec.get().clientId().equals(client[0].id())) {
      return oauthError(400, "invalid_request", TOKEN_INVALID);
    }
    holder.kill(token);
    return Json.reply(200, Map.of("revoked", true));
  }

  private static boolean pkceMatches(CodeRec code, String verifier) {
    if (verifier.isEmpty()) {
      return false;
    }
    return code.method().equals("plain") ? verifier.equals(code.challenge())
        : Crypto.s256Base64Url(verifier).equals(code.challenge());
  }

  // ---- API ---------------------------------------------------------------------------------

  private Reply api(String group, Call call, Set<String> needed, Function<TokenRec, Reply> handler) {
    Optional<TokenRec> found = call.bearer().flatMap(accessTokens::live);
    if (found.isEmpty()) {
      return problemPayload(401, "Unauthorized", "Unauthorized");
    }
    TokenRec token = found.get();
    Map<String, String> rate = new LinkedHashMap<>();
    Optional<RateWindows.Admission> admission = limits.admit(group, token.userId(), clock.instant());
    if (admission.isPresent()) {
      RateWindows.Admission a = admission.get();
      rate.put("x-rate-limit-limit", Integer.toString(a.limit()));
      rate.put("x-rate-limit-remaining", Integer.toString(a.remaining()));
      rate.put("x-rate-limit-reset", Long.toString(a.reset().getEpochSecond()));
      if (!a.admitted()) {
        return problemPayload(429, "Too Many Requests", "Too Many Requests").withHeaders(rate);
      }
    }
    if (!token.scopes().containsAll(needed)) {
      return problemPayload(403, "Forbidden", "Forbidden").withHeaders(rate);
    }
    return handler.apply(token).withHeaders(rate);
  }

  private Reply usersMe(TokenRec token) {
    UserReg u = users.get(token.userId());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id());
    data.put("name", u.name());
    data.put("username", u.username());
    return Json.reply(200, Map.of("data", data));
  }

  /** The body as a JSON object, or null when it is not one. */
  private Reply tweet(TokenRec token, byte[] body) {
    Optional<Map<String, Object>> parsed = Json.object(body);
    if (parsed.isEmpty()) {
      return invalidRequest("body", "the body is not a JSON object");
    }
    Map<String, Object> req = parsed.get();
    for (String member : req.keySet()) {
      if (!POST_MEMBERS.contains(member)) {
        // CreatePostsRequest has additionalProperties:false.
        return invalidRequest(member, "The request body has a member X does not know: " + member);
      }
    }
    Object rawText = req.getOrDefault("text", "");
    if (!(rawText instanceof String text)) {
      return invalidRequest("text", "text must be a string");
    }
    List<String> mediaIds = new ArrayList<>();
    if (req.containsKey("media")) {
      if (!(req.get("media") instanceof Map<?, ?> m) || !(m.get("media_ids") instanceof List<?> ids)) {
        return invalidRequest("media.media_ids", "media needs media_ids, 1 to 4 media id strings");
      }
      if (ids.isEmpty() || ids.size() > 4) {
        return invalidRequest("media.media_ids", "media_ids holds 1 to 4 media ids; got " + ids.size());
      }
      for (Object o : ids) {
        if (!(o instanceof String id) || !MEDIA_ID.matcher(id).matches()) {
          return invalidRequest("media.media_ids", String.valueOf(o),
              "A media id is a string of 1 to 19 digits; got " + o);
        }
        mediaIds.add(id);
      }
    }
    if (!text.isBlank()) {
      TwitterTextParseResults weighed = TwitterTextParser.parseTweet(text); // configuration v3, as X
      if (!weighed.isValid) {
        return invalidRequest("text", weighed.weightedLength > MAX_WEIGHTED_TEXT
            ? "Your Tweet text is too long. For more information on how Twitter determines text length see"
                + " https://github.com/twitter/twitter-text."
            : "The text holds a character X refuses (U+FFFE, U+FEFF or U+FFFF).");
      }
    }
    if (text.isBlank() && mediaIds.isEmpty()) {
      return invalidRequest("text", "a post needs text or media");
    }
    for (String id : mediaIds) {
      if (!media.ready(token.userId(), id)) {
        return invalidRequest("media.media_ids", id, "The media id " + id + " is unknown, not yours, or not processed.");
      }
    }
    if (!text.isBlank() && posts.stream().anyMatch(p -> p.userId().equals(token.userId()) && p.text().equals(text))) {
      return problemPayload(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
    }
    String id = Long.toString(nextPost++);
    posts.add(new PostRec(id, token.userId(), text, List.copyOf(mediaIds), clock.instant()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("text", text);
    data.put("edit_history_tweet_ids", List.of(id));
    return Json.reply(201, Map.of("data", data)).withHeaders(Map.of(
        "x-app-limit-24hour-limit", "10000",
        "x-app-limit-24hour-remaining", Integer.toString(10000 - posts.size()),
        "x-app-limit-24hour-reset",
        Long.toString(RateWindows.wholeSecondAtOrAfter(clock.instant().plus(Duration.ofHours(24))).getEpochSecond())));
  }

  /**
   * {@code GET /2/users/:id/tweets}: the user's posts newest first, {@code max_results} 5 to 100 (10 by
   * default), {@code created_at} when asked in {@code tweet.fields}. As X does, links in a text come back
   * wrapped as {@code https://t.co/...} and a post with media ends with a link to them.
   */
  private Reply userTweets(String userId, Map<String, String> query) {
    int max;
    try {
      max = Integer.parseInt(query.getOrDefault("max_results", "10"));
    } catch (NumberFormatException e) {
      return invalidRequest("max_results", "max_results must be a number from 5 to 100");
    }
    if (max < 5 || max > 100) {
      return invalidRequest("max_results", query.get("max_results"),
          "The `max_results` query parameter value [" + max + "] is not between 5 and 100");
    }
    boolean createdAt = List.of(query.getOrDefault("tweet.fields", "").split(",")).contains("created_at");
    List<Map<String, Object>> data = new ArrayList<>();
    for (int i = posts.size() - 1; i >= 0 && data.size() < max; i--) {
      PostRec p = posts.get(i);
      if (!p.userId().equals(userId)) {
        continue;
      }
      Map<String, Object> post = new LinkedHashMap<>();
      post.put("id", p.id());
      post.put("text", wrapped(p));
      post.put("edit_history_tweet_ids", List.of(p.id()));
      if (createdAt) {
        post.put("created_at", java.time.format.DateTimeFormatter.ISO_INSTANT.format(
            p.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
      }
      data.add(post);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("result_count", data.size());
    Map<String, Object> body = new LinkedHashMap<>();
    if (!data.isEmpty()) {
      body.put("data", data);
      meta.put("newest_id", data.get(0).get("id"));
      meta.put("oldest_id", data.get(data.size() - 1).get("id"));
    }
    body.put("meta", meta);
    return Json.reply(200, body);
  }

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  /** The text as X shows it: links wrapped, a link to the media appended, {@code & < >} escaped. */
  private static String wrapped(PostRec p) {
    String text = LINK.matcher(p.text()).replaceAll(m -> "https://t.co/" + shortCode(m.group()));
    if (!p.mediaIds().isEmpty()) {
      text = (text.isEmpty() ? "" : text + " ") + "https://t.co/" + shortCode(p.id());
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String shortCode(String s) {
    return Crypto.s256Base64Url(s).substring(0, 10);
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

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
