package io.socialink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesTest {
  @Test
  void parsesSpaceAndCommaSeparatedListsInOrderWithoutDuplicates() {
    assertThat(Scopes.parse("tweet.read users.read offline.access")).containsExactly("tweet.read", "users.read", "offline.access");
    assertThat(Scopes.parse("user.info.basic,video.list, video.upload")).containsExactly("user.info.basic", "video.list", "video.upload");
    assertThat(Scopes.parse("a a  b")).containsExactly("a", "b");
    assertThat(Scopes.parse("")).isEmpty();
  }

  @Test
  void rejectsMalformedScopesNamingTheField() {
    assertThatThrownBy(() -> Scopes.check(List.of("ok", "bad\"quote"), "requested"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requested").hasMessageContaining("malformed");
    assertThatThrownBy(() -> Scopes.check(List.of("tab\there"), "scopes")).hasMessageContaining("scopes");
    assertThatThrownBy(() -> Scopes.parse("caf\u00e9")).hasMessageContaining("malformed");
  }

  @Test
  void joinsWithTheGivenSeparator() {
    assertThat(Scopes.join(List.of("a", "b"), ",")).isEqualTo("a,b");
  }

  @Test
  void aHugeOrMultiLineMalformedScopeIsQuotedOnOneShortLine() {
    String huge = "bad\r\nFORGED LOG LINE " + "x".repeat(1_000_000);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Scopes.check(List.of(huge), "scopes"));
    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.getMessage()).hasSizeLessThan(300).doesNotContain("\n").doesNotContain("\r");
  }
}
