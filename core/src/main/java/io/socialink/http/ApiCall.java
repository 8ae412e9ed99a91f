package io.socialink.http;

import io.socialink.error.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * One logical call through the pipeline: the request plus what the pipeline needs to limit, retry and
 * classify it.
 *
 * @param platformId the platform's id
 * @param endpointGroup the endpoint group the platform counts limits by, e.g. {@code users.me} or {@code tweets.create}
 * @param request the HTTP request
 * @param idempotency whether repeating it is safe
 * @param appKey the application credential the platform counts per-app limits by (a client id, never a secret)
 * @param userKey the account the platform counts per-user limits by (e.g. {@code x:2244994945}), when called for a user
 * @param operation what the call does (a code exchange, a refresh, ...), which the verdict on a failure can
 *     depend on; {@link Operation#API_CALL} for an ordinary API call
 */
public record ApiCall(
    String platformId,
    String endpointGroup,
    ApiRequest request,
    Idempotency idempotency,
    String appKey,
    Optional<String> userKey,
    Operation operation) {

  /** Validates the components. */
  public ApiCall {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(endpointGroup, "endpointGroup");
    if (!validGroup(endpointGroup)) {
      throw new IllegalArgumentException("endpointGroup must be lowercase letters, digits, '.', '_', '/' or '-'; got '"
          + endpointGroup + "'");
    }
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(appKey, "appKey");
    if (appKey.isBlank()) {
      throw new IllegalArgumentException("appKey must not be blank");
    }
    Objects.requireNonNull(userKey, "userKey");
    Objects.requireNonNull(operation, "operation");
  }

  /**
   * An ordinary API call ({@link Operation#API_CALL}).
   *
   * @param platformId the platform's id
   * @param endpointGroup the endpoint group
   * @param request the HTTP request
   * @param idempotency whether repeating it is safe
   * @param appKey the application credential the platform counts per-app limits by
   * @param userKey the account the platform counts per-user limits by, when called for a user
   */
  public ApiCall(String platformId, String endpointGroup, ApiRequest request, Idempotency idempotency, String appKey,
      Optional<String> userKey) {
    this(platformId, endpointGroup, request, idempotency, appKey, userKey, Operation.API_CALL);
  }

  /**
   * A copy of this call doing another operation.
   *
   * @param newOperation the operation
   * @return the copy
   */
  public ApiCall withOperation(Operation newOperation) {
    return new ApiCall(platformId, endpointGroup, request, idempotency, appKey, userKey, newOperation);
  }

  /**
   * A copy of this call with another request, e.g. one an {@link Interceptor} added a header to.
   *
   * @param newRequest the request
   * @return the copy
   */
  public ApiCall withRequest(ApiRequest newRequest) {
    return new ApiCall(platformId, endpointGroup, newRequest, idempotency, appKey, userKey, operation);
  }

  /** Describes the call without secrets. */
  @Override
  public String toString() {
    return "ApiCall[" + platformId + " " + endpointGroup + " " + request + " " + idempotency
        + userKey.map(u -> " user=" + u).orElse("") + (operation == Operation.API_CALL ? "" : " " + operation) + "]";
  }

  /** {@code [a-z0-9][a-z0-9._/-]{0,63}}, checked without a regular expression: this runs on every call. */
  private static boolean validGroup(String group) {
    int n = group.length();
    if (n == 0 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = group.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '/' && c != '-'))) {
        return false;
      }
    }
    return true;
  }
}
