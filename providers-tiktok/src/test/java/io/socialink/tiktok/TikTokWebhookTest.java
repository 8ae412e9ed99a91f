package io.socialink.tiktok;

import static io.socialink.tiktok.TikTokWireMock.CLIENT_SECRET;
import static io.socialink.tiktok.TikTokWireMock.NOW;
import static io.socialink.tiktok.TikTokWireMock.OPEN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.error.ConfigurationException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.TestClock;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TikTok webhooks (fact sheet §7): the {@code TikTok-Signature} check over the raw body with the
 * client secret and the injected clock, the double-encoded {@code content}, deauthorization and posting
 * events, and a typed refusal for everything else.
 */
class TikTokWebhookTest {
  static final long T = NOW.getEpochSecond();

  final TestClock clock = TikTokWireMock.clock();

  TikTokClient client(AppCredentials credentials) {
    Socialink s = Socialink.builder().register(TikTokProvider.builder().webhookTolerance(Duration.ofMinutes(5)).build())
        .credentials(credentials).clock(clock).build();
    return s.client(TikTokClient.class);
  }

  TikTokClient client() {
    return client(TikTokWireMock.loginKit());
  }

  /** The signature as TikTok documents it, computed here independently of the provider. */
  static String sign(String secret, long t, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  static WebhookRequest delivery(String header, String value, byte[] body) {
    return new WebhookRequest(HttpMethod.POST, Map.of(), Headers.of(header, value), body);
  }

  static WebhookRequest signed(byte[] body) throws Exception {
    return delivery("TikTok-Signature", "t=" + T + ",s=" + sign(CLIENT_SECRET, T, body), body);
  }

  static byte[] fixture(String name) {
    return TikTokWireMock.text("webhook/" + name).strip().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] envelope(String event, String content) {
    return ("{\"client_key\":\"client-key-1\",\"event\":\"" + event + "\",\"create_time\":" + T + ",\"user_openid\":\""
        + OPEN_ID + "\",\"content\":" + content + "}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void authorizationRemovedIsADeauthorizationOfTheOpenIdWithItsReason() throws Exception {
    byte[] body = fixture("authorization-removed.json");

    List<WebhookEvent> events = client().webhooks().orElseThrow().verify(signed(body));
    TikTokWebhookEvent tiktok = client().webhookEvent(signed(body));

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(WebhookEvent.Type.DEAUTHORIZED);
      assertThat(e.platformId()).isEqualTo("tiktok");
      assertThat(e.userId()).contains(OPEN_ID);
      assertThat(e.occurredAt()).contains(NOW);
      assertThat(e.deliveryId()).isEqualTo(tiktok.deliveryId()).startsWith("sha256:");
    });
    assertThat(tiktok.isDeauthorization()).isTrue();
    assertThat(tiktok.removalReason()).contains(TikTokWebhookEvent.RemovalReason.USER_DISCONNECTED);
    assertThat(tiktok.clientKey()).isEqualTo("client-key-1");
    assertThat(client().webhooks().orElseThrow().challenge(signed(body))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0, UNKNOWN", "1, USER_DISCONNECTED", "2, ACCOUNT_DELETED", "3, AGE_CHANGED", "4, ACCOUNT_BANNED",
      "5, DEVELOPER_REVOKED", "9, UNKNOWN"})
  void everyRemovalReason(int code, TikTokWebhookEvent.RemovalReason reason) throws Exception {
    byte[] body = envelope("authorization.removed", "\"{\\\"reason\\\": " + code + " }\"");

    assertThat(client().webhookEvent(signed(body)).removalReason()).contains(reason);
  }

  @Test
  void postingEventsAreParsed() throws Exception {
    TikTokClient c = client();

    TikTokWebhookEvent complete = c.webhookEvent(signed(fixture("post-publish-complete.json")));
    TikTokWebhookEvent failed = c.webhookEvent(signed(fixture("post-publish-failed.json")));
    TikTokWebhookEvent inbox = c.webhookEvent(signed(fixture("post-publish-inbox-delivered.json")));
    TikTokWebhookEvent visible = c.webhookEvent(signed(fixture("post-publish-publicly-available.json")));
    TikTokWebhookEvent hidden = c.webhookEvent(signed(fixture("post-publish-no-longer-publicaly-available.json")));
    TikTokWebhookEvent ready = c.webhookEvent(signed(fixture("portability-download-ready.json")));

    assertThat(complete.event()).isEqualTo("post.publish.complete");
    assertThat(complete.publishId()).contains("v_pub_file~v2-1.123456789");
    assertThat(complete.isDeauthorization()).isFalse();
    assertThat(complete.toWebhookEvent().type()).isEqualTo(WebhookEvent.Type.OTHER);
    assertThat(failed.reason()).contains("file_format_check_failed");
    assertThat(inbox.publishType()).contains("INBOX_SHARE");
    assertThat(visible.postId()).contains("7304895727592032520");
    assertThat(hidden.event()).isEqualTo("post.publish.no_longer_publicaly_available");
    assertThat(hidden.postId()).contains("7304895727592032520");
    assertThat(ready.requestId()).as("an int64 beyond 2^53 kept exactly").contains("7234567890123456789");
  }

  @Test
  void theHeaderNameIsReadCaseInsensitivelyAndRetriesShareADeliveryId() throws Exception {
    byte[] body = fixture("authorization-removed.json");
    String value = "t=" + T + ",s=" + sign(CLIENT_SECRET, T, body);

    TikTokWebhookEvent a = client().webhookEvent(delivery("Tiktok-Signature", value, body));
    TikTokWebhookEvent b = client().webhookEvent(delivery("tiktok-signature", value, body));

    assertThat(a.deliveryId()).isEqualTo(b.deliveryId());
  }

  @Test
  void theTimestampMustBeWithinTheToleranceOfTheInjectedClock() throws Exception {
    byte[] body = fixture("authorization-removed.json");
    TikTokClient c = client();

    clock.advance(Duration.ofMinutes(5));
    assertThat(c.webhookEvent(signed(body)).event()).as("exactly at the tolerance").isEqualTo("authorization.removed");

    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> c.webhookEvent(signed(body))).isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("timestamp").hasMessageContaining("tolerance");

    clock.set(NOW.minus(Duration.ofMinutes(6)));
    assertThatThrownBy(() -> c.webhookEvent(signed(body))).as("from the future").isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("tolerance");
  }

  @Test
  void wrongSignaturesAreRefused() throws Exception {
    byte[] body = fixture("authorization-removed.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\\\"reason\\\": 1", "\\\"reason\\\": 2")
        .getBytes(StandardCharsets.UTF_8);
    TikTokClient c = client();

    assertThatThrownBy(() -> c.webhookEvent(delivery("TikTok-Signature", "t=" + T + ",s=" + sign("another-secret", T, body),
        body))).isInstanceOf(WebhookRejectedException.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> c.webhookEvent(delivery("TikTok-Signature", "t=" + T + ",s=" + sign(CLIENT_SECRET, T, body),
        tampered))).isInstanceOf(WebhookRejectedException.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> c.webhookEvent(delivery("TikTok-Signature", "t=" + (T + 1) + ",s="
        + sign(CLIENT_SECRET, T, body), body))).as("the timestamp is signed").isInstanceOf(WebhookRejectedException.class);
    assertThatThrownBy(() -> c.webhookEvent(new WebhookRequest(HttpMethod.POST, Map.of(), Headers.empty(), body)))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("no TikTok-Signature header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s=abc", "t=1772359200", "t=abc,s=00", "", "t=1772359200,s=xyz",
      "t=1772359200,s=0123456789abcdef", "sha256=0123"})
  void malformedSignatureHeadersAreRefused(String value) {
    byte[] body = fixture("authorization-removed.json");

    assertThatThrownBy(() -> client().webhookEvent(delivery("TikTok-Signature", value, body)))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("TikTok-Signature");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      not json | not a JSON object
      {"event":"authorization.removed","create_time":1772359200,"user_openid":"u","content":"{}"} | 'client_key'
      {"client_key":"other-app","event":"authorization.removed","create_time":1772359200,"user_openid":"u","content":"{}"} | another app
      {"client_key":"client-key-1","create_time":1772359200,"user_openid":"u","content":"{}"} | 'event'
      {"client_key":"client-key-1","event":"authorization.removed","user_openid":"u","content":"{}"} | 'create_time'
      {"client_key":"client-key-1","event":"authorization.removed","create_time":"soon","user_openid":"u","content":"{}"} | 'create_time'
      {"client_key":"client-key-1","event":"authorization.removed","create_time":1772359200,"content":"{}"} | 'user_openid'
      {"client_key":"client-key-1","event":"authorization.removed","create_time":1772359200,"user_openid":"u"} | 'content'
      {"client_key":"client-key-1","event":"authorization.removed","create_time":1772359200,"user_openid":"u","content":"{oops"} | JSON-encoded
      {"client_key":"client-key-1","event":"authorization.removed","create_time":1772359200,"user_openid":"u","content":"{}"} | 'reason'
      {"client_key":"client-key-1","event":"authorization.removed","create_time":1772359200,"user_openid":"u","content":"{\\"reason\\":\\"one\\"}"} | 'reason'
      {"client_key":"client-key-1","event":"post.publish.complete","create_time":1772359200,"user_openid":"u","content":"{}"} | 'publish_id'
      {"client_key":"client-key-1","event":"post.publish.publicly_available","create_time":1772359200,"user_openid":"u","content":"{\\"publish_id\\":\\"p\\"}"} | 'post_id'
      {"client_key":"client-key-1","event":"portability.download.ready","create_time":1772359200,"user_openid":"u","content":"{}"} | 'request_id'
      """)
  void malformedEnvelopesAndMissingFieldsAreRefusedByName(String json, String says) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> client().webhookEvent(signed(body))).isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining(says.replace("'", "")).hasMessageNotContaining(CLIENT_SECRET);
  }

  @Test
  void contentAlreadyDecodedIsReadToo() throws Exception {
    byte[] body = envelope("authorization.removed", "{\"reason\":2}");

    assertThat(client().webhookEvent(signed(body)).removalReason())
        .contains(TikTokWebhookEvent.RemovalReason.ACCOUNT_DELETED);
  }

  @Test
  void withoutAClientSecretVerificationIsAConfigurationError() throws Exception {
    WebhookVerifier v = client(AppCredentials.publicClient("tiktok", "login-kit", "client-key-1", TikTokWireMock.REDIRECT))
        .webhooks().orElseThrow();

    assertThatThrownBy(() -> v.verify(signed(fixture("authorization-removed.json"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("client secret");
  }
}
