package io.socialink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Secret;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void s256ChallengeIsBase64UrlOfSha256WithoutPadding() {
    // Expected value computed independently (Python hashlib + base64.urlsafe_b64encode, padding stripped).
    Pkce pkce = Pkce.s256(Secret.of("dBjftJeZ4CVP-mJ0aFMI3pJuAPXK1gyYAtKlBWLm8Sk"));
    assertThat(pkce.challenge()).isEqualTo("pZ3dr5fCV_g6u-pOjlXZThdmSale7LMBmohqoYTGV6s");
    assertThat(pkce.method()).isEqualTo("S256");
  }

  @Test
  void newVerifierIs43UnreservedCharactersAndDiffersPerCall() {
    Random random = new Random(7);
    Secret a = Pkce.newVerifier(random);
    Secret b = Pkce.newVerifier(random);
    assertThat(a.reveal()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void rejectsVerifiersOutsideRfc7636() {
    assertThatThrownBy(() -> Pkce.s256(Secret.of("short"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("43-128").hasMessageNotContaining("short");
    assertThatThrownBy(() -> Pkce.s256(Secret.of("a".repeat(129)))).hasMessageContaining("43-128");
    assertThatThrownBy(() -> Pkce.s256(Secret.of("a".repeat(42) + "!"))).hasMessageContaining("43-128");
  }
}
