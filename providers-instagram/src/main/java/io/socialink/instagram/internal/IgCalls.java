package io.socialink.instagram.internal;

import java.util.Map;
import java.util.LinkedHashMap;
import io.socialink.auth.Scopes;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.error.Operation;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends Instagram calls through the pipeline with the endpoint group, idempotency and rate-limit keys:
 * the app key is the Instagram App ID (never a secret), the user key the grant's account key
 * ({@code instagram:<IG_ID>}). Thread-safe.
 */
public final class IgCalls {
  private final CallExecutor executor;
  private final String appId;
  private final List<Secret> appSecrets;

  /**
   * Creates the sender.
   *
   * @param executor the pipeline
   * @param credentials the app's credentials: the client id is the app key, and the client secret and
   *     every named secret are declared on every request, so that an answer echoing one of them (even
   *     outside a parameter) is scrubbed from messages and logs
   */
  public IgCalls(CallExecutor executor, AppCredentials credentials) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.appId = credentials.clientId();
    List<Secret> secrets = new ArrayList<>();
    credentials.clientSecret().ifPresent(secrets::add);
    secrets.addAll(credentials.secrets().values());
    this.appSecrets = List.copyOf(secrets);
  }

  /**
   * Sends a call.
   *
   * @param group the endpoint group
   * @param request the request
   * @param idempotency whether repeating it is safe
   * @param userKey the user key, when called for a user
   * @return the successful response
   */
  public ApiResponse send(String group, ApiRequest request, Idempotency idempotency, Optional<String> userKey) {
    return send(group, request, idempotency, userKey, Operation.API_CALL);
  }

  /**
   * Sends a call doing an operation (a token call), so that its failure is classified for it.
   *
   * @param group the endpoint group
   * @param request the request
   * @param idempotency whether repeating it is safe
   * @param userKey the user key, when called for a user
   * @param operation what the call does
   * @return the successful response
   */
  public ApiResponse send(String group, ApiRequest request, Idempotency idempotency, Optional<String> userKey,
      Operation operation) {
    ApiRequest.Builder b = request.toBuilder();
    appSecrets.forEach(b::secret);
    return executor.execute(new ApiCall(GraphResponseInterpreter.PLATFORM, group, b.build(), idempotency, appId,
        userKey, operation));
  }

  /**
   * An authorization (or login dialog) URL as Meta's pages take it: {@code client_id},
   * {@code redirect_uri}, {@code response_type=code}, the scopes separated by commas, {@code state},
   * then the request's extra parameters. Meta documents no PKCE here, so no challenge is sent.
   *
   * @param base the page, possibly with a query of its own
   * @param clientId the app id
   * @param request the request
   * @return the URL
   * @throws IllegalArgumentException if an extra parameter would replace one of these
   */
  public static URI authorizationUrl(URI base, String clientId, AuthorizationRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", clientId);
    q.put("redirect_uri", request.redirectUri().toString());
    q.put("response_type", "code");
    if (!request.scopes().isEmpty()) {
      q.put("scope", Scopes.join(request.scopes(), ","));
    }
    q.put("state", request.state());
    for (Map.Entry<String, String> e : request.extraParameters().entrySet()) {
      if (q.containsKey(e.getKey())) {
        throw new IllegalArgumentException("extra parameter '" + e.getKey() + "' would replace a standard one");
      }
      q.put(e.getKey(), e.getValue());
    }
    return URI.create(base + (base.getRawQuery() == null ? "?" : "&") + ApiRequest.formEncode(q).replace("+", "%20"));
  }

  /**
   * The user key of a grant.
   *
   * @param grant the grant
   * @return {@code instagram:<IG_ID>}
   */
  public static Optional<String> userKey(Grant grant) {
    return Optional.of(grant.account().key());
  }

  /**
   * Starts a request authorized by the grant's access token as a bearer token, the token also
   * declared secret.
   *
   * @param method the method
   * @param uri the URI
   * @param grant the grant
   * @return the builder
   */
  public static ApiRequest.Builder bearer(HttpMethod method, URI uri, Grant grant) {
    return ApiRequest.newBuilder(method, uri).header("Authorization", "Bearer " + grant.accessToken().reveal())
        .secret(grant.accessToken());
  }
}
