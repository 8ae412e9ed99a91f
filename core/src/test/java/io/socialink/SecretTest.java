package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void revealsOnlyOnPurpose() throws Exception {
    Secret s = Secret.of("tok-123");
    assertThat(s.reveal()).isEqualTo("tok-123");
    assertThat(s.toString()).isEqualTo("****").doesNotContain("tok");
    assertThat(new ObjectMapper().writeValueAsString(s)).isEqualTo("\"****\"");
  }

  @Test
  void fingerprintIsShortStableAndNotTheValue() {
    Secret s = Secret.of("tok-123");
    assertThat(s.fingerprint()).hasSize(12).isEqualTo(Secret.of("tok-123").fingerprint())
        .isNotEqualTo(Secret.of("tok-124").fingerprint()).doesNotContain("tok");
  }

  @Test
  void equalityComparesValues() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("b").hashCode());
  }

  @Test
  void blankIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> Secret.of("   ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret value must not be blank");
  }
}
