package io.socialink.testkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.socialink.testkit.x.XPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory X behind the emulator: registered clients, authorization codes (30 seconds, single
 * use, PKCE-bound), access tokens (two hours), single-use rotating refresh tokens, revocation, users,
 * posts, media and per-endpoint rate limits. Every method is synchronized on the instance, so the
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
  private static final Pattern MEDIA_ID = Pattern.compile("[0-9]{1,19}");
  private static final long MB = 1024L * 1024;
  /** The largest upload by media category (fact sheet §7.2: image 5 MB, GIF 15 MB, video 512 MB). */
  private static final Map<String, Long> MAX_MEDIA_BYTES = Map.of(
      "tweet_image", 5 * MB, "dm_image", 5 * MB,
      "tweet_gif", 15 * MB, "dm_gif", 15 * MB,
      "tweet_video", 512 * MB, "dm_video", 512 * MB, "amplify_video", 512 * MB,
      "subtitles", Long.MAX_VALUE);

  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Map<String, ClientReg> clients;
  private final int processingPolls;
  private UserReg consentUser;
  private boolean denyNext;
  private final Set<String> withheld = new LinkedHashSet<>();
  private final Map<String, CodeRec> codes = new HashMap<>();
  private final Map<String, TokenRec> accessTokens = new HashMap<>();
  private final Map<String, TokenRec> refreshTokens = new HashMap<>();
  private final Map<String, UserReg> users = new HashMap<>();
  private final List<PostRec> posts = new ArrayList<>();
  private final Map<String, MediaRec> media = new HashMap<>();
  private final Map<String, Limit> limits = new HashMap<>();
  private final Map<String, Window> windows = new HashMap<>();
  private long nextPost = 1445880548472328192L;
  private long nextMedia = 1880028106020515840L;

  /**
   * A registered OAuth client.
   *
   * @param id the client id
   * @param secret the secret, or null for a public client
   * @param redirectUris the registered callback URLs
   */
  public record ClientReg(String id, String secret, Set<String> redirectUris) {}

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
   */
  public record PostRec(String id, String userId, String text, List<String> mediaIds) {}

  private record CodeRec(String clientId, String redirectUri, String challenge, String method, Set<String> scopes,
      String userId, Instant issuedAt) {}

  private static final class TokenRec {
    final String clientId;
    final String userId;
    final Set<String> scopes;
    final Instant expiresAt;
    boolean dead;

    TokenRec(String clientId, String userId, Set<String> scopes, Instant expiresAt) {
      this.clientId = clientId;
      this.userId = userId;
      this.scopes = scopes;
      this.expiresAt = expiresAt;
    }
  }

  private static final class MediaRec {
    final String id;
    final String userId;
    final long totalBytes;
    final boolean needsProcessing;
    long received;
    int nextSegment;
    boolean finalized;
    int polls;

    MediaRec(String id, String userId, long totalBytes, boolean needsProcessing) {
      this.id = id;
      this.userId = userId;
      this.totalBytes = totalBytes;
      this.needsProcessing = needsProcessing;
    }

    boolean ready(int pollsNeeded) {
      return finalized && (!needsProcessing || polls >= pollsNeeded);
    }
  }

  private record Limit(int limit, Duration window) {}

  /**
   * A rate-limit window. X announces resets in whole epoch seconds, so a window ends at the whole
   * second its length reaches, rounded up: the instant it announces is the instant it resets, and a
   * call sent at the announced reset is counted in a new window.
   */
  private static final class Window {
    Instant end;
    int used;

    Window(Instant start, Duration length) {
      this.end = wholeSecondAtOrAfter(start.plus(length));
    }
  }

  private static Instant wholeSecondAtOrAfter(Instant t) {
    return t.getNano() == 0 ? t : Instant.ofEpochSecond(t.getEpochSecond() + 1);
  }

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
    this.processingPolls = processingPolls;
    limits.put("users.me", new Limit(75, WINDOW));
    limits.put("tweets.create", new Limit(100, WINDOW));
    limits.put("media.upload", new Limit(500, WINDOW));
    limits.put("media.status", new Limit(1000, WINDOW));
    limits.put("media.initialize", new Limit(1875, WINDOW));
    limits.put("media.append", new Limit(1875, WINDOW));
    limits.put("media.finalize", new Limit(1875, WINDOW));
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
    limits.put(group, new Limit(limit, window));
    windows.keySet().removeIf(k -> k.startsWith(group + "|"));
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
   * @param method the method
   * @param path the path
   * @param query the decoded query
   * @param headers the headers, lowercase names
   * @param body the body
   * @return the answer
   */
  public synchronized Reply handle(String method, String path, Map<String, String> query, Map<String, String> headers,
      byte[] body) {
    if (method.equals("GET") && path.equals("/i/oauth2/authorize")) {
      return authorize(query);
    }
    if (method.equals("POST") && path.equals("/2/oauth2/token")) {
      return token(headers, HttpForms.parse(new String(body, StandardCharsets.UTF_8)));
    }
    if (method.equals("POST") && path.equals("/2/oauth2/revoke")) {
      return revoke(headers, HttpForms.parse(new String(body, StandardCharsets.UTF_8)));
    }
    if (method.equals("GET") && path.equals("/2/users/me")) {
      return api("users.me", headers, Set.of("tweet.read", "users.read"), t -> usersMe(t));
    }
    if (method.equals("POST") && path.equals("/2/tweets")) {
      return api("tweets.create", headers, Set.of("tweet.read", "tweet.write", "users.read"), t -> tweet(t, body));
    }
    if (method.equals("POST") && path.equals("/2/media/upload")) {
      return api("media.upload", headers, Set.of("media.write"), t -> oneShot(t, headers.get("content-type"), body));
    }
    if (method.equals("GET") && path.equals("/2/media/upload") && "STATUS".equals(query.get("command"))) {
      return api("media.status", headers, Set.of("media.write"), t -> status(t, query.getOrDefault("media_id", "")));
    }
    if (method.equals("POST") && path.equals("/2/media/upload/initialize")) {
      return api("media.initialize", headers, Set.of("media.write"), t -> initialize(t, body));
    }
    if (method.equals("POST") && path.matches("/2/media/upload/[0-9]+/append")) {
      String id = path.split("/")[4];
      return api("media.append", headers, Set.of("media.write"), t -> append(t, id, headers.get("content-type"), body));
    }
    if (method.equals("POST") && path.matches("/2/media/upload/[0-9]+/finalize")) {
      String id = path.split("/")[4];
      return api("media.finalize", headers, Set.of("media.write"), t -> finalizeUpload(t, id));
    }
    return problem(404, "Not Found Error", "no such endpoint on the X emulator: " + method + " " + path,
        "https://api.x.com/2/problems/resource-not-found");
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
    String code = newToken();
    codes.put(code, new CodeRec(client.id(), redirect, challenge, method, java.util.Collections.unmodifiableSet(scopes), consentUser.id(),
        clock.instant()));
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
      return Optional.of(json(401, Map.of("error", "invalid_client")));
    }
    if (client.secret() != null) {
      String auth = headers.getOrDefault("authorization", "");
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
      if (!MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
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
      return exchange(client[0], form);
    }
    if (grantType.equals("refresh_token")) {
      return refresh(client[0], form);
    }
    return oauthError(400, "invalid_request", "Value passed for the grant type was invalid.");
  }

  private Reply exchange(ClientReg client, Map<String, String> form) {
    CodeRec code = codes.remove(form.getOrDefault("code", "")); // single use, whatever the outcome
    Instant now = clock.instant();
    if (code == null || !code.clientId().equals(client.id()) || !now.isBefore(code.issuedAt().plus(CODE_LIFETIME))
        || !code.redirectUri().equals(form.get("redirect_uri"))
        || !pkceMatches(code, form.getOrDefault("code_verifier", ""))) {
      return oauthError(400, "invalid_request", CODE_INVALID);
    }
    return issue(client.id(), code.userId(), code.scopes());
  }

  private Reply refresh(ClientReg client, Map<String, String> form) {
    TokenRec old = refreshTokens.get(form.getOrDefault("refresh_token", ""));
    if (old == null || old.dead || !old.clientId.equals(client.id())) {
      return oauthError(400, "invalid_request", TOKEN_INVALID);
    }
    old.dead = true; // single use: the answer carries its successor
    return issue(client.id(), old.userId, old.scopes);
  }

  private Reply issue(String clientId, String userId, Set<String> scopes) {
    Instant now = clock.instant();
    String access = newToken();
    accessTokens.put(access, new TokenRec(clientId, userId, scopes, now.plus(ACCESS_LIFETIME)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "bearer");
    body.put("expires_in", ACCESS_LIFETIME.toSeconds());
    body.put("access_token", access);
    body.put("scope", String.join(" ", scopes));
    if (scopes.contains("offline.access")) {
      String refresh = newToken();
      refreshTokens.put(refresh, new TokenRec(clientId, userId, scopes, Instant.MAX));
      body.put("refresh_token", refresh);
    }
    return json(200, body);
  }

  private Reply revoke(Map<String, String> headers, Map<String, String> form) {
    ClientReg[] client = new ClientReg[1];
    Optional<Reply> refused = authenticateClient(headers, form, client, true);
    if (refused.isPresent()) {
      return refused.get();
    }
    String token = form.getOrDefault("token", "");
    TokenRec rec = "refresh_token".equals(form.get("token_type_hint"))
        ? Optional.ofNullable(refreshTokens.get(token)).orElse(accessTokens.get(token))
        : Optional.ofNullable(accessTokens.get(token)).orElse(refreshTokens.get(token));
    if (rec == null || rec.dead || !rec.clientId.equals(client[0].id()) || !clock.instant().isBefore(rec.expiresAt)) {
      return oauthError(400, "invalid_request", TOKEN_INVALID);
    }
    rec.dead = true;
    return json(200, Map.of("revoked", true));
  }

  private static boolean pkceMatches(CodeRec code, String verifier) {
    if (verifier.isEmpty()) {
      return false;
    }
    if (code.method().equals("plain")) {
      return verifier.equals(code.challenge());
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(code.challenge());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- API ---------------------------------------------------------------------------------

  private interface Handler {
    Reply handle(TokenRec token);
  }

  private Reply api(String group, Map<String, String> headers, Set<String> needed, Handler handler) {
    String auth = headers.getOrDefault("authorization", "");
    TokenRec token = auth.startsWith("Bearer ") ? accessTokens.get(auth.substring(7)) : null;
    if (token == null || token.dead || !clock.instant().isBefore(token.expiresAt)) {
      return problemPayload(401, "Unauthorized", "Unauthorized");
    }
    Map<String, String> rate = new LinkedHashMap<>();
    Limit limit = limits.get(group);
    if (limit != null) {
      Instant now = clock.instant();
      Window w = windows.computeIfAbsent(group + "|" + token.userId, k -> new Window(now, limit.window()));
      if (!now.isBefore(w.end)) {
        w.end = new Window(now, limit.window()).end;
        w.used = 0;
      }
      long reset = w.end.getEpochSecond();
      if (w.used >= limit.limit()) {
        rate.put("x-rate-limit-limit", Integer.toString(limit.limit()));
        rate.put("x-rate-limit-remaining", "0");
        rate.put("x-rate-limit-reset", Long.toString(reset));
        return problemPayload(429, "Too Many Requests", "Too Many Requests").withHeaders(rate);
      }
      w.used++;
      rate.put("x-rate-limit-limit", Integer.toString(limit.limit()));
      rate.put("x-rate-limit-remaining", Integer.toString(limit.limit() - w.used));
      rate.put("x-rate-limit-reset", Long.toString(reset));
    }
    if (!token.scopes.containsAll(needed)) {
      return problemPayload(403, "Forbidden", "Forbidden").withHeaders(rate);
    }
    return handler.handle(token).withHeaders(rate);
  }

  private Reply usersMe(TokenRec token) {
    UserReg u = users.get(token.userId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id());
    data.put("name", u.name());
    data.put("username", u.username());
    return json(200, Map.of("data", data));
  }

  /** The body as a JSON object, or null when it is not one. */
  private @Nullable Map<String, Object> jsonObject(byte[] body) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = mapper.readValue(body, Map.class);
      return m;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Reply tweet(TokenRec token, byte[] body) {
    Map<String, Object> req = jsonObject(body);
    if (req == null) {
      return invalidRequest("body", "the body is not a JSON object");
    }
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
      MediaRec rec = media.get(id);
      if (rec == null || !rec.userId.equals(token.userId) || !rec.ready(processingPolls)) {
        return invalidRequest("media.media_ids", id, "The media id " + id + " is unknown, not yours, or not processed.");
      }
    }
    if (!text.isBlank() && posts.stream().anyMatch(p -> p.userId().equals(token.userId) && p.text().equals(text))) {
      return problemPayload(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
    }
    String id = Long.toString(nextPost++);
    posts.add(new PostRec(id, token.userId, text, List.copyOf(mediaIds)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("text", text);
    data.put("edit_history_tweet_ids", List.of(id));
    return json(201, Map.of("data", data)).withHeaders(Map.of(
        "x-app-limit-24hour-limit", "10000",
        "x-app-limit-24hour-remaining", Integer.toString(10000 - posts.size()),
        "x-app-limit-24hour-reset",
        Long.toString(wholeSecondAtOrAfter(clock.instant().plus(Duration.ofHours(24))).getEpochSecond())));
  }

  private Reply oneShot(TokenRec token, String contentType, byte[] body) {
    Optional<List<HttpForms.Part>> parts = HttpForms.multipart(contentType, body);
    if (parts.isEmpty()) {
      return invalidRequest("media", "the one-shot upload takes multipart/form-data");
    }
    Optional<HttpForms.Part> file = parts.get().stream().filter(p -> p.name().equals("media")).findFirst();
    Optional<String> category = parts.get().stream().filter(p -> p.name().equals("media_category"))
        .map(HttpForms.Part::text).findFirst();
    if (file.isEmpty() || file.get().content().length == 0) {
      return invalidRequest("media", "the media field is required");
    }
    if (category.isEmpty() || !Set.of("tweet_image", "dm_image", "subtitles").contains(category.get())) {
      return invalidRequest("media_category", "the one-shot upload takes images and subtitles only");
    }
    long max = MAX_MEDIA_BYTES.get(category.get());
    if (file.get().content().length > max) {
      return invalidRequest("media", tooLarge(category.get(), file.get().content().length, max));
    }
    MediaRec rec = new MediaRec(Long.toString(nextMedia++), token.userId, file.get().content().length, false);
    rec.received = rec.totalBytes;
    rec.finalized = true;
    media.put(rec.id, rec);
    return json(200, Map.of("data", mediaData(rec, true)));
  }

  private Reply initialize(TokenRec token, byte[] body) {
    Map<String, Object> req = jsonObject(body);
    if (req == null) {
      return invalidRequest("body", "the body is not a JSON object");
    }
    if (!(req.get("total_bytes") instanceof Number total) || total.longValue() <= 0) {
      return invalidRequest("total_bytes", "total_bytes must be a positive number");
    }
    if (!(req.get("media_type") instanceof String type) || !type.contains("/")) {
      return invalidRequest("media_type", "media_type must be a MIME type");
    }
    if (!(req.get("media_category") instanceof String category) || !MAX_MEDIA_BYTES.containsKey(category)) {
      return invalidRequest("media_category", "media_category must be one of " + new java.util.TreeSet<>(MAX_MEDIA_BYTES.keySet()));
    }
    long max = MAX_MEDIA_BYTES.get(category);
    if (total.longValue() > max) {
      return invalidRequest("total_bytes", tooLarge(category, total.longValue(), max));
    }
    boolean processing = category.endsWith("_video") || category.endsWith("_gif")
        || type.toLowerCase(Locale.ROOT).startsWith("video/");
    MediaRec rec = new MediaRec(Long.toString(nextMedia++), token.userId, total.longValue(), processing);
    media.put(rec.id, rec);
    return json(200, Map.of("data", mediaData(rec, true)));
  }

  private static String tooLarge(String category, long bytes, long max) {
    return "A " + category + " upload may have at most " + max + " bytes; this one has " + bytes + ".";
  }

  private Reply append(TokenRec token, String id, String contentType, byte[] body) {
    MediaRec rec = media.get(id);
    if (rec == null || !rec.userId.equals(token.userId) || rec.finalized) {
      return invalidRequest("id", "media " + id + " is unknown, not yours, or finalized");
    }
    Optional<List<HttpForms.Part>> parts = HttpForms.multipart(contentType, body);
    if (parts.isEmpty()) {
      return invalidRequest("media", "append takes multipart/form-data");
    }
    Optional<String> segment = parts.get().stream().filter(p -> p.name().equals("segment_index"))
        .map(HttpForms.Part::text).findFirst();
    Optional<HttpForms.Part> chunk = parts.get().stream().filter(p -> p.name().equals("media")).findFirst();
    if (segment.isEmpty() || !segment.get().equals(Integer.toString(rec.nextSegment)) || chunk.isEmpty()) {
      return invalidRequest("segment_index", "expected segment_index " + rec.nextSegment + " with a media field");
    }
    rec.nextSegment++;
    rec.received += chunk.get().content().length;
    if (rec.received > rec.totalBytes) {
      return invalidRequest("media", "more bytes than total_bytes");
    }
    return new Reply(204, Map.of(), new byte[0]);
  }

  private Reply finalizeUpload(TokenRec token, String id) {
    MediaRec rec = media.get(id);
    if (rec == null || !rec.userId.equals(token.userId) || rec.finalized) {
      return invalidRequest("id", "media " + id + " is unknown, not yours, or finalized");
    }
    if (rec.received != rec.totalBytes) {
      return invalidRequest("total_bytes", "received " + rec.received + " of " + rec.totalBytes + " bytes");
    }
    rec.finalized = true;
    Map<String, Object> data = mediaData(rec, true);
    if (rec.needsProcessing) {
      data.put("processing_info", Map.of("state", "pending", "check_after_secs", 1));
    }
    return json(200, Map.of("data", data));
  }

  private Reply status(TokenRec token, String id) {
    MediaRec rec = media.get(id);
    if (rec == null || !rec.userId.equals(token.userId) || !rec.finalized) {
      return invalidRequest("media_id", "media " + id + " is unknown, not yours, or not finalized");
    }
    rec.polls++;
    Map<String, Object> data = mediaData(rec, false);
    Map<String, Object> info = new LinkedHashMap<>();
    if (rec.ready(processingPolls)) {
      info.put("state", "succeeded");
      info.put("progress_percent", 100);
    } else {
      info.put("state", "in_progress");
      info.put("check_after_secs", 1);
      info.put("progress_percent", Math.min(99, 100 * rec.polls / Math.max(1, processingPolls)));
    }
    data.put("processing_info", info);
    return json(200, Map.of("data", data));
  }

  private static Map<String, Object> mediaData(MediaRec rec, boolean withExpiry) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", rec.id);
    data.put("media_key", "13_" + rec.id);
    if (withExpiry) {
      data.put("expires_after_secs", 1295999);
    }
    return data;
  }

  // ---- bodies ------------------------------------------------------------------------------

  private Reply oauthError(int status, String error, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error);
    m.put("error_description", description);
    return json(status, m);
  }

  private Reply problemPayload(int status, String title, String detail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("type", "about:blank");
    m.put("status", status);
    m.put("detail", detail);
    return json(status, m);
  }

  private Reply problem(int status, String title, String detail, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("detail", detail);
    m.put("type", type);
    return json(status, m);
  }

  private Reply invalidRequest(String parameter, String message) {
    return invalidRequest(parameter, "", message);
  }

  private Reply invalidRequest(String parameter, String value, String message) {
    // X's documented invalid-request payload, with this request's parameter and message in its errors.
    Map<String, Object> m;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> documented = mapper.readValue(XPayloads.bytes(XPayloads.INVALID_REQUEST), LinkedHashMap.class);
      m = documented;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("parameters", Map.of(parameter, value.isEmpty() ? List.of() : List.of(value)));
    error.put("message", message);
    m.put("errors", List.of(error));
    return json(400, m);
  }

  /**
   * A 503 in X's problem shape, for fault injection.
   *
   * @param status the status
   * @return the reply
   */
  public Reply unavailable(int status) {
    return problemPayload(status, status == 503 ? "Service Unavailable" : "Error", status == 503 ? "Service Unavailable" : "Error");
  }

  private Reply json(int status, Object value) {
    try {
      return Reply.json(status, mapper.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String newToken() {
    byte[] b = new byte[30];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
