package io.socialink.tiktok.internal;

import io.socialink.Secret;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import io.socialink.tiktok.TikTokWebhookEvent;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import io.socialink.webhook.Signatures;
import io.socialink.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * TikTok's webhooks (developers.tiktok.com apps, fact sheet §7): the {@code TikTok-Signature} header
 * ({@code t=<epoch seconds>,s=<hex>}, read case-insensitively) must hold the lowercase hex
 * HMAC-SHA256, keyed with the app's client secret, of {@code t + "." + raw body}, compared in constant
 * time over the raw bytes before any parsing; {@code t} must be within the tolerance of the injected
 * clock (TikTok sets none). The envelope ({@code client_key}, {@code event}, {@code create_time},
 * {@code user_openid}, {@code content}) must be complete and for this app, and {@code content}, a
 * JSON-encoded string, is parsed a second time. TikTok sends no challenge. Every refusal is a
 * {@link WebhookRejectedException} naming what is wrong, never the body. Thread-safe.
 */
public final class TikTokWebhookVerifier implements WebhookVerifier {
  /** The signature header, as TikTok's docs name it (their example spells it {@code Tiktok-Signature}). */
  public static final String SIGNATURE_HEADER = "TikTok-Signature";

  private static final String PLATFORM = TikTokResponseInterpreter.PLATFORM;

  private final String clientKey;
  private final Optional<Secret> clientSecret;
  private final JsonCodec json;
  private final Clock clock;
  private final Duration tolerance;

  /**
   * Creates the verifier.
   *
   * @param clientKey the app's client key; deliveries for another app are refused
   * @param clientSecret the app's client secret, the HMAC key
   * @param json the codec
   * @param clock the clock the timestamp is checked against
   * @param tolerance how far the timestamp may be from the clock, either way
   */
  public TikTokWebhookVerifier(String clientKey, Optional<Secret> clientSecret, JsonCodec json, Clock clock,
      Duration tolerance) {
    this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
  }

  /** TikTok sends no challenge requests. */
  @Override
  public Optional<WebhookResponse> challenge(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    return Optional.empty();
  }

  @Override
  public List<WebhookEvent> verify(WebhookRequest request) {
    return List.of(parse(request).toWebhookEvent());
  }

  /**
   * Verifies a delivery and reads its event.
   *
   * @param request the delivery
   * @return the event
   * @throws WebhookRejectedException when the signature, timestamp or envelope is wrong
   */
  public TikTokWebhookEvent parse(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    byte[] body = request.body();
    String header = request.headers().first(SIGNATURE_HEADER)
        .orElseThrow(() -> reject("the delivery has no " + SIGNATURE_HEADER + " header"));
    String t = null;
    String s = null;
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (name.equals("t") && t == null) {
        t = value;
      } else if (name.equals("s") && s == null) {
        s = value;
      }
    }
    if (t == null || s == null) {
      throw reject("the " + SIGNATURE_HEADER + " header is not of the form t=<timestamp>,s=<signature>");
    }
    if (!t.matches("[0-9]{1,12}")) {
      throw reject("the " + SIGNATURE_HEADER + " timestamp is not a number of seconds");
    }
    if (!s.matches("[0-9a-fA-F]{64}")) {
      throw reject("the " + SIGNATURE_HEADER + " signature is not 64 hexadecimal digits");
    }
    byte[] given = HexFormat.of().parseHex(s);
    if (!Signatures.matches(given, expected(t, body))) {
      throw reject("the " + SIGNATURE_HEADER + " signature does not match the body");
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
    Duration age = Duration.between(signedAt, clock.instant()).abs();
    if (age.compareTo(tolerance) > 0) {
      throw reject("the " + SIGNATURE_HEADER + " timestamp is " + age.toSeconds()
          + " s away from now, more than the tolerance of " + tolerance.toSeconds() + " s");
    }
    return event(body);
  }

  /**
   * The signature TikTok would send for a body at a time, for tests and emulators.
   *
   * @param timestamp the epoch seconds
   * @param body the raw body
   * @return {@code t=<timestamp>,s=<lowercase hex>}
   */
  public String sign(long timestamp, byte[] body) {
    String t = Long.toString(timestamp);
    return "t=" + t + ",s=" + HexFormat.of().formatHex(expected(t, body));
  }

  private TikTokWebhookEvent event(byte[] body) {
    Map<String, Object> m;
    try {
      m = json.readObject(body);
    } catch (MalformedPayloadException e) {
      throw malformed("the delivery body is not a JSON object");
    }
    String key = required(m, "client_key");
    if (!key.equals(clientKey)) {
      throw malformed("the delivery is for another app's client key");
    }
    String event = required(m, "event");
    if (!event.matches("[a-z0-9_.]{1,100}")) {
      throw malformed("the delivery's event name is malformed");
    }
    long created = Fields.num(m, "create_time").filter(n -> n >= 0)
        .orElseThrow(() -> malformed("the delivery has no numeric member 'create_time'"));
    String openId = required(m, "user_openid");
    Map<String, Object> content = content(m);
    String delivery = "sha256:" + Signatures.digest(body);
    Optional<TikTokWebhookEvent.RemovalReason> reason = Optional.empty();
    Optional<String> publishId = Optional.empty();
    Optional<String> publishType = Optional.empty();
    Optional<String> postId = Optional.empty();
    Optional<String> failReason = Optional.empty();
    Optional<String> requestId = Optional.empty();
    if (event.equals(TikTokWebhookEvent.AUTHORIZATION_REMOVED)) {
      long code = Fields.num(content, "reason")
          .orElseThrow(() -> malformed("the authorization.removed content has no numeric member 'reason'"));
      reason = Optional.of(TikTokWebhookEvent.RemovalReason.of(code));
    } else if (event.startsWith("post.publish.")) {
      publishId = Optional.of(Fields.id(content.get("publish_id"))
          .orElseThrow(() -> malformed("the " + event + " content has no member 'publish_id'")));
      publishType = Fields.str(content, "publish_type");
      postId = Fields.id(content.get("post_id"));
      failReason = Fields.str(content, "reason").map(r -> r.replaceAll("\\p{Cntrl}", " "));
      if (event.equals("post.publish.publicly_available") && postId.isEmpty()) {
        throw malformed("the post.publish.publicly_available content has no member 'post_id'");
      }
    } else if (event.equals("portability.download.ready")) {
      requestId = Optional.of(Fields.id(content.get("request_id"))
          .orElseThrow(() -> malformed("the portability.download.ready content has no member 'request_id'")));
    }
    return new TikTokWebhookEvent(event, key, openId, Instant.ofEpochSecond(created), delivery, reason, publishId,
        publishType, postId, failReason, requestId);
  }

  private Map<String, Object> content(Map<String, Object> m) {
    Object raw = m.get("content");
    if (raw instanceof Map<?, ?>) {
      return Fields.obj(m, "content").orElseThrow();
    }
    if (!(raw instanceof String s) || s.isBlank()) {
      throw malformed("the delivery has no member 'content' (a JSON-encoded string)");
    }
    try {
      return json.readObject(s.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedPayloadException e) {
      throw malformed("the delivery's 'content' is not a JSON-encoded object");
    }
  }

  private static String required(Map<String, Object> m, String key) {
    return Fields.str(m, key).orElseThrow(() -> malformed("the delivery has no member '" + key + "'"));
  }

  private byte[] expected(String t, byte[] body) {
    Secret key = clientSecret.orElseThrow(() -> new ConfigurationException(Classification.of(
        ErrorCategory.CONFIGURATION, PLATFORM, 0, "no TikTok client secret is configured for webhooks")
        .withRemediation("Configure the Login Kit credentials as a confidential client; TikTok signs webhooks with"
            + " the app's client secret."), null, 1));
    return Signatures.hmacSha256(key, (t + ".").getBytes(StandardCharsets.UTF_8), body);
  }


  private static WebhookRejectedException reject(String message) {
    return new WebhookRejectedException(PLATFORM, message);
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(PLATFORM, message, WebhookRejectedException.Reason.MALFORMED);
  }
}
