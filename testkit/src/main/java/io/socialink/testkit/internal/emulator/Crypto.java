package io.socialink.testkit.internal.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The digests emulators check and sign with: PKCE challenges and HMAC signatures. */
public final class Crypto {
  private Crypto() {}

  /**
   * SHA-256 of ASCII text.
   *
   * @param text the text
   * @return the digest
   */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * RFC 7636's S256 challenge: base64url SHA-256 without padding.
   *
   * @param verifier the verifier
   * @return the challenge
   */
  public static String s256Base64Url(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  /**
   * TikTok's S256 challenge: lowercase hex SHA-256.
   *
   * @param verifier the verifier
   * @return the challenge, 64 characters
   */
  public static String s256Hex(String verifier) {
    return HexFormat.of().formatHex(sha256(verifier));
  }

  /**
   * Lowercase hex HMAC-SHA256.
   *
   * @param key the key
   * @param message the message
   * @return the signature
   */
  public static String hmacSha256Hex(String key, byte[] message) {
    return HexFormat.of().formatHex(hmacSha256(key, message));
  }

  /**
   * Standard base64 HMAC-SHA256, as X signs webhooks and CRC answers.
   *
   * @param key the key
   * @param message the message
   * @return the signature
   */
  public static String hmacSha256Base64(String key, byte[] message) {
    return Base64.getEncoder().encodeToString(hmacSha256(key, message));
  }

  private static byte[] hmacSha256(String key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compares secrets in constant time.
   *
   * @param a one
   * @param b the other
   * @return whether they are equal
   */
  public static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
