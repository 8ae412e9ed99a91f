package io.socialink.testkit.internal.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.socialink.testkit.internal.HttpForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * An emulator's HTTP side: the JDK's built-in server on {@code 127.0.0.1} and a free port, a log of the
 * requests received (with the emulator clock's instant), fault switches applied before a request
 * reaches the platform (an error status, a slow answer, a connection dropped mid-answer), and a
 * browser's step through an authorization redirect. A handler that throws is answered with a plain
 * 500 naming the exception, so an emulator bug never looks like a dropped connection. The JDK server
 * sends headers and body in two segments, so a client that waits for delayed ACKs sees about 40 ms a
 * request unless the JVM runs with {@code -Dsun.net.httpserver.nodelay=true}. Thread-safe.
 */
public final class EmulatorServer implements AutoCloseable {
  /**
   * A request received.
   *
   * @param method the method
   * @param path the path, without the query
   * @param at when, by the emulator's clock
   */
  public record Recorded(String method, String path, Instant at) {}

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final Function<Call, Reply> handler;
  private final IntFunction<Reply> failure;
  private final List<Recorded> requests = new ArrayList<>();
  private final AtomicInteger failCount = new AtomicInteger();
  private volatile int failStatus = 503;
  private final AtomicInteger delayCount = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private final AtomicInteger resetCount = new AtomicInteger();
  private final URI base;

  /**
   * Starts a server.
   *
   * @param name the platform's name, for thread names and messages
   * @param clock the clock requests are logged by
   * @param handler the platform: answers every request that no fault intercepts
   * @param failure the platform's answer for an injected error status
   * @throws UncheckedIOException if the server cannot start
   */
  public EmulatorServer(String name, Clock clock, Function<Call, Reply> handler, IntFunction<Reply> failure) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.failure = Objects.requireNonNull(failure, "failure");
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + " emulator", e);
    }
    AtomicInteger n = new AtomicInteger();
    String threads = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-emulator-";
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, threads + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
    this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The origin.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI base() {
    return base;
  }

  /**
   * Answers the next requests with an error status in the platform's shape.
   *
   * @param count how many requests
   * @param status the status, 500-599
   */
  public void failNext(int count, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500-599; got " + status);
    }
    failStatus = status;
    failCount.set(Checks.count(count));
  }

  /**
   * Holds the next answers back for a while, to test timeouts.
   *
   * @param count how many requests
   * @param duration how long each waits
   */
  public void delayNext(int count, Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    delay = duration;
    delayCount.set(Checks.count(count));
  }

  /**
   * Drops the connection of the next requests in the middle of the answer.
   *
   * @param count how many requests
   */
  public void resetNext(int count) {
    resetCount.set(Checks.count(count));
  }

  /**
   * The requests received so far.
   *
   * @return the requests, oldest first
   */
  public List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * How many requests hit a method and path.
   *
   * @param method e.g. {@code POST}
   * @param path the path
   * @return the count
   */
  public long count(String method, String path) {
    return requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
  }

  /**
   * The requests received so far, each as the emulator front's own record.
   *
   * @param as makes a front's record from a request's method, path and instant
   * @param <R> the front's record
   * @return the requests, oldest first
   */
  public <R> List<R> requests(RequestView<R> as) {
    Objects.requireNonNull(as, "as");
    return requests().stream().map(r -> as.of(r.method(), r.path(), r.at())).toList();
  }

  /**
   * Makes an emulator front's record of a request.
   *
   * @param <R> the record
   */
  @FunctionalInterface
  public interface RequestView<R> {
    /**
     * Makes the record.
     *
     * @param method the method
     * @param path the path, without the query
     * @param at when, by the emulator's clock
     * @return the record
     */
    R of(String method, String path, Instant at);
  }

  /**
   * Plays the user's browser on an authorization page of this server: opens the URL without following
   * redirects and returns where the 302 points.
   *
   * @param authorizationUrl the URL
   * @param page the authorization page's URI, which the URL must start with
   * @return the redirect's target
   * @throws IllegalArgumentException if the URL is not on the page
   * @throws IllegalStateException if the page answers without redirecting; the message has its body
   */
  public URI followAuthorization(URI authorizationUrl, URI page) {
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    if (!authorizationUrl.toString().startsWith(page.toString())) {
      throw new IllegalArgumentException("the authorization URL does not point at this emulator's " + page);
    }
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(authorizationUrl).GET()
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 302) {
        throw new IllegalStateException("the " + name + " emulator refused the authorization (HTTP " + r.statusCode()
            + "): " + r.body());
      }
      return URI.create(r.headers().firstValue("location").orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the " + name + " emulator", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while consenting", e);
    }
  }

  /**
   * Plays the user's browser on an authorization page with one more query parameter, such as the
   * emulator's {@code emulator_consent=deny} or {@code emulator_user=<id>}.
   *
   * @param authorizationUrl the URL, which has a query already
   * @param page the authorization page's URI, which the URL must start with
   * @param name the parameter's name
   * @param value its value, encoded here
   * @return the redirect's target
   * @throws IllegalArgumentException if the URL is not on the page
   * @throws IllegalStateException if the page answers without redirecting; the message has its body
   */
  public URI followAuthorization(URI authorizationUrl, URI page, String name, String value) {
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    return followAuthorization(URI.create(authorizationUrl + "&" + name + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8)), page);
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = ex.getRequestURI().getRawPath();
      synchronized (requests) {
        requests.add(new Recorded(method, path, clock.instant()));
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (take(resetCount)) {
        // Promise a body and close before sending it: the server drops the connection mid-answer.
        ex.sendResponseHeaders(200, 1024);
        ex.getResponseBody().flush();
        return;
      }
      if (take(delayCount)) {
        try {
          Thread.sleep(delay.toMillis()); // real time on purpose: the client's timeout is what is tested
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Reply reply;
      if (take(failCount)) {
        reply = failure.apply(failStatus);
      } else {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        try {
          reply = handler.apply(new Call(method, path, HttpForms.parse(ex.getRequestURI().getRawQuery()), headers,
              body, Map.of()));
        } catch (RuntimeException e) {
          // A bug in the emulator, not the platform's behaviour: answer it plainly instead of dropping the connection.
          reply = Reply.text(500, "the " + name + " emulator failed on " + method + " " + path + ": " + e);
        }
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      byte[] out = reply.body();
      ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
