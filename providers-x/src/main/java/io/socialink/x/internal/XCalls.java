package io.socialink.x.internal;

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
import java.util.regex.Pattern;

/**
 * Sends X calls through the pipeline with the right endpoint group, idempotency and rate-limit keys:
 * the app key is the client id, the user key {@code x:<user id>} once the user id is known.
 * Thread-safe.
 */
public final class XCalls {
  /** The platform id. */
  public static final String PLATFORM = "x";
  /** {@code POST /2/oauth2/token}. */
  public static final String TOKEN = "oauth2.token";
  /** {@code POST /2/oauth2/revoke}. */
  public static final String REVOKE = "oauth2.revoke";
  /** {@code GET /2/users/me}. */
  public static final String USERS_ME = "users.me";
  /** {@code POST /2/tweets}. */
  public static final String TWEETS_CREATE = "tweets.create";
  /** {@code GET /2/users/:id/tweets}. */
  public static final String USER_TWEETS = "tweets.user_timeline";
  /** {@code POST /2/media/upload} (one-shot). */
  public static final String MEDIA_UPLOAD = "media.upload";
  /** {@code POST /2/media/upload/initialize}. */
  public static final String MEDIA_INITIALIZE = "media.initialize";
  /** {@code POST /2/media/upload/{id}/append}. */
  public static final String MEDIA_APPEND = "media.append";
  /** {@code POST /2/media/upload/{id}/finalize}. */
  public static final String MEDIA_FINALIZE = "media.finalize";
  /** {@code GET /2/media/upload?command=STATUS}. */
  public static final String MEDIA_STATUS = "media.status";

  private static final Pattern USER_ID = Pattern.compile("[0-9]{1,19}");

  private final CallExecutor executor;
  private final String clientId;

  /**
   * Creates the sender.
   *
   * @param executor the pipeline
   * @param clientId the OAuth client id, the app key of every call
   */
  public XCalls(CallExecutor executor, String clientId) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
  }

  /**
   * Sends a call.
   *
   * @param group the endpoint group
   * @param request the request
   * @param idempotency whether repeating it is safe
   * @param userKey the user key, when known
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
   * @param userKey the user key, when known
   * @param operation what the call does
   * @return the successful response
   */
  public ApiResponse send(String group, ApiRequest request, Idempotency idempotency, Optional<String> userKey,
      Operation operation) {
    return executor.execute(new ApiCall(PLATFORM, group, request, idempotency, clientId, userKey, operation));
  }

  /**
   * The user key of a grant: {@code x:<user id>} once its account has a real X user id (snowflake
   * digits). During the first profile read of a new link the id is not known yet.
   *
   * @param grant the grant
   * @return the key, or empty
   */
  public static Optional<String> userKey(Grant grant) {
    String id = grant.account().userId();
    return USER_ID.matcher(id).matches() ? Optional.of(PLATFORM + ":" + id) : Optional.empty();
  }

  /**
   * Starts a request authorized by the grant's access token.
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
