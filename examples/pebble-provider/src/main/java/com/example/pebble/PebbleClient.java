package com.example.pebble;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.MalformedPayloadException;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Pebble's API client; every call goes through the Socialink pipeline. */
final class PebbleClient implements PlatformClient {
  private final ProviderContext context;
  private final URI base;

  PebbleClient(ProviderContext context, URI base) {
    this.context = context;
    this.base = base;
  }

  @Override
  public AppCredentials credentials() {
    return context.credentials();
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", credentials().clientId());
    q.put("redirect_uri", request.redirectUri().toString());
    q.put("scope", Scopes.join(request.scopes(), " "));
    q.put("state", request.state());
    q.put("code_challenge", request.pkce().challenge());
    q.put("code_challenge_method", request.pkce().method());
    return base.resolve("oauth/authorize?" + ApiRequest.formEncode(q).replace("+", "%20"));
  }

  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", exchange.code().reveal());
    form.put("redirect_uri", exchange.redirectUri().toString());
    form.put("code_verifier", exchange.pkce().verifier().reveal());
    return token(form);
  }

  @Override
  public TokenResponse refresh(Grant grant) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", grant.refreshToken().orElseThrow().reveal());
    return token(form);
  }

  private TokenResponse token(Map<String, String> form) {
    form.put("client_id", credentials().clientId());
    credentials().clientSecret().ifPresent(s -> form.put("client_secret", s.reveal()));
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST, base.resolve("oauth/token")).form(form).build();
    byte[] body = context.calls().execute(call("oauth.token", request, Idempotency.NON_IDEMPOTENT, Optional.empty())).body();
    Map<String, Object> t = read(body);
    String access = text(t, "access_token").filter(s -> !s.isBlank())
        .orElseThrow(() -> malformed("token response without access_token"));
    Optional<Duration> expiresIn = Optional.ofNullable(t.get("expires_in")).filter(Number.class::isInstance)
        .map(n -> Duration.ofSeconds(((Number) n).longValue()));
    return new TokenResponse(Secret.of(access), text(t, "refresh_token").filter(s -> !s.isBlank()).map(Secret::of),
        expiresIn, Optional.empty(), text(t, "scope").map(Scopes::parse), "bearer", text(t, "user_id"));
  }

  @Override
  public Revocation revoke(Grant grant) {
    for (Secret token : grant.refreshToken().map(r -> java.util.List.of(r, grant.accessToken()))
        .orElse(java.util.List.of(grant.accessToken()))) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("token", token.reveal());
      form.put("client_id", credentials().clientId());
      ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST, base.resolve("oauth/revoke")).form(form).build();
      context.calls().execute(call("oauth.revoke", request, Idempotency.IDEMPOTENT, Optional.empty()));
    }
    return Revocation.REVOKED;
  }

  @Override
  public Account profile(Grant grant) {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, base.resolve("api/me"))
        .header("Authorization", "Bearer " + grant.accessToken().reveal()).build();
    Map<String, Object> me = read(context.calls().execute(call("me", request, Idempotency.IDEMPOTENT,
        Optional.of(grant.account().key()))).body());
    String id = text(me, "id").orElseThrow(() -> malformed("profile without id"));
    return new Account(PebbleProvider.ID, id, text(me, "handle"), text(me, "name"));
  }

  private ApiCall call(String group, ApiRequest request, Idempotency idempotency, Optional<String> user) {
    return new ApiCall(PebbleProvider.ID, group, request, idempotency, credentials().clientId(), user);
  }

  private Map<String, Object> read(byte[] body) {
    try {
      return context.json().readObject(body);
    } catch (MalformedPayloadException e) {
      throw malformed(e.getMessage());
    }
  }

  private static Optional<String> text(Map<String, Object> json, String field) {
    return Optional.ofNullable(json.get(field)).filter(String.class::isInstance).map(String.class::cast);
  }

  private static SocialinkException malformed(String what) {
    return SocialinkException.of(Classification.of(ErrorCategory.UNKNOWN, PebbleProvider.ID, 200,
        "Pebble sent an unexpected payload: " + what), null, 1);
  }

}
