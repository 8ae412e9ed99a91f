package io.socialink.testkit.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.socialink.testkit.TestClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X emulator's webhooks: the user's revocation as a signed oauth.revoke delivery, and the CRC check. */
class XEmulatorWebhookTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  XEmulator x;
  EmulatorHttp h;
  HttpServer app;
  final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  volatile String crcAnswerKey = XEmulator.CONSUMER_SECRET;

  @BeforeEach
  void start() throws IOException {
    x = XEmulator.builder().clock(clock).start();
    h = new EmulatorHttp(x);
    app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext("/hooks/x", exchange -> {
      try (exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        byte[] out = new byte[0];
        if (query != null && query.startsWith("crc_token=")) {
          out = ("{\"response_token\":\"sha256=" + hmac(crcAnswerKey, query.substring("crc_token=".length())
              .getBytes(StandardCharsets.UTF_8)) + "\"}").getBytes(StandardCharsets.UTF_8);
        } else {
          received.add(Map.of("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
              "signature", exchange.getRequestHeaders().getFirst("x-twitter-webhooks-signature")));
        }
        exchange.sendResponseHeaders(200, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
          exchange.getResponseBody().write(out);
        }
      }
    });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop(0);
    x.close();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/hooks/x");
  }

  static String hmac(String key, byte[] message) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(m.doFinal(message));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void revokingTheAppKillsTheUsersTokensAndSendsASignedOauthRevoke() throws Exception {
    JsonNode tokens = h.tokens(XEmulatorTest.ALL);
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");
    String access = tokens.get("access_token").asText();
    assertThat(h.get(me, "Authorization", "Bearer " + access).statusCode()).isEqualTo(200);

    XEmulator.WebhookDelivery d = x.revokeApp(XEmulator.DEFAULT_USER.id());

    assertThat(h.get(me, "Authorization", "Bearer " + access).statusCode()).isEqualTo(401);
    JsonNode event = EmulatorHttp.JSON.readTree(d.body());
    assertThat(event.at("/data/event_type").asText()).isEqualTo("oauth.revoke");
    assertThat(event.at("/data/payload/user_id").asText()).isEqualTo(XEmulator.DEFAULT_USER.id());
    assertThat(event.at("/data/payload/date_time").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(EmulatorHttp.shape(event)).isEqualTo(EmulatorHttp.shape(EmulatorHttp.payload(XPayloads.WEBHOOK_OAUTH_REVOKE)));
    assertThat(d.signature()).isEqualTo("sha256=" + hmac(XEmulator.CONSUMER_SECRET, d.body()));
    assertThat(x.revokeApp(XEmulator.DEFAULT_USER.id()).body()).as("each event has its own uuid").isNotEqualTo(d.body());

    assertThat(d.deliverTo(endpoint())).isEqualTo(200);
    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r.get("body")).isEqualTo(new String(d.body(), StandardCharsets.UTF_8));
      assertThat(r.get("signature")).isEqualTo(d.signature());
    });
    assertThat(d.toString()).doesNotContain(d.signature());
  }

  @Test
  void theCrcCheckPassesOnlyForAnAnswerMadeWithTheConsumerSecret() {
    assertThat(x.crc(endpoint())).isTrue();
    crcAnswerKey = "some-other-secret";
    assertThat(x.crc(endpoint())).isFalse();
  }
}
