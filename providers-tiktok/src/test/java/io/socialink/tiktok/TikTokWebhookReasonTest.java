package io.socialink.tiktok;

import static io.socialink.tiktok.TikTokWebhookTest.T;
import static io.socialink.tiktok.TikTokWebhookTest.delivery;
import static io.socialink.tiktok.TikTokWebhookTest.envelope;
import static io.socialink.tiktok.TikTokWebhookTest.sign;
import static io.socialink.tiktok.TikTokWebhookTest.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Socialink;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What the callback intake needs from TikTok's verifier: an account deletion told apart from other
 * removals, and a signed but malformed delivery told apart from an unverified one.
 */
class TikTokWebhookReasonTest {
  final WebhookVerifier verifier = Socialink.builder()
      .register(TikTokProvider.builder().webhookTolerance(Duration.ofMinutes(5)).build())
      .credentials(TikTokWireMock.loginKit()).clock(TikTokWireMock.clock()).build()
      .client(TikTokClient.class).webhooks().orElseThrow();

  @ParameterizedTest
  @CsvSource({"0,DEAUTHORIZED", "1,DEAUTHORIZED", "2,ACCOUNT_DELETED", "3,DEAUTHORIZED", "4,DEAUTHORIZED",
      "5,DEAUTHORIZED", "9,DEAUTHORIZED"})
  void anAuthorizationRemovedWithReason2IsAnAccountDeletion(int reason, WebhookEvent.Type type) throws Exception {
    byte[] body = envelope("authorization.removed", "\"{\\\"reason\\\": " + reason + " }\"");

    assertThat(verifier.verify(signed(body))).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(type));
  }

  @Test
  void forgedAndStaleDeliveriesAreUnverifiedAndSignedGarbageIsMalformed() throws Exception {
    byte[] body = envelope("authorization.removed", "\"{\\\"reason\\\": 1 }\"");
    assertThat(reason(delivery("TikTok-Signature", "t=" + T + ",s=" + sign("forged", T, body), body)))
        .isEqualTo(WebhookRejectedException.Reason.UNVERIFIED);
    assertThat(reason(delivery("TikTok-Signature", "t=" + (T - 301) + ",s=" + sign(TikTokWireMock.CLIENT_SECRET,
        T - 301, body), body))).isEqualTo(WebhookRejectedException.Reason.UNVERIFIED);
    for (String garbage : new String[] {"{not json", "{\"event\":\"authorization.removed\"}",
        new String(body, StandardCharsets.UTF_8).replace("client-key-1", "someone-else")}) {
      byte[] b = garbage.getBytes(StandardCharsets.UTF_8);
      assertThat(reason(signed(b))).as(garbage).isEqualTo(WebhookRejectedException.Reason.MALFORMED);
    }
    assertThat(WebhookRejectedException.Reason.MALFORMED.status()).isEqualTo(400);
    assertThat(WebhookRejectedException.Reason.UNVERIFIED.status()).isEqualTo(401);
  }

  WebhookRejectedException.Reason reason(WebhookRequest r) {
    return catchThrowableOfType(WebhookRejectedException.class, () -> verifier.verify(r)).reason();
  }
}
