package io.socialink.crosspost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a cross-post's text is made from the source caption:
 * {@code prefix + caption + suffix}, then the hashtags to add and the link back to the original.
 * {@link Captions#fit} fits it to the target, keeping the prefix, the hashtags and the link back.
 * Immutable.
 *
 * <pre>{@code
 * CaptionTemplate t = CaptionTemplate.ofDefaults().withPrefix("New on Instagram:").withHashtags(List.of("#art"));
 * }</pre>
 *
 * @param prefix text before the caption, possibly empty
 * @param suffix text after the caption, possibly empty; dropped first when nothing else fits
 * @param hashtags hashtags to add, each {@code #} and letters, digits or underscores
 * @param linkBack whether to end with the original's public address, when the source gives one
 */
public record CaptionTemplate(String prefix, String suffix, List<String> hashtags, boolean linkBack) {
  private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]*[\\p{L}_][\\p{L}\\p{N}_]*");

  /** Validates and copies the components. */
  public CaptionTemplate {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(suffix, "suffix");
    hashtags = List.copyOf(Objects.requireNonNull(hashtags, "hashtags"));
    for (String h : hashtags) {
      if (!HASHTAG.matcher(h).matches()) {
        throw new IllegalArgumentException("a hashtag is '#' then letters, digits or underscores (not only digits);"
            + " got '" + h + "'");
      }
    }
  }

  /**
   * The source caption as it is, with the link back.
   *
   * @return the template
   */
  public static CaptionTemplate ofDefaults() {
    return new CaptionTemplate("", "", List.of(), true);
  }

  /**
   * A copy with another prefix.
   *
   * @param value the prefix
   * @return the copy
   */
  public CaptionTemplate withPrefix(String value) {
    return new CaptionTemplate(value, suffix, hashtags, linkBack);
  }

  /**
   * A copy with another suffix.
   *
   * @param value the suffix
   * @return the copy
   */
  public CaptionTemplate withSuffix(String value) {
    return new CaptionTemplate(prefix, value, hashtags, linkBack);
  }

  /**
   * A copy with other hashtags to add.
   *
   * @param value the hashtags, each starting with {@code #}
   * @return the copy
   */
  public CaptionTemplate withHashtags(List<String> value) {
    return new CaptionTemplate(prefix, suffix, new ArrayList<>(value), linkBack);
  }

  /**
   * A copy that does or does not link back to the original.
   *
   * @param value true to link back
   * @return the copy
   */
  public CaptionTemplate withLinkBack(boolean value) {
    return new CaptionTemplate(prefix, suffix, hashtags, value);
  }
}
