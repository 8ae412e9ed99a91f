package io.socialink.crosspost;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cross-post link copies and how: the content types that pass (images, carousels, videos and
 * reels by default; stories only when asked), the caption template, hashtag filters, and how many
 * existing items the first run copies (none by default: a new link does not flood the target with
 * history). Immutable; build with {@link #builder()} or take {@link #ofDefaults()}.
 *
 * <pre>{@code
 * CrossPostRules rules = CrossPostRules.builder()
 *     .contentTypes(Set.of(ContentType.IMAGE, ContentType.CAROUSEL))
 *     .caption(CaptionTemplate.ofDefaults().withHashtags(List.of("#studio")))
 *     .excludeHashtags(Set.of("#private"))
 *     .build();
 * }</pre>
 *
 * @param contentTypes the content types copied
 * @param caption the caption template
 * @param includeHashtags when not empty, only items whose caption has one of these hashtags are copied
 * @param excludeHashtags items whose caption has one of these hashtags are not copied
 * @param backfill how many of the newest existing items the first run copies; 0 copies none
 * @param pageSize how many of the newest source items one poll reads at most, 1 to 100; when more
 *     were published since the last poll, only the newest this many are copied, so poll more often
 *     than the source account posts a page's worth
 */
public record CrossPostRules(Set<ContentType> contentTypes, CaptionTemplate caption, Set<String> includeHashtags,
    Set<String> excludeHashtags, int backfill, int pageSize) {
  private static final Pattern HASHTAG_IN_TEXT = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]+)");

  /** Validates and copies the components; hashtags are compared without case and without {@code #}. */
  public CrossPostRules {
    contentTypes = Set.copyOf(Objects.requireNonNull(contentTypes, "contentTypes"));
    if (contentTypes.isEmpty()) {
      throw new IllegalArgumentException("contentTypes must name at least one type");
    }
    Objects.requireNonNull(caption, "caption");
    includeHashtags = normalized(Objects.requireNonNull(includeHashtags, "includeHashtags"));
    excludeHashtags = normalized(Objects.requireNonNull(excludeHashtags, "excludeHashtags"));
    if (backfill < 0) {
      throw new IllegalArgumentException("backfill must not be negative; got " + backfill);
    }
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("pageSize must be 1-100; got " + pageSize);
    }
    if (backfill > pageSize) {
      throw new IllegalArgumentException("backfill " + backfill + " is more than pageSize " + pageSize);
    }
  }

  /**
   * Images, carousels, videos and reels; the caption as it is with the link back; no hashtag filter;
   * no backfill; 25 items a poll.
   *
   * @return the rules
   */
  public static CrossPostRules ofDefaults() {
    return builder().build();
  }

  /**
   * Starts building rules from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers why an item does not pass these rules.
   *
   * @param item the item
   * @return the reason, or empty when it passes
   */
  public java.util.Optional<String> refusal(SourceItem item) {
    Objects.requireNonNull(item, "item");
    if (!contentTypes.contains(item.type())) {
      return java.util.Optional.of("content type " + item.type() + " is not copied by this link (it copies "
          + contentTypes.stream().map(Enum::name).sorted().toList() + ")");
    }
    Set<String> tags = hashtagsOf(item.caption().orElse(""));
    if (!includeHashtags.isEmpty() && tags.stream().noneMatch(includeHashtags::contains)) {
      return java.util.Optional.of("the caption has none of the hashtags " + sorted(includeHashtags)
          + " that this link requires");
    }
    for (String t : tags) {
      if (excludeHashtags.contains(t)) {
        return java.util.Optional.of("the caption has the hashtag #" + t + ", which this link excludes");
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The hashtags of a text, lower-cased, without {@code #}.
   *
   * @param text the text
   * @return the hashtags
   */
  static Set<String> hashtagsOf(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = HASHTAG_IN_TEXT.matcher(text);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static Set<String> normalized(Set<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      String s = Objects.requireNonNull(t, "hashtag").startsWith("#") ? t.substring(1) : t;
      if (s.isEmpty() || !s.matches("[\\p{L}\\p{N}_]+")) {
        throw new IllegalArgumentException("a hashtag filter is letters, digits or underscores, with or without '#';"
            + " got '" + t + "'");
      }
      out.add(s.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  private static java.util.List<String> sorted(Set<String> tags) {
    return tags.stream().sorted().map(t -> "#" + t).toList();
  }

  /** Builds {@link CrossPostRules}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private Set<ContentType> contentTypes = EnumSet.of(ContentType.IMAGE, ContentType.CAROUSEL, ContentType.VIDEO,
        ContentType.REEL);
    private CaptionTemplate caption = CaptionTemplate.ofDefaults();
    private Set<String> include = Set.of();
    private Set<String> exclude = Set.of();
    private int backfill;
    private int pageSize = 25;

    private Builder() {}

    /**
     * The content types copied; stories only when named here.
     *
     * @param value at least one type
     * @return this builder
     */
    public Builder contentTypes(Set<ContentType> value) {
      Objects.requireNonNull(value, "contentTypes");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("contentTypes must name at least one type");
      }
      this.contentTypes = EnumSet.copyOf(value);
      return this;
    }

    /**
     * The caption template.
     *
     * @param value the template
     * @return this builder
     */
    public Builder caption(CaptionTemplate value) {
      this.caption = Objects.requireNonNull(value, "caption");
      return this;
    }

    /**
     * Copies only items whose caption has one of these hashtags.
     *
     * @param value the hashtags, with or without {@code #}
     * @return this builder
     */
    public Builder includeHashtags(Set<String> value) {
      this.include = normalized(Objects.requireNonNull(value, "includeHashtags"));
      return this;
    }

    /**
     * Never copies items whose caption has one of these hashtags.
     *
     * @param value the hashtags, with or without {@code #}
     * @return this builder
     */
    public Builder excludeHashtags(Set<String> value) {
      this.exclude = normalized(Objects.requireNonNull(value, "excludeHashtags"));
      return this;
    }

    /**
     * How many of the newest existing items the first run copies; 0 (the default) copies none.
     *
     * @param value 0 to the page size
     * @return this builder
     */
    public Builder backfill(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("backfill must not be negative; got " + value);
      }
      this.backfill = value;
      return this;
    }

    /**
     * How many of the newest source items one poll reads at most; 25 by default.
     *
     * @param value 1 to 100
     * @return this builder
     */
    public Builder pageSize(int value) {
      if (value < 1 || value > 100) {
        throw new IllegalArgumentException("pageSize must be 1-100; got " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * Builds the rules.
     *
     * @return the rules
     * @throws IllegalArgumentException if the backfill is more than the page size
     */
    public CrossPostRules build() {
      return new CrossPostRules(contentTypes, caption, include, exclude, backfill, pageSize);
    }
  }
}
