package io.socialink.x.internal;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.socialink.spi.TextRules;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * X's weighted length through the official twitter-text library (configuration v3): NFC first, every
 * URL counts 23, an emoji sequence 2, code points outside the light ranges (CJK, "…", "•") 2, at most
 * 280. Stateless and thread-safe.
 */
public final class XTextRules implements TextRules {
  /** The shared instance. */
  public static final XTextRules INSTANCE = new XTextRules();

  private static final TwitterTextConfiguration DEFAULT = TwitterTextConfiguration.getDefaultConfig();

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
   * Why X would refuse a text, if it would.
   *
   * @param text the text of a post that may also carry media
   * @param hasMedia whether media is attached (then the text may be empty)
   * @return the reason, or empty when X accepts it
   */
  public static java.util.Optional<String> rejection(String text, boolean hasMedia) {
    if (text.isBlank()) {
      return hasMedia ? java.util.Optional.empty() : java.util.Optional.of("the text is empty");
    }
    TwitterTextParseResults r = parse(text);
    if (r.weightedLength > DEFAULT.getMaxWeightedTweetLength()) {
      return java.util.Optional.of("the text weighs " + r.weightedLength + " of X's " + DEFAULT.getMaxWeightedTweetLength()
          + " (URLs count 23, emoji and CJK 2)");
    }
    if (!r.isValid) {
      return java.util.Optional.of("the text holds a character X refuses (U+FFFE, U+FEFF or U+FFFF)");
    }
    return java.util.Optional.empty();
  }

  /**
   * Cuts at twitter-text's valid range computed with room for the suffix, never inside a URL, an
   * emoji sequence or a surrogate pair, then re-checks: NFC and URL rules can move the count.
   */
  @Override
  public String fit(String text, String suffix) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(suffix, "suffix");
    if (fits(text)) {
      return text;
    }
    int suffixWeight = length(suffix);
    int room = maxLength() - suffixWeight;
    if (room <= 0) {
      throw new IllegalArgumentException("the suffix alone weighs " + suffixWeight + " of " + maxLength());
    }
    TwitterTextConfiguration roomy = new TwitterTextConfiguration.Builder()
        .setVersion(DEFAULT.getVersion())
        .setMaxWeightedTweetLength(room)
        .setScale(DEFAULT.getScale())
        .setDefaultWeight(DEFAULT.getDefaultWeight())
        .setEmojiParsingEnabled(DEFAULT.getEmojiParsingEnabled())
        .setTransformedURLLength(DEFAULT.getTransformedURLLength())
        .setRanges(DEFAULT.getRanges())
        .build();
    int end = TwitterTextParser.parseTweet(text, roomy).validTextRange.end + 1;
    end = Math.max(0, Math.min(end, text.length()));
    while (true) {
      end = safeCut(text, end);
      String candidate = text.substring(0, end).stripTrailing() + suffix;
      if (fits(candidate) || end == 0) {
        return fits(candidate) ? candidate : "";
      }
      end = text.offsetByCodePoints(end, -1);
    }
  }

  /** Moves a cut point back so it falls outside every URL and emoji sequence and between code points. */
  private static int safeCut(String text, int end) {
    int cut = end;
    if (cut > 0 && cut < text.length() && Character.isLowSurrogate(text.charAt(cut))
        && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    List<Extractor.Entity> urls = new Extractor().extractURLsWithIndices(text);
    for (Extractor.Entity url : urls) {
      if (url.getStart() < cut && cut < url.getEnd()) {
        cut = url.getStart();
      }
    }
    Matcher emoji = com.twitter.twittertext.TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
    while (emoji.find() && emoji.start() < cut) {
      if (cut < emoji.end()) {
        cut = emoji.start();
        break;
      }
    }
    return cut;
  }
}
