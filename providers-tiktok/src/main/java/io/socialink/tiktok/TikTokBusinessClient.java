package io.socialink.tiktok;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import io.socialink.tiktok.internal.Envelopes;
import io.socialink.tiktok.internal.Fields;
import io.socialink.tiktok.internal.TikTokCalls;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TikTok API for Business for one app (scheme {@code business-accounts}): authorizing TikTok accounts
 * for the Accounts API ({@code tt_user}), refreshing, revoking and inspecting their tokens, revoking a
 * Marketing API advertiser authorization, and the Business Center calls that release a
 * {@link io.socialink.LinkKind#BUSINESS_ASSET}. Every request goes through the Socialink pipeline.
 *
 * <p>TikTok API for Business differs from Login Kit on every point that matters (fact sheet §8): JSON
 * bodies with {@code client_id} / {@code client_secret} and {@code auth_code} for the code; the refresh
 * token's lifetime in {@code refresh_token_expires_in}; the access token in an {@code Access-Token}
 * header, not {@code Authorization: Bearer}; every answer in the envelope
 * {@code {code, message, request_id, data}}, with HTTP 200 on errors and numeric codes (40100 is the rate
 * limit; 40102 an expired, 40104 an empty and 40105 an invalid token; 40001 no permission), which
 * {@link TikTokProvider#responseInterpreter()} classifies.
 *
 * <p><b>What is unverified.</b> The fact sheet takes the Accounts API's OAuth endpoints and bodies, the
 * token info call and the Business Center calls from open-source SDKs ({@code [code]}), not from TikTok's
 * pages; the numeric codes come from a third-party compilation; whether the advertiser revocation
 * needs the {@code Access-Token} header is unverified (it is sent); the authorization code's lifetime
 * (10 minutes or 1 hour) is unverified, so exchange it at once. The authorization page takes no PKCE
 * for these accounts in any source, so none is sent.
 *
 * <pre>{@code
 * TikTokBusinessClient business = socialink.client(TikTokBusinessClient.class);
 * TikTokBusinessTokenInfo info = socialink.grants().withGrant(userId, grantId, TikTokBusinessClient.class,
 *     (b, g) -> b.tokenInfo(g));
 * business.removeTikTokAccountFromBusinessCenter(adminGrant, bcId, accountId);   // a Business Center admin's grant
 * }</pre>
 *
 * <p>Thread-safe; holds no user state: grants come in as arguments.
 */
public final class TikTokBusinessClient implements PlatformClient {
  /**
   * The unlink action that removes a TikTok account from a Business Center
   * ({@link #removeTikTokAccountFromBusinessCenter}), with arguments {@value #ARG_BC_ID} and
   * {@value #ARG_ACCOUNT_ID}.
   */
  public static final String REMOVE_FROM_BUSINESS_CENTER = "business-center-remove-account";
  /** The argument naming the Business Center. */
  public static final String ARG_BC_ID = "bcId";
  /** The argument naming the TikTok account's asset id. */
  public static final String ARG_ACCOUNT_ID = "accountAssetId";
  private static final Set<String> AUTHORIZE_PARAMETERS =
      Set.of("client_key", "response_type", "scope", "redirect_uri", "state");

  private final AppCredentials credentials;
  private final TikTokEndpoints endpoints;
  private final JsonCodec json;
  private final TikTokCalls calls;

  TikTokBusinessClient(ProviderContext context, TikTokProvider provider) {
    this.credentials = context.credentials();
    this.endpoints = provider.endpoints();
    this.json = context.json();
    this.calls = new TikTokCalls(context.calls(), credentials.clientId());
  }

  @Override
  public AppCredentials credentials() {
    return credentials;
  }

  /**
   * Where this client sends the browser and its calls.
   *
   * @return the endpoints
   */
  public TikTokEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Renders the authorization URL: TikTok's Login Kit page with the Business app's key as
   * {@code client_key}, {@code response_type=code}, the scopes separated by commas, the redirect URI
   * (for these apps it must end in {@code /}) and the state; no PKCE. Extra parameters (such as
   * {@code disable_auto_auth=1}, unverified for these accounts) are appended.
   *
   * @throws IllegalArgumentException if an extra parameter would replace a standard one
   */
  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    Objects.requireNonNull(request, "request");
    for (String name : request.extraParameters().keySet()) {
      if (AUTHORIZE_PARAMETERS.contains(name) || name.startsWith("code_challenge")) {
        throw new IllegalArgumentException("extra parameter '" + name + "' would replace a standard one");
      }
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_key", credentials.clientId());
    q.put("response_type", "code");
    if (!request.scopes().isEmpty()) {
      q.put("scope", Scopes.join(request.scopes(), ","));
    }
    q.put("redirect_uri", request.redirectUri().toString());
    q.put("state", request.state());
    q.putAll(request.extraParameters());
    return URI.create(endpoints.authorizeUri() + "?" + ApiRequest.formEncode(q).replace("+", "%20"));
  }

  /**
   * Exchanges the callback's code with {@code POST /open_api/v1.3/tt_user/oauth2/token/}, JSON
   * {@code client_id}, {@code client_secret}, {@code grant_type=authorization_code}, {@code auth_code},
   * {@code redirect_uri}. Not repeated blindly: a code is single-use.
   *
   * @throws SocialinkException the classified failure (40110: code used or expired, {@code AUTH_REVOKED});
   *     {@code UNKNOWN} for an answer without {@code data.access_token}
   */
  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", credentials.clientId());
    body.put("client_secret", secret().reveal());
    body.put("grant_type", "authorization_code");
    body.put("auth_code", exchange.code().reveal());
    body.put("redirect_uri", exchange.redirectUri().toString());
    ApiResponse response = post(TikTokEndpointGroups.BUSINESS_TOKEN, "tt_user/oauth2/token/", body, Optional.empty(),
        Idempotency.NON_IDEMPOTENT, Optional.empty(), Operation.CODE_EXCHANGE);
    return tokens(response, "token answer");
  }

  /**
   * Refreshes with {@code POST /open_api/v1.3/tt_user/oauth2/refresh_token/}; the answer carries a new
   * refresh token to store before anything else.
   *
   * @throws SocialinkException {@code AUTH_EXPIRED} when the grant has no refresh token; the classified
   *     failure (40103 expired, 40107 invalid: {@code AUTH_REVOKED})
   */
  @Override
  public TokenResponse refresh(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Secret refresh = grant.refreshToken().orElseThrow(() -> SocialinkException.of(Classification.of(
        ErrorCategory.AUTH_EXPIRED, TikTokProvider.ID, 0, "grant " + grant.id() + " has no refresh token")
        .withRemediation("Ask the user to authorize the app again."), null, 1));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", credentials.clientId());
    body.put("client_secret", secret().reveal());
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refresh.reveal());
    ApiResponse response = post(TikTokEndpointGroups.BUSINESS_REFRESH, "tt_user/oauth2/refresh_token/", body,
        Optional.empty(), Idempotency.NON_IDEMPOTENT, TikTokCalls.userKey(grant), Operation.TOKEN_REFRESH);
    return tokens(response, "refresh answer");
  }

  /**
   * Revokes the grant's access token with {@code POST /open_api/v1.3/tt_user/oauth2/revoke/}. A token
   * TikTok reports as expired (40102) or invalid (40105) counts as already revoked; a refusal of the
   * app's own credentials (40101) is an error.
   */
  @Override
  public Revocation revoke(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", credentials.clientId());
    body.put("client_secret", secret().reveal());
    body.put("access_token", grant.accessToken().reveal());
    try {
      ApiResponse response = post(TikTokEndpointGroups.BUSINESS_REVOKE, "tt_user/oauth2/revoke/", body, Optional.empty(),
          Idempotency.IDEMPOTENT, TikTokCalls.userKey(grant), Operation.TOKEN_REVOKE);
      Envelopes.businessData(json, response, "revoke answer");
      return Revocation.REVOKED;
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED || e.category() == ErrorCategory.AUTH_EXPIRED) {
        return Revocation.ALREADY_REVOKED;
      }
      throw e;
    }
  }

  /**
   * Reads what TikTok knows of the grant's token with {@code POST /open_api/v1.3/tt_user/token_info/get/}
   * ({@code app_id}, {@code access_token}): the app, the account and the granted scopes.
   *
   * @param grant the grant
   * @return the token's description
   */
  public TikTokBusinessTokenInfo tokenInfo(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("app_id", credentials.clientId());
    body.put("access_token", grant.accessToken().reveal());
    ApiResponse response = post(TikTokEndpointGroups.BUSINESS_TOKEN_INFO, "tt_user/token_info/get/", body,
        Optional.empty(), Idempotency.IDEMPOTENT, TikTokCalls.userKey(grant));
    String what = "token info answer";
    Map<String, Object> data = Envelopes.businessData(json, response, what);
    Set<String> scopes;
    try {
      scopes = Scopes.parse(Fields.str(data, "scope").orElse(""));
    } catch (IllegalArgumentException e) {
      throw Fields.malformed(what, "member 'scope' is not a list of scopes");
    }
    return new TikTokBusinessTokenInfo(Fields.requireStr(data, "app_id", what),
        Fields.id(data.get("creator_id")).orElseThrow(() -> Fields.malformed(what, "member 'creator_id' is missing")),
        scopes);
  }

  /** The TikTok account the token acts for, from {@link #tokenInfo(Grant)}: its id only. */
  @Override
  public Account profile(Grant grant) {
    return Account.of(TikTokProvider.ID, tokenInfo(grant).creatorId());
  }

  /**
   * Probes {@link #tokenInfo(Grant)} with the grant's access token, as the verification step of an
   * unlink does.
   *
   * @param grant the grant whose access token is probed
   * @return true if TikTok refuses the token as expired or invalid; false if it still accepts it
   * @throws SocialinkException when the probe fails for another reason, so that the answer is unknown
   */
  public boolean isTokenDead(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    try {
      tokenInfo(grant);
      return false;
    } catch (SocialinkException e) {
      return Fields.tokenDead(e);
    }
  }

  /**
   * Revokes a Marketing API (Ads Manager) authorization with {@code POST /open_api/v1.3/oauth2/revoke_token/},
   * JSON {@code app_id}, {@code secret}, {@code access_token}, and the token also in the
   * {@code Access-Token} header (whether TikTok needs it there is unverified).
   *
   * @param marketingAccessToken the long-term Marketing API access token
   * @return the advertiser ids that lost access
   */
  public TikTokAdvertiserRevocation revokeAdvertiserAuthorization(Secret marketingAccessToken) {
    Objects.requireNonNull(marketingAccessToken, "marketingAccessToken");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("app_id", credentials.clientId());
    body.put("secret", secret().reveal());
    body.put("access_token", marketingAccessToken.reveal());
    ApiResponse response = post(TikTokEndpointGroups.MARKETING_REVOKE, "oauth2/revoke_token/", body,
        Optional.of(marketingAccessToken), Idempotency.NON_IDEMPOTENT, Optional.empty(), Operation.TOKEN_REVOKE);
    String what = "advertiser revocation answer";
    Map<String, Object> data = Envelopes.businessData(json, response, what);
    return new TikTokAdvertiserRevocation(Fields.id(data.get("app_id")).orElse(credentials.clientId()),
        Fields.strings(data, "advertiser_ids", what));
  }

  /**
   * Removes a TikTok account from a Business Center ({@code POST /open_api/v1.3/bc/asset/admin/delete/},
   * {@code asset_type TT_ACCOUNT}). Only a Business Center admin may: anyone else gets
   * {@link ErrorCategory#PERMISSION_DENIED} (code 40001) with the hint to ask an admin.
   *
   * @param adminGrant a grant of a Business Center admin
   * @param bcId the Business Center id
   * @param accountAssetId the TikTok account's asset id
   */
  public void removeTikTokAccountFromBusinessCenter(Grant adminGrant, String bcId, String accountAssetId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bc_id", id(bcId, "bcId"));
    body.put("asset_type", TikTokBusinessAssetType.TT_ACCOUNT.name());
    body.put("asset_ids", List.of(id(accountAssetId, "accountAssetId")));
    bc(adminGrant, TikTokEndpointGroups.BC_ASSET_DELETE, "bc/asset/admin/delete/", body);
  }

  /**
   * Runs the unlink action {@value #REMOVE_FROM_BUSINESS_CENTER} that TikTok's part of a
   * {@link io.socialink.LinkKind#BUSINESS_ASSET} plan contains: removes the account named by
   * {@value #ARG_ACCOUNT_ID} from the Business Center {@value #ARG_BC_ID} with the admin's grant.
   * TikTok's answer does not say whether the account was still there, so a removal that succeeds is
   * {@link Revocation#REVOKED}; removing again is harmless.
   *
   * @throws SocialinkException {@code PERMISSION_DENIED} (40001) when the grant is not a Business
   *     Center admin's, with the hint to ask an admin or do it by hand; a configuration error for an
   *     action this client does not know or missing arguments
   */
  @Override
  public Revocation unlinkAction(Grant grant, String action, Map<String, String> arguments) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(arguments, "arguments");
    if (!REMOVE_FROM_BUSINESS_CENTER.equals(action) || !arguments.containsKey(ARG_BC_ID)
        || !arguments.containsKey(ARG_ACCOUNT_ID)) {
      throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, TikTokProvider.ID, 0,
          "TikTok API for Business has no unlink action '" + action + "' with arguments " + arguments.keySet())
          .withRemediation("Plan the unlink again with this version of socialink-tiktok; it knows '"
              + REMOVE_FROM_BUSINESS_CENTER + "' with " + ARG_BC_ID + " and " + ARG_ACCOUNT_ID + "."), null, 1);
    }
    try {
      removeTikTokAccountFromBusinessCenter(grant, arguments.get(ARG_BC_ID), arguments.get(ARG_ACCOUNT_ID));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, TikTokProvider.ID, 0,
          "the unlink action's arguments are not TikTok ids: " + e.getMessage())
          .withRemediation("Record the link's Business Center and account with TikTok's ids."), e, 1);
    }
    return Revocation.REVOKED;
  }

  /**
   * Revokes a member's permission on an asset ({@code POST /open_api/v1.3/bc/asset/unassign/}). Only a
   * Business Center admin may.
   *
   * @param adminGrant a grant of a Business Center admin
   * @param bcId the Business Center id
   * @param userId the member's user id
   * @param assetType the asset's kind
   * @param assetId the asset's id
   */
  public void unassignMemberAsset(Grant adminGrant, String bcId, String userId, TikTokBusinessAssetType assetType,
      String assetId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bc_id", id(bcId, "bcId"));
    body.put("user_id", id(userId, "userId"));
    body.put("asset_type", Objects.requireNonNull(assetType, "assetType").name());
    body.put("asset_id", id(assetId, "assetId"));
    bc(adminGrant, TikTokEndpointGroups.BC_ASSET_UNASSIGN, "bc/asset/unassign/", body);
  }

  /**
   * Removes a member from a Business Center ({@code POST /open_api/v1.3/bc/member/delete/}). Only a
   * Business Center admin may.
   *
   * @param adminGrant a grant of a Business Center admin
   * @param bcId the Business Center id
   * @param userId the member's user id
   */
  public void removeMember(Grant adminGrant, String bcId, String userId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bc_id", id(bcId, "bcId"));
    body.put("user_id", id(userId, "userId"));
    bc(adminGrant, TikTokEndpointGroups.BC_MEMBER_DELETE, "bc/member/delete/", body);
  }

  /**
   * Stops sharing an asset with a partner Business Center ({@code POST /open_api/v1.3/bc/partner/asset/delete/}).
   * Only a Business Center admin may.
   *
   * @param adminGrant a grant of a Business Center admin
   * @param bcId the Business Center id
   * @param partnerId the partner's Business Center id
   * @param assetType the asset's kind
   * @param assetId the asset's id
   */
  public void stopSharingWithPartner(Grant adminGrant, String bcId, String partnerId, TikTokBusinessAssetType assetType,
      String assetId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bc_id", id(bcId, "bcId"));
    body.put("partner_id", id(partnerId, "partnerId"));
    body.put("asset_type", Objects.requireNonNull(assetType, "assetType").name());
    body.put("asset_ids", List.of(id(assetId, "assetId")));
    bc(adminGrant, TikTokEndpointGroups.BC_PARTNER_ASSET_DELETE, "bc/partner/asset/delete/", body);
  }

  private void bc(Grant adminGrant, String group, String path, Map<String, Object> body) {
    Objects.requireNonNull(adminGrant, "adminGrant");
    ApiResponse response = post(group, path, body, Optional.of(adminGrant.accessToken()), Idempotency.NON_IDEMPOTENT,
        TikTokCalls.userKey(adminGrant));
    Envelopes.businessData(json, response, "Business Center answer");
  }

  private ApiResponse post(String group, String path, Map<String, Object> body, Optional<Secret> accessToken,
      Idempotency idempotency, Optional<String> userKey) {
    return post(group, path, body, accessToken, idempotency, userKey, Operation.API_CALL);
  }

  private ApiResponse post(String group, String path, Map<String, Object> body, Optional<Secret> accessToken,
      Idempotency idempotency, Optional<String> userKey, Operation operation) {
    ApiRequest.Builder b = ApiRequest.newBuilder(HttpMethod.POST, endpoints.businessApi(path));
    accessToken.ifPresent(t -> b.header("Access-Token", t.reveal()));
    return calls.send(group, b.json(json.write(body)).build(), idempotency, userKey, operation);
  }

  private TokenResponse tokens(ApiResponse response, String what) {
    Map<String, Object> data = Envelopes.businessData(json, response, what);
    Secret access = Fields.str(data, "access_token").map(Secret::of)
        .orElseThrow(() -> Fields.malformed(what, "member 'data.access_token' is missing"));
    Optional<Set<String>> scopes;
    try {
      scopes = Fields.str(data, "scope").map(Scopes::parse);
    } catch (IllegalArgumentException e) {
      throw Fields.malformed(what, "member 'scope' is not a list of scopes");
    }
    return new TokenResponse(access, Fields.str(data, "refresh_token").map(Secret::of),
        seconds(data, "expires_in", what), seconds(data, "refresh_token_expires_in", what), scopes,
        Fields.str(data, "token_type").orElse("bearer"), Fields.id(data.get("open_id")));
  }

  private static Optional<Duration> seconds(Map<String, Object> data, String key, String what) {
    if (data.get(key) == null) {
      return Optional.empty();
    }
    long n = Fields.wholeNumber(data.get(key)).filter(v -> v >= 0 && v < Long.MAX_VALUE / 2)
        .orElseThrow(() -> Fields.malformed(what, "member '" + key + "' is not a number of seconds"));
    return Optional.of(Duration.ofSeconds(n));
  }

  private Secret secret() {
    return credentials.clientSecret().orElseThrow(() -> new ConfigurationException(Classification.of(
        ErrorCategory.CONFIGURATION, TikTokProvider.ID, 0, "TikTok API for Business needs the app's secret")
        .withRemediation("Configure the business-accounts credentials as a confidential client with the app's"
            + " secret from the TikTok for Business developer portal."), null, 1));
  }

  private static String id(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!value.matches("[A-Za-z0-9_.@-]{1,128}")) {
      throw new IllegalArgumentException(name + " must be 1-128 letters, digits, '_', '.', '@' or '-'; got '" + value
          + "'");
    }
    return value;
  }

  /** Names the app id and API host, never a secret. */
  @Override
  public String toString() {
    return "TikTokBusinessClient[appId=" + credentials.clientId() + ", api=" + endpoints.businessApiBaseUri() + "]";
  }
}
