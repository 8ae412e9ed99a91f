package io.socialink.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.ResponseTooLargeException;
import io.socialink.http.TransportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies streamed to a file ({@link ApiRequest#bodyTarget()}), against a loopback server. */
class JdkTransportStreamingTest {
  static final int MIB = 1024 * 1024;

  HttpServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/zip", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/zip");
      exchange.sendResponseHeaders(200, 0); // chunked
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 8 * MIB / chunk.length; i++) {
          java.util.Arrays.fill(chunk, (byte) i);
          out.write(chunk);
        }
      }
    });
    server.createContext("/json", exchange -> {
      byte[] body = "{\"error\":{\"code\":\"scope_not_authorized\"}}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/missing", exchange -> {
      byte[] body = "not here".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/zip");
      exchange.sendResponseHeaders(404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  JdkTransport transport() {
    return new JdkTransport(TransportOptions.ofDefaults().withMaxResponseBytes(MIB));
  }

  @Test
  void aSuccessfulBodyLargerThanTheLimitIsStreamedToTheFileAndAnsweredEmpty() throws Exception {
    Path file = dir.resolve("export.zip");
    Files.write(file, new byte[9 * MIB]); // a longer old file is truncated

    ApiResponse response = transport().send(ApiRequest.newBuilder(HttpMethod.POST, uri("/zip")).streamBodyTo(file)
        .build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(Files.size(file)).isEqualTo(8L * MIB);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 8 * MIB / chunk.length; i++) {
        assertThat(in.readNBytes(chunk, 0, chunk.length)).isEqualTo(chunk.length);
        assertThat(chunk[0]).isEqualTo((byte) i);
        assertThat(chunk[chunk.length - 1]).isEqualTo((byte) i);
      }
    }
  }

  @Test
  void withoutAFileTheSameBodyIsRefusedAtTheLimit() {
    assertThatThrownBy(() -> transport().send(ApiRequest.newBuilder(HttpMethod.POST, uri("/zip")).build()))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void aJsonBodyStaysInMemoryForTheInterpreterEvenWithA200() throws Exception {
    Path file = dir.resolve("export.zip");

    ApiResponse response = transport().send(ApiRequest.newBuilder(HttpMethod.POST, uri("/json")).streamBodyTo(file)
        .build());

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("scope_not_authorized");
    assertThat(file).doesNotExist();
  }

  @Test
  void aFailuresBodyStaysInMemory() throws Exception {
    Path file = dir.resolve("export.zip");

    ApiResponse response = transport().send(ApiRequest.newBuilder(HttpMethod.POST, uri("/missing")).streamBodyTo(file)
        .build());

    assertThat(response.status()).isEqualTo(404);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("not here");
    assertThat(file).doesNotExist();
  }

  @Test
  void theTargetSurvivesToBuilderAndIsAbsentByDefault() {
    Path file = dir.resolve("x");
    ApiRequest with = ApiRequest.newBuilder(HttpMethod.POST, uri("/zip")).streamBodyTo(file).build();

    assertThat(with.toBuilder().build().bodyTarget()).contains(file);
    assertThat(ApiRequest.newBuilder(HttpMethod.POST, uri("/zip")).build().bodyTarget()).isEmpty();
  }
}
