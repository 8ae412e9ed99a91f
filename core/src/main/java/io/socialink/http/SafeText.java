package io.socialink.http;

import java.util.Objects;

/**
 * Makes text that came from a platform or a browser fit for an exception message or a log line: one
 * line, bounded, and with secrets masked. Control characters (CR, LF, ESC and the other C0 and C1
 * codes), Unicode line and paragraph separators, format characters such as bidirectional overrides,
 * and unpaired surrogates all become spaces (a run of them one space), so the text cannot forge log
 * lines or terminal output.
 *
 * <p>Long text is cut <em>before</em> it is redacted, so masking costs time in proportion to the limit,
 * not to the text; the word a cut splits is dropped, since it could be the start of a token too short
 * for {@link Redaction} to recognise.
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeText {
  /** The mark that ends text that was cut. */
  public static final String ELLIPSIS = "…";

  /** How much longer than the final limit text may be when redacted, so masks do not eat the limit. */
  private static final int REDACTION_ROOM = 4;

  private SafeText() {}

  /**
   * Text as one line of at most {@code maxChars} characters plus {@link #ELLIPSIS}: unsafe characters
   * become spaces, surrounding white space is stripped, and text that is longer is cut, dropping the
   * word the cut split. Reads at most {@code maxChars + 1} characters of {@code text}. Does not redact.
   *
   * @param text the text
   * @param maxChars the longest result before the ellipsis, at least 1
   * @return the line
   */
  public static String oneLine(String text, int maxChars) {
    Objects.requireNonNull(text, "text");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive; got " + maxChars);
    }
    boolean cut = text.length() > maxChars;
    int n = cut ? maxChars : text.length();
    StringBuilder b = new StringBuilder(n + 1);
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (i + 1 < n) {
          int cp = Character.toCodePoint(ch, text.charAt(i + 1));
          if (unsafe(cp)) {
            b.append(' ');
          } else {
            b.append(ch).append(text.charAt(i + 1));
          }
        }
        i++;
      } else {
        b.append(Character.isSurrogate(ch) || unsafe(ch) ? ' ' : ch);
      }
    }
    collapseSpaces(b);
    if (cut) {
      int end = b.length();
      while (end > 0 && !Character.isWhitespace(b.charAt(end - 1))) {
        end--;
      }
      if (end > 0) {
        b.setLength(end); // the split word could be the first characters of a secret
      }
    }
    String line = b.toString().strip();
    return cut ? line + ELLIPSIS : line;
  }

  /**
   * Text as one redacted line of at most {@code maxChars} characters plus {@link #ELLIPSIS}: cut to a
   * few times the limit, made one line, redacted with {@link Redaction#text}, then cut to the limit.
   *
   * @param text the text
   * @param maxChars the longest result before the ellipsis, at least 1
   * @return the safe excerpt
   */
  public static String excerpt(String text, int maxChars) {
    return oneLine(Redaction.text(oneLine(text, roomFor(maxChars))), maxChars);
  }

  /**
   * A text quoted as someone else's words: {@code "..."} around an {@link #excerpt}, with quotes and
   * backslashes inside escaped, so a reader can tell where the quoted text ends.
   *
   * @param text the text
   * @param maxChars the longest excerpt before the ellipsis, at least 1
   * @return the quoted excerpt
   */
  public static String quoted(String text, int maxChars) {
    String e = excerpt(text, maxChars);
    return '"' + e.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /**
   * The length to cut text to before redacting it for a result of {@code maxChars}.
   *
   * @param maxChars the final limit
   * @return a few times the limit, without overflow
   */
  public static int roomFor(int maxChars) {
    return (int) Math.min(Integer.MAX_VALUE - 1L, (long) maxChars * REDACTION_ROOM + 64);
  }

  /** Runs of white space become one space, so a stripped CR LF leaves one gap, not two. */
  private static void collapseSpaces(StringBuilder b) {
    int out = 0;
    boolean space = false;
    for (int i = 0; i < b.length(); i++) {
      char ch = b.charAt(i);
      boolean isSpace = ch == ' ';
      if (!(isSpace && space)) {
        b.setCharAt(out++, ch);
      }
      space = isSpace;
    }
    b.setLength(out);
  }

  private static boolean unsafe(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
        return true;
      default:
        return false;
    }
  }
}
