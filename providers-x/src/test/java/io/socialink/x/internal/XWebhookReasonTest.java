package io.socialink.x.internal;

import static io.socialink.x.internal.XWebhookVerifierTest.delivery;
import static io.socialink.x.internal.XWebhookVerifierTest.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Secret;
import io.socialink.testkit.x.XPayloads;
import io.socialink.webhook.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A forged X delivery is unverified (401 at the intake); a signed one that is not JSON is malformed (400). */
class XWebhookReasonTest {
  final XWebhookVerifier verifier = new XWebhookVerifier(Optional.of(Secret.of(XWebhookVerifierTest.CONSUMER_SECRET)),
      MapJson.INSTANCE);

  @Test
  void forgedIsUnverifiedAndSignedGarbageIsMalformed() throws Exception {
    byte[] body = XPayloads.bytes(XPayloads.WEBHOOK_OAUTH_REVOKE);
    byte[] notJson = "revoke!".getBytes(StandardCharsets.UTF_8);

    assertThat(catchThrowableOfType(WebhookRejectedException.class,
        () -> verifier.verify(delivery(body, "sha256=" + "A".repeat(44)))).reason())
        .isEqualTo(WebhookRejectedException.Reason.UNVERIFIED);
    assertThat(catchThrowableOfType(WebhookRejectedException.class,
        () -> verifier.verify(delivery(notJson, sign(notJson)))).reason())
        .isEqualTo(WebhookRejectedException.Reason.MALFORMED);
  }
}
