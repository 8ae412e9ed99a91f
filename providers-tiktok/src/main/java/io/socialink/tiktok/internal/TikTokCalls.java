package io.socialink.tiktok.internal;

import io.socialink.Grant;
import io.socialink.error.Operation;
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
 * Sends TikTok calls through the pipeline with the right endpoint group, idempotency and rate-limit
 * keys: the app key is the client key (never a secret), the user key the grant's account key
 * ({@code tiktok:<open_id>}). Thread-safe.
 */
public final class TikTokCalls {
  /** Content type of TikTok's JSON requests, as its reference gives it. */
  public static final String JSON = "application/json; charset=UTF-8";

  private final CallExecutor executor;
  private final String clientKey;

  /**
   * Creates the sender.
   *
   * @param executor the pipeline
   * @param clientKey the client key (or Business app id), the app key of every call
   */
  public TikTokCalls(CallExecutor executor, String clientKey) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
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
    return executor.execute(new ApiCall(TikTokResponseInterpreter.PLATFORM, group, request, idempotency, clientKey,
        userKey, operation));
  }

  /**
   * The user key of a grant.
   *
   * @param grant the grant
   * @return {@code tiktok:<open_id>}
   */
  public static Optional<String> userKey(Grant grant) {
    return Optional.of(grant.account().key());
  }

  /**
   * Starts a request authorized by the grant's access token as a bearer token (Open API v2).
   *
   * @param method the method
   * @param uri the URI
   * @param grant the grant
   * @return the builder
   */
  public static ApiRequest.Builder bearer(HttpMethod method, URI uri, Grant grant) {
    return ApiRequest.newBuilder(method, uri).header("Authorization", "Bearer " + grant.accessToken().reveal());
  }
}
