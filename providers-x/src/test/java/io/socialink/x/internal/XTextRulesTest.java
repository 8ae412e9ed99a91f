package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.spi.TextRules;
import io.socialink.x.XProvider;
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
  void rejectionsSayWhy() {
    assertThat(XTextRules.rejection("x".repeat(281), false)).get().asString().contains("281");
    assertThat(XTextRules.rejection("", false)).isPresent();
    assertThat(XTextRules.rejection("", true)).isEmpty();
    assertThat(XTextRules.rejection("bad \uFFFE char", false)).get().asString().contains("U+FFFE");
    assertThat(XTextRules.rejection("fine", false)).isEmpty();
  }
}
