package io.socialink.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Supplies the AES keys that encrypt tokens at rest, by key id. The caller provides it, so a KMS or a
 * vault can hold the keys; Socialink has no built-in default key.
 *
 * <p>Several keys can be known at once so that a key rotates: rows are written with the
 * {@linkplain #primaryKeyId() primary} key, rows written with an older key stay readable while it is
 * still supplied, and {@link JdbcStores#reencrypt()} rewrites them with the primary key.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProvider.of("2026-11", Map.of(
 *     "2026-11", KeyProvider.aesKey(vault.read("socialink/2026-11")),
 *     "2026-05", KeyProvider.aesKey(vault.read("socialink/2026-05"))));
 * }</pre>
 *
 * <p>Implementations are thread-safe; {@link #key} is called for every encryption and decryption, so
 * a remote provider should cache.
 */
public interface KeyProvider {
  /** What a key id looks like: 1 to 64 letters, digits, dots, dashes or underscores. */
  Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * The id of the key new ciphertexts are written with.
   *
   * @return the key id
   */
  String primaryKeyId();

  /**
   * The key with an id.
   *
   * @param keyId the key id, as stored with a ciphertext
   * @return the AES key (128, 192 or 256 bits), or empty if this provider does not know the id
   */
  Optional<SecretKey> key(String keyId);

  /**
   * A provider over a fixed set of keys.
   *
   * @param primaryKeyId the id of the key to write with; must be among {@code keys}
   * @param keys the keys by id
   * @return the provider
   * @throws IllegalArgumentException if the primary key is missing, a key id is malformed or a key is
   *     not an AES key of 16, 24 or 32 bytes (the message never contains key material)
   */
  static KeyProvider of(String primaryKeyId, Map<String, SecretKey> keys) {
    Objects.requireNonNull(primaryKeyId, "primaryKeyId");
    Map<String, SecretKey> copy = new LinkedHashMap<>();
    Objects.requireNonNull(keys, "keys").forEach((id, key) -> {
      checkKeyId(id);
      copy.put(id, checkKey(key, id));
    });
    if (!copy.containsKey(primaryKeyId)) {
      throw new IllegalArgumentException("the primary key id '" + primaryKeyId + "' is not among the keys " + copy.keySet());
    }
    Map<String, SecretKey> fixed = Map.copyOf(copy);
    return new KeyProvider() {
      @Override
      public String primaryKeyId() {
        return primaryKeyId;
      }

      @Override
      public Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(fixed.get(keyId));
      }

      @Override
      public String toString() {
        return "KeyProvider[primary=" + primaryKeyId + ", keyIds=" + copy.keySet() + "]";
      }
    };
  }

  /**
   * Wraps raw key bytes as an AES key.
   *
   * @param raw 16, 24 or 32 bytes; copied
   * @return the key
   * @throws IllegalArgumentException if the length is wrong
   */
  static SecretKey aesKey(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes; got " + raw.length);
    }
    return new SecretKeySpec(raw.clone(), "AES");
  }

  /**
   * Checks a key id.
   *
   * @param keyId the id
   * @return the id
   * @throws IllegalArgumentException if it does not match {@link #KEY_ID}
   */
  static String checkKeyId(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("a key id has 1 to 64 letters, digits, '.', '-' or '_'");
    }
    return keyId;
  }

  private static SecretKey checkKey(SecretKey key, String keyId) {
    Objects.requireNonNull(key, "key " + keyId);
    byte[] encoded = key.getEncoded();
    int length = encoded == null ? -1 : encoded.length;
    if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (length != 16 && length != 24 && length != 32)) {
      throw new IllegalArgumentException("key '" + keyId + "' is not an AES key of 16, 24 or 32 bytes");
    }
    return key;
  }
}
