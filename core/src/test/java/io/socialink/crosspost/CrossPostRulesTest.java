package io.socialink.crosspost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossPostRulesTest {
  static SourceItem item(ContentType type, String caption) {
    return new SourceItem("1", Instant.parse("2026-11-30T10:00:00Z"), type, Optional.of(caption), Optional.empty(),
        List.of());
  }

  @Test
  void storiesAreExcludedByDefaultAndTheRestPass() {
    CrossPostRules rules = CrossPostRules.ofDefaults();

    assertThat(rules.refusal(item(ContentType.STORY, "x"))).get().asString().contains("STORY");
    for (ContentType t : List.of(ContentType.IMAGE, ContentType.CAROUSEL, ContentType.VIDEO, ContentType.REEL)) {
      assertThat(rules.refusal(item(t, "x"))).as(t.name()).isEmpty();
    }
    assertThat(rules.backfill()).isZero();
  }

  @Test
  void hashtagFiltersIgnoreCaseAndTheHashSign() {
    CrossPostRules rules = CrossPostRules.builder().includeHashtags(Set.of("#Studio", "work"))
        .excludeHashtags(Set.of("private")).build();

    assertThat(rules.refusal(item(ContentType.IMAGE, "new #STUDIO piece"))).isEmpty();
    assertThat(rules.refusal(item(ContentType.IMAGE, "new piece"))).get().asString().contains("#studio");
    assertThat(rules.refusal(item(ContentType.IMAGE, "#work but #Private"))).get().asString().contains("#private");
    assertThat(rules.refusal(item(ContentType.IMAGE, "#studios"))).isPresent(); // a whole tag, not a prefix
    assertThat(rules.refusal(item(ContentType.IMAGE, "mail@x.com#work"))).isPresent(); // not a hashtag
  }

  @Test
  void invalidRulesAreRefused() {
    assertThatThrownBy(() -> CrossPostRules.builder().contentTypes(Set.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CrossPostRules.builder().includeHashtags(Set.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CrossPostRules.builder().pageSize(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CrossPostRules.builder().pageSize(5).backfill(6).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CaptionTemplate.ofDefaults().withHashtags(List.of("#123")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCursorStopsAtItsItemOrAnythingOlder() {
    SyncCursor cursor = new SyncCursor("b", Instant.parse("2026-11-30T10:00:00Z"));

    assertThat(cursor.reached(new SourceItem("b", Instant.parse("2026-11-30T10:00:00Z"), ContentType.IMAGE,
        Optional.empty(), Optional.empty(), List.of()))).isTrue();
    assertThat(cursor.reached(new SourceItem("a", Instant.parse("2026-11-30T09:59:59Z"), ContentType.IMAGE,
        Optional.empty(), Optional.empty(), List.of()))).isTrue();
    assertThat(cursor.reached(new SourceItem("c", Instant.parse("2026-11-30T10:00:00Z"), ContentType.IMAGE,
        Optional.empty(), Optional.empty(), List.of()))).isFalse();
  }
}
