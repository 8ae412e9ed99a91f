package io.socialink.instagram.internal;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
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
    ApiRequest.Builder b = request.toBuilder();
    appSecrets.forEach(b::secret);
    return executor.execute(new ApiCall(GraphResponseInterpreter.PLATFORM, group, b.build(), idempotency, appId,
        userKey));
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
