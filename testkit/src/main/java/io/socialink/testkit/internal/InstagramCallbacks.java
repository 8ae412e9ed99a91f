package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Meta sends the app on its own: whether an account's webhook subscription for the app is on
 * (from consent until {@code DELETE /me/subscribed_apps}), and the {@code signed_request} that the
 * deauthorize and data-deletion callbacks carry, signed with the app secret. Not thread-safe: used
 * under the platform's lock.
 */
final class InstagramCallbacks {
  private final Clock clock;
  private final String appSecret;
  private final Set<String> subscribed = new HashSet<>();

  /**
   * Creates the callbacks.
   *
   * @param clock the clock {@code issued_at} is read from
   * @param appSecret the Instagram app's secret, the signing key
   */
  InstagramCallbacks(Clock clock, String appSecret) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
  }

  /** Turns the account's webhooks on, as consent does. */
  void subscribe(String userId) {
    subscribed.add(userId);
  }

  /** Whether the account's webhooks are on. */
  boolean subscribed(String userId) {
    return subscribed.contains(userId);
  }

  /** {@code DELETE /me/subscribed_apps}: turns the account's webhooks off. */
  Reply unsubscribe(String userId) {
    subscribed.remove(userId);
    return Json.reply(200, Json.template(InstagramPayloads.bytes(InstagramPayloads.SUBSCRIBED_APPS)));
  }

  /**
   * A {@code signed_request}: {@code <base64url HMAC-SHA256(app secret, payload)>.<base64url payload>}.
   *
   * @param userId the account, known to the emulator
   * @return the value
   */
  String signedRequest(String userId) {
    Map<String, Object> p = Json.template(InstagramPayloads.bytes(InstagramPayloads.SIGNED_REQUEST_PAYLOAD));
    long issued = clock.instant().getEpochSecond();
    p.put("algorithm", "HMAC-SHA256");
    p.put("expires", issued + 3600);
    p.put("issued_at", issued);
    p.put("user_id", userId);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = b64.encodeToString(Json.reply(200, p).body());
    byte[] sig = HexFormat.of().parseHex(Crypto.hmacSha256Hex(appSecret, payload.getBytes(StandardCharsets.US_ASCII)));
    return b64.encodeToString(sig) + "." + payload;
  }
}
