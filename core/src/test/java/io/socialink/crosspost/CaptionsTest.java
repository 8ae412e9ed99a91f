package io.socialink.crosspost;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.spi.TextRules;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptionsTest {
  static final Optional<URI> LINK = Optional.of(URI.create("https://www.instagram.com/p/C1abc/"));
  static final int LINK_LEN = LINK.get().toString().length();

  static String fit(CaptionTemplate t, String caption, int max) {
    return Captions.fit(t, Optional.of(caption), LINK, TextRules.codePoints(max));
  }

  @Test
  void aFittingCaptionGetsThePrefixSuffixHashtagsAndLinkBack() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("New:").withSuffix("(via IG)")
        .withHashtags(List.of("#art", "#daily"));

    assertThat(fit(t, "  A sunset  ", 500))
        .isEqualTo("New: A sunset (via IG)\n\n#art #daily https://www.instagram.com/p/C1abc/");
  }

  @Test
  void hashtagsTheCaptionAlreadyHasAreNotAddedTwice() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withHashtags(List.of("#Art", "#daily")).withLinkBack(false);

    assertThat(fit(t, "Sunset #art", 500)).isEqualTo("Sunset #art\n\n#daily");
  }

  @Test
  void aLongCaptionIsCutWithAnEllipsisKeepingHashtagsAndLink() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withHashtags(List.of("#art"));
    String caption = "word ".repeat(100).strip();

    String text = fit(t, caption, 100);

    assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(100);
    assertThat(text).endsWith("\n\n#art " + LINK.get()).contains(Captions.ELLIPSIS + "\n\n");
    assertThat(text.codePointCount(0, text.length())).isGreaterThan(95); // cut as late as allowed
  }

  @Test
  void exactlyAtTheLimitIsNotCut() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withLinkBack(false);
    String caption = "x".repeat(280);

    assertThat(fit(t, caption, 280)).isEqualTo(caption);
    assertThat(fit(t, caption + "y", 280)).hasSize(280).endsWith("x" + Captions.ELLIPSIS);
  }

  @Test
  void emojiSequencesAndFlagsAreNeverSplit() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withLinkBack(false);
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 7 code points
    String flag = "\uD83C\uDDEF\uD83C\uDDF5"; // 2 code points

    for (int max = 2; max < 40; max++) {
      String text = fit(t, (family + flag).repeat(5), max);
      String body = text.endsWith(Captions.ELLIPSIS) ? text.substring(0, text.length() - 1) : text;
      assertThat(body.replace(family, "").replace(flag, "")).as("max " + max).isEmpty();
      assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(max);
    }
  }

  @Test
  void combiningAccentsStayWithTheirLetter() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withLinkBack(false);
    String text = fit(t, "e\u0301".repeat(10), 6); // each é is 2 code points

    assertThat(text).isEqualTo("e\u0301e\u0301" + Captions.ELLIPSIS);
  }

  @Test
  void cjkIsCutBetweenCharacters() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withLinkBack(false);

    assertThat(fit(t, "日本語のキャプションです", 6)).isEqualTo("日本語のキ" + Captions.ELLIPSIS);
  }

  @Test
  void aUrlAtTheBoundaryIsDroppedWholeNeverCut() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withLinkBack(false);
    String caption = "See https://example.com/a/very/long/path for more";

    for (int max = 5; max < caption.length(); max++) {
      String text = fit(t, caption, max);
      assertThat(text).as("max " + max).satisfiesAnyOf(
          s -> assertThat(s).doesNotContain("http"),
          s -> assertThat(s).contains("https://example.com/a/very/long/path"));
    }
    assertThat(fit(t, caption, 42)).isEqualTo("See https://example.com/a/very/long/path " + Captions.ELLIPSIS);
    assertThat(fit(t, caption, 45)).isEqualTo("See https://example.com/a/very/long/path for" + Captions.ELLIPSIS);
  }

  @Test
  void aCaptionOfOnlyHashtagsIsCutBetweenHashtags() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withLinkBack(false);
    String caption = "#sunset #beach #summer #travel #photography";

    String text = fit(t, caption, 24);

    assertThat(text).isEqualTo("#sunset #beach #summer" + Captions.ELLIPSIS);
  }

  @Test
  void aMissingCaptionStillMakesAValidText() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("New post").withHashtags(List.of("#art"));

    assertThat(Captions.fit(t, Optional.empty(), LINK, TextRules.codePoints(280)))
        .isEqualTo("New post\n\n#art " + LINK.get());
    assertThat(Captions.fit(CaptionTemplate.ofDefaults(), Optional.empty(), Optional.empty(), TextRules.codePoints(280)))
        .isEmpty();
    assertThat(Captions.fit(CaptionTemplate.ofDefaults(), Optional.of("   "), LINK, TextRules.codePoints(280)))
        .isEqualTo(LINK.get().toString());
  }

  @Test
  void whenOnlyTheTemplateIsTooLongTheSuffixThenHashtagsThenPrefixGo() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("Prefix").withSuffix("a long suffix")
        .withHashtags(List.of("#one", "#two"));
    int room = LINK_LEN + "Prefix\n\n#one #two ".length();

    assertThat(fit(t, "caption", room)).isEqualTo("Prefix\n\n#one #two " + LINK.get());
    assertThat(fit(t, "caption", room - 1)).isEqualTo("Prefix\n\n#one " + LINK.get());
    assertThat(fit(t, "caption", LINK_LEN + 4)).isEqualTo("P" + Captions.ELLIPSIS + "\n\n" + LINK.get());
    assertThat(fit(t, "caption", LINK_LEN + 3)).isEqualTo(LINK.get().toString());
    assertThat(fit(t, "caption", LINK_LEN)).isEqualTo(LINK.get().toString());
    assertThat(fit(t, "caption", LINK_LEN - 1)).isEmpty(); // the link is never cut
  }

  @Test
  void whenNoCutOfTheCaptionFitsTheWholeTemplateStillGoes() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("New:").withSuffix("(IG)").withHashtags(List.of("#a"));
    String template = "New: (IG)\n\n#a " + LINK.get();
    int room = template.length() + 1; // no room for a caption's first letter, a space and the ellipsis

    assertThat(fit(t, "caption", room)).isEqualTo(template);
  }

  @Test
  void hashtagsCutFromTheCaptionAreAddedBackAtTheEnd() {
    CaptionTemplate t = CaptionTemplate.ofDefaults().withHashtags(List.of("#art")).withLinkBack(false);
    String caption = "word ".repeat(20) + "#art";

    assertThat(fit(t, caption, 500)).isEqualTo(caption.strip());
    String cut = fit(t, caption, 40);
    assertThat(cut).endsWith(Captions.ELLIPSIS + "\n\n#art").hasSizeLessThanOrEqualTo(40);
  }
}
