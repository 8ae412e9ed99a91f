package io.socialink.auth;

import io.socialink.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A PKCE pair (RFC 7636): the verifier kept secret until the code exchange, and the challenge sent
 * in the authorization URL. {@link #s256(Secret)} is the standard form; a provider whose platform
 * departs from it (TikTok's hex-encoded challenge) builds its own with {@link #Pkce(Secret, String, String)}.
 *
 * @param verifier the code verifier, 43-128 unreserved characters
 * @param challenge the code challenge
 * @param method the challenge method, e.g. {@code S256}
 */
public record Pkce(Secret verifier, String challenge, String method) {
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** Validates the components. */
  public Pkce {
    Objects.requireNonNull(verifier, "verifier");
    if (!VERIFIER.matcher(verifier.reveal()).matches()) {
      throw new IllegalArgumentException("PKCE verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~");
    }
    Objects.requireNonNull(challenge, "challenge");
    if (challenge.isBlank()) {
      throw new IllegalArgumentException("PKCE challenge must not be blank");
    }
    Objects.requireNonNull(method, "method");
    if (method.isBlank()) {
      throw new IllegalArgumentException("PKCE method must not be blank");
    }
  }

  /**
   * A new random verifier: 32 random bytes, base64url without padding (43 characters).
   *
   * @param random the random source; use a {@link java.security.SecureRandom} outside tests
   * @return the verifier
   */
  public static Secret newVerifier(RandomGenerator random) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * The S256 pair: challenge = base64url-without-padding(SHA-256(verifier)).
   *
   * @param verifier the verifier
   * @return the pair
   */
  public static Pkce s256(Secret verifier) {
    return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier)), "S256");
  }

  /**
   * SHA-256 of the verifier's ASCII bytes, for providers that encode the challenge their own way.
   *
   * @param verifier the verifier
   * @return the digest
   */
  public static byte[] sha256(Secret verifier) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(verifier.reveal().getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
