package io.socialink.instagram;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.instagram.internal.IgCalls;
import io.socialink.instagram.internal.IgFields;
import io.socialink.spi.OAuth2Endpoints;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import io.socialink.spi.StandardOAuth2;
import io.socialink.spi.StandardOAuth2Client;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Facebook Login for Business (scheme {@code facebook-login}), for Instagram accounts managed through a
 * Facebook Page: the login dialog, the code exchange on {@code graph.facebook.com}, the token debug
 * ({@code GET /debug_token}) that tells the permissions granted and the Facebook user, and Facebook's
 * documented revocation ({@code DELETE /{user-id}/permissions}). Its credentials are the <b>Meta app's</b>
 * id and secret (App settings &gt; Basic), unlike Instagram Login's.
 *
 * <p>The grant's account is keyed by the Facebook user's app-scoped id (the {@code user_id} of the token
 * debug), which is also what Facebook's deauthorize and data-deletion callbacks carry; reading the
 * Instagram business account behind the user's Pages is not offered yet. Facebook issues no refresh token,
 * so such a grant cannot be refreshed without the user.
 *
 * <p>Thread-safe; holds no user state.
 */
public final class InstagramFacebookLoginClient extends StandardOAuth2Client {
  /** The endpoint group of {@code GET /oauth/access_token}. */
  public static final String GROUP_TOKEN = "facebook.oauth.token";
  /** The endpoint group of {@code GET /debug_token}. */
  public static final String GROUP_DEBUG = "facebook.debug_token";
  /** The endpoint group of {@code DELETE /{user-id}/permissions}. */
  public static final String GROUP_REVOKE = "facebook.permissions";
  /** The endpoint group of {@code GET /me}. */
  public static final String GROUP_ME = "facebook.me";

  private final FacebookLoginEndpoints endpoints;
  private final IgCalls calls;
  private final Secret appSecret;

  InstagramFacebookLoginClient(ProviderContext context, FacebookLoginEndpoints endpoints, Secret appSecret) {
    super(StandardOAuth2.newBuilder(context, OAuth2Endpoints.withoutRevocation(endpoints.dialogUri(),
        endpoints.graph("oauth/access_token"))).scopeSeparator(",").tokenEndpointGroup(GROUP_TOKEN).build());
    this.endpoints = endpoints;
    this.calls = new IgCalls(context.calls(), context.credentials());
    this.appSecret = appSecret;
  }

  /**
   * Where this client sends the browser and its calls.
   *
   * @return the endpoints
   */
  public FacebookLoginEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Renders the login dialog URL: {@code client_id}, {@code redirect_uri}, {@code response_type=code},
   * the scopes separated by commas, {@code state}, then extra parameters.
   *
   * @throws IllegalArgumentException if an extra parameter would replace one of these
   */
  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return IgCalls.authorizationUrl(endpoints.dialogUri(), credentials().clientId(), request);
  }

  /**
   * Exchanges the code with {@code GET /oauth/access_token?client_id=&redirect_uri=&client_secret=&code=},
   * then debugs the token ({@link #debugToken}) for the permissions granted and the Facebook user id.
   *
   * @throws SocialinkException the classified failure; {@code AUTH_REVOKED} when the new token debugs as
   *     invalid, {@code CONFIGURATION} when it belongs to another app
   */
  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", credentials().clientId());
    q.put("redirect_uri", exchange.redirectUri().toString());
    q.put("client_secret", appSecret.reveal());
    q.put("code", exchange.code().reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(endpoints.graph("oauth/access_token") + "?"
        + ApiRequest.formEncode(q))).secret(appSecret).secret(exchange.code()).build();
    TokenResponse t = oauth().readTokens(calls.send(GROUP_TOKEN, request, Idempotency.NON_IDEMPOTENT,
        Optional.empty()));
    FacebookTokenInfo info = debugToken(t.accessToken());
    if (!info.valid()) {
      throw failure(ErrorCategory.AUTH_REVOKED, "Facebook debugs the new token as invalid");
    }
    if (info.appId().isPresent() && !info.appId().get().equals(credentials().clientId())) {
      throw failure(ErrorCategory.CONFIGURATION, "the new token belongs to another app than the configured Meta app");
    }
    return new TokenResponse(t.accessToken(), Optional.empty(), t.expiresIn(), Optional.empty(),
        Optional.of(info.scopes()), t.tokenType(), info.userId());
  }

  /**
   * Debugs a token with {@code GET /debug_token?input_token=} and the app token
   * ({@code <app id>|<app secret>}); both are declared secret.
   *
   * @param token the token to inspect
   * @return what Facebook says about it
   */
  public FacebookTokenInfo debugToken(Secret token) {
    Objects.requireNonNull(token, "token");
    Secret appToken = Secret.of(credentials().clientId() + "|" + appSecret.reveal());
    Map<String, String> q = new LinkedHashMap<>();
    q.put("input_token", token.reveal());
    q.put("access_token", appToken.reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(endpoints.graph("debug_token") + "?"
        + ApiRequest.formEncode(q))).secret(token).secret(appToken).secret(appSecret).build();
    ApiResponse response = calls.send(GROUP_DEBUG, request, Idempotency.IDEMPOTENT, Optional.empty());
    Map<String, Object> m = oauth().readObject(response, "the token debug request");
    Map<String, Object> d = IgFields.obj(m, "data").orElseThrow(() -> IgFields.malformed("token debug answer",
        "member 'data' is missing"));
    Set<String> scopes = new LinkedHashSet<>();
    for (Object o : IgFields.list(d, "scopes").orElse(List.of())) {
      if (o instanceof String s && !s.isBlank()) {
        scopes.add(s);
      }
    }
    OptionalLong issued = IgFields.num(d, "issued_at");
    OptionalLong expires = IgFields.num(d, "expires_at");
    return new FacebookTokenInfo(Boolean.TRUE.equals(d.get("is_valid")), IgFields.id(d, "app_id"),
        IgFields.str(d, "type"), IgFields.id(d, "user_id"), scopes,
        issued.isPresent() ? Optional.of(Instant.ofEpochSecond(issued.getAsLong())) : Optional.empty(),
        expires.isPresent() && expires.getAsLong() > 0 ? Optional.of(Instant.ofEpochSecond(expires.getAsLong()))
            : Optional.empty());
  }

  /**
   * Reads the Facebook user, {@code GET /me?fields=id,name}, as the account: keyed by the app-scoped
   * Facebook user id, with the name as display name.
   */
  @Override
  public Account profile(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    ApiRequest request = IgCalls.bearer(HttpMethod.GET, endpoints.graph("me?fields=id,name"), grant).build();
    Map<String, Object> m = oauth().readObject(calls.send(GROUP_ME, request, Idempotency.IDEMPOTENT,
        IgCalls.userKey(grant)), "the profile request");
    String id = IgFields.id(m, "id").orElseThrow(() -> IgFields.malformed("profile answer", "member 'id' is missing"));
    return new Account(InstagramProvider.ID, id, Optional.empty(), IgFields.str(m, "name"));
  }

  /**
   * Revokes the whole grant with Facebook's documented {@code DELETE /{user-id}/permissions} and the
   * user's token: Facebook then invalidates the person's user tokens for the app. A token Facebook
   * already refuses counts as already revoked.
   *
   * @return {@link Revocation#REVOKED} on {@code true} or {@code {"success":true}}
   * @throws SocialinkException the classified failure, or {@code UNKNOWN} for any other answer
   */
  @Override
  public Revocation revoke(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    String user = grant.account().userId();
    if (!user.matches("[0-9]{1,40}")) {
      throw failure(ErrorCategory.INVALID_REQUEST, "grant " + grant.id() + "'s account id is not a Facebook user id");
    }
    ApiResponse response;
    try {
      response = calls.send(GROUP_REVOKE, IgCalls.bearer(HttpMethod.DELETE, endpoints.graph(user + "/permissions"),
          grant).build(), Idempotency.IDEMPOTENT, IgCalls.userKey(grant));
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED || e.category() == ErrorCategory.AUTH_EXPIRED) {
        return Revocation.ALREADY_REVOKED;
      }
      throw e;
    }
    String body = new String(response.body(), StandardCharsets.UTF_8).strip();
    if (body.equals("true") || body.replace(" ", "").equals("{\"success\":true}")) {
      return Revocation.REVOKED;
    }
    throw IgFields.malformed("revocation answer", "it is neither true nor {\"success\":true}");
  }

  private static SocialinkException failure(ErrorCategory category, String message) {
    return SocialinkException.of(Classification.of(category, InstagramProvider.ID, 0, message), null, 1);
  }

  /** Names the app id and host, never a secret. */
  @Override
  public String toString() {
    return "InstagramFacebookLoginClient[appId=" + credentials().clientId() + ", graph=" + endpoints.graphBaseUri() + "]";
  }
}
