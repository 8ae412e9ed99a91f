package io.socialink.testkit.internal.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The requests an emulator makes to an application, as the platform would: a webhook or callback
 * POSTed to its URL, and a check (X's CRC, Meta's subscription handshake) sent to it as a GET, each
 * with a ten-second timeout on a new JDK client. Failures become unchecked exceptions with the
 * caller's message. Stateless.
 */
public final class Outbound {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Outbound() {}

  /**
   * POSTs a body.
   *
   * @param endpoint the application's URL
   * @param headers the headers to send
   * @param body the body
   * @param failure the message when the endpoint cannot be reached
   * @param interrupted the message when the thread is interrupted meanwhile
   * @return the endpoint's answer
   * @throws UncheckedIOException if the endpoint cannot be reached
   */
  public static HttpResponse<byte[]> post(URI endpoint, Map<String, String> headers, byte[] body, String failure,
      String interrupted) {
    Objects.requireNonNull(endpoint, "endpoint");
    HttpRequest.Builder r = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(r::header);
    return send(r.build(), HttpResponse.BodyHandlers.ofByteArray(), failure, interrupted);
  }

  /**
   * GETs a URL with parameters added to its query.
   *
   * @param endpoint the application's URL, with or without a query
   * @param query the parameters to add, already encoded ({@code a=1&b=2})
   * @param failure the message when the endpoint cannot be reached
   * @param interrupted the message when the thread is interrupted meanwhile
   * @return the endpoint's answer, its body as text
   * @throws UncheckedIOException if the endpoint cannot be reached
   */
  public static HttpResponse<String> get(URI endpoint, String query, String failure, String interrupted) {
    Objects.requireNonNull(endpoint, "endpoint");
    String sep = endpoint.getRawQuery() == null ? "?" : "&";
    HttpRequest r = HttpRequest.newBuilder(URI.create(endpoint + sep + query)).timeout(TIMEOUT).GET().build();
    return send(r, HttpResponse.BodyHandlers.ofString(), failure, interrupted);
  }

  private static <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> body, String failure,
      String interrupted) {
    try {
      return HttpClient.newHttpClient().send(r, body);
    } catch (IOException e) {
      throw new UncheckedIOException(failure, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted, e);
    }
  }
}
