package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.error.ConfigurationException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.TestClock;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Meta's deauthorize and data-deletion {@code signed_request} callbacks, the webhook handshake and
 * {@code X-Hub-Signature-256} deliveries: genuine ones become events; forged, stale and malformed ones
 * become {@link WebhookRejectedException}s.
 */
class InstagramCallbackTest {
  static final String VERIFY_TOKEN = "meatyhamhock";
  static final String META_SECRET = "planted-meta-app-secret-77e0";
  /** The documented payload's issued_at. */
  static final Instant ISSUED = Instant.ofEpochSecond(1291836800);

  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final TestClock clock = TestClock.at(ISSUED.plusSeconds(60));
  final Socialink s = InstagramWireMock.socialink(InstagramWireMock.provider(wm), clock,
      new InstagramWireMock.RecordingSleeper(), InstagramWireMock.credentials()
          .withSecret(InstagramProvider.WEBHOOK_VERIFY_TOKEN, Secret.of(VERIFY_TOKEN))
          .withSecret(InstagramProvider.META_APP_SECRET, Secret.of(META_SECRET)));
  final InstagramClient ig = s.client(InstagramClient.class);
  final WebhookVerifier verifier = ig.webhooks().orElseThrow();

  static byte[] hmac(String key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String signed(String key, String payloadJson) {
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, payload.getBytes(StandardCharsets.US_ASCII)));
    return sig + "." + payload;
  }

  static WebhookRequest form(String signedRequest, Map<String, String> query) {
    return new WebhookRequest(HttpMethod.POST, query, Headers.of("Content-Type", "application/x-www-form-urlencoded"),
        ("signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
  }

  static String documentedPayload() {
    return InstagramWireMock.text("callbacks/signed-request-payload.json").strip();
  }

  @Test
  void theDocumentedDeauthorizePayloadSignedWithTheInstagramAppSecretIsADeauthorization() {
    WebhookRequest r = form(signed(InstagramWireMock.APP_SECRET, documentedPayload()), Map.of());
    List<WebhookEvent> events = verifier.verify(r);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(WebhookEvent.Type.DEAUTHORIZED);
      assertThat(e.userId()).contains("218471");
      assertThat(e.occurredAt()).contains(ISSUED);
      assertThat(e.deliveryId()).startsWith("signed_request:");
    });
    InstagramSignedRequest sr = ig.callback(r, InstagramSignedRequest.Kind.DEAUTHORIZE);
    assertThat(sr.expires()).contains(Instant.ofEpochSecond(1291840400));
    assertThat(sr.kind()).isEqualTo(InstagramSignedRequest.Kind.DEAUTHORIZE);
  }

  @Test
  void theDataDeletionUrlGivesADeletionRequestAndTheReplyIsMetasJson() {
    WebhookRequest r = form(signed(InstagramWireMock.APP_SECRET,
        "{\"algorithm\":\"hmac-sha256\",\"issued_at\":1291836800,\"user_id\":27640875392278831}"),
        Map.of("callback", "data-deletion"));
    assertThat(verifier.verify(r)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(WebhookEvent.Type.DATA_DELETION_REQUESTED);
      assertThat(e.userId()).contains("27640875392278831");
    });
    WebhookResponse reply = InstagramClient.dataDeletionReply(URI.create("https://www.<your_website>.com/deletion?id=abc123"
        .replace("<your_website>", "example")), "abc123");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers().first("Content-Type")).contains("application/json");
    String documented = InstagramWireMock.text("callbacks/data-deletion-reply.json").strip().replace("<your_website>", "example");
    assertThat(reply.body()).isEqualTo(documented);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstagramClient.dataDeletionReply(
        URI.create("http://e.example/"), "abc")).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstagramClient.dataDeletionReply(
        URI.create("https://e.example/"), "a\"b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forgedStaleAndMalformedSignedRequestsAreRejected() {
    assertRejected(form(signed("wrong-secret", documentedPayload()), Map.of()), "signature does not match");
    assertRejected(form(signed(META_SECRET, documentedPayload()), Map.of()), "signature does not match");
    assertRejected(form(signed(InstagramWireMock.APP_SECRET, documentedPayload().replace("HMAC-SHA256", "none")),
        Map.of()), "algorithm");
    assertRejected(form(signed(InstagramWireMock.APP_SECRET, documentedPayload().replace(",\"user_id\":\"218471\"", "")),
        Map.of()), "no user_id");
    assertRejected(form(signed(InstagramWireMock.APP_SECRET, "[1,2]"), Map.of()), "not a JSON object");
    assertRejected(form(signed(InstagramWireMock.APP_SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1\"}"),
        Map.of()), "no issued_at");
    assertRejected(form("no-dot-here", Map.of()), "<signature>.<payload>");
    assertRejected(form("!!!.###", Map.of()), "base64url");
    String genuine = signed(InstagramWireMock.APP_SECRET, documentedPayload());
    String tampered = genuine.substring(0, genuine.indexOf('.') + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(documentedPayload().replace("218471", "999999")
            .getBytes(StandardCharsets.UTF_8));
    assertRejected(form(tampered, Map.of()), "signature does not match");
    clock.advance(Duration.ofMinutes(16));
    assertRejected(form(genuine, Map.of()), "stale or replayed");
    WebhookRejectedException none = catchThrowableOfType(WebhookRejectedException.class, () -> ig.callback(
        new WebhookRequest(HttpMethod.POST, Map.of(), Headers.empty(), new byte[0]), InstagramSignedRequest.Kind.DATA_DELETION));
    assertThat(none.getMessage()).contains("no signed_request");
  }

  @Test
  void theHandshakeEchoesTheChallengeOnlyForTheConfiguredVerifyToken() {
    Map<String, String> q = InstagramWireMock.query(InstagramWireMock.text("webhooks/verification-query.txt").strip());
    WebhookResponse r = verifier.challenge(new WebhookRequest(HttpMethod.GET, q, Headers.empty(), new byte[0])).orElseThrow();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("1158201444");
    assertThat(r.headers().first("Content-Type")).contains("text/plain");
    assertRejectedChallenge(Map.of("hub.mode", "subscribe", "hub.verify_token", "nope", "hub.challenge", "1"),
        "does not match");
    assertRejectedChallenge(Map.of("hub.mode", "unsubscribe", "hub.verify_token", VERIFY_TOKEN, "hub.challenge", "1"),
        "not 'subscribe'");
    assertRejectedChallenge(Map.of("hub.mode", "subscribe", "hub.verify_token", VERIFY_TOKEN, "hub.challenge", "<b>"),
        "not a number");
    assertThat(verifier.challenge(new WebhookRequest(HttpMethod.GET, Map.of(), Headers.empty(), new byte[0]))).isEmpty();
    Socialink noToken = InstagramWireMock.socialink(InstagramWireMock.provider(wm), clock,
        new InstagramWireMock.RecordingSleeper(), InstagramWireMock.credentials());
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> noToken.client(InstagramClient.class)
        .webhooks().orElseThrow().challenge(new WebhookRequest(HttpMethod.GET, q, Headers.empty(), new byte[0])));
    assertThat(e.remediation()).contains(InstagramProvider.WEBHOOK_VERIFY_TOKEN);
  }

  @Test
  void aDeliverySignedOverTheRawBytesWithEitherSecretGivesOneEventPerEntry() {
    byte[] body = InstagramWireMock.text("webhooks/comments-delivery.json").getBytes(StandardCharsets.UTF_8);
    for (String key : List.of(InstagramWireMock.APP_SECRET, META_SECRET)) {
      List<WebhookEvent> events = verifier.verify(delivery(body, "sha256=" + HexFormat.of().formatHex(hmac(key, body))));
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(WebhookEvent.Type.OTHER);
        assertThat(e.userId()).contains(InstagramWireMock.IG_ID);
        assertThat(e.occurredAt()).contains(Instant.ofEpochSecond(1767268800));
      });
    }
  }

  @Test
  void forgedUnsignedAndMalformedDeliveriesAreRejected() {
    byte[] body = InstagramWireMock.text("webhooks/comments-delivery.json").getBytes(StandardCharsets.UTF_8);
    String good = "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET, body));
    byte[] reserialized = new String(body, StandardCharsets.UTF_8).replace("äöå", "\\u00e4\\u00f6\\u00e5")
        .getBytes(StandardCharsets.UTF_8);
    assertRejected(delivery(reserialized, good), "does not match the raw body");
    assertRejected(delivery(body, "sha256=" + HexFormat.of().formatHex(hmac("forged", body))), "does not match");
    assertRejected(delivery(body, "sha1=abc"), "sha256=<hex>");
    assertRejected(delivery(body, "sha256=zz"), "not hexadecimal");
    assertRejected(new WebhookRequest(HttpMethod.POST, Map.of(), Headers.empty(), body), "no X-Hub-Signature-256");
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    assertRejected(delivery(notJson, "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET, notJson))),
        "not a JSON object");
    byte[] noEntry = "{\"object\":\"instagram\"}".getBytes(StandardCharsets.UTF_8);
    assertRejected(delivery(noEntry, "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET, noEntry))),
        "no entry list");
    byte[] badEntry = "{\"entry\":[1]}".getBytes(StandardCharsets.UTF_8);
    assertRejected(delivery(badEntry, "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET, badEntry))),
        "not an object");
  }

  @Test
  void aJsonDeliveryMentioningSignedRequestIsStillADelivery() {
    byte[] body = "{\"entry\":[],\"note\":\"a&signed_request=x\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.verify(delivery(body, "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET,
        body))))).isEmpty();
  }

  /** Seeded mutations of genuine callbacks and deliveries: each is accepted or rejected, never a crash. */
  @Test
  void mutatedCallbacksAndDeliveriesAreRejectedOrAcceptedButNeverCrash() {
    java.util.Random random = new java.util.Random(20261130L);
    byte[] delivery = InstagramWireMock.text("webhooks/comments-delivery.json").getBytes(StandardCharsets.UTF_8);
    String signedRequest = signed(InstagramWireMock.APP_SECRET, documentedPayload());
    int rejected = 0;
    for (int i = 0; i < 400; i++) {
      byte[] body = (i % 2 == 0 ? delivery : ("signed_request=" + signedRequest).getBytes(StandardCharsets.US_ASCII)).clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
      }
      WebhookRequest r = new WebhookRequest(HttpMethod.POST, Map.of(), Headers.of("X-Hub-Signature-256",
          "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET, body))), body);
      try {
        verifier.verify(r);
      } catch (WebhookRejectedException expected) {
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
  }

  static WebhookRequest delivery(byte[] body, String signature) {
    return new WebhookRequest(HttpMethod.POST, Map.of(), Headers.of("X-Hub-Signature-256", signature,
        "Content-Type", "application/json"), body);
  }

  void assertRejected(WebhookRequest r, String why) {
    WebhookRejectedException e = catchThrowableOfType(WebhookRejectedException.class, () -> verifier.verify(r));
    assertThat(e).as(why).isNotNull();
    assertThat(e.getMessage()).contains(why).doesNotContain(InstagramWireMock.APP_SECRET).doesNotContain(META_SECRET);
  }

  void assertRejectedChallenge(Map<String, String> q, String why) {
    WebhookRejectedException e = catchThrowableOfType(WebhookRejectedException.class,
        () -> verifier.challenge(new WebhookRequest(HttpMethod.GET, q, Headers.empty(), new byte[0])));
    assertThat(e).as(why).isNotNull();
    assertThat(e.getMessage()).contains(why).doesNotContain(VERIFY_TOKEN);
  }
}
