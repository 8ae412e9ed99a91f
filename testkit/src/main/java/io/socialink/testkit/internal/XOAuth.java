package io.socialink.testkit.internal;

import static io.socialink.testkit.internal.XBodies.oauthError;
import static io.socialink.testkit.internal.XBodies.problemPayload;

import io.socialink.testkit.internal.emulator.Consent;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.RevocationLog;
import io.socialink.testkit.internal.emulator.TokenStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * X's OAuth 2.0 on the emulator, with its codes and tokens: the authorization page (consent as the test
 * set it, codes of {@link XPlatform#CODE_LIFETIME} bound to the client, the redirect URI and PKCE), the
 * token endpoint (code exchange, single-use rotating refresh tokens; HTTP Basic for confidential
 * clients, {@code client_id} always), and the revoke endpoint (a confidential client may name itself by
 * HTTP Basic alone), which is limited per client in whole-second windows once {@link #revokeLimit} is
 * set and keeps a log of what it received. Not thread-safe: used under the platform's lock.
 */
final class XOAuth {
  private static final String CODE_INVALID = "Value passed for the authorization code was invalid.";
  private static final String TOKEN_INVALID = "Value passed for the token was invalid.";
  /** The revoke endpoint's group, limited per client only when {@link #revokeLimit} is set. */
  private static final String REVOKE_GROUP = "oauth2.revoke";

  /**
   * What an access or refresh token stands for.
   *
   * @param clientId the client
   * @param userId the user
   * @param scopes the scopes granted
   */
  record TokenRec(String clientId, String userId, Set<String> scopes) {}

  private record CodeRec(String clientId, String redirectUri, String challenge, String method, Set<String> scopes,
      String userId) {}

  private final Clock clock;
  private final Map<String, XPlatform.ClientReg> clients;
  private final RateWindows limits;
  private final Consent<XPlatform.UserReg> consent;
  private final TokenStore<CodeRec> codes;
  private final TokenStore<TokenRec> accessTokens;
  private final TokenStore<TokenRec> refreshTokens;
  private final RevocationLog revocations = new RevocationLog();

  /**
   * Creates the OAuth side.
   *
   * @param clock the clock codes, tokens and the revoke limit run on
   * @param clients the registered clients by id
   * @param limits the platform's rate windows
   * @param consent who consents, and how
   */
  XOAuth(Clock clock, Map<String, XPlatform.ClientReg> clients, RateWindows limits, Consent<XPlatform.UserReg> consent) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clients = clients;
    this.limits = limits;
    this.consent = consent;
    this.codes = new TokenStore<>(clock, "", 30);
    this.accessTokens = new TokenStore<>(clock, "", 30);
    this.refreshTokens = new TokenStore<>(clock, "", 30);
  }

  /** What a live access token stands for. */
  Optional<TokenRec> access(String token) {
    return accessTokens.live(token);
  }

  /** Ends every token of a user; answers how many died. */
  int revokeUser(String userId) {
    return accessTokens.killIf(t -> t.userId().equals(userId)) + refreshTokens.killIf(t -> t.userId().equals(userId));
  }

  /** Limits the revoke endpoint per client in one-second windows aligned on whole seconds. */
  void revokeLimit(int perSecond) {
    limits.limitAligned(REVOKE_GROUP, perSecond, Duration.ofSeconds(1));
  }

  /** Issues tokens without the browser: an access token and, with {@code offline.access}, a refresh token (else ""). */
  String[] mint(String clientId, String userId, Set<String> scopes) {
    if (!clients.containsKey(clientId)) {
      throw new IllegalArgumentException("unknown client id '" + clientId + "'");
    }
    TokenRec rec = new TokenRec(clientId, userId, Set.copyOf(scopes));
    String access = accessTokens.issue(rec, XPlatform.ACCESS_LIFETIME);
    String refresh = scopes.contains("offline.access") ? refreshTokens.issue(rec, TokenStore.forever()) : "";
    return new String[] {access, refresh};
  }

  /** What the revoke endpoint received. */
  RevocationLog revocations() {
    return revocations;
  }

  /** {@code GET /i/oauth2/authorize}. */
  Reply authorize(Map<String, String> q) {
    XPlatform.ClientReg client = clients.get(q.getOrDefault("client_id", ""));
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
    if (state.isEmpty() || state.length() > XPlatform.MAX_STATE) {
      return Reply.text(400, "Something went wrong: state is required, at most " + XPlatform.MAX_STATE + " characters");
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
    if (consent.takeDenial()) {
      return Reply.redirect(redirect + sep + "error=access_denied&state=" + enc(state));
    }
    String code = codes.issue(new CodeRec(client.id(), redirect, challenge, method, consent.grant(scopes),
        consent.user().id()), XPlatform.CODE_LIFETIME);
    return Reply.redirect(redirect + sep + "state=" + enc(state) + "&code=" + enc(code));
  }

  /** {@code POST /2/oauth2/token}: the code exchange or the rotating refresh. */
  Reply token(Map<String, String> headers, Map<String, String> form) {
    return withClient(headers, form, false, client -> token(client, form));
  }

  private Reply token(XPlatform.ClientReg client, Map<String, String> form) {
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.equals("authorization_code")) {
      Optional<CodeRec> code = codes.take(form.getOrDefault("code", "")); // single use, whatever the outcome
      if (code.isEmpty() || !code.get().clientId().equals(client.id())
          || !code.get().redirectUri().equals(form.get("redirect_uri"))
          || !pkceMatches(code.get(), form.getOrDefault("code_verifier", ""))) {
        return oauthError(400, "invalid_request", CODE_INVALID);
      }
      return issue(client.id(), code.get().userId(), code.get().scopes());
    }
    if (grantType.equals("refresh_token")) {
      String presented = form.getOrDefault("refresh_token", "");
      Optional<TokenRec> old = refreshTokens.live(presented);
      if (old.isEmpty() || !old.get().clientId().equals(client.id())) {
        return oauthError(400, "invalid_request", TOKEN_INVALID);
      }
      refreshTokens.kill(presented); // single use: the answer carries its successor
      return issue(client.id(), old.get().userId(), old.get().scopes());
    }
    return oauthError(400, "invalid_request", "Value passed for the grant type was invalid.");
  }

  /** {@code POST /2/oauth2/revoke}: kills an access or refresh token of the client. */
  Reply revoke(Map<String, String> headers, Map<String, String> form) {
    return withClient(headers, form, true, client -> revoke(client, form));
  }

  private Reply revoke(XPlatform.ClientReg client, Map<String, String> form) {
    String token = form.getOrDefault("token", "");
    Optional<RateWindows.Admission> admission = limits.admit(REVOKE_GROUP, client.id(), clock.instant());
    Map<String, String> rate = XBodies.rateHeaders(admission);
    if (admission.isPresent() && !admission.get().admitted()) {
      revocations.throttled(clock.instant());
      return problemPayload(429, "Too Many Requests", "Too Many Requests").withHeaders(rate);
    }
    revocations.received(token, clock.instant());
    TokenStore<TokenRec> first = "refresh_token".equals(form.get("token_type_hint")) ? refreshTokens : accessTokens;
    TokenStore<TokenRec> second = first == refreshTokens ? accessTokens : refreshTokens;
    TokenStore<TokenRec> holder = first.live(token).isPresent() ? first : second;
    Optional<TokenRec> rec = holder.live(token);
    if (rec.isEmpty() || !rec.get().clientId().equals(client.id())) {
      return oauthError(400, "invalid_request", TOKEN_INVALID).withHeaders(rate);
    }
    holder.kill(token);
    return Json.reply(200, Map.of("revoked", true)).withHeaders(rate);
  }

  /**
   * Finds and checks the calling client, then answers for it. The token endpoint always wants
   * {@code client_id} in the body; the revoke endpoint takes it from the HTTP Basic header when the body
   * has none (fact sheet §2: a confidential revoke sends Basic and {@code token} only).
   */
  private Reply withClient(Map<String, String> headers, Map<String, String> form, boolean basicMayNameClient,
      Function<XPlatform.ClientReg, Reply> then) {
    if (form.containsKey("client_secret")) {
      return oauthError(401, "unauthorized_client", "Missing valid authorization header");
    }
    String clientId = form.get("client_id");
    if ((clientId == null || clientId.isEmpty()) && basicMayNameClient) {
      clientId = basicClientId(headers.getOrDefault("authorization", "")).orElse(null);
    }
    if (clientId == null || clientId.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter [client_id].");
    }
    XPlatform.ClientReg client = clients.get(clientId);
    if (client == null) {
      return Json.reply(401, Map.of("error", "invalid_client"));
    }
    if (client.secret() != null) {
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
      if (!Crypto.same(headers.getOrDefault("authorization", ""), expected)) {
        return oauthError(401, "unauthorized_client", "Missing valid authorization header");
      }
    }
    return then.apply(client);
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

  private Reply issue(String clientId, String userId, Set<String> scopes) {
    TokenRec rec = new TokenRec(clientId, userId, scopes);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "bearer");
    body.put("expires_in", XPlatform.ACCESS_LIFETIME.toSeconds());
    body.put("access_token", accessTokens.issue(rec, XPlatform.ACCESS_LIFETIME));
    body.put("scope", String.join(" ", scopes));
    if (scopes.contains("offline.access")) {
      body.put("refresh_token", refreshTokens.issue(rec, TokenStore.forever()));
    }
    return Json.reply(200, body);
  }

  private static boolean pkceMatches(CodeRec code, String verifier) {
    if (verifier.isEmpty()) {
      return false;
    }
    return code.method().equals("plain") ? verifier.equals(code.challenge())
        : Crypto.s256Base64Url(verifier).equals(code.challenge());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
