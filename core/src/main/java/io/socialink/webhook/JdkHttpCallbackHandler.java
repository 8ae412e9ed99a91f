package io.socialink.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.socialink.http.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mounts the callback intake on the JDK's built-in HTTP server ({@code com.sun.net.httpserver}):
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/callbacks", new JdkHttpCallbackHandler(socialink.callbacks()));
 * server.start();
 * }</pre>
 *
 * The path the intake sees is the request's path below the context's, with its query. A body longer
 * than {@link CallbackSettings#maxBodyBytes()} is answered 413 as soon as the limit is passed,
 * without reading the rest. Needs the {@code jdk.httpserver} module. Thread-safe.
 */
public final class JdkHttpCallbackHandler implements HttpHandler {
  private final Callbacks callbacks;

  /**
   * Creates the handler.
   *
   * @param callbacks the intake, from {@code Socialink.callbacks()}
   */
  public JdkHttpCallbackHandler(Callbacks callbacks) {
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String context = exchange.getHttpContext().getPath();
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith(context)) {
        path = path.substring(context.length());
      }
      if (!path.startsWith("/")) {
        path = "/" + path;
      }
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        path = path + "?" + query;
      }
      Headers headers = new Headers(Map.copyOf(exchange.getRequestHeaders()));
      int max = callbacks.settings().maxBodyBytes();
      byte[] body = readAtMost(exchange.getRequestBody(), max + 1);
      WebhookResponse answer = callbacks.handle(exchange.getRequestMethod(), path, headers, body);
      answer.headers().map().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
      byte[] out = answer.bodyBytes();
      boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
      exchange.sendResponseHeaders(answer.status(), out.length == 0 || head ? -1 : out.length);
      if (out.length > 0 && !head) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  /**
   * Reads a stream up to a number of bytes; the intake answers a body at its limit plus one byte 413.
   *
   * @param in the stream
   * @param limit how many bytes at most
   * @return the bytes read
   * @throws IOException if reading fails
   */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }
}
