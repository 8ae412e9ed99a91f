package io.socialink.x.internal;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.pkce.PKCE;
import com.github.scribejava.core.pkce.PKCECodeChallengeMethod;
import com.github.scribejava.core.revoke.TokenTypeHint;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.spi.Revocation;
import io.socialink.x.XEndpoints;
import io.socialink.x.XScopes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X's OAuth 2.0 authorization code flow with PKCE: ScribeJava builds the authorization URL and the
 * token, refresh and revoke requests; they are sent through the Socialink pipeline and their answers
 * read here. Thread-safe.
 */
public final class XOAuth {
  /** X's limit on the state parameter. */
  public static final int MAX_STATE_LENGTH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(XOAuth.class);
  private static final Set<String> RESERVED = Set.of("response_type", "client_id", "redirect_uri", "scope", "state",
      "code_challenge", "code_challenge_method");

  /** The longest access token lifetime believed: ten years. X's tokens live two hours. */
  static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(3650);

  private final XOAuth2Api api;
  private final AppCredentials credentials;
  private final XOAuth2Service service;
  private final XCalls calls;
  private final JsonCodec json;

  /**
   * Creates the flow.
   *
   * @param endpoints where X is
   * @param credentials the client's credentials
   * @param calls the sender
   * @param json the codec
   * @throws IllegalArgumentException if a confidential client's id holds a colon, which HTTP Basic cannot carry
   */
  public XOAuth(XEndpoints endpoints, AppCredentials credentials, XCalls calls, JsonCodec json) {
    this.api = new XOAuth2Api(endpoints);
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    if (credentials.isConfidential() && credentials.clientId().indexOf(':') >= 0) {
      throw new IllegalArgumentException("an X client id used with HTTP Basic must not contain ':'; check the"
          + " OAuth 2.0 Client ID on the app's Keys and tokens page");
    }
    this.service = newService(credentials.redirectUri());
    this.calls = Objects.requireNonNull(calls, "calls");
    this.json = Objects.requireNonNull(json, "json");
  }

  private XOAuth2Service newService(URI redirectUri) {
    return new XOAuth2Service(api, credentials.clientId(), credentials.clientSecret().map(Secret::reveal).orElse(null),
        redirectUri.toString());
  }

  private XOAuth2Service service(URI redirectUri) {
    return redirectUri.equals(credentials.redirectUri()) ? service : newService(redirectUri);
  }

  /**
   * Renders the authorization URL on x.com with an S256 PKCE challenge and the state.
   *
   * @param request the request core prepared
   * @return the URL
   * @throws IllegalArgumentException if the PKCE pair is not a matching S256 pair, the state is longer
   *     than X allows, no scope is asked for, or an extra parameter would replace a standard one
   */
  public URI authorizationUrl(AuthorizationRequest request) {
    Pkce pkce = request.pkce();
    if (!"S256".equals(pkce.method())) {
      throw new IllegalArgumentException("X links use the S256 PKCE method; got '" + pkce.method() + "'");
    }
    if (!Pkce.s256(pkce.verifier()).challenge().equals(pkce.challenge())) {
      throw new IllegalArgumentException("the PKCE challenge is not the S256 digest of the verifier");
    }
    if (request.state().length() > MAX_STATE_LENGTH) {
      throw new IllegalArgumentException("X accepts a state of at most " + MAX_STATE_LENGTH + " characters; got "
          + request.state().length());
    }
    if (request.scopes().isEmpty()) {
      throw new IllegalArgumentException("an X authorization needs at least one scope, e.g. " + XScopes.POSTING);
    }
    for (String name : request.extraParameters().keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("extra parameter '" + name + "' would replace a standard one");
      }
    }
    XScopes.lifetimeNote(request.scopes()).ifPresent(note -> LOG.warn("X authorization: {}", note));
    PKCE scribePkce = new PKCE();
    scribePkce.setCodeChallenge(pkce.challenge());
    scribePkce.setCodeChallengeMethod(PKCECodeChallengeMethod.S256);
    scribePkce.setCodeVerifier(pkce.verifier().reveal());
    String url = service(request.redirectUri()).createAuthorizationUrlBuilder()
        .scope(String.join(" ", request.scopes()))
        .state(request.state())
        .pkce(scribePkce)
        .additionalParams(new LinkedHashMap<>(request.extraParameters()))
        .build();
    return URI.create(url);
  }

  /**
   * Exchanges an authorization code; X's code lives 30 seconds, so this runs in the callback itself.
   *
   * @param exchange the code, redirect URI and PKCE pair
   * @return the tokens
   */
  public TokenResponse exchange(CodeExchange exchange) {
    OAuthRequest r = service(exchange.redirectUri()).codeExchange(exchange.code().reveal(), exchange.pkce().verifier().reveal());
    // A code is single-use: a repeat after a lost answer can only fail, so never repeat it blindly.
    ApiResponse response = calls.send(XCalls.TOKEN, toApiRequest(r), Idempotency.NON_IDEMPOTENT, Optional.empty(),
        Operation.CODE_EXCHANGE);
    return readTokens(response);
  }

  /**
   * Refreshes a grant. X's refresh tokens are single-use: the answer holds the new one.
   *
   * @param grant the grant
   * @return the new tokens, the new refresh token included
   * @throws SocialinkException {@link ErrorCategory#UNKNOWN} when X answers without a new refresh
   *     token: the old one is spent, so the answer cannot be stored as a renewed grant
   */
  public TokenResponse refresh(Grant grant) {
    Secret refreshToken = grant.refreshToken().orElseThrow(() -> new AuthorizationException(
        Classification.of(ErrorCategory.AUTH_EXPIRED, XCalls.PLATFORM, 0,
            "grant " + grant.id() + " has no refresh token: X issues one only when offline.access is granted")
            .withRemediation("Ask the user to link the account again, with the offline.access scope."), null, 1));
    OAuthRequest r = service.refresh(refreshToken.reveal());
    // Rotation makes a refresh non-idempotent: the first use spends the token.
    ApiResponse response = calls.send(XCalls.TOKEN, toApiRequest(r), Idempotency.NON_IDEMPOTENT, XCalls.userKey(grant),
        Operation.TOKEN_REFRESH);
    TokenResponse tokens = readTokens(response);
    if (tokens.refreshToken().isEmpty()) {
      // X rotates refresh tokens: the one just sent is spent, and keeping it would only fail later.
      // UNKNOWN, not AUTH_REVOKED: X documents no such answer, so the link is not marked revoked on
      // it; the next refresh, with the token the grant still holds, gets X's definitive verdict.
      throw SocialinkException.of(Classification.of(ErrorCategory.UNKNOWN, XCalls.PLATFORM, response.status(),
          "X answered the refresh of grant " + grant.id() + " with no new refresh token; X's refresh tokens are"
              + " single-use, so the old one is spent and the grant cannot be renewed")
          .withRemediation("Ask the user to link the account again (with the offline.access scope)."), null, 1);
    }
    return tokens;
  }

  /**
   * Revokes the grant's refresh token, then its access token. A token X reports as already invalid
   * counts as already revoked.
   *
   * @param grant the grant
   * @return {@link Revocation#REVOKED} if X revoked at least one token now
   */
  public Revocation revoke(Grant grant) {
    boolean revokedNow = false;
    if (grant.refreshToken().isPresent()) {
      revokedNow |= revokeOne(grant.refreshToken().get(), TokenTypeHint.REFRESH_TOKEN, grant);
    }
    revokedNow |= revokeOne(grant.accessToken(), TokenTypeHint.ACCESS_TOKEN, grant);
    return revokedNow ? Revocation.REVOKED : Revocation.ALREADY_REVOKED;
  }

  private boolean revokeOne(Secret token, TokenTypeHint hint, Grant grant) {
    ApiResponse response;
    try {
      response = calls.send(XCalls.REVOKE, toApiRequest(service.revoke(token.reveal(), hint)), Idempotency.IDEMPOTENT,
          XCalls.userKey(grant), Operation.TOKEN_REVOKE);
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED) {
        return false; // X: "Value passed for the token was invalid." - the token is dead already
      }
      throw e;
    }
    Optional<Map<String, Object>> body = Json.tryObject(json, response.body());
    return !(body.isPresent() && Boolean.FALSE.equals(body.get().get("revoked")));
  }

  private TokenResponse readTokens(ApiResponse response) {
    String what = "an OAuth token response";
    Map<String, Object> m = Json.object(json, response, what);
    String access = Json.requireStr(m, "access_token", response.status(), what);
    Optional<Duration> expiresIn = Json.num(m, "expires_in").filter(s -> s >= 0).map(Duration::ofSeconds);
    if (expiresIn.isPresent() && expiresIn.get().compareTo(MAX_TOKEN_LIFETIME) > 0) {
      // No X token lives for years; an expiry that far off would only overflow the grant's expiry time.
      LOG.warn("X sent an access token lifetime of more than {} days; ignored", MAX_TOKEN_LIFETIME.toDays());
      expiresIn = Optional.empty();
    }
    Optional<Set<String>> scopes;
    try {
      scopes = Json.str(m, "scope").map(Scopes::parse);
    } catch (IllegalArgumentException e) {
      throw Json.unexpected(response.status(), what, "member 'scope' holds a malformed scope");
    }
    Optional<Secret> refresh = Json.str(m, "refresh_token").map(Secret::of);
    if (refresh.isEmpty() && scopes.map(s -> s.contains(XScopes.OFFLINE_ACCESS)).orElse(false)) {
      LOG.warn("X granted offline.access but sent no refresh token");
    }
    return new TokenResponse(Secret.of(access), refresh, expiresIn, Optional.empty(), scopes,
        Json.str(m, "token_type").orElse("bearer"), Optional.empty());
  }

  /**
   * Turns a request ScribeJava built into a pipeline request: method, URL, headers and form body.
   *
   * @param r the ScribeJava request
   * @return the request
   */
  static ApiRequest toApiRequest(OAuthRequest r) {
    if (r.getVerb() != Verb.POST) {
      throw new IllegalStateException("X's OAuth endpoints take POST; ScribeJava built " + r.getVerb());
    }
    ApiRequest.Builder b = ApiRequest.newBuilder(HttpMethod.POST, URI.create(r.getCompleteUrl()));
    r.getHeaders().forEach(b::header);
    b.body("application/x-www-form-urlencoded",
        r.getBodyParams().asFormUrlEncodedString().getBytes(StandardCharsets.UTF_8));
    return b.build();
  }
}
