package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Secret;
import io.socialink.error.ConfigurationException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.x.XPayloads;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** X's CRC, delivery signatures and revocation events (fact sheet §9). */
class XWebhookVerifierTest {
  static final String CONSUMER_SECRET = "planted-consumer-secret-9a7e";
  final XWebhookVerifier verifier = new XWebhookVerifier(Optional.of(Secret.of(CONSUMER_SECRET)), MapJson.INSTANCE);

  static String sign(byte[] message) throws Exception {
    Mac m = Mac.getInstance("HmacSHA256");
    m.init(new SecretKeySpec(CONSUMER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + Base64.getEncoder().encodeToString(m.doFinal(message));
  }

  static WebhookRequest delivery(byte[] body, String signature) {
    return new WebhookRequest(HttpMethod.POST, Map.of(), Headers.of("X-Twitter-Webhooks-Signature", signature), body);
  }

  @Test
  void crcAnswersWithTheHmacOfTheToken() throws Exception {
    WebhookRequest crc = new WebhookRequest(HttpMethod.GET, Map.of("crc_token", "challenge-123"), Headers.empty(), new byte[0]);

    WebhookResponse r = verifier.challenge(crc).orElseThrow();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().first("content-type")).contains("application/json");
    assertThat(r.body()).isEqualTo("{\"response_token\":\"" + sign("challenge-123".getBytes(StandardCharsets.UTF_8)) + "\"}");
    assertThat(r.body()).doesNotContain(CONSUMER_SECRET);
  }

  @Test
  void aPostIsNotAChallenge() {
    assertThat(verifier.challenge(delivery(new byte[0], "sha256=x"))).isEmpty();
    assertThat(verifier.challenge(new WebhookRequest(HttpMethod.GET, Map.of(), Headers.empty(), new byte[0]))).isEmpty();
    assertThatThrownBy(() -> verifier.challenge(new WebhookRequest(HttpMethod.GET, Map.of("crc_token", ""),
        Headers.empty(), new byte[0]))).isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void anXActivityOauthRevokeIsADeauthorization() throws Exception {
    byte[] body = XPayloads.bytes(XPayloads.WEBHOOK_OAUTH_REVOKE);

    List<WebhookEvent> events = verifier.verify(delivery(body, sign(body)));

    assertThat(events).containsExactly(new WebhookEvent("x", WebhookEvent.Type.DEAUTHORIZED, "5934540941047412905",
        Optional.of("1111111111111111111"), Optional.of(Instant.parse("2026-07-23T21:44:05Z"))));
  }

  @Test
  void anAccountActivityRevokeIsADeauthorizationWithAStableDeliveryId() throws Exception {
    byte[] body = XPayloads.bytes(XPayloads.WEBHOOK_USER_EVENT_REVOKE);

    WebhookEvent e = verifier.verify(delivery(body, sign(body))).get(0);

    assertThat(e.type()).isEqualTo(WebhookEvent.Type.DEAUTHORIZED);
    assertThat(e.userId()).contains("63046977");
    assertThat(e.occurredAt()).contains(Instant.parse("2018-05-24T09:48:12Z"));
    assertThat(verifier.verify(delivery(body, sign(body))).get(0).deliveryId()).isEqualTo(e.deliveryId());
  }

  @Test
  void otherEventsPassAsOther() throws Exception {
    byte[] body = "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[]}".getBytes(StandardCharsets.UTF_8);

    WebhookEvent e = verifier.verify(delivery(body, sign(body))).get(0);

    assertThat(e.type()).isEqualTo(WebhookEvent.Type.OTHER);
    assertThat(e.userId()).contains("2244994945");
  }

  @Test
  void badSignaturesAreRejected() throws Exception {
    byte[] body = XPayloads.bytes(XPayloads.WEBHOOK_OAUTH_REVOKE);
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("1111111111111111111", "2222222222222222222")
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.verify(delivery(tampered, sign(body)))).isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> verifier.verify(new WebhookRequest(HttpMethod.POST, Map.of(), Headers.empty(), body)))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("no x-twitter-webhooks-signature");
    assertThatThrownBy(() -> verifier.verify(delivery(body, "md5=abc"))).isInstanceOf(WebhookRejectedException.class);
    assertThatThrownBy(() -> verifier.verify(delivery(body, "sha256=***"))).isInstanceOf(WebhookRejectedException.class);
    byte[] notJson = "revoke!".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify(delivery(notJson, sign(notJson)))).isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void withoutAConsumerSecretItIsAConfigurationError() {
    XWebhookVerifier none = new XWebhookVerifier(Optional.empty(), MapJson.INSTANCE);
    WebhookRequest crc = new WebhookRequest(HttpMethod.GET, Map.of("crc_token", "c"), Headers.empty(), new byte[0]);

    assertThatThrownBy(() -> none.challenge(crc)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("consumer_secret");
  }
}
