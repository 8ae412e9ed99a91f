package io.socialink.webhook;

import io.socialink.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What to send back to the platform for a delivery.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body
 */
public record WebhookResponse(int status, Headers headers, String body) {
  /** Validates the components. */
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100-599; got " + status);
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /**
   * A 200 with a JSON body.
   *
   * @param json the JSON text
   * @return the response
   */
  public static WebhookResponse json(String json) {
    return new WebhookResponse(200, Headers.of("Content-Type", "application/json"), json);
  }

  /**
   * An empty 200.
   *
   * @return the response
   */
  public static WebhookResponse ok() {
    return new WebhookResponse(200, Headers.empty(), "");
  }

  /**
   * The body as UTF-8 bytes.
   *
   * @return the bytes
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
