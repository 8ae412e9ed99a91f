package io.socialink.internal.crosspost;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.crosspost.RecentPost;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostMatcherTest {
  static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void findsAPostWhoseLinksThePlatformWrappedAndWhoseEntitiesItEscaped() {
    RecentPost stored = new RecentPost("9", "Tom &amp; Jerry <3\n\n#art https://t.co/abc https://t.co/media",
        Optional.of(T.plusSeconds(2)));

    PostMatcher.Result r = PostMatcher.find("Tom & Jerry <3\n\n#art https://www.instagram.com/p/x/", T,
        List.of(new RecentPost("8", "other", Optional.of(T)), stored));

    assertThat(PostMatcher.post(r)).contains(stored);
  }

  @Test
  void aPostOlderThanTheAttemptIsNotIt() {
    RecentPost old = new RecentPost("7", "same", Optional.of(T.minus(PostMatcher.SKEW).minusSeconds(1)));

    assertThat(PostMatcher.find("same", T, List.of(old))).isInstanceOf(PostMatcher.Absent.class);
    assertThat(PostMatcher.find("same", T, List.of(new RecentPost("7", "same", Optional.empty()))))
        .isInstanceOf(PostMatcher.Found.class);
  }

  @Test
  void aTextOfOnlyLinksCannotBeFound() {
    assertThat(PostMatcher.find("https://www.instagram.com/p/x/", T, List.of()))
        .isInstanceOf(PostMatcher.Unknowable.class);
    assertThat(PostMatcher.find("", T, List.of())).isInstanceOf(PostMatcher.Unknowable.class);
    assertThat(PostMatcher.findable("hello https://x.test")).isTrue();
  }
}
