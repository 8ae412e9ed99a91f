package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.auth.TokenResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A grant's attributes: bounded, never secret-looking in its text, kept through renewal. */
class GrantAttributesTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  static Grant grant(Map<String, String> attributes) {
    return new Grant("g-1", "alice", Account.of("instagram", "17841400000000000"), "facebook-login", "app-1",
        Secret.of("EAA-access-canary"), Optional.of(Secret.of("refresh-canary")), Set.of("instagram_basic"), "bearer",
        T0, Optional.of(T0.plus(Duration.ofDays(60))), Optional.empty(), 0, attributes);
  }

  @Test
  void theConstructorWithoutAttributesMakesAGrantWithNone() {
    Grant g = new Grant("g-1", "alice", Account.of("x", "1"), "oauth2", "c", Secret.of("at"), Optional.empty(),
        Set.of(), "bearer", T0, Optional.empty(), Optional.empty(), 0);

    assertThat(g.attributes()).isEmpty();
    assertThat(g.attribute("instagram.facebook_user_id")).isEmpty();
    assertThat(g).isEqualTo(g.withAttributes(Map.of()));
    assertThat(g).isNotEqualTo(g.withAttributes(Map.of("x.k", "v")));
  }

  @Test
  void attributesAreCopiedAndKeptThroughRenewal() {
    Map<String, String> given = new HashMap<>(Map.of("instagram.facebook_user_id", "10158000000000001"));
    Grant g = grant(given);
    given.put("instagram.facebook_user_id", "changed");

    assertThat(g.attribute("instagram.facebook_user_id")).contains("10158000000000001");
    assertThatThrownBy(() -> g.attributes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    Grant renewed = g.renewed(Secret.of("EAA-new"), Optional.empty(), Set.of("instagram_basic"), T0.plusSeconds(5),
        Optional.empty(), Optional.empty());
    assertThat(renewed.version()).isEqualTo(1);
    assertThat(renewed.attributes()).isEqualTo(g.attributes());
    Grant replaced = renewed.withAttributes(Map.of("instagram.facebook_user_id", "2"));
    assertThat(replaced.version()).as("a copy, not a renewal").isEqualTo(1);
    assertThat(replaced.attribute("instagram.facebook_user_id")).contains("2");
    assertThat(replaced.accessToken()).isEqualTo(renewed.accessToken());
  }

  @Test
  void attributesAreBoundedAndTheRefusalNeverQuotesAValue() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= Grant.MAX_ATTRIBUTES; i++) {
      many.put("x.k" + i, "v");
    }
    assertThatThrownBy(() -> grant(many)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 16");
    assertThatThrownBy(() -> grant(Map.of("Upper", "v"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute name");
    assertThatThrownBy(() -> grant(Map.of("", "v"))).isInstanceOf(IllegalArgumentException.class);
    for (String bad : new String[] {" ", "secret\nline", "tab\tcanary", "x".repeat(Grant.MAX_ATTRIBUTE_LENGTH + 1)}) {
      assertThatThrownBy(() -> grant(Map.of("x.k", bad))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("attribute x.k must be 1-255 characters")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("canary").doesNotContain("secret"));
    }
    assertThat(grant(Map.of("x.k", "x".repeat(Grant.MAX_ATTRIBUTE_LENGTH))).attribute("x.k")).isPresent();
    Map<String, String> withNull = new HashMap<>();
    withNull.put("x.k", null);
    assertThatThrownBy(() -> grant(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theTextNamesTheAttributesButShowsNeitherTheirValuesNorAToken() {
    Grant g = grant(Map.of("instagram.facebook_user_id", "10158000000000001", "x.b", "canary-value"));

    assertThat(g.toString()).contains("attributes=[instagram.facebook_user_id, x.b]")
        .doesNotContain("10158000000000001").doesNotContain("canary").doesNotContain("EAA");
    assertThat(grant(Map.of()).toString()).doesNotContain("attributes");
  }

  @Test
  void aTokenResponseChecksItsAttributesAsAGrantDoes() {
    TokenResponse t = new TokenResponse(Secret.of("at"), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "bearer", Optional.empty());
    assertThat(t.attributes()).isEmpty();
    TokenResponse with = new TokenResponse(Secret.of("at"), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "bearer", Optional.empty(), Map.of("x.k", "v"));
    assertThat(with.attributes()).containsEntry("x.k", "v");
    assertThatThrownBy(() -> new TokenResponse(Secret.of("at"), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "bearer", Optional.empty(), Map.of("x.k", "bad\u0000"))).isInstanceOf(IllegalArgumentException.class);
  }
}
