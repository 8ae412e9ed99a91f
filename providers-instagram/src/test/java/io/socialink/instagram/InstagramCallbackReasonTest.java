package io.socialink.instagram;

import static io.socialink.instagram.InstagramCallbackTest.delivery;
import static io.socialink.instagram.InstagramCallbackTest.documentedPayload;
import static io.socialink.instagram.InstagramCallbackTest.form;
import static io.socialink.instagram.InstagramCallbackTest.hmac;
import static io.socialink.instagram.InstagramCallbackTest.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Secret;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.TestClock;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRejectedException.Reason;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kind of each refusal, which the callback intake answers with: forged and stale requests are
 * unverified (401), signed but malformed ones malformed (400), a handshake with the wrong verify
 * token forbidden (403).
 */
class InstagramCallbackReasonTest {
  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final TestClock clock = TestClock.at(InstagramCallbackTest.ISSUED.plusSeconds(60));
  final WebhookVerifier verifier = InstagramWireMock.socialink(InstagramWireMock.provider(wm), clock,
      new InstagramWireMock.RecordingSleeper(), InstagramWireMock.credentials()
          .withSecret(InstagramProvider.WEBHOOK_VERIFY_TOKEN, Secret.of(InstagramCallbackTest.VERIFY_TOKEN)))
      .client(InstagramClient.class).webhooks().orElseThrow();

  @Test
  void signedRequestsAreUnverifiedWhenForgedOrStaleAndMalformedWhenSignedButWrong() {
    String key = InstagramWireMock.APP_SECRET;
    assertThat(reason(form(signed("wrong-secret", documentedPayload()), Map.of()))).isEqualTo(Reason.UNVERIFIED);
    assertThat(reason(form("no-dot-here", Map.of()))).isEqualTo(Reason.UNVERIFIED);
    assertThat(reason(form(signed(key, "[1,2]"), Map.of()))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(form(signed(key, documentedPayload().replace("HMAC-SHA256", "none")), Map.of())))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(form(signed(key, documentedPayload().replace(",\"user_id\":\"218471\"", "")), Map.of())))
        .isEqualTo(Reason.MALFORMED);
    String genuine = signed(key, documentedPayload());
    clock.advance(Duration.ofMinutes(16));
    assertThat(reason(form(genuine, Map.of()))).isEqualTo(Reason.UNVERIFIED);
  }

  @Test
  void deliveriesAreUnverifiedWhenForgedAndMalformedWhenSignedButWrong() {
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    String good = "sha256=" + HexFormat.of().formatHex(hmac(InstagramWireMock.APP_SECRET, notJson));
    assertThat(reason(delivery(notJson, good))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(delivery(notJson, "sha256=" + HexFormat.of().formatHex(hmac("forged", notJson)))))
        .isEqualTo(Reason.UNVERIFIED);
  }

  @Test
  void aHandshakeWithTheWrongVerifyTokenIsForbidden() {
    WebhookRejectedException e = catchThrowableOfType(WebhookRejectedException.class, () -> verifier.challenge(
        new WebhookRequest(HttpMethod.GET, Map.of("hub.mode", "subscribe", "hub.verify_token", "nope",
            "hub.challenge", "1"), Headers.empty(), new byte[0])));
    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
    assertThat(Reason.FORBIDDEN.status()).isEqualTo(403);
  }

  Reason reason(WebhookRequest r) {
    return catchThrowableOfType(WebhookRejectedException.class, () -> verifier.verify(r)).reason();
  }
}
