package io.socialink.jdbc;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback token endpoint with single-use refresh tokens, as X's: {@code POST /token} with body
 * {@code refresh_token=refresh-N} answers {@code access-(N+1) refresh-(N+1)} when N is the current
 * generation and 400 otherwise. It counts refresh requests. Each answer waits, at most
 * {@code overlapMillis}, for a second request, so that refreshes from two processes overlap at the
 * server whenever two are sent.
 */
final class StubTokenServer implements AutoCloseable {
  final AtomicInteger refreshRequests = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private final HttpServer server;
  private final CountDownLatch second = new CountDownLatch(2);
  private int generation;

  StubTokenServer(long overlapMillis) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/token", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      refreshRequests.incrementAndGet();
      second.countDown();
      try {
        second.await(overlapMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String answer;
      int status;
      synchronized (this) {
        if (body.equals("refresh_token=refresh-" + generation)) {
          generation++;
          status = 200;
          answer = "access-" + generation + " refresh-" + generation;
        } else {
          refused.incrementAndGet();
          status = 400;
          answer = "invalid_request";
        }
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
