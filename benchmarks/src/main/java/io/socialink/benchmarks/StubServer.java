package io.socialink.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback HTTP server (the JDK's) answering {@code GET /2/users/me} with a fixed JSON body and
 * X-style rate-limit headers that never run out.
 */
final class StubServer implements AutoCloseable {
  static final byte[] BODY = ("{\"id\":\"2244994945\",\"name\":\"Socialink Developers\",\"username\":\"socialinkdev\","
      + "\"created_at\":\"2013-12-14T04:35:55.000Z\",\"description\":\"Link, use and unlink social accounts.\","
      + "\"verified\":true,\"followers_count\":583423,\"following_count\":2048,\"tweet_count\":14052,"
      + "\"listed_count\":1672,\"location\":\"Internet\",\"protected\":false}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  StubServer() throws IOException {
    // Without TCP_NODELAY the server's separate header and body writes meet Nagle's algorithm and
    // delayed ACKs: about 40 ms of pure waiting per call. Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    // The default executor answers on the server's dispatcher thread: the fewest thread hand-offs.
    server.setExecutor(null);
    server.createContext("/2/users/me", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.getResponseHeaders().add("x-rate-limit-limit", "1000000000");
      exchange.getResponseHeaders().add("x-rate-limit-remaining", "999999999");
      exchange.getResponseHeaders().add("x-rate-limit-reset", "4102444800");
      exchange.sendResponseHeaders(200, BODY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(BODY);
      }
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
        + "/2/users/me");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
