package io.socialink.instagram.internal;

import io.socialink.Grant;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import java.net.URI;
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

  /**
   * Creates the sender.
   *
   * @param executor the pipeline
   * @param appId the Instagram App ID
   */
  public IgCalls(CallExecutor executor, String appId) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.appId = Objects.requireNonNull(appId, "appId");
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
    return executor.execute(new ApiCall(GraphResponseInterpreter.PLATFORM, group, request, idempotency, appId,
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
