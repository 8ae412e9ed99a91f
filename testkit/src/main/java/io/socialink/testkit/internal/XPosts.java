package io.socialink.testkit.internal;

import static io.socialink.testkit.internal.XBodies.invalidRequest;
import static io.socialink.testkit.internal.XBodies.problemPayload;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Posts on the emulated X: {@code POST /2/tweets} (X's schema, text weighed by twitter-text against 280,
 * 1 to 4 processed media of the author, duplicate text refused, the app's 24-hour limit in headers) and
 * {@code GET /2/users/:id/tweets} (newest first, {@code max_results} 5 to 100, {@code created_at} on
 * request, links wrapped as {@code t.co} and a media link appended as X shows them). Not thread-safe:
 * used under the platform's lock.
 */
final class XPosts {
  /** X's weighted limit on a post's text. */
  private static final int MAX_WEIGHTED_TEXT = 280;
  /** The members of X's CreatePostsRequest, which has additionalProperties:false. */
  private static final Set<String> POST_MEMBERS = Set.of("text", "media", "reply", "quote_tweet_id", "poll",
      "reply_settings", "for_super_followers_only", "geo", "direct_message_deep_link", "card_uri", "community_id",
      "nullcast", "edit_options", "made_with_ai", "paid_partnership", "share_with_followers");
  private static final Pattern MEDIA_ID = Pattern.compile("[0-9]{1,19}");
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private final Clock clock;
  private final XMedia media;
  private final List<XPlatform.PostRec> posts = new ArrayList<>();
  private long nextPost = 1445880548472328192L;

  /**
   * Creates the posts.
   *
   * @param clock the clock posts are stamped by
   * @param media the uploads posts attach
   */
  XPosts(Clock clock, XMedia media) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.media = media;
  }

  /** The posts made so far, oldest first. */
  List<XPlatform.PostRec> all() {
    return List.copyOf(posts);
  }

  /** {@code POST /2/tweets} by a user. */
  Reply create(String userId, byte[] body) {
    Optional<Map<String, Object>> parsed = Json.object(body);
    if (parsed.isEmpty()) {
      return invalidRequest("body", "the body is not a JSON object");
    }
    Map<String, Object> req = parsed.get();
    for (String member : req.keySet()) {
      if (!POST_MEMBERS.contains(member)) {
        // CreatePostsRequest has additionalProperties:false.
        return invalidRequest(member, "The request body has a member X does not know: " + member);
      }
    }
    Object rawText = req.getOrDefault("text", "");
    if (!(rawText instanceof String text)) {
      return invalidRequest("text", "text must be a string");
    }
    List<String> mediaIds = new ArrayList<>();
    if (req.containsKey("media")) {
      if (!(req.get("media") instanceof Map<?, ?> m) || !(m.get("media_ids") instanceof List<?> ids)) {
        return invalidRequest("media.media_ids", "media needs media_ids, 1 to 4 media id strings");
      }
      if (ids.isEmpty() || ids.size() > 4) {
        return invalidRequest("media.media_ids", "media_ids holds 1 to 4 media ids; got " + ids.size());
      }
      for (Object o : ids) {
        if (!(o instanceof String id) || !MEDIA_ID.matcher(id).matches()) {
          return invalidRequest("media.media_ids", String.valueOf(o),
              "A media id is a string of 1 to 19 digits; got " + o);
        }
        mediaIds.add(id);
      }
    }
    if (!text.isBlank()) {
      TwitterTextParseResults weighed = TwitterTextParser.parseTweet(text); // configuration v3, as X
      if (!weighed.isValid) {
        return invalidRequest("text", weighed.weightedLength > MAX_WEIGHTED_TEXT
            ? "Your Tweet text is too long. For more information on how Twitter determines text length see"
                + " https://github.com/twitter/twitter-text."
            : "The text holds a character X refuses (U+FFFE, U+FEFF or U+FFFF).");
      }
    }
    if (text.isBlank() && mediaIds.isEmpty()) {
      return invalidRequest("text", "a post needs text or media");
    }
    for (String id : mediaIds) {
      if (!media.ready(userId, id)) {
        return invalidRequest("media.media_ids", id, "The media id " + id + " is unknown, not yours, or not processed.");
      }
    }
    if (!text.isBlank() && posts.stream().anyMatch(p -> p.userId().equals(userId) && p.text().equals(text))) {
      return problemPayload(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
    }
    String id = Long.toString(nextPost++);
    posts.add(new XPlatform.PostRec(id, userId, text, List.copyOf(mediaIds), clock.instant()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("text", text);
    data.put("edit_history_tweet_ids", List.of(id));
    return Json.reply(201, Map.of("data", data)).withHeaders(Map.of(
        "x-app-limit-24hour-limit", "10000",
        "x-app-limit-24hour-remaining", Integer.toString(10000 - posts.size()),
        "x-app-limit-24hour-reset",
        Long.toString(RateWindows.wholeSecondAtOrAfter(clock.instant().plus(Duration.ofHours(24))).getEpochSecond())));
  }

  /**
   * {@code GET /2/users/:id/tweets}: the user's posts newest first, {@code max_results} 5 to 100 (10 by
   * default), {@code created_at} when asked in {@code tweet.fields}. As X does, links in a text come back
   * wrapped as {@code https://t.co/...} and a post with media ends with a link to them.
   */
  Reply byUser(String userId, Map<String, String> query) {
    int max;
    try {
      max = Integer.parseInt(query.getOrDefault("max_results", "10"));
    } catch (NumberFormatException e) {
      return invalidRequest("max_results", "max_results must be a number from 5 to 100");
    }
    if (max < 5 || max > 100) {
      return invalidRequest("max_results", query.get("max_results"),
          "The `max_results` query parameter value [" + max + "] is not between 5 and 100");
    }
    boolean createdAt = List.of(query.getOrDefault("tweet.fields", "").split(",")).contains("created_at");
    List<Map<String, Object>> data = new ArrayList<>();
    for (int i = posts.size() - 1; i >= 0 && data.size() < max; i--) {
      XPlatform.PostRec p = posts.get(i);
      if (!p.userId().equals(userId)) {
        continue;
      }
      Map<String, Object> post = new LinkedHashMap<>();
      post.put("id", p.id());
      post.put("text", wrapped(p));
      post.put("edit_history_tweet_ids", List.of(p.id()));
      if (createdAt) {
        post.put("created_at", DateTimeFormatter.ISO_INSTANT.format(p.createdAt().truncatedTo(ChronoUnit.MILLIS)));
      }
      data.add(post);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("result_count", data.size());
    Map<String, Object> body = new LinkedHashMap<>();
    if (!data.isEmpty()) {
      body.put("data", data);
      meta.put("newest_id", data.get(0).get("id"));
      meta.put("oldest_id", data.get(data.size() - 1).get("id"));
    }
    body.put("meta", meta);
    return Json.reply(200, body);
  }

  /** The text as X shows it: links wrapped, a link to the media appended, {@code & < >} escaped. */
  private static String wrapped(XPlatform.PostRec p) {
    String text = LINK.matcher(p.text()).replaceAll(m -> "https://t.co/" + shortCode(m.group()));
    if (!p.mediaIds().isEmpty()) {
      text = (text.isEmpty() ? "" : text + " ") + "https://t.co/" + shortCode(p.id());
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String shortCode(String s) {
    return Crypto.s256Base64Url(s).substring(0, 10);
  }
}
