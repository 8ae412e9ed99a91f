package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.fuzz.Fuzz;
import io.socialink.fuzz.Mutator;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.x.XPayloads;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRequest;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing of every parser X's provider exposes to what X (or anyone) sends. */
class XFuzzTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant LATEST = NOW.plus(Duration.ofDays(1));
  static final PlatformRegistry REGISTRY = PlatformRegistry.builder().register(new XProvider()).build();

  /** Classifies as Socialink does, at {@code NOW}, with no transport behind it. */
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(REGISTRY, NOW);
  static final List<String> RATE_HEADERS = List.of("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset",
      "x-app-limit-24hour-limit", "x-app-limit-24hour-remaining", "x-app-limit-24hour-reset",
      "x-user-limit-24hour-limit", "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset", "retry-after",
      "x-transaction-id");
  static final String CONSUMER_SECRET = "fuzz-consumer-secret";

  /** The public classify path; the one place to re-point if it moves. */
  static Optional<Classification> classify(int status, Map<String, List<String>> headers, byte[] body) {
    return CLASSIFIER.platforms().classify("x", status, headers, body);
  }

  record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  static Answer answer(Mutator m) {
    int status = m.chance(0.7) ? m.pick(List.of(200, 201, 400, 401, 403, 429, 500, 503)) : m.between(100, 599);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : RATE_HEADERS) {
      if (m.chance(0.4)) {
        headers.put(name, List.of(m.chance(0.6) ? m.headerValue() : m.mutate(m.pick("0", "75", "1772360000"))));
      }
    }
    return new Answer(status, headers, m.mutate(XPayloads.bytes(m.pick(XPayloads.names()))));
  }

  @Test
  void responses() {
    Fuzz.run("x classify", 1_500, t -> false, XFuzzTest::answer, a -> {
      Optional<Classification> c = classify(a.status(), a.headers(), a.body());
      c.ifPresent(v -> {
        v.retryAt().ifPresent(at -> assertThat(at).isBeforeOrEqualTo(LATEST));
        Fuzz.assertOneLine("message", v.message(), 1_000);
        v.platformCode().ifPresent(code -> Fuzz.assertOneLine("platform code", code, 101));
        v.requestId().ifPresent(id -> Fuzz.assertOneLine("request id", id, DefaultErrorClassifier.MAX_REQUEST_ID_LENGTH + 1));
        Fuzz.assertOneLine("remediation", v.remediation(), 1_000);
      });
      new XResponseInterpreter(MapJson.INSTANCE)
          .rateLimits("users.me", new ApiResponse(a.status(), new Headers(a.headers()), a.body()), NOW)
          .forEach(o -> assertThat(o.resetAt()).isBeforeOrEqualTo(LATEST));
    });
  }

  @Test
  void tokenResponses() {
    AppCredentials credentials = AppCredentials.confidential("x", "oauth2", "client-1", Secret.of("client-secret"),
        URI.create("https://app.example/callback"));
    CodeExchange exchange = new CodeExchange(Secret.of("code-1"), URI.create("https://app.example/callback"),
        Pkce.s256(Secret.of("v".repeat(43))));
    Fuzz.run("x token response", 1_500, Fuzz.DOCUMENTED,
        m -> new ApiResponse(200, Headers.empty(), m.mutate(XPayloads.bytes(
            m.pick(XPayloads.TOKEN, XPayloads.TOKEN_WITHOUT_OFFLINE_ACCESS)))),
        response -> {
          XOAuth oauth = new XOAuth(XEndpoints.defaults(), credentials,
              new XCalls(call -> response, "client-1"), MapJson.INSTANCE);
          oauth.exchange(exchange).expiresIn().ifPresent(d -> assertThat(d.isNegative()).isFalse());
        });
  }

  record Delivery(WebhookRequest request, boolean crc) {}

  static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(CONSUMER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  static Delivery delivery(Mutator m) {
    try {
      if (m.chance(0.15)) {
        return new Delivery(new WebhookRequest(HttpMethod.GET, Map.of("crc_token", m.mutate("dGVzdA")), Headers.empty(),
            new byte[0]), true);
      }
      byte[] body = m.mutate(XPayloads.bytes(m.pick(XPayloads.WEBHOOK_OAUTH_REVOKE, XPayloads.WEBHOOK_USER_EVENT_REVOKE)));
      String signature = m.chance(0.8) ? sign(body) : m.mutate(sign(body));
      return new Delivery(new WebhookRequest(HttpMethod.POST, Map.of(),
          Headers.of("x-twitter-webhooks-signature", signature), body), false);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void signedWebhookDeliveries() {
    XWebhookVerifier verifier = new XWebhookVerifier(Optional.of(Secret.of(CONSUMER_SECRET)), MapJson.INSTANCE);
    Fuzz.run("x webhook", 1_500, Fuzz.DOCUMENTED, XFuzzTest::delivery, d -> {
      if (d.crc()) {
        verifier.challenge(d.request());
        return;
      }
      for (WebhookEvent e : verifier.verify(d.request())) {
        assertThat(e.deliveryId()).isNotBlank();
      }
    });
  }
}
