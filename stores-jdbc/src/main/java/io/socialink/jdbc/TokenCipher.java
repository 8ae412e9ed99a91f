package io.socialink.jdbc;

import io.socialink.Secret;
import io.socialink.jdbc.StoreEncryptionException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM for tokens at rest. A sealed value is {@code 0x01 | 12-byte random nonce | ciphertext and
 * 16-byte tag}; the key id is stored beside it in its own column. The associated data binds the
 * ciphertext to its row and field ({@code table/owner/id/field}) and to the key id, so a ciphertext
 * copied to another row, field or key id does not decrypt. Thread-safe.
 */
final class TokenCipher {
  static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyProvider keys;
  private final SecureRandom random;

  TokenCipher(KeyProvider keys, SecureRandom random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Names one encrypted field of one row, unambiguously (lengths prefix the ids): the associated data
   * and the subject of error messages.
   */
  static String context(String record, String ownerId, String id, String field) {
    return record + " " + ownerId.length() + ":" + ownerId + "/" + id.length() + ":" + id + " " + field;
  }

  /** A ciphertext and the id of the key that made it. */
  record Sealed(String keyId, byte[] value) {}

  /** The primary key id, checked. */
  String primaryKeyId() {
    return KeyProvider.checkKeyId(keys.primaryKeyId());
  }

  /** Encrypts with the primary key. */
  Sealed seal(Secret secret, String context) {
    String keyId = primaryKeyId();
    SecretKey key = key(keyId, context);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(context, keyId));
      byte[] sealed = c.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
      return new Sealed(keyId, ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed)
          .array());
    } catch (InvalidKeyException e) {
      throw badKey(keyId, context, e);
    } catch (GeneralSecurityException e) {
      throw new StoreEncryptionException(Reason.BAD_KEY, "cannot encrypt " + context + " with key '" + keyId + "': "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Decrypts a value sealed for the same context. */
  Secret open(String keyId, byte[] value, String context) {
    SecretKey key = key(keyId, context);
    if (value.length < 1 + NONCE_BYTES + TAG_BITS / 8 + 1 || value[0] != FORMAT) {
      throw new StoreEncryptionException(Reason.MALFORMED, "the stored " + context + " is not a ciphertext of format "
          + FORMAT, null);
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
      c.updateAAD(aad(context, keyId));
      byte[] plain = c.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      throw new StoreEncryptionException(Reason.NOT_AUTHENTIC, "the stored " + context + " does not authenticate under"
          + " key '" + keyId + "': the key under that id is not the one it was written with, or the value was changed"
          + " or copied from another row", null);
    } catch (InvalidKeyException e) {
      throw badKey(keyId, context, e);
    } catch (GeneralSecurityException e) {
      throw new StoreEncryptionException(Reason.BAD_KEY, "cannot decrypt " + context + " with key '" + keyId + "': "
          + e.getClass().getSimpleName(), e);
    }
  }

  private SecretKey key(String keyId, String context) {
    SecretKey key;
    try {
      key = keys.key(keyId).orElse(null);
    } catch (RuntimeException e) {
      throw new StoreEncryptionException(Reason.UNKNOWN_KEY_ID, "the key provider failed to supply key '" + keyId
          + "' for " + context + ": " + e.getClass().getSimpleName(), e);
    }
    if (key == null) {
      throw new StoreEncryptionException(Reason.UNKNOWN_KEY_ID, "the key provider does not know key id '" + keyId
          + "', which " + context + " is encrypted with", null);
    }
    byte[] encoded = key.getEncoded();
    int length = encoded == null ? -1 : encoded.length;
    if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (length != 16 && length != 24 && length != 32)) {
      throw new StoreEncryptionException(Reason.BAD_KEY, "key '" + keyId + "' from the key provider is not an AES key"
          + " of 16, 24 or 32 bytes (" + key.getAlgorithm() + ", " + Math.max(length, 0) + " bytes)", null);
    }
    return key;
  }

  private static StoreEncryptionException badKey(String keyId, String context, InvalidKeyException e) {
    return new StoreEncryptionException(Reason.BAD_KEY, "key '" + keyId + "' cannot be used for " + context + ": "
        + e.getClass().getSimpleName(), null);
  }

  private static byte[] aad(String context, String keyId) {
    return ("socialink/" + FORMAT + "/" + context + "/key=" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
