package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboundTest {
  HttpServer app;
  final List<String> seen = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      synchronized (seen) {
        seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("X-Sig") + " "
            + new String(body, StandardCharsets.UTF_8));
      }
      byte[] out = "echo".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(202, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop(0);
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + app.getAddress().getPort());
  }

  @Test
  void postSendsTheHeadersAndBodyAndReturnsTheAnswer() {
    var answer = Outbound.post(URI.create(base() + "/hook"), Map.of("X-Sig", "s1"), "{}".getBytes(StandardCharsets.UTF_8),
        "cannot", "interrupted");

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("echo");
    assertThat(seen).containsExactly("POST /hook s1 {}");
  }

  @Test
  void getAddsTheParametersAfterAnyQuery() {
    assertThat(Outbound.get(URI.create(base() + "/crc"), "crc_token=t", "cannot", "interrupted").body()).isEqualTo("echo");
    Outbound.get(URI.create(base() + "/crc?app=1"), "crc_token=t", "cannot", "interrupted");

    assertThat(seen).containsExactly("GET /crc?crc_token=t null ", "GET /crc?app=1&crc_token=t null ");
  }

  @Test
  void anUnreachableEndpointFailsWithTheCallersMessage() throws IOException {
    URI gone;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      gone = URI.create("http://127.0.0.1:" + closed.getLocalPort());
    }

    assertThatThrownBy(() -> Outbound.get(gone, "x=1", "cannot run the check against " + gone, "interrupted"))
        .isInstanceOf(UncheckedIOException.class).hasMessage("cannot run the check against " + gone);
  }
}
