package io.socialink.spi;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The standard OAuth 2.0 authorization code flow with PKCE (RFC 6749, RFC 7636, RFC 7009), for a
 * provider whose platform follows it, so that the provider holds only what differs: its endpoints,
 * the name of its client id parameter, its scope separator and how its clients authenticate.
 *
 * <p>It renders the authorization URL, builds the token, refresh and revocation requests, sends them
 * through {@link ProviderContext#calls()} (so they get the pipeline's rate limits, retries and
 * classification), and reads token responses tolerantly: {@code expires_in} and
 * {@code refresh_expires_in} as numbers or numeric strings, {@code refresh_token} optional,
 * {@code scope} separated by spaces or commas (or a JSON array), the account id from a member the
 * provider names, and Meta's {@code {"data":[{...}]}} wrapping. A token answer without
 * {@code access_token} is a classified {@link SocialinkException}: the RFC 6749 {@code error} code
 * when the platform sent one (some, like TikTok, send it with HTTP 200), else {@code UNKNOWN}.
 * No message ever holds a token, code, verifier or secret.
 *
 * <p>A platform whose PKCE challenge is not standard (TikTok's hex digest) overrides
 * {@link PlatformClient#pkce(Secret)}; the URL carries whatever challenge and method the request
 * holds.
 *
 * <p>A client whose authorization is entirely standard extends {@link StandardOAuth2Client} and
 * writes only its own API; one that departs in places holds a {@code StandardOAuth2} and calls the
 * parts it needs. Configured for TikTok's Login Kit, for example:
 *
 * <pre>{@code
 * StandardOAuth2 oauth = StandardOAuth2.newBuilder(context, OAuth2Endpoints.of(
 *         URI.create("https://www.tiktok.com/v2/auth/authorize/"),
 *         URI.create("https://open.tiktokapis.com/v2/oauth/token/"),
 *         URI.create("https://open.tiktokapis.com/v2/oauth/revoke/")))
 *     .clientIdParameter("client_key")     // the RFC's client_id by default
 *     .scopeSeparator(",")                 // a space by default
 *     .accountIdField("open_id")           // none by default
 *     .build();                            // client secret as form fields by default; or HTTP_BASIC
 * URI url = oauth.authorizationUrl(request);
 * TokenResponse tokens = oauth.exchangeCode(exchange);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StandardOAuth2 {
  /** The parameters the authorization URL sets itself; an extra parameter may not replace one. */
  private static final Set<String> AUTHORIZE_PARAMETERS = Set.of("response_type", "redirect_uri", "scope", "state",
      "code_challenge", "code_challenge_method");

  private final ProviderContext context;
  private final OAuth2Endpoints endpoints;
  private final String clientIdParameter;
  private final String scopeSeparator;
  private final ClientAuthentication clientAuthentication;
  private final String tokenEndpointGroup;
  private final String revokeEndpointGroup;
  private final boolean sendTokenTypeHint;
  private final TokenAnswers answers;

  private StandardOAuth2(Builder b) {
    this.context = b.context;
    this.endpoints = b.endpoints;
    this.clientIdParameter = b.clientIdParameter;
    this.scopeSeparator = b.scopeSeparator;
    this.clientAuthentication = b.clientAuthentication;
    this.tokenEndpointGroup = b.tokenEndpointGroup;
    this.revokeEndpointGroup = b.revokeEndpointGroup;
    this.sendTokenTypeHint = b.sendTokenTypeHint;
    this.answers = new TokenAnswers(b.context, b.accountIdField, b.scopeField);
  }

  /**
   * Starts configuring the flow for one client.
   *
   * @param context the context the provider's client was created with
   * @param endpoints where the platform's OAuth endpoints are
   * @return a builder with the RFC defaults: {@code client_id}, scopes separated by spaces, client
   *     secret as a form field, endpoint groups {@code oauth.token} and {@code oauth.revoke}, scopes
   *     read from {@code scope}, no account id member, and {@code token_type_hint} sent on revocation
   */
  public static Builder newBuilder(ProviderContext context, OAuth2Endpoints endpoints) {
    return new Builder(context, endpoints);
  }

  /**
   * The credentials of the client this flow is for.
   *
   * @return the credentials
   */
  public AppCredentials credentials() {
    return context.credentials();
  }

  /**
   * The endpoints.
   *
   * @return the endpoints
   */
  public OAuth2Endpoints endpoints() {
    return endpoints;
  }

  /**
   * Renders the authorization URL: {@code response_type=code}, the client id under its parameter
   * name, {@code redirect_uri}, the scopes joined with the separator (left out when none are asked
   * for), {@code state}, {@code code_challenge} and {@code code_challenge_method}, then the request's
   * extra parameters. Spaces are encoded as {@code %20}.
   *
   * @param request the state, PKCE pair, scopes, redirect URI and extra parameters
   * @return the URL
   * @throws IllegalArgumentException if an extra parameter would replace one of the standard ones
   */
  public URI authorizationUrl(AuthorizationRequest request) {
    Objects.requireNonNull(request, "request");
    for (String name : request.extraParameters().keySet()) {
      if (AUTHORIZE_PARAMETERS.contains(name) || name.equals(clientIdParameter)) {
        throw new IllegalArgumentException("extra parameter '" + name + "' would replace a standard one");
      }
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put(clientIdParameter, credentials().clientId());
    q.put("redirect_uri", request.redirectUri().toString());
    if (!request.scopes().isEmpty()) {
      q.put("scope", Scopes.join(request.scopes(), scopeSeparator));
    }
    q.put("state", request.state());
    q.put("code_challenge", request.pkce().challenge());
    q.put("code_challenge_method", request.pkce().method());
    q.putAll(request.extraParameters());
    String query = ApiRequest.formEncode(q).replace("+", "%20");
    String base = endpoints.authorize().toString();
    return URI.create(base + (endpoints.authorize().getRawQuery() == null ? "?" : "&") + query);
  }

  /**
   * The request that exchanges an authorization code: {@code grant_type=authorization_code},
   * {@code code}, {@code redirect_uri}, {@code code_verifier}, and the client's authentication.
   *
   * @param exchange the code, redirect URI and PKCE pair
   * @return the request, not sent
   */
  public ApiRequest codeExchangeRequest(CodeExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", exchange.code().reveal());
    form.put("redirect_uri", exchange.redirectUri().toString());
    form.put("code_verifier", exchange.pkce().verifier().reveal());
    return post(endpoints.token(), form);
  }

  /**
   * The request that refreshes tokens: {@code grant_type=refresh_token}, {@code refresh_token}, and
   * the client's authentication.
   *
   * @param refreshToken the refresh token
   * @return the request, not sent
   */
  public ApiRequest refreshRequest(Secret refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken.reveal());
    return post(endpoints.token(), form);
  }

  /**
   * The RFC 7009 request that revokes one token: {@code token}, {@code token_type_hint} (unless
   * turned off), and the client's authentication.
   *
   * @param token the token
   * @param hint which kind of token it is
   * @return the request, not sent
   * @throws io.socialink.error.ConfigurationException if the platform has no revocation endpoint
   */
  public ApiRequest revokeRequest(Secret token, TokenTypeHint hint) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(hint, "hint");
    URI uri = endpoints.revoke().orElseThrow(() -> Unsupported.operation(platformId(), "token revocation"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token.reveal());
    if (sendTokenTypeHint) {
      form.put("token_type_hint", hint.parameter());
    }
    return post(uri, form);
  }

  /**
   * Exchanges an authorization code for tokens. Not repeated blindly: a code is single-use.
   *
   * @param exchange the code, redirect URI and PKCE pair
   * @return the tokens
   * @throws SocialinkException the classified failure
   */
  public TokenResponse exchangeCode(CodeExchange exchange) {
    ApiRequest request = codeExchangeRequest(exchange);
    ApiResponse response = context.calls().execute(call(tokenEndpointGroup, request, Idempotency.NON_IDEMPOTENT,
        Optional.empty()).withOperation(Operation.CODE_EXCHANGE));
    return answers.readTokens(response, Operation.CODE_EXCHANGE, List.of(exchange.code(), exchange.pkce().verifier()));
  }

  /**
   * Refreshes a grant's tokens. Not repeated blindly: a platform that rotates refresh tokens spends
   * the old one on the first use.
   *
   * @param grant the grant
   * @return the new tokens; the refresh token is empty when the platform sent none
   * @throws SocialinkException {@code AUTH_EXPIRED} when the grant has no refresh token, or the
   *     classified failure
   */
  public TokenResponse refresh(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Secret refreshToken = grant.refreshToken().orElseThrow(() -> SocialinkException.of(
        Classification.of(ErrorCategory.AUTH_EXPIRED, platformId(), 0,
            "grant " + grant.id() + " has no refresh token, so it cannot be refreshed")
            .withRemediation("Ask the user to link the account again."), null, 1));
    ApiResponse response = context.calls().execute(call(tokenEndpointGroup, refreshRequest(refreshToken),
        Idempotency.NON_IDEMPOTENT, Optional.of(grant.account().key())).withOperation(Operation.TOKEN_REFRESH));
    return answers.readTokens(response, Operation.TOKEN_REFRESH, List.of(refreshToken));
  }

  /**
   * Revokes a grant: its refresh token first (RFC 7009 asks servers to drop the access tokens issued
   * with it too), then its access token.
   *
   * @param grant the grant
   * @return {@link Revocation#REVOKED} if the platform revoked at least one token now, else
   *     {@link Revocation#ALREADY_REVOKED}
   * @throws SocialinkException the classified failure; a failure of the app's own credentials is
   *     never taken for "already revoked"
   */
  public Revocation revoke(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Optional<String> user = Optional.of(grant.account().key());
    boolean revokedNow = false;
    if (grant.refreshToken().isPresent()) {
      revokedNow = revokeToken(grant.refreshToken().get(), TokenTypeHint.REFRESH_TOKEN, user) == Revocation.REVOKED;
    }
    revokedNow |= revokeToken(grant.accessToken(), TokenTypeHint.ACCESS_TOKEN, user) == Revocation.REVOKED;
    return revokedNow ? Revocation.REVOKED : Revocation.ALREADY_REVOKED;
  }

  /**
   * Revokes one token. A 2xx answer revokes it, unless its body is an OAuth error; an answer that the
   * token is invalid ({@code invalid_grant}, {@code invalid_token}, or any {@code AUTH_REVOKED} or
   * {@code AUTH_EXPIRED} verdict of the pipeline) means it was dead already.
   *
   * @param token the token
   * @param hint which kind of token it is
   * @param userKey the account the call is made for, for per-user limits
   * @return what happened
   * @throws SocialinkException the classified failure
   */
  public Revocation revokeToken(Secret token, TokenTypeHint hint, Optional<String> userKey) {
    ApiRequest request = revokeRequest(token, hint);
    ApiResponse response;
    try {
      response = context.calls().execute(call(revokeEndpointGroup, request, Idempotency.IDEMPOTENT, userKey)
          .withOperation(Operation.TOKEN_REVOKE));
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED || e.category() == ErrorCategory.AUTH_EXPIRED) {
        return Revocation.ALREADY_REVOKED;
      }
      throw e;
    }
    Optional<SocialinkException> refused = answers.oauthError(response, Operation.TOKEN_REVOKE, List.of(token));
    if (refused.isPresent()) {
      if (refused.get().category() == ErrorCategory.AUTH_REVOKED) {
        return Revocation.ALREADY_REVOKED;
      }
      throw refused.get();
    }
    return Revocation.REVOKED;
  }

  /**
   * Sends an idempotent {@code GET} with the grant's access token as a bearer token, for the
   * grant's account.
   *
   * @param endpointGroup the endpoint group the platform counts limits by
   * @param uri the URI
   * @param grant the grant
   * @return the successful response
   * @throws SocialinkException the classified failure
   */
  public ApiResponse get(String endpointGroup, URI uri, Grant grant) {
    Objects.requireNonNull(grant, "grant");
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, uri)
        .header("Authorization", "Bearer " + grant.accessToken().reveal()).build();
    return context.calls().execute(call(endpointGroup, request, Idempotency.IDEMPOTENT,
        Optional.of(grant.account().key())));
  }

  /**
   * A call of this client: the platform's id and the client id as the application key.
   *
   * @param endpointGroup the endpoint group
   * @param request the request
   * @param idempotency whether repeating it is safe
   * @param userKey the account, for calls made for a user
   * @return the call, not sent
   */
  public ApiCall call(String endpointGroup, ApiRequest request, Idempotency idempotency, Optional<String> userKey) {
    return new ApiCall(platformId(), endpointGroup, request, idempotency, credentials().clientId(), userKey);
  }

  /**
   * A call of this client doing an operation, such as a provider's own token request.
   *
   * @param endpointGroup the endpoint group
   * @param request the request
   * @param idempotency whether repeating it is safe
   * @param userKey the account, for calls made for a user
   * @param operation what the call does
   * @return the call, not sent
   */
  public ApiCall call(String endpointGroup, ApiRequest request, Idempotency idempotency, Optional<String> userKey,
      Operation operation) {
    return call(endpointGroup, request, idempotency, userKey).withOperation(operation);
  }

  /**
   * Reads a JSON object from a response, as a provider reads its own API's answers.
   *
   * @param response the response
   * @param what what the answer was, for the message, e.g. {@code "a profile"}
   * @return the object's members
   * @throws SocialinkException {@code UNKNOWN} when the body is not a JSON object; the message never
   *     quotes the body
   */
  public Map<String, Object> readObject(ApiResponse response, String what) {
    return answers.readObject(response, what);
  }

  /**
   * Reads a token response. Used by {@link #exchangeCode} and {@link #refresh}; public for providers
   * that send a token request of their own (such as Instagram's long-lived token exchange).
   *
   * @param response a successful response of the token endpoint
   * @return the tokens
   * @throws SocialinkException the classified OAuth error when the body holds one, else
   *     {@code UNKNOWN} when it lacks {@code access_token} or a member is malformed
   */
  public TokenResponse readTokens(ApiResponse response) {
    return answers.readTokens(response, Operation.API_CALL, List.of());
  }

  /**
   * Reads a token response of a call doing an operation: as {@link #readTokens(ApiResponse)}, with an
   * OAuth error in the body classified for the operation (see {@link Operation}).
   *
   * @param response a successful response of the token endpoint
   * @param operation what the call was doing, such as {@link Operation#CODE_EXCHANGE}
   * @return the tokens
   * @throws SocialinkException the classified OAuth error when the body holds one, else
   *     {@code UNKNOWN} when it lacks {@code access_token} or a member is malformed
   */
  public TokenResponse readTokens(ApiResponse response, Operation operation) {
    return answers.readTokens(response, Objects.requireNonNull(operation, "operation"), List.of());
  }

  private ApiRequest post(URI uri, Map<String, String> form) {
    AppCredentials c = credentials();
    ApiRequest.Builder b = ApiRequest.newBuilder(HttpMethod.POST, uri);
    if (clientAuthentication == ClientAuthentication.HTTP_BASIC && c.clientSecret().isPresent()) {
      String pair = formComponent(c.clientId()) + ":" + formComponent(c.clientSecret().get().reveal());
      b.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      form.put(clientIdParameter, c.clientId());
      c.clientSecret().ifPresent(s -> form.put("client_secret", s.reveal()));
    }
    return b.form(form).build();
  }

  private static String formComponent(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String platformId() {
    return context.platform().id();
  }

  /** Which kind of token a revocation names (RFC 7009 {@code token_type_hint}). */
  public enum TokenTypeHint {
    /** An access token. */
    ACCESS_TOKEN("access_token"),
    /** A refresh token. */
    REFRESH_TOKEN("refresh_token");

    private final String parameter;

    TokenTypeHint(String parameter) {
      this.parameter = parameter;
    }

    /**
     * The value of the {@code token_type_hint} parameter.
     *
     * @return {@code access_token} or {@code refresh_token}
     */
    public String parameter() {
      return parameter;
    }
  }

  /** Configures a {@link StandardOAuth2}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ProviderContext context;
    private final OAuth2Endpoints endpoints;
    private String clientIdParameter = "client_id";
    private String scopeSeparator = " ";
    private ClientAuthentication clientAuthentication = ClientAuthentication.FORM_FIELDS;
    private String tokenEndpointGroup = "oauth.token";
    private String revokeEndpointGroup = "oauth.revoke";
    private Optional<String> accountIdField = Optional.empty();
    private String scopeField = "scope";
    private boolean sendTokenTypeHint = true;

    private Builder(ProviderContext context, OAuth2Endpoints endpoints) {
      this.context = Objects.requireNonNull(context, "context");
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /**
     * The name of the client id parameter in the authorization URL and form bodies; {@code client_id}
     * by default, {@code client_key} for TikTok.
     *
     * @param name the parameter name
     * @return this builder
     */
    public Builder clientIdParameter(String name) {
      this.clientIdParameter = parameter(name, "clientIdParameter");
      return this;
    }

    /**
     * How scopes are joined in the authorization URL; a space by default (RFC 6749, X), a comma for
     * TikTok and Instagram.
     *
     * @param separator {@code " "} or {@code ","}
     * @return this builder
     */
    public Builder scopeSeparator(String separator) {
      Objects.requireNonNull(separator, "separator");
      if (!separator.equals(" ") && !separator.equals(",")) {
        throw new IllegalArgumentException("scopeSeparator must be \" \" or \",\"; got \"" + separator + "\"");
      }
      this.scopeSeparator = separator;
      return this;
    }

    /**
     * How a confidential client authenticates at the token and revocation endpoints; form fields by
     * default.
     *
     * @param value the method
     * @return this builder
     */
    public Builder clientAuthentication(ClientAuthentication value) {
      this.clientAuthentication = Objects.requireNonNull(value, "clientAuthentication");
      return this;
    }

    /**
     * The endpoint group of token requests, for rate limits; {@code oauth.token} by default.
     *
     * @param group the group
     * @return this builder
     */
    public Builder tokenEndpointGroup(String group) {
      this.tokenEndpointGroup = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * The endpoint group of revocation requests, for rate limits; {@code oauth.revoke} by default.
     *
     * @param group the group
     * @return this builder
     */
    public Builder revokeEndpointGroup(String group) {
      this.revokeEndpointGroup = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * The member of a token response that holds the account's id (a string or an integer), such as
     * TikTok's {@code open_id} or Instagram's {@code user_id}; none by default.
     *
     * @param field the member name
     * @return this builder
     */
    public Builder accountIdField(String field) {
      this.accountIdField = Optional.of(parameter(field, "accountIdField"));
      return this;
    }

    /**
     * The member of a token response that lists the granted scopes, as a string separated by spaces
     * or commas or as a list of strings; {@code scope} by default, {@code permissions} for Instagram.
     *
     * @param field the member name
     * @return this builder
     */
    public Builder scopeField(String field) {
      this.scopeField = parameter(field, "scopeField");
      return this;
    }

    /**
     * Whether revocation requests carry {@code token_type_hint}; true by default.
     *
     * @param value false for a platform that rejects the parameter
     * @return this builder
     */
    public Builder sendTokenTypeHint(boolean value) {
      this.sendTokenTypeHint = value;
      return this;
    }

    /**
     * Builds the flow.
     *
     * @return the flow
     * @throws IllegalArgumentException if an endpoint group is malformed
     */
    public StandardOAuth2 build() {
      // Fail at set-up, not on the first call, for a group ApiCall would refuse.
      ApiCall probe = new ApiCall(context.platform().id(), tokenEndpointGroup,
          ApiRequest.newBuilder(HttpMethod.POST, endpoints.token()).build(), Idempotency.IDEMPOTENT, "probe",
          Optional.empty());
      new ApiCall(probe.platformId(), revokeEndpointGroup, probe.request(), Idempotency.IDEMPOTENT, "probe",
          Optional.empty());
      return new StandardOAuth2(this);
    }

    private static String parameter(String name, String what) {
      Objects.requireNonNull(name, what);
      if (!PARAMETER.matcher(name).matches()) {
        throw new IllegalArgumentException(what + " must be 1-64 letters, digits, '.', '_' or '-'; got '" + name + "'");
      }
      return name;
    }
  }
}
