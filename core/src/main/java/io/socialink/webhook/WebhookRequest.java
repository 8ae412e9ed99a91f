package io.socialink.webhook;

import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook or callback delivery as it reached the application, whatever web framework received it.
 * The body is the raw bytes: signatures are computed over them, so never re-serialise it.
 *
 * @param method the HTTP method
 * @param query the decoded query parameters
 * @param headers the headers
 * @param body the raw body (copied)
 */
public record WebhookRequest(HttpMethod method, Map<String, String> query, Headers headers, byte[] body) {
  /** Validates and copies the components. */
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    query = Map.copyOf(Objects.requireNonNull(query, "query"));
    Objects.requireNonNull(headers, "headers");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * A copy of the raw body.
   *
   * @return the body
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Describes the delivery without its content. */
  @Override
  public String toString() {
    return "WebhookRequest[" + method + ", query=" + query.keySet() + ", " + headers + ", bodyBytes=" + body.length + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookRequest w && w.method == method && w.query.equals(query) && w.headers.equals(headers)
        && java.util.Arrays.equals(w.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, query, headers, java.util.Arrays.hashCode(body));
  }
}
