package io.socialink.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake mounted on the JDK's HTTP server, called over loopback. */
class JdkHttpCallbackHandlerTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String SECRET = "hook-secret-for-the-jdk-test";

  final MutableClock clock = new MutableClock(NOW);
  final Stores stores = Stores.inMemory();
  final HttpClient http = HttpClient.newHttpClient();
  HttpServer server;
  URI base;

  @BeforeEach
  void start() throws IOException {
    Socialink socialink = Socialink.builder()
        .register(new HookProvider("fake"))
        .credentials(AppCredentials.confidential("fake", "oauth2", "fake-client", Secret.of(SECRET),
            URI.create("https://app.example/cb")).withSecret("verify_token", Secret.of("vt")))
        .stores(stores).clock(clock)
        .callbacks(CallbackSettings.ofDefaults().withMaxBodyBytes(1024))
        .build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/callbacks", new JdkHttpCallbackHandler(socialink.callbacks()));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedDeliveryRevokesTheLinkAndTheRouteIsBelowTheContext() throws Exception {
    Grant g = stores.grants().save(new Grant("g-1", "owner-1", Account.of("fake", "u-1"), "oauth2", "fake-client",
        Secret.of("at"), Optional.empty(), Set.of(), "bearer", NOW, Optional.empty(), Optional.empty(), 0));
    Link l = stores.links().save(Link.create("l-1", "owner-1", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(g.account()), List.of(g.id()), clock));
    byte[] body = "event=deauthorized\nuser=u-1".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/fake"))
        .header(HookProvider.HEADER, HookProvider.sign(SECRET, NOW.getEpochSecond(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(stores.links().find("owner-1", l.id()).orElseThrow().state()).isEqualTo(LinkState.REVOKED);
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/other")).POST(HttpRequest.BodyPublishers.ofByteArray(body)))
        .statusCode()).isEqualTo(404);
  }

  @Test
  void aHandshakeIsAnsweredWithTheQueryRead() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/fake?challenge=42&token=vt")).GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"challenge\":\"42\"}");
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(base + "/fake?challenge=42&token=x")).GET());
    assertThat(wrong.statusCode()).isEqualTo(403);
  }

  @Test
  void anOversizedBodyIs413WithoutReadingItAll() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /callbacks/fake HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[4096]);
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
  }

  @Test
  void anotherMethodIs405WithAllow() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/fake"))
        .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("GET, POST");
  }
}
