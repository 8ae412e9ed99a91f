package io.socialink.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response from a platform. Immutable and thread-safe. {@link #toString()} shows the status
 * and body length only.
 */
public final class ApiResponse {
  private final int status;
  private final Headers headers;
  private final byte[] body;

  /**
   * Creates a response.
   *
   * @param status the HTTP status, 100-599
   * @param headers the headers
   * @param body the body bytes (copied)
   */
  public ApiResponse(int status, Headers headers, byte[] body) {
    this(status, headers, Objects.requireNonNull(body, "body"), true);
  }

  /**
   * A response that takes the body array as it is, without copying it: for transports that have just
   * built the array and never touch it again.
   *
   * @param status the HTTP status, 100-599
   * @param headers the headers
   * @param body the body; the caller must not change it afterwards
   * @return the response
   */
  public static ApiResponse ofOwnedBody(int status, Headers headers, byte[] body) {
    return new ApiResponse(status, headers, Objects.requireNonNull(body, "body"), false);
  }

  private ApiResponse(int status, Headers headers, byte[] body, boolean copy) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100-599; got " + status);
    }
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = copy ? body.clone() : body;
  }

  /**
   * The body as a stream over the response's own bytes, without copying them; for parsers that read
   * streams.
   *
   * @return a new stream at the body's start
   */
  public java.io.InputStream bodyStream() {
    return new java.io.ByteArrayInputStream(body);
  }

  /**
   * A response with a UTF-8 text body.
   *
   * @param status the status
   * @param headers the headers
   * @param body the text
   * @return the response
   */
  public static ApiResponse of(int status, Headers headers, String body) {
    return new ApiResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The HTTP status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The headers.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * A copy of the body bytes.
   *
   * @return the body
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body length in bytes.
   *
   * @return the length
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * Answers whether the status is 2xx.
   *
   * @return true for 2xx
   */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The status and body length. */
  @Override
  public String toString() {
    return "ApiResponse[status=" + status + ", bodyBytes=" + body.length + "]";
  }
}
