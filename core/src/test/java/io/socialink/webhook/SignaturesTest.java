package io.socialink.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  @Test
  void hmacSha256MatchesTheRfc4231TestVector() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    byte[] mac = Signatures.hmacSha256(Secret.of("Jefe"), "what do ya want ".getBytes(StandardCharsets.US_ASCII),
        "for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void matchesComparesWholeSignaturesAndDigestNamesABodyWithoutShowingIt() {
    byte[] a = Signatures.hmacSha256(Secret.of("k"), new byte[] {1});
    assertThat(Signatures.matches(a, a.clone())).isTrue();
    assertThat(Signatures.matches(a, Signatures.hmacSha256(Secret.of("k"), new byte[] {2}))).isFalse();
    assertThat(Signatures.matches(new byte[0], a)).isFalse();
    assertThat(Signatures.digest("hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e").hasSize(32);
  }
}
