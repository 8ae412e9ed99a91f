package io.socialink.webhook;

import java.util.List;
import java.util.Optional;

/**
 * A platform's verification of its webhooks and callbacks: answering challenges (X's CRC, Meta's
 * {@code hub.challenge}), checking signatures in constant time, and parsing verified deliveries
 * into events. Thread-safe.
 */
public interface WebhookVerifier {
  /**
   * Answers a challenge request, if this delivery is one.
   *
   * @param request the delivery
   * @return the response to send, or empty when it is not a challenge
   * @throws WebhookRejectedException when it is a challenge that fails verification
   */
  Optional<WebhookResponse> challenge(WebhookRequest request);

  /**
   * Verifies a delivery and parses its events.
   *
   * @param request the delivery
   * @return the events, possibly none
   * @throws WebhookRejectedException when verification fails
   */
  List<WebhookEvent> verify(WebhookRequest request);
}
