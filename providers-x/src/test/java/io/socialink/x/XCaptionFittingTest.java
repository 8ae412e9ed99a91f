package io.socialink.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.crosspost.CaptionTemplate;
import io.socialink.crosspost.Captions;
import io.socialink.spi.TextRules;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cross-post captions fitted to X's weighted 280 through the X provider's text rules: the hard cases. */
class XCaptionFittingTest {
  static final TextRules X = new XProvider().textRules();
  static final Optional<URI> PERMALINK = Optional.of(URI.create("https://www.instagram.com/p/C1aBcDeFgHi/"));
  static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
  static final CaptionTemplate PLAIN = CaptionTemplate.ofDefaults().withLinkBack(false);

  static String fit(CaptionTemplate t, String caption) {
    String text = Captions.fit(t, Optional.of(caption), PERMALINK, X);
    assertThat(X.length(text)).as(text).isLessThanOrEqualTo(280);
    return text;
  }

  @Test
  void exactly280IsKeptAnd281IsCutToExactly280WithTheEllipsis() {
    assertThat(fit(PLAIN, "a".repeat(280))).isEqualTo("a".repeat(280));
    String cut = fit(PLAIN, "a".repeat(281));
    assertThat(cut).isEqualTo("a".repeat(278) + Captions.ELLIPSIS); // the ellipsis weighs 2
    assertThat(X.length(cut)).isEqualTo(280);
  }

  @Test
  void cjkWeighsTwoAndIsCutBetweenCharacters() {
    String cut = fit(PLAIN, "\u65E5\u672C".repeat(80));

    assertThat(cut).isEqualTo("\u65E5\u672C".repeat(69) + "\u65E5" + Captions.ELLIPSIS);
    assertThat(X.length(cut)).isEqualTo(280);
  }

  @Test
  void emojiSequencesStayWhole() {
    String cut = fit(PLAIN, (FAMILY + " ").repeat(100));

    String body = cut.substring(0, cut.length() - 1);
    assertThat(body.replace(FAMILY, "").replace(" ", "")).isEmpty();
    assertThat(cut).endsWith(Captions.ELLIPSIS);
  }

  @Test
  void urlsAtTheBoundaryAreKeptWholeOrLeftOut() {
    for (int words = 120; words < 140; words++) {
      String caption = "w ".repeat(words) + "https://example.com/a/long/path/page.html more words after it";
      String text = fit(PLAIN, caption);
      assertThat(text).as("words " + words).satisfiesAnyOf(
          s -> assertThat(s).doesNotContain("https://").doesNotContain("example"),
          s -> assertThat(s).contains("https://example.com/a/long/path/page.html"));
    }
    String longUrl = "https://example.com/" + "x".repeat(400); // 420 characters, weighs 23
    assertThat(fit(PLAIN, "see " + longUrl)).isEqualTo("see " + longUrl);
  }

  @Test
  void theLinkBackAndRequiredHashtagsAreKeptWhenTheCaptionIsCut() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("New on Instagram:").withHashtags(List.of("#art"));

    String text = fit(t, "painting the harbour at dawn ".repeat(30));

    assertThat(text).startsWith("New on Instagram: painting").endsWith(Captions.ELLIPSIS + "\n\n#art " + PERMALINK.get());
    assertThat(X.length(text)).isGreaterThan(270);
  }

  @Test
  void aCaptionOfOnlyHashtagsIsCutBetweenWholeHashtags() {
    String caption = String.join(" ", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "#tag" + i).toList());

    String text = fit(CaptionTemplate.ofDefaults(), caption);

    assertThat(text).endsWith(Captions.ELLIPSIS + "\n\n" + PERMALINK.get());
    String kept = text.substring(0, text.indexOf(Captions.ELLIPSIS)).strip();
    assertThat(Arrays.asList(kept.split(" "))).allSatisfy(h -> assertThat(caption.split(" ")).contains(h));
  }

  @Test
  void aMissingCaptionStillMakesAValidPost() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("From the studio").withHashtags(List.of("#art"));

    String text = Captions.fit(t, Optional.empty(), PERMALINK, X);

    assertThat(text).isEqualTo("From the studio\n\n#art " + PERMALINK.get());
    assertThat(X.fits(text)).isTrue();
  }
}
