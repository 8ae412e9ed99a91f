package io.socialink.x.internal;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.socialink.spi.TextRules;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X's weighted length through the official twitter-text library (configuration v3): NFC first, every
 * URL counts 23, an emoji sequence 2, code points outside the light ranges (CJK, "…", "•") 2, at most
 * 280. Stateless and thread-safe.
 */
public final class XTextRules implements TextRules {
  /** The shared instance. */
  public static final XTextRules INSTANCE = new XTextRules();

  private static final TwitterTextConfiguration DEFAULT = TwitterTextConfiguration.getDefaultConfig();
  /** The characters X refuses in a post, as twitter-text's validator does. */
  private static final Pattern REFUSED = Pattern.compile("[\\uFEFF\\uFFFE\\uFFFF]");
  private static final String REFUSED_NAMES = "U+FEFF, U+FFFE or U+FFFF";

  private XTextRules() {}

  @Override
  public int maxLength() {
    return DEFAULT.getMaxWeightedTweetLength();
  }

  @Override
  public int length(String text) {
    Objects.requireNonNull(text, "text");
    return TwitterTextParser.parseTweet(text).weightedLength;
  }

  /**
   * The full twitter-text verdict on a post's text.
   *
   * @param text the text
   * @return the results
   */
  public static TwitterTextParseResults parse(String text) {
    return TwitterTextParser.parseTweet(Objects.requireNonNull(text, "text"));
  }

  /**
   * Answers whether X takes the text as it is, by twitter-text's verdict: at most 280 weighted and
   * free of U+FEFF, U+FFFE and U+FFFF, which X refuses whatever the length. They are looked for in the
   * whole text, as twitter-text does not check inside what it reads as a URL
   * ({@code https://exa\uFEFFmple.com/} is "valid" to it). A blank text weighs 0 and fits (whether a
   * post may be empty is {@link #rejection}'s question).
   */
  @Override
  public boolean fits(String text) {
    Objects.requireNonNull(text, "text");
    return !hasRefusedCharacter(text) && (text.trim().isEmpty() || parse(text).isValid);
  }

  /**
   * Answers whether a text holds a character X refuses in any post: U+FEFF, U+FFFE or U+FFFF.
   *
   * @param text the text
   * @return true if it holds one
   */
  public static boolean hasRefusedCharacter(String text) {
    return REFUSED.matcher(text).find();
  }

  /**
   * Why X would refuse a post's text, and what to do about it.
   *
   * @param reason what is wrong
   * @param remediation what the caller can do
   */
  public record Refusal(String reason, String remediation) {}

  /**
   * Why X would refuse a text, if it would.
   *
   * @param text the text of a post that may also carry media
   * @param hasMedia whether media is attached (then the text may be empty)
   * @return the refusal, or empty when X accepts it
   */
  public static Optional<Refusal> rejection(String text, boolean hasMedia) {
    if (text.isBlank()) {
      return hasMedia ? Optional.empty()
          : Optional.of(new Refusal("the text is empty", "Give the post some text or attach media."));
    }
    TwitterTextParseResults r = parse(text);
    boolean refused = hasRefusedCharacter(text);
    int max = DEFAULT.getMaxWeightedTweetLength();
    if (r.weightedLength > max) {
      return Optional.of(new Refusal("the text weighs " + r.weightedLength + " of X's " + max
          + " (URLs count 23, emoji and CJK 2)" + (refused ? " and holds a character X refuses (" + REFUSED_NAMES + ")" : ""),
          "Shorten the text, e.g. with socialink.textRules(\"x\").fit(text, \"…\")"
              + (refused ? ", which also drops the refused characters." : ".")));
    }
    if (refused || !r.isValid) {
      return Optional.of(new Refusal("the text holds a character X refuses (" + REFUSED_NAMES + ")",
          "Remove U+FEFF (a byte-order mark, often left by text read from a file or pasted), U+FFFE and U+FFFF"
              + " from the text; socialink.textRules(\"x\").fit(text, \"…\") drops them."));
    }
    return Optional.empty();
  }

  /**
   * Drops the characters X refuses (U+FEFF, U+FFFE, U+FFFF) and returns the rest if it fits. Otherwise
   * keeps the longest prefix of whole tokens (a URL, an emoji sequence, else a grapheme cluster) that
   * fits with the suffix. Every candidate is parsed in full, because NFC can make a text longer (U+FB2C
   * becomes three code points) and a cut can change what counts as a URL; a cheap estimate of each
   * prefix's weight only says where to start looking. The result is a cut whose next token would not
   * fit, and it is checked again. Only when not even the first cluster fits (a letter with hundreds
   * of combining marks) is the text cut between code points, still never inside a URL, an emoji
   * sequence or a surrogate pair.
   *
   * @throws IllegalArgumentException if the suffix alone does not fit
   */
  @Override
  public String fit(String text, String suffix) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(suffix, "suffix");
    if (fits(text)) {
      return text;
    }
    String clean = REFUSED.matcher(text).replaceAll("");
    if (clean.length() != text.length() && fits(clean)) {
      return clean;
    }
    if (!fits(suffix)) {
      throw new IllegalArgumentException("the suffix alone does not fit: it weighs " + length(suffix) + " of "
          + maxLength() + (hasRefusedCharacter(suffix) ? " and holds a character X refuses" : ""));
    }
    Cuts cuts = new Cuts(clean);
    int room = maxLength() - length(suffix);
    int kept = longestFitting(clean, cuts, cuts.boundaries(true), room, suffix);
    if (kept == 0) {
      kept = longestFitting(clean, cuts, cuts.boundaries(false), room, suffix);
    }
    String result = candidate(clean, kept, suffix);
    if (!fits(result)) {
      throw new IllegalStateException("a fitted X text does not fit; weighed " + length(result));
    }
    return result;
  }

  private static String candidate(String text, int end, String suffix) {
    return text.substring(0, end).stripTrailing() + suffix;
  }

  private boolean fitsAt(String text, int[] bounds, int i, String suffix) {
    return i == 0 || fits(candidate(text, bounds[i], suffix)); // the suffix alone fits
  }

  /**
   * The longest cut among the boundaries whose candidate fits while the next boundary's does not.
   * Starts at the estimate, gallops up or down to a boundary on the other side, then bisects, keeping
   * "lo fits, hi does not" throughout.
   */
  private int longestFitting(String text, Cuts cuts, int[] bounds, int room, String suffix) {
    int last = bounds.length - 1;
    // The whole text does not fit, nor with the suffix, unless stripping trailing white space saves it.
    boolean trailingSpace = !text.isEmpty() && Character.isWhitespace(text.codePointBefore(text.length()));
    if (trailingSpace && fitsAt(text, bounds, last, suffix)) {
      return bounds[last];
    }
    int seed = 0;
    for (int lo = 0, hi = last; lo <= hi; ) {
      int mid = (lo + hi) >>> 1;
      if (cuts.estimate(bounds[mid]) <= room) {
        seed = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    int lo;
    int hi;
    if (fitsAt(text, bounds, seed, suffix)) {
      lo = seed;
      hi = -1;
      for (int step = 1; hi < 0; step *= 2) {
        int probe = Math.min(lo + step, last);
        if (probe < last && fitsAt(text, bounds, probe, suffix)) {
          lo = probe;
        } else {
          hi = probe;
        }
      }
    } else {
      hi = seed;
      lo = -1;
      for (int step = 1; lo < 0; step *= 2) {
        int probe = Math.max(hi - step, 0);
        if (fitsAt(text, bounds, probe, suffix)) {
          lo = probe;
        } else {
          hi = probe;
        }
      }
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (fitsAt(text, bounds, mid, suffix)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return bounds[lo];
  }

  /**
   * A text's URLs and emoji sequences, which are never cut, and an estimate of the weight of each of
   * its prefixes: 23 per URL, 2 per emoji sequence, else each code point's NFC form by the weight
   * ranges. The estimate ignores compositions across code points and is only a starting point.
   */
  private static final class Cuts {
    private final String text;
    private final boolean[] inside;
    private final int[] weightBefore;

    Cuts(String text) {
      this.text = text;
      int n = text.length();
      this.inside = new boolean[n + 1];
      int[] tokenEnd = new int[n + 1];
      int[] tokenWeight = new int[n + 1];
      for (Extractor.Entity url : new Extractor().extractURLsWithIndices(text)) {
        mark(url.getStart(), url.getEnd(), tokenEnd, tokenWeight, DEFAULT.getTransformedURLLength());
      }
      Matcher emoji = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
      while (emoji.find()) {
        mark(emoji.start(), emoji.end(), tokenEnd, tokenWeight, DEFAULT.getDefaultWeight() / DEFAULT.getScale());
      }
      this.weightBefore = new int[n + 1];
      int weight = 0;
      for (int p = 0; p < n; ) {
        int next;
        if (tokenEnd[p] > p) {
          next = tokenEnd[p];
          weight += tokenWeight[p];
        } else {
          int cp = text.codePointAt(p);
          next = p + Character.charCount(cp);
          weight += codePointWeight(cp);
        }
        for (int q = p + 1; q <= next; q++) {
          weightBefore[q] = weight;
        }
        p = next;
      }
    }

    private void mark(int start, int end, int[] tokenEnd, int[] tokenWeight, int weight) {
      if (start < 0 || end > text.length() || start >= end || inside[start] || tokenEnd[start] > 0) {
        return; // overlaps a token already marked
      }
      for (int i = start + 1; i < end; i++) {
        inside[i] = true;
      }
      tokenEnd[start] = end;
      tokenWeight[start] = weight;
    }

    int estimate(int end) {
      return weightBefore[end];
    }

    /** Where the text may be cut, from 0 to its length: between grapheme clusters or code points. */
    int[] boundaries(boolean clusters) {
      List<Integer> out = new ArrayList<>();
      out.add(0);
      if (clusters) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
          if (!inside[b]) {
            out.add(b);
          }
        }
      } else {
        for (int b = 0; b < text.length(); ) {
          b += Character.charCount(text.codePointAt(b));
          if (!inside[b]) {
            out.add(b);
          }
        }
      }
      if (out.get(out.size() - 1) != text.length()) {
        out.add(text.length());
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int codePointWeight(int cp) {
      if (cp < 0x300) {
        return 1; // Latin-1 and the Latin extensions are NFC-stable and light
      }
      String nfc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFC);
      int sum = 0;
      for (int i = 0; i < nfc.length(); ) {
        int c = nfc.codePointAt(i);
        sum += rangeWeight(c);
        i += Character.charCount(c);
      }
      return sum;
    }

    private static int rangeWeight(int cp) {
      for (TwitterTextConfiguration.TwitterTextWeightedRange r : DEFAULT.getRanges()) {
        if (r.getRange().isInRange(cp)) {
          return r.getWeight() / DEFAULT.getScale();
        }
      }
      return DEFAULT.getDefaultWeight() / DEFAULT.getScale();
    }
  }
}
