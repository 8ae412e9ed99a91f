package io.socialink.http;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A response body longer than {@link TransportOptions#maxResponseBytes()}: the transport stopped reading
 * it at the limit and closed the exchange. The message names the limit and the option that raises it,
 * never the body. Sending the same request again gets the same answer, so core classifies this as a
 * {@link io.socialink.error.ErrorCategory#CONFIGURATION} failure that is not retried.
 */
public class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int limit;
  private final long declaredLength;

  /**
   * Creates the exception.
   *
   * @param what the request, already free of secrets (e.g. {@code GET https://api.x.com/2/users/me})
   * @param limit the limit in bytes
   * @param declaredLength the {@code Content-Length} the response announced, or -1 when it announced none
   */
  public ResponseTooLargeException(String what, int limit, long declaredLength) {
    super("the response to " + what + " is larger than the transport reads ("
        + (declaredLength >= 0 ? "Content-Length " + declaredLength + " bytes" : "more than " + limit + " bytes")
        + ", limit " + limit + " bytes); if the platform legitimately sends this much, raise"
        + " TransportOptions.maxResponseBytes");
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  /**
   * The limit that was passed.
   *
   * @return the limit in bytes
   */
  public int limit() {
    return limit;
  }

  /**
   * The length the response announced in {@code Content-Length}.
   *
   * @return the announced length, or empty when the response did not announce one
   */
  public OptionalLong declaredLength() {
    return declaredLength >= 0 ? OptionalLong.of(declaredLength) : OptionalLong.empty();
  }
}
