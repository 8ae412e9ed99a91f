package io.socialink.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * What the loopback comparisons share: the stub server, the bare client's call (a bare
 * {@link HttpClient}, HTTP/1.1 and no redirects like Socialink's transport, parsing with Jackson), and
 * Socialink set up with the bench provider against the same stub.
 */
final class Loopback implements AutoCloseable {
  /** The access token both paths send. */
  static final String TOKEN = "benchmark-access-token";

  private final StubServer server;
  private final URI uri;
  private final HttpClient client;
  private final ObjectMapper mapper;

  Loopback() throws IOException {
    server = new StubServer();
    uri = server.uri();
    client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  URI uri() {
    return uri;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * The bare path: a GET with an Authorization header built for the call, then Jackson's parse.
   *
   * @return the profile
   */
  Profile bareCall() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN)
        .GET()
        .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    return mapper.readValue(response.body(), Profile.class);
  }

  /**
   * The bench provider's client of a Socialink set up for the stub.
   *
   * @param customize changes to the builder (a transport, an interceptor), or none
   * @return the client
   */
  BenchProvider.BenchClient socialink(UnaryOperator<Socialink.Builder> customize) {
    return socialink(new BenchProvider(uri), customize);
  }

  /**
   * A client of a Socialink set up for the stub with the given provider.
   *
   * @param provider the bench provider, full or skeleton
   * @param customize changes to the builder, or none
   * @return the client
   */
  BenchProvider.BenchClient socialink(BenchProvider provider, UnaryOperator<Socialink.Builder> customize) {
    Socialink.Builder builder = Socialink.builder()
        .register(provider)
        .credentials(AppCredentials.confidential(BenchProvider.ID, "oauth2", "bench-client", Secret.of("bench-secret"),
            URI.create("https://app.example/callback")));
    return customize.apply(builder).build().client(BenchProvider.BenchClient.class);
  }

  @Override
  public void close() {
    server.close();
  }
}
