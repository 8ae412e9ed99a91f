package io.socialink.jdbc;

import java.util.Map;
import javax.crypto.SecretKey;

/** Fixed test keys: never used outside tests. */
final class TestKeys {
  static final SecretKey K1 = KeyProvider.aesKey(bytes(1));
  static final SecretKey K2 = KeyProvider.aesKey(bytes(2));
  static final SecretKey OTHER_K1 = KeyProvider.aesKey(bytes(9));

  private TestKeys() {}

  static KeyProvider k1() {
    return KeyProvider.of("k1", Map.of("k1", K1));
  }

  static byte[] bytes(int seed) {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (seed * 31 + i * 7);
    }
    return b;
  }
}
