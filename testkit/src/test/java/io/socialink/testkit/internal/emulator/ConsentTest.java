package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentTest {
  final Consent<String> consent = new Consent<>("alice");

  @Test
  void theUserSetConsentsFromThenOn() {
    assertThat(consent.user()).isEqualTo("alice");
    consent.consentAs("bob");
    assertThat(consent.user()).isEqualTo("bob");
    assertThatThrownBy(() -> consent.consentAs(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDenialCountsOnce() {
    assertThat(consent.takeDenial()).isFalse();
    consent.denyNext();
    consent.denyNext();
    assertThat(consent.takeDenial()).isTrue();
    assertThat(consent.takeDenial()).isFalse();
  }

  @Test
  void withheldScopesAreLeftOutInTheOrderAskedUntilReplaced() {
    Set<String> asked = new LinkedHashSet<>(List.of("c", "a", "b"));
    consent.withhold(Set.of("a"));

    assertThat(consent.grant(asked)).containsExactly("c", "b");
    assertThat(asked).containsExactly("c", "a", "b");
    consent.withhold(Set.of());
    assertThat(consent.grant(asked)).containsExactly("c", "a", "b");
  }
}
