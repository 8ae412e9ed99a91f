package io.socialink.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform with single-use refresh tokens behind a loopback token endpoint that counts refresh
 * requests and answers each after {@code latency}, as a real platform would take a while.
 */
final class StormPlatform implements PlatformProvider, AutoCloseable {
  static final String ID = "storm";
  static final AppCredentials CREDENTIALS = AppCredentials.publicClient(ID, "oauth2", "storm-client",
      URI.create("https://app.example/callback"));

  final AtomicInteger refreshRequests = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  StormPlatform(Duration latency) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/token", exchange -> {
      String presented = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      refreshRequests.incrementAndGet();
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String answer;
      int status;
      if (valid.remove(presented)) {
        String next = mint();
        status = 200;
        answer = "at-" + UUID.randomUUID() + " " + next;
      } else {
        refused.incrementAndGet();
        status = 400;
        answer = "invalid_request";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** A new refresh token the endpoint accepts once. */
  String mint() {
    String token = "rt-" + UUID.randomUUID();
    valid.add(token);
    return token;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public Platform platform() {
    return Platform.of(ID, "Storm", Set.of(Capability.PROFILE, Capability.TOKEN_REFRESH));
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(new AuthorizationScheme("oauth2", "Storm OAuth", List.of("read"), "benchmark"));
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return ResponseInterpreter.generic();
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    return new PlatformClient() {
      @Override
      public AppCredentials credentials() {
        return context.credentials();
      }

      @Override
      public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create("https://storm.example/authorize");
      }

      @Override
      public TokenResponse exchangeCode(CodeExchange exchange) {
        throw new UnsupportedOperationException("the benchmark stores its grants directly");
      }

      @Override
      public TokenResponse refresh(Grant grant) {
        HttpResponse<String> r;
        try {
          r = http.send(HttpRequest.newBuilder(endpoint)
              .POST(HttpRequest.BodyPublishers.ofString(grant.refreshToken().orElseThrow().reveal())).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          throw Classification.of(ErrorCategory.TRANSIENT, ID, 0, "token endpoint unreachable").toException();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Classification.of(ErrorCategory.TRANSIENT, ID, 0, "interrupted").toException();
        }
        if (r.statusCode() != 200) {
          throw Classification.of(ErrorCategory.AUTH_REVOKED, ID, 400, "refresh token refused").toException();
        }
        String[] tokens = r.body().split(" ");
        return new TokenResponse(Secret.of(tokens[0]), Optional.of(Secret.of(tokens[1])),
            Optional.of(Duration.ofHours(2)), Optional.empty(), Optional.of(Set.of("read")), "bearer", Optional.empty());
      }

      @Override
      public Revocation revoke(Grant grant) {
        return Revocation.REVOKED;
      }

      @Override
      public Account profile(Grant grant) {
        return Account.of(ID, "u-1");
      }
    };
  }
}
