package io.socialink.x.internal;

import io.socialink.Secret;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.http.HttpMethod;
import io.socialink.http.JsonCodec;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import io.socialink.webhook.Signatures;
import io.socialink.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * X's webhooks: the CRC challenge ({@code GET ?crc_token=} answered with
 * {@code {"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}}), the
 * {@code x-twitter-webhooks-signature} check on deliveries (the same HMAC over the raw body, compared
 * in constant time), and the revocation events of the X Activity API ({@code oauth.revoke}) and the
 * Account Activity API ({@code user_event.revoke}). The key is the app's consumer secret (API Key
 * Secret), read from {@code AppCredentials.secret("consumer_secret")}. Thread-safe.
 */
public final class XWebhookVerifier implements WebhookVerifier {
  /** The name of the consumer secret in {@link io.socialink.auth.AppCredentials#secrets()}. */
  public static final String CONSUMER_SECRET = "consumer_secret";
  /** The signature header of deliveries. */
  public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";

  private final Optional<Secret> consumerSecret;
  private final JsonCodec json;

  /**
   * Creates the verifier.
   *
   * @param consumerSecret the consumer secret, when configured
   * @param json the codec
   */
  public XWebhookVerifier(Optional<Secret> consumerSecret, JsonCodec json) {
    this.consumerSecret = Objects.requireNonNull(consumerSecret, "consumerSecret");
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public Optional<WebhookResponse> challenge(WebhookRequest request) {
    String crc = request.query().get("crc_token");
    if (request.method() != HttpMethod.GET || crc == null) {
      return Optional.empty();
    }
    if (crc.isEmpty()) {
      throw new WebhookRejectedException(XCalls.PLATFORM, "the CRC request has an empty crc_token");
    }
    String token = "sha256=" + Base64.getEncoder().encodeToString(hmac(crc.getBytes(StandardCharsets.UTF_8)));
    return Optional.of(WebhookResponse.json("{\"response_token\":\"" + token + "\"}"));
  }

  @Override
  public List<WebhookEvent> verify(WebhookRequest request) {
    String header = request.headers().first(SIGNATURE_HEADER)
        .orElseThrow(() -> new WebhookRejectedException(XCalls.PLATFORM, "the delivery has no " + SIGNATURE_HEADER + " header"));
    if (!header.startsWith("sha256=")) {
      throw new WebhookRejectedException(XCalls.PLATFORM, "the " + SIGNATURE_HEADER + " header is not of the form sha256=<base64>");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring("sha256=".length()).trim());
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(XCalls.PLATFORM, "the " + SIGNATURE_HEADER + " header is not valid base64");
    }
    byte[] body = request.body();
    if (!Signatures.matches(given, hmac(body))) {
      throw new WebhookRejectedException(XCalls.PLATFORM, "the " + SIGNATURE_HEADER + " signature does not match the body");
    }
    Map<String, Object> m = Json.tryObject(json, body)
        .orElseThrow(() -> new WebhookRejectedException(XCalls.PLATFORM, "the delivery body is not a JSON object",
            WebhookRejectedException.Reason.MALFORMED));
    return events(m, body);
  }

  private List<WebhookEvent> events(Map<String, Object> m, byte[] body) {
    List<WebhookEvent> out = new ArrayList<>();
    Optional<Map<String, Object>> data = Json.obj(m, "data");
    if (data.isPresent() && Json.str(data.get(), "event_type").isPresent()) {
      Map<String, Object> d = data.get();
      String type = Json.str(d, "event_type").orElseThrow();
      Map<String, Object> payload = Json.obj(d, "payload").orElse(Map.of());
      String delivery = Json.str(d, "event_uuid").orElseGet(() -> "sha256:" + Signatures.digest(body));
      out.add(new WebhookEvent(XCalls.PLATFORM, type.equals("oauth.revoke") ? WebhookEvent.Type.DEAUTHORIZED
          : WebhookEvent.Type.OTHER, delivery, Json.str(payload, "user_id"), time(payload)));
      return out;
    }
    Optional<Map<String, Object>> revoke = Json.obj(m, "user_event").flatMap(u -> Json.obj(u, "revoke"));
    if (revoke.isPresent()) {
      Optional<String> user = Json.obj(revoke.get(), "source").flatMap(s -> Json.str(s, "user_id"));
      Optional<String> at = Json.str(revoke.get(), "date_time");
      String delivery = "user_event.revoke:" + user.orElse("?") + ":" + at.orElseGet(() -> Signatures.digest(body));
      out.add(new WebhookEvent(XCalls.PLATFORM, WebhookEvent.Type.DEAUTHORIZED, delivery, user, time(revoke.get())));
      return out;
    }
    out.add(new WebhookEvent(XCalls.PLATFORM, WebhookEvent.Type.OTHER, "sha256:" + Signatures.digest(body),
        Json.str(m, "for_user_id"), Optional.empty()));
    return out;
  }

  private static Optional<Instant> time(Map<String, Object> m) {
    try {
      return Json.str(m, "date_time").map(s -> OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private byte[] hmac(byte[] message) {
    Secret key = consumerSecret.orElseThrow(() -> new ConfigurationException(Classification.of(
        ErrorCategory.CONFIGURATION, XCalls.PLATFORM, 0, "no X consumer secret is configured for webhooks")
        .withRemediation("Add the app's API Key Secret with AppCredentials.withSecret(\"" + CONSUMER_SECRET
            + "\", Secret.of(...)); X signs CRC answers and deliveries with it, not with the OAuth 2.0 client secret."),
        null, 1));
    return Signatures.hmacSha256(key, message);
  }

}
