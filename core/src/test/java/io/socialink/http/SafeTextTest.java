package io.socialink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void unsafeCharactersBecomeSpaces() {
    assertThat(SafeText.oneLine("a\r\nb\u001b[31mc\u0085d\u2028e\u2029f\u202eg\u0000h\ti", 100))
        .isEqualTo("a b [31mc d e f g h i");
    assertThat(SafeText.oneLine("\ud800x\udc00", 100)).isEqualTo("x");
    assertThat(SafeText.oneLine("emoji \ud83d\ude00 kept", 100)).isEqualTo("emoji \ud83d\ude00 kept");
  }

  @Test
  void longTextIsCutDroppingTheSplitWord() {
    assertThat(SafeText.oneLine("one two three", 9)).isEqualTo("one two…");
    assertThat(SafeText.oneLine("abcdefghij", 4)).isEqualTo("abcd…");
    assertThat(SafeText.oneLine("ab \ud83d\ude00x", 4)).isEqualTo("ab…");
    assertThat(SafeText.oneLine("short", 5)).isEqualTo("short");
    assertThatThrownBy(() -> SafeText.oneLine("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenSplitByTheCutDoesNotLeakItsStart() {
    String text = "x".repeat(30) + " see Bearer abcdefghijklmnopqrstuvwxyz0123456789";

    assertThat(SafeText.excerpt(text, 45)).doesNotContain("abcd");
    assertThat(SafeText.excerpt("try again with access_token=abcdefghijklmnop and more", 300)).doesNotContain("abcdefghijklmnop");
  }

  @Test
  void hugeTextIsCutBeforeItIsRedacted() {
    String huge = "access_token=secret1234 " + "word ".repeat(4_000_000);
    long start = System.nanoTime();

    String e = SafeText.excerpt(huge, 300);

    assertThat(e).hasSizeLessThanOrEqualTo(301).doesNotContain("secret1234").endsWith("…");
    // Redacting 20 M characters takes seconds; the excerpt only ever looks at about 1,300 of them.
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void quotedTextEscapesQuotesAndBackslashes() {
    assertThat(SafeText.quoted("say \"hi\" \\ bye", 100)).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
  }
}
