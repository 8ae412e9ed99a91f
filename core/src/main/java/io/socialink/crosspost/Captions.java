package io.socialink.crosspost;

import io.socialink.spi.TextRules;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a cross-post's text from a {@link CaptionTemplate} and a source caption, fitted to a target's
 * {@link TextRules} (for X, the weighted 280 through the X provider's rules). The text is
 * {@code prefix caption suffix}, a blank line, then the hashtags to add and the link back.
 *
 * <p>When it is too long, the caption is cut at a grapheme boundary (an emoji sequence, a flag or a
 * letter with its accents stays whole), never inside a URL, a hashtag or a mention, and ends with an
 * ellipsis; the prefix, the hashtags to add and the link back are kept. Only when they alone do not
 * fit are the suffix, then the hashtags (last first), then the prefix given up; the link back goes
 * last, and is never cut: a text that cannot hold it whole is empty. A missing caption still makes a
 * valid text from the rest of the template, possibly empty (a post of media only). Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * String text = Captions.fit(template, item.caption(), item.permalink(), socialink.platforms().textRules("x"));
 * }</pre>
 */
public final class Captions {
  /** What a cut caption ends with. */
  public static final String ELLIPSIS = "\u2026";

  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  /** Spans never cut: URLs (with or without a scheme), hashtags, cashtags and mentions. */
  private static final Pattern TOKEN = Pattern.compile(
      "(?:https?://|www\\.)\\S+|[\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)+(?:/\\S*)?|[#@$][\\p{L}\\p{N}_]+");

  private static final Pattern URL_AT_END = Pattern.compile(
      "(?:(?:https?://|www\\.)\\S+|[\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)+(?:/\\S*)?)$");

  private Captions() {}

  /**
   * Makes and fits a text.
   *
   * @param template the template
   * @param caption the source caption, if any
   * @param permalink the original's public address, if any; used when the template links back
   * @param rules the target's text rules
   * @return the text, within the rules; possibly empty
   */
  public static String fit(CaptionTemplate template, Optional<String> caption, Optional<URI> permalink,
      TextRules rules) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(permalink, "permalink");
    Objects.requireNonNull(rules, "rules");
    String body = caption.map(String::strip).orElse("");
    String link = template.linkBack() ? permalink.map(URI::toString).orElse("") : "";
    String prefix = template.prefix().strip();
    String suffix = template.suffix().strip();
    List<String> tags = template.hashtags();

    String whole = compose(prefix, body, suffix, missing(tags, body), link);
    if (rules.fits(whole)) {
      return whole;
    }
    Optional<String> cut = cutCaption(prefix, body, suffix, tags, link, rules);
    if (cut.isPresent()) {
      return cut.get();
    }
    String withoutCaption = compose(prefix, "", suffix, tags, link);
    if (rules.fits(withoutCaption)) {
      return withoutCaption;
    }
    // Not even the template without the caption fits: give up the suffix, the hashtags, then the prefix.
    List<String> kept = new ArrayList<>(tags);
    String candidate = compose(prefix, "", "", kept, link);
    while (!rules.fits(candidate) && !kept.isEmpty()) {
      kept.remove(kept.size() - 1);
      candidate = compose(prefix, "", "", kept, link);
    }
    if (rules.fits(candidate)) {
      return candidate;
    }
    Optional<String> shortPrefix = cutText(prefix, p -> compose(p, "", "", List.of(), link), rules);
    if (shortPrefix.isPresent()) {
      return shortPrefix.get();
    }
    return rules.fits(link) ? link : "";
  }

  /** The caption cut to fit with the whole prefix, suffix, hashtags and link; empty if none of it fits. */
  private static Optional<String> cutCaption(String prefix, String body, String suffix, List<String> tags,
      String link, TextRules rules) {
    if (body.isEmpty()) {
      return Optional.empty();
    }
    return cutText(body, b -> compose(prefix, b, suffix, missing(tags, b), link), rules);
  }

  /**
   * The longest cut of a text, ended with an ellipsis, that makes a fitting result; empty when no
   * non-empty cut does.
   */
  private static Optional<String> cutText(String text, java.util.function.UnaryOperator<String> result,
      TextRules rules) {
    List<Integer> cuts = cutPoints(text);
    int lo = 0;
    int hi = cuts.size() - 1;
    int best = -1;
    while (lo <= hi) { // the length grows with the cut; the hashtags re-added to the tail only shrink
      int mid = (lo + hi) >>> 1;
      if (rules.fits(result.apply(ellipsized(text, cuts.get(mid))))) {
        best = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    int from = best >= 0 ? best : cuts.size() - 1;
    for (int i = from; i >= 0; i--) { // in case the length is not monotone near the answer
      String cut = ellipsized(text, cuts.get(i));
      String candidate = result.apply(cut);
      if (rules.fits(candidate)) {
        return Optional.of(candidate);
      }
      if (best >= 0) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String ellipsized(String text, int end) {
    String kept = text.substring(0, end).stripTrailing();
    // An ellipsis right after a link could be read as part of it.
    return kept + (URL_AT_END.matcher(kept).find() ? " " : "") + ELLIPSIS;
  }

  /**
   * Where a text may be cut, shortest first: after each grapheme cluster, except inside a token that
   * must stay whole, and only where something but spaces comes before.
   */
  static List<Integer> cutPoints(String text) {
    boolean[] inToken = new boolean[text.length() + 1];
    Matcher t = TOKEN.matcher(text);
    while (t.find()) {
      for (int i = t.start() + 1; i < t.end(); i++) {
        inToken[i] = true;
      }
    }
    List<Integer> out = new ArrayList<>();
    Matcher g = GRAPHEME.matcher(text);
    boolean seenText = false;
    while (g.find()) {
      seenText |= !g.group().isBlank();
      int end = g.end();
      if (seenText && end < text.length() && !inToken[end]) {
        out.add(end);
      }
    }
    return out;
  }

  /** The template's hashtags the text does not have yet. */
  private static List<String> missing(List<String> tags, String text) {
    java.util.Set<String> present = CrossPostRules.hashtagsOf(text);
    return tags.stream().filter(h -> !present.contains(h.substring(1).toLowerCase(Locale.ROOT))).distinct().toList();
  }

  private static String compose(String prefix, String body, String suffix, List<String> tags, String link) {
    String head = join(" ", prefix, body, suffix);
    String tail = join(" ", String.join(" ", tags), link);
    return join("\n\n", head, tail);
  }

  private static String join(String separator, String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (!p.isEmpty()) {
        if (sb.length() > 0) {
          sb.append(separator);
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }
}
