package io.socialink.spi;

/**
 * How a platform measures text: its maximum length and how a text counts against it (X weighs URLs,
 * emoji and CJK differently). Used to fit a caption when cross-posting. Thread-safe.
 */
public interface TextRules {
  /**
   * The maximum length, in the platform's own units.
   *
   * @return the maximum
   */
  int maxLength();

  /**
   * The length of a text in the platform's own units.
   *
   * @param text the text
   * @return the length
   */
  int length(String text);

  /**
   * Answers whether a text is within the limit.
   *
   * @param text the text
   * @return true if it fits
   */
  default boolean fits(String text) {
    return length(text) <= maxLength();
  }

  /**
   * Cuts a text to fit, ending it with a suffix when cut. Never cuts inside a code point.
   *
   * @param text the text
   * @param suffix the suffix to end a cut text with, e.g. {@code "…"}
   * @return the text if it fits, else the longest prefix plus suffix that fits
   */
  default String fit(String text, String suffix) {
    if (fits(text)) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    int lo = 0;
    int hi = cps.length;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      String candidate = new String(cps, 0, mid).stripTrailing() + suffix;
      if (fits(candidate)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    String result = new String(cps, 0, lo).stripTrailing() + suffix;
    return fits(result) ? result : "";
  }

  /**
   * Rules that count Unicode code points.
   *
   * @param max the maximum number of code points
   * @return the rules
   */
  static TextRules codePoints(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive; got " + max);
    }
    return new TextRules() {
      @Override
      public int maxLength() {
        return max;
      }

      @Override
      public int length(String text) {
        return text.codePointCount(0, text.length());
      }
    };
  }
}
