package io.socialink.instagram.internal;

import io.socialink.Secret;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import io.socialink.webhook.WebhookVerifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's callbacks for an Instagram Login app:
 *
 * <ul>
 *   <li>the subscription handshake ({@code GET ?hub.mode=subscribe&hub.verify_token=&hub.challenge=}),
 *       answered with the challenge as {@code text/plain} when the verify token matches;</li>
 *   <li>event deliveries, signed in {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw
 *       body)>}, compared in constant time over the raw bytes, then read as
 *       {@code {"object","entry":[{"id","time",...}]}};</li>
 *   <li>the deauthorize and data-deletion callbacks: a form POST of {@code signed_request} =
 *       {@code <base64url HMAC-SHA256(app secret, payload segment)>.<base64url JSON payload>}, the
 *       signature compared in constant time, {@code algorithm} required to be {@code HMAC-SHA256},
 *       {@code issued_at} within the tolerance of the injected clock, {@code user_id} required.</li>
 * </ul>
 *
 * The key is the Instagram App Secret (for a Facebook Login client, the Meta app's secret); when the Meta app's secret is configured too, an
 * {@code X-Hub-Signature-256} made with either is accepted (Meta's pages name the Meta App Secret,
 * integrations the Instagram one). Every refusal is a {@link WebhookRejectedException} whose message
 * names what is wrong and never quotes a signature, token or secret. Thread-safe.
 */
public final class InstagramWebhookVerifier implements WebhookVerifier {
  /** The signature header of deliveries. */
  public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
  /** The algorithm a signed request must name. */
  public static final String ALGORITHM = "HMAC-SHA256";
  /** The query parameter whose value {@code data-deletion} marks the data-deletion callback URL. */
  public static final String CALLBACK_PARAMETER = "callback";

  private static final String P = GraphResponseInterpreter.PLATFORM;
  private static final int MAX_SIGNED_REQUEST = 8192;

  private final Secret appSecret;
  private final Optional<Secret> metaAppSecret;
  private final Optional<Secret> verifyToken;
  private final JsonCodec json;
  private final Clock clock;
  private final Duration tolerance;
  private final Optional<String> userAttribute;

  /**
   * Creates the verifier.
   *
   * @param appSecret the Instagram App Secret
   * @param metaAppSecret the Meta app's secret, also accepted for {@code X-Hub-Signature-256}
   * @param verifyToken the verify token configured for the webhook subscription
   * @param json the codec
   * @param clock the clock {@code issued_at} is checked against
   * @param tolerance how far {@code issued_at} may be from the clock
   */
  public InstagramWebhookVerifier(Secret appSecret, Optional<Secret> metaAppSecret, Optional<Secret> verifyToken,
      JsonCodec json, Clock clock, Duration tolerance) {
    this(appSecret, metaAppSecret, verifyToken, json, clock, tolerance, Optional.empty());
  }

  /**
   * Creates the verifier of an app whose {@code signed_request} callbacks name a user kept as a grant
   * attribute rather than the grant's account (the Meta app of Facebook Login: its callbacks name the
   * Facebook user); their events carry that attribute's name as
   * {@link WebhookEvent#userAttribute()}.
   *
   * @param appSecret the app's secret that signs its callbacks and deliveries
   * @param metaAppSecret another secret also accepted for {@code X-Hub-Signature-256}
   * @param verifyToken the verify token configured for the webhook subscription
   * @param json the codec
   * @param clock the clock {@code issued_at} is checked against
   * @param tolerance how far {@code issued_at} may be from the clock
   * @param userAttribute the grant attribute that holds the {@code user_id} of signed requests
   */
  public InstagramWebhookVerifier(Secret appSecret, Optional<Secret> metaAppSecret, Optional<Secret> verifyToken,
      JsonCodec json, Clock clock, Duration tolerance, Optional<String> userAttribute) {
    this.userAttribute = Objects.requireNonNull(userAttribute, "userAttribute");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.metaAppSecret = Objects.requireNonNull(metaAppSecret, "metaAppSecret");
    this.verifyToken = Objects.requireNonNull(verifyToken, "verifyToken");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
  }

  @Override
  public Optional<WebhookResponse> challenge(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    String mode = request.query().get("hub.mode");
    if (request.method() != HttpMethod.GET || mode == null) {
      return Optional.empty();
    }
    if (!mode.equals("subscribe")) {
      throw reject("the handshake's hub.mode is not 'subscribe'");
    }
    Secret expected = verifyToken.orElseThrow(() -> new ConfigurationException(Classification.of(
        ErrorCategory.CONFIGURATION, P, 0, "no Instagram webhook verify token is configured")
        .withRemediation("Add the verify token entered in the App Dashboard's webhook settings with"
            + " AppCredentials.withSecret(\"webhook_verify_token\", Secret.of(...))."), null, 1));
    String given = request.query().get("hub.verify_token");
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.reveal().getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookRejectedException(P, "the handshake's hub.verify_token does not match the configured verify token",
          WebhookRejectedException.Reason.FORBIDDEN);
    }
    String challenge = request.query().get("hub.challenge");
    if (challenge == null || !challenge.matches("[0-9]{1,20}")) {
      throw reject("the handshake's hub.challenge is missing or not a number");
    }
    return Optional.of(new WebhookResponse(200, Headers.of("Content-Type", "text/plain"), challenge));
  }

  @Override
  public List<WebhookEvent> verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<String> signed = signedRequestIn(request);
    if (signed.isPresent()) {
      boolean deletion = "data-deletion".equals(request.query().get(CALLBACK_PARAMETER));
      io.socialink.instagram.InstagramSignedRequest s = signedRequest(signed.get(),
          deletion ? io.socialink.instagram.InstagramSignedRequest.Kind.DATA_DELETION
              : io.socialink.instagram.InstagramSignedRequest.Kind.DEAUTHORIZE);
      return List.of(new WebhookEvent(P, deletion ? WebhookEvent.Type.DATA_DELETION_REQUESTED
          : WebhookEvent.Type.DEAUTHORIZED, "signed_request:" + digest(signed.get().getBytes(StandardCharsets.US_ASCII)),
          Optional.of(s.userId()), Optional.of(s.issuedAt()), userAttribute));
    }
    return deliveries(request);
  }

  /**
   * Reads and verifies a callback's {@code signed_request}.
   *
   * @param request the callback's POST
   * @param kind which callback URL received it
   * @return the verified request
   * @throws WebhookRejectedException when it is missing, forged, stale or malformed
   */
  public io.socialink.instagram.InstagramSignedRequest callback(WebhookRequest request,
      io.socialink.instagram.InstagramSignedRequest.Kind kind) {
    Objects.requireNonNull(request, "request");
    String value = signedRequestIn(request).orElseThrow(() -> reject("the callback has no signed_request form field"));
    return signedRequest(value, kind);
  }

  private Optional<String> signedRequestIn(WebhookRequest request) {
    if (request.method() != HttpMethod.POST) {
      return Optional.empty();
    }
    byte[] body = request.body();
    if (body.length > MAX_SIGNED_REQUEST * 2) {
      return Optional.empty();
    }
    String text = new String(body, StandardCharsets.US_ASCII).strip();
    if (text.startsWith("{") || text.startsWith("[")
        || (!text.startsWith("signed_request=") && !text.contains("&signed_request="))) {
      return Optional.empty();
    }
    for (String pair : text.split("&")) {
      if (pair.startsWith("signed_request=")) {
        try {
          return Optional.of(URLDecoder.decode(pair.substring("signed_request=".length()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw reject("the signed_request form field is not URL-encoded correctly");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Verifies one {@code signed_request} value.
   *
   * @param value the field's value
   * @param kind which callback URL received it
   * @return the verified request
   * @throws WebhookRejectedException when it is forged, stale or malformed
   */
  public io.socialink.instagram.InstagramSignedRequest signedRequest(String value,
      io.socialink.instagram.InstagramSignedRequest.Kind kind) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
    if (value.length() > MAX_SIGNED_REQUEST) {
      throw reject("the signed_request is longer than " + MAX_SIGNED_REQUEST + " characters");
    }
    int dot = value.indexOf('.');
    if (dot <= 0 || dot == value.length() - 1) {
      throw reject("the signed_request is not of the form <signature>.<payload>");
    }
    String payloadSegment = value.substring(dot + 1);
    byte[] sig = base64Url(value.substring(0, dot), "signature");
    byte[] payload = base64Url(payloadSegment, "payload");
    if (sig.length != 32 || !MessageDigest.isEqual(sig, hmac(appSecret, payloadSegment.getBytes(StandardCharsets.US_ASCII)))) {
      throw reject("the signed_request's signature does not match its payload (is the Instagram App Secret the one"
          + " configured?)");
    }
    Map<String, Object> m;
    try {
      m = json.readObject(payload);
    } catch (MalformedPayloadException e) {
      throw malformed("the signed_request's payload is not a JSON object");
    }
    String algorithm = IgFields.str(m, "algorithm").orElseThrow(() -> malformed("the signed_request has no algorithm"));
    if (!algorithm.toUpperCase(Locale.ROOT).equals(ALGORITHM)) {
      throw malformed("the signed_request's algorithm is not " + ALGORITHM);
    }
    OptionalLong issued = IgFields.num(m, "issued_at");
    if (issued.isEmpty()) {
      throw malformed("the signed_request has no issued_at");
    }
    Instant issuedAt = Instant.ofEpochSecond(issued.getAsLong());
    Instant now = clock.instant();
    if (Duration.between(issuedAt, now).abs().compareTo(tolerance) > 0) {
      throw reject("the signed_request was issued at " + issuedAt + ", more than " + tolerance + " from now (" + now
          + "); it is stale or replayed");
    }
    String userId = IgFields.id(m, "user_id").orElseThrow(() -> malformed("the signed_request has no user_id"));
    OptionalLong expires = IgFields.num(m, "expires");
    return new io.socialink.instagram.InstagramSignedRequest(kind, userId, issuedAt,
        expires.isPresent() ? Optional.of(Instant.ofEpochSecond(expires.getAsLong())) : Optional.empty());
  }

  private List<WebhookEvent> deliveries(WebhookRequest request) {
    String header = request.headers().first(SIGNATURE_HEADER)
        .orElseThrow(() -> reject("the delivery has no " + SIGNATURE_HEADER + " header"));
    if (!header.startsWith("sha256=")) {
      throw reject("the " + SIGNATURE_HEADER + " header is not of the form sha256=<hex>");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring("sha256=".length()).trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw reject("the " + SIGNATURE_HEADER + " header is not hexadecimal");
    }
    byte[] body = request.body();
    boolean ok = MessageDigest.isEqual(given, hmac(appSecret, body));
    if (metaAppSecret.isPresent()) {
      ok |= MessageDigest.isEqual(given, hmac(metaAppSecret.get(), body));
    }
    if (!ok) {
      throw reject("the " + SIGNATURE_HEADER + " signature does not match the raw body");
    }
    Map<String, Object> m;
    try {
      m = json.readObject(body);
    } catch (MalformedPayloadException e) {
      throw malformed("the delivery body is not a JSON object");
    }
    List<?> entries = IgFields.list(m, "entry").orElseThrow(() -> malformed("the delivery has no entry list"));
    String base = "sha256:" + digest(body);
    List<WebhookEvent> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map<?, ?> raw)) {
        throw malformed("the delivery's entry " + i + " is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) raw;
      OptionalLong time = IgFields.num(e, "time");
      Optional<Instant> at = time.isPresent() ? Optional.of(time.getAsLong() > 100_000_000_000L
          ? Instant.ofEpochMilli(time.getAsLong()) : Instant.ofEpochSecond(time.getAsLong())) : Optional.empty();
      out.add(new WebhookEvent(P, WebhookEvent.Type.OTHER, base + "#" + i, IgFields.id(e, "id"), at));
    }
    return out;
  }

  private static byte[] base64Url(String segment, String what) {
    try {
      return Base64.getUrlDecoder().decode(segment);
    } catch (IllegalArgumentException e) {
      throw reject("the signed_request's " + what + " is not base64url");
    }
  }

  private static byte[] hmac(Secret key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static WebhookRejectedException reject(String message) {
    return new WebhookRejectedException(P, message);
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(P, message, WebhookRejectedException.Reason.MALFORMED);
  }

  /** Names nothing secret. */
  @Override
  public String toString() {
    return "InstagramWebhookVerifier[tolerance=" + tolerance + ", metaAppSecret=" + metaAppSecret.isPresent()
        + userAttribute.map(a -> ", userAttribute=" + a).orElse("") + "]";
  }
}
