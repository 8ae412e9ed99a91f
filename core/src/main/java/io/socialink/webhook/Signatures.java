package io.socialink.webhook;

import io.socialink.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography webhook verifiers share: HMAC-SHA256 with an app secret, constant-time
 * comparison, and a short digest that names a delivery without quoting it. Stateless and thread-safe.
 *
 * <pre>{@code
 * byte[] expected = Signatures.hmacSha256(clientSecret, (timestamp + ".").getBytes(UTF_8), rawBody);
 * if (!Signatures.matches(given, expected)) throw new WebhookRejectedException(...);
 * }</pre>
 */
public final class Signatures {
  private Signatures() {}

  /**
   * HMAC-SHA256 of the parts, in order, keyed with a secret's UTF-8 bytes.
   *
   * @param key the secret
   * @param parts the message, in parts
   * @return the 32-byte MAC
   */
  public static byte[] hmacSha256(Secret key, byte[]... parts) {
    Objects.requireNonNull(key, "key");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(Objects.requireNonNull(part, "part"));
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /**
   * Compares a given signature with the expected one in time that does not depend on where they differ.
   *
   * @param given the signature received
   * @param expected the signature computed
   * @return true if equal
   */
  public static boolean matches(byte[] given, byte[] expected) {
    return MessageDigest.isEqual(Objects.requireNonNull(given, "given"), Objects.requireNonNull(expected, "expected"));
  }

  /**
   * The first 16 bytes of a body's SHA-256 in lowercase hex: an id for a delivery that carries none,
   * which names the body without showing it.
   *
   * @param body the raw body
   * @return 32 hex characters
   */
  public static String digest(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(body, "body")),
          0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
