package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CryptoTest {
  @Test
  void pkceChallengesInBothEncodings() {
    String verifier = "dBjftJeZ4CVP-mJ92K9WgXIkP_9K9HRXxENkeCrBpGA";

    assertThat(Crypto.s256Base64Url(verifier)).isEqualTo("NKalgif5se5VJfU0cnY-vZ9Roju07tJ1E9gsyPVv3bo");
    assertThat(Crypto.s256Hex(verifier)).isEqualTo("34a6a58227f9b1ee5525f53472763ebd9f51a23bb4eed27513d82cc8f56fddba");
    assertThat(Crypto.s256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hmacSha256HexMatchesRfc4231() {
    // RFC 4231 test case 2.
    assertThat(Crypto.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void sameComparesWholeStrings() {
    assertThat(Crypto.same("abc", "abc")).isTrue();
    assertThat(Crypto.same("abc", "abd")).isFalse();
    assertThat(Crypto.same("abc", "ab")).isFalse();
  }
}
