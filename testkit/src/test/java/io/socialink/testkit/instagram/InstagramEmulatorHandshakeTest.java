package io.socialink.testkit.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meta's webhook subscription handshake, run by the emulator against an application's URL. */
class InstagramEmulatorHandshakeTest {
  InstagramEmulator ig;
  HttpServer app;
  volatile String seenQuery = "";

  @BeforeEach
  void start() throws IOException {
    ig = InstagramEmulator.start();
    app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext("/hooks/instagram", exchange -> {
      try (exchange) {
        seenQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> q = new HashMap<>();
        for (String pair : seenQuery.split("&")) {
          int eq = pair.indexOf('=');
          q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        boolean ok = "subscribe".equals(q.get("hub.mode")) && "my token".equals(q.get("hub.verify_token"));
        byte[] out = (ok ? q.get("hub.challenge") : "no").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(ok ? 200 : 403, out.length);
        exchange.getResponseBody().write(out);
      }
    });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop(0);
    ig.close();
  }

  @Test
  void theHandshakePassesOnlyWhenTheEndpointEchoesTheChallengeForTheToken() {
    URI endpoint = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/hooks/instagram?app=1");

    assertThat(ig.verifyWebhookSubscription(endpoint, "my token")).isTrue();
    assertThat(seenQuery).startsWith("app=1&hub.mode=subscribe&hub.challenge=").endsWith("&hub.verify_token=my+token");
    assertThat(ig.verifyWebhookSubscription(endpoint, "another")).isFalse();
  }
}
