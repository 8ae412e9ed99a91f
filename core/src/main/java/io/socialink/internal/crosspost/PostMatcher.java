package io.socialink.internal.crosspost;

import io.socialink.crosspost.RecentPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the post an in-flight item became among the target's recent posts, by its text. Platforms
 * change a text they store: X wraps links (t.co), adds a link to attached media and escapes
 * {@code &}, {@code <} and {@code >}; so texts are compared without their links, entities unescaped
 * and spaces collapsed. Stateless.
 */
public final class PostMatcher {
  /** How much earlier than the journal's in-flight record a post may claim to be, for clock skew. */
  static final Duration SKEW = Duration.ofMinutes(5);
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private PostMatcher() {}

  /** What a search found. */
  public sealed interface Result permits Found, Absent, Unknowable {}

  /**
   * The post is there.
   *
   * @param post the post
   */
  public record Found(RecentPost post) implements Result {}

  /** The post is not among the recent posts. */
  public record Absent() implements Result {}

  /** The text has nothing to compare by (empty, or links only). */
  public record Unknowable() implements Result {}

  /**
   * Searches.
   *
   * @param text the text the item was (to be) posted with
   * @param inFlightSince when the item was marked in flight
   * @param posts the target's recent posts
   * @return what was found
   */
  public static Result find(String text, Instant inFlightSince, List<RecentPost> posts) {
    String wanted = normalize(text);
    if (wanted.isEmpty()) {
      return new Unknowable();
    }
    Instant earliest = inFlightSince.minus(SKEW);
    for (RecentPost p : posts) {
      if (p.createdAt().map(t -> !t.isBefore(earliest)).orElse(true) && normalize(p.text()).equals(wanted)) {
        return new Found(p);
      }
    }
    return new Absent();
  }

  static String normalize(String text) {
    String s = URL.matcher(text).replaceAll(" ");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  /**
   * Answers whether a text can be found again by {@link #find}.
   *
   * @param text the text
   * @return true if it has something besides links and spaces
   */
  public static boolean findable(String text) {
    return !normalize(text).isEmpty();
  }

  /**
   * The search as an optional.
   *
   * @param result a result
   * @return the post found, or empty
   */
  public static Optional<RecentPost> post(Result result) {
    return result instanceof Found f ? Optional.of(f.post()) : Optional.empty();
  }
}
