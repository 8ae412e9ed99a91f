package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import io.socialink.spi.TextRules;
import io.socialink.x.XProvider;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** X's weighted length, checked on twitter-text's own conformance cases (fact sheet §8). */
class XTextRulesTest {
  static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
  final TextRules rules = new XProvider().textRules();

  @Test
  void conformanceExamples() {
    assertThat(rules.maxLength()).isEqualTo(280);
    assertThat(rules.length("Hi http://test.co")).isEqualTo(26);
    assertThat(rules.length("http://test.co")).isEqualTo(23);
    assertThat(rules.length("https://example.com/a/very/long/path/that/is/still/one/url?with=query")).isEqualTo(23);
    assertThat(rules.length("example.com")).isEqualTo(23);
    assertThat(rules.length("\u7530".repeat(160))).isEqualTo(320);
    assertThat(rules.length(FAMILY)).isEqualTo(2);
    assertThat(rules.length(FAMILY.repeat(140))).isEqualTo(280);
    assertThat(rules.fits(FAMILY.repeat(140))).isTrue();
    assertThat(rules.length("H\uD83D\uDC31\u263A" + FAMILY)).isEqualTo(7);
    assertThat(rules.length("1\u20E3")).isEqualTo(2);
    assertThat(rules.length("…")).isEqualTo(2);
    assertThat(rules.length("...")).isEqualTo(3);
    assertThat(rules.length("A\uFB2C")).isEqualTo(4);
    assertThat(rules.length("A\u0301B")).isEqualTo(2);
  }

  @Test
  void theValidPrefixOf160CjkIs140() {
    assertThat(XTextRules.parse("\u7530".repeat(160)).validTextRange.end).isEqualTo(139);
  }

  @Test
  void fitReservesTheSuffixWeight() {
    String fitted = rules.fit("\u7530".repeat(160), "…");

    assertThat(fitted).isEqualTo("\u7530".repeat(139) + "…");
    assertThat(rules.length(fitted)).isEqualTo(280);
  }

  @Test
  void fitLeavesTextThatFitsAlone() {
    String text = "a".repeat(280);

    assertThat(rules.fit(text, "…")).isSameAs(text);
  }

  @Test
  void fitNeverCutsInsideAUrl() {
    String url = "https://example.com/" + "p".repeat(60);
    String text = "a".repeat(265) + " " + url + " tail";

    String fitted = rules.fit(text, "…");

    assertThat(fitted).doesNotContain("https://");
    assertThat(fitted).endsWith("a…");
    assertThat(rules.fits(fitted)).isTrue();
  }

  @Test
  void fitNeverCutsInsideAnEmojiSequence() {
    String text = "a".repeat(278) + FAMILY + "b";

    assertThat(rules.fit(text, "…")).isEqualTo("a".repeat(278) + "…");
    assertThat(rules.fit(text, ".")).isEqualTo("a".repeat(278) + ".");
    assertThat(rules.fit("a".repeat(277) + FAMILY + FAMILY, ".")).isEqualTo("a".repeat(277) + FAMILY + ".");
  }

  @Test
  void fitWithAsciiDotsCostsThree() {
    String fitted = rules.fit("b".repeat(300), "...");

    assertThat(fitted).isEqualTo("b".repeat(277) + "...");
  }

  @Test
  void fitKeepsTheLongestPrefixWhenNfcMakesTheTextLonger() {
    // U+FB2C is one UTF-16 unit that NFC turns into three code points of weight 1: 3 each.
    String fitted = rules.fit("\uFB2C".repeat(200), "…");

    assertThat(fitted).isEqualTo("\uFB2C".repeat(92) + "…");
    assertThat(rules.length(fitted)).isEqualTo(278);
    assertThat(rules.fits("\uFB2C".repeat(93) + "…")).isFalse();
  }

  @Test
  void fitKeepsTheLongestPrefixOfHindiWithPrecomposedNuktaLetters() {
    // U+095B (za) and U+095E (fa) are composition exclusions: NFC makes each two code points.
    assertThat(rules.fit("\u095B".repeat(200), "…")).isEqualTo("\u095B".repeat(139) + "…");

    String phrase = "\u095B\u093F\u0902\u0926\u0917\u0940 \u095E\u093F\u0932\u094D\u092E ".repeat(40);
    String fitted = rules.fit(phrase, "…");

    assertThat(fitted).isNotEqualTo(phrase);
    assertThat(rules.fits(fitted)).isTrue();
    assertThat(rules.length(fitted)).isGreaterThanOrEqualTo(270);
    assertLongestWholeTokenPrefix(phrase, "…", fitted);
  }

  @Test
  void fitKeepsTheLongestWholeTokenPrefixOfMixedTexts() {
    List<String> pieces = List.of("word", "Socialink", "caf\u00E9", "e\u0301", "a\u0308\u0323", "\u7530", "\u65E5\u672C\u8A9E",
        "\uD55C\uAD6D\uC5B4", "\uD83D\uDE00", FAMILY, "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDEF\uD83C\uDDF5", "1\u20E3", "\u263A",
        "https://example.com/a/b?c=d", "example.org", "http://t.co/abc", "\u095B\u093F", "\u095E", "\uFB2C", "\u0928\u092E\u0938\u094D\u0924\u0947",
        "\uD835\uDC00", "…", "\u2014", "!", "#tag", "@user");
    List<String> suffixes = List.of("…", "...", " [more]", "");
    Random random = new Random(20260301L);

    for (int n = 0; n < 300; n++) {
      StringBuilder b = new StringBuilder();
      int count = 10 + random.nextInt(80);
      for (int i = 0; i < count; i++) {
        b.append(pieces.get(random.nextInt(pieces.size())));
        b.append(random.nextInt(3) == 0 ? "" : random.nextInt(8) == 0 ? "  " : " ");
      }
      String text = b.toString();
      String suffix = suffixes.get(random.nextInt(suffixes.size()));

      String fitted = rules.fit(text, suffix);

      assertThat(rules.fits(fitted)).as("case %d: %s", n, text).isTrue();
      if (rules.fits(text)) {
        assertThat(fitted).isSameAs(text);
      } else {
        assertLongestWholeTokenPrefix(text, suffix, fitted);
      }
    }
  }

  @Test
  void aClusterTooHeavyToKeepWholeIsCutBetweenCodePoints() {
    String zalgo = "a" + "\u0301".repeat(400) + " tail";

    String fitted = rules.fit(zalgo, "…");

    assertThat(rules.fits(fitted)).isTrue();
    assertThat(rules.length(fitted)).isEqualTo(280);
    assertThat(fitted).startsWith("a\u0301").endsWith("\u0301…");
  }

  /** The fitted text is a whole-token prefix plus the suffix, and one more whole token would not fit. */
  void assertLongestWholeTokenPrefix(String text, String suffix, String fitted) {
    assertThat(fitted).endsWith(suffix);
    String kept = fitted.substring(0, fitted.length() - suffix.length());
    assertThat(text).startsWith(kept);
    int cut = kept.length();
    assertThat(cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))).as("cut inside a surrogate pair").isFalse();
    List<int[]> tokens = new ArrayList<>();
    for (Extractor.Entity url : new Extractor().extractURLsWithIndices(text)) {
      tokens.add(new int[] {url.getStart(), url.getEnd()});
    }
    Matcher emoji = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
    while (emoji.find()) {
      tokens.add(new int[] {emoji.start(), emoji.end()});
    }
    for (int[] token : tokens) {
      assertThat(token[0] < cut && cut < token[1]).as("cut inside '%s'", text.substring(token[0], token[1])).isFalse();
    }
    int next = cut;
    while (next < text.length() && Character.isWhitespace(text.codePointAt(next))) {
      next += Character.charCount(text.codePointAt(next));
    }
    assertThat(next).as("the whole text would fit").isLessThan(text.length());
    int end = nextTokenEnd(text, next, tokens);
    assertThat(rules.fits(text.substring(0, end).stripTrailing() + suffix))
        .as("one more token fits: '%s' of %s", text.substring(next, end), text).isFalse();
  }

  /**
   * The end of the whole token at a position: a URL, an emoji sequence, or a grapheme cluster, carried
   * on to the end of the cluster it ends in (a URL can end before a combining mark).
   */
  static int nextTokenEnd(String text, int from, List<int[]> tokens) {
    BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
    clusters.setText(text);
    int end = clusters.following(from);
    for (int[] token : tokens) {
      if (token[0] == from) {
        end = Math.max(end, token[1]);
      }
    }
    return clusters.isBoundary(end) ? end : clusters.following(end);
  }

  @Test
  void aTextWithACharacterXRefusesDoesNotFitAndFitDropsIt() {
    assertThat(rules.fits("short \uFEFF")).isFalse();
    assertThat(rules.fits("\uFFFE")).isFalse();
    assertThat(rules.fits("a\uFFFFb")).isFalse();
    assertThat(rules.fits("https://exa\uFEFFmple.com/")).isFalse(); // twitter-text skips URLs in its check
    assertThat(XTextRules.rejection("https://exa\uFEFFmple.com/", false)).isPresent();
    assertThat(rules.fits("")).isTrue();
    assertThat(rules.fits("   ")).isTrue();

    assertThat(rules.fit("\uFEFFhello \uFFFEworld\uFFFF", "…")).isEqualTo("hello world");
    String fitted = rules.fit("\uFEFF" + "a".repeat(150) + "\uFEFF" + "b".repeat(150), "…");
    assertThat(fitted).isEqualTo("a".repeat(150) + "b".repeat(128) + "…");
    assertThat(rules.fits(fitted)).isTrue();
    assertThatThrownBy(() -> rules.fit("c".repeat(300), "\uFEFF"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectionsSayWhyAndHowToFixIt() {
    assertThat(XTextRules.rejection("x".repeat(281), false)).get().satisfies(r -> {
      assertThat(r.reason()).contains("281");
      assertThat(r.remediation()).contains("Shorten").contains("fit");
    });
    assertThat(XTextRules.rejection("", false)).get().satisfies(r -> assertThat(r.remediation()).contains("media"));
    assertThat(XTextRules.rejection("", true)).isEmpty();
    assertThat(XTextRules.rejection("bad \uFFFE char", false)).get().satisfies(r -> {
      assertThat(r.reason()).contains("U+FFFE");
      assertThat(r.remediation()).contains("Remove U+FEFF").doesNotContain("Shorten");
    });
    assertThat(XTextRules.rejection("\uFEFF" + "x".repeat(281), false)).get().satisfies(r -> {
      assertThat(r.reason()).contains("283").contains("U+FEFF");
      assertThat(r.remediation()).contains("drops the refused characters");
    });
    assertThat(XTextRules.rejection("fine", false)).isEmpty();
  }
}
