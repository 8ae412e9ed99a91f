package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.crosspost.CrossPostEntry;
import io.socialink.spi.TextRules;
import io.socialink.x.XProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrossPostDemoTest {
  static final TextRules X = new XProvider().textRules();

  @Test
  void postsNewInstagramMediaOnXWithFittedCaptionsAndNothingTwiceAfterARestart() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CrossPostDemo.Outcome outcome = CrossPostDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(outcome.xPosts()).hasSize(4).allSatisfy(t -> assertThat(X.fits(t)).as(t).isTrue())
        .noneMatch(t -> t.contains("An old post")) // history is not copied
        .noneMatch(t -> t.contains("Coffee break") || t.contains("#private") || t.contains("licensed song"));
    assertThat(outcome.xPosts().get(0)).startsWith("New on Instagram: Morning light over the harbour")
        .contains("\u2026\n\n#studio https://www.instagram.com/p/");
    assertThat(X.length(outcome.xPosts().get(0))).isGreaterThan(260);
    assertThat(outcome.xPosts().get(1)).startsWith("New on Instagram: Timelapse of the whole painting\n\n#studio https://");
    assertThat(outcome.xPosts().get(2)).startsWith("New on Instagram:\n\n#studio https://"); // a post without a caption
    assertThat(outcome.postsAfterRestart()).isEqualTo(outcome.postsBeforeKill() + 1);
    assertThat(outcome.journal()).extracting(CrossPostEntry::state).containsOnly(CrossPostEntry.State.POSTED,
        CrossPostEntry.State.SKIPPED);
    assertThat(outcome.journal()).filteredOn(e -> e.state() == CrossPostEntry.State.SKIPPED).hasSize(3);
    assertThat(outcome.journal()).last().satisfies(e -> {
      assertThat(e.state()).isEqualTo(CrossPostEntry.State.POSTED);
      assertThat(e.reason()).get().asString().contains("found among the target's recent posts");
    });
    assertThat(out).contains("CROSS_POST instagram account @bronzfonz -> x account @XDevelopers")
        .contains("skipped").contains("content type STORY").contains("nothing was posted twice")
        .doesNotContain("emulator-client-secret").doesNotContain(io.socialink.testkit.instagram.InstagramEmulator.APP_SECRET);
  }
}
