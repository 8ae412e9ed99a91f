package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts' media and what reads them: media added as if posted in the Instagram app or published
 * through the API, listed by {@code /me/media} and {@code /<IG_ID>/media} newest first in cursor pages,
 * counted in a profile's {@code media_count} ({@code /me}, or {@code /<IG_ID>} with a Facebook token),
 * and served without a token at the public {@code /cdn/<id>} address of their {@code media_url}. Media
 * and container ids come from one sequence, as Graph object ids do. Not thread-safe: used under the
 * platform's lock.
 */
final class InstagramMedia {
  private static final DateTimeFormatter META_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

  /** The bytes the emulated CDN serves for media published through the API (a one-pixel PNG). */
  private static final byte[] PUBLISHED_FILE = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private record Media(String id, String userId, Optional<String> caption, String mediaType, String productType,
      Instant at, Optional<byte[]> file) {}

  private final Clock clock;
  private final InstagramAccounts accounts;
  private final GraphReplies replies;
  private final List<Media> media = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong(17889455560051444L);

  /**
   * Creates the library.
   *
   * @param clock the clock media are stamped by
   * @param accounts the accounts media belong to
   * @param replies the Graph errors' wording
   */
  InstagramMedia(Clock clock, InstagramAccounts accounts, GraphReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accounts = accounts;
    this.replies = replies;
  }

  /** The next Graph object id, for a media object or a container. */
  String nextId() {
    return String.valueOf(ids.incrementAndGet());
  }

  /** Adds a media object as if the user had posted it in the app; an empty file leaves {@code media_url} out. */
  String add(String userId, String mediaType, String productType, Optional<String> caption, Optional<byte[]> file) {
    if (!accounts.has(userId)) {
      throw new IllegalArgumentException("no account " + userId + " on the emulator");
    }
    String id = nextId();
    media.add(new Media(id, userId, caption, mediaType, productType, clock.instant(), file.map(byte[]::clone)));
    return id;
  }

  /** Adds a media object published through the API, with the CDN's stand-in file. */
  String published(String userId, Optional<String> caption, String mediaType, String productType) {
    String id = nextId();
    media.add(new Media(id, userId, caption, mediaType, productType, clock.instant(), Optional.of(PUBLISHED_FILE)));
    return id;
  }

  /** How many media objects of the account are stamped after an instant. */
  int countSince(String userId, Instant since) {
    return (int) media.stream().filter(m -> m.userId().equals(userId) && m.at().isAfter(since)).count();
  }

  private long count(String userId) {
    return media.stream().filter(m -> m.userId().equals(userId)).count();
  }

  /** {@code GET /cdn/<id>}: a media file, no token needed. */
  Reply cdn(Call c) {
    String id = c.params().get("id");
    for (Media m : media) {
      if (m.id().equals(id) && m.file().isPresent()) {
        String type = m.mediaType().equals("VIDEO") ? "video/mp4" : "image/jpeg";
        return new Reply(200, Map.of("Content-Type", type), m.file().get());
      }
    }
    return Reply.text(404, "Not Found");
  }

  /** {@code GET /me} with an Instagram token: the account's profile, the fields asked. */
  Reply me(Call c, InstagramAccounts.User u) {
    Map<String, Object> all = Json.template(InstagramPayloads.bytes(InstagramPayloads.ME));
    all.put("user_id", u.id());
    all.put("id", u.appScopedId());
    all.put("username", u.username());
    all.put("name", u.name());
    all.put("media_count", count(u.id()));
    return Json.reply(200, GraphReplies.pick(all, GraphReplies.fields(c, "id")));
  }

  /** {@code GET /<IG_ID>} with a Facebook token: the Instagram account, the fields asked and its id. */
  Reply instagramUser(Call c, InstagramAccounts.User u) {
    Map<String, Object> all = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_IG_USER));
    all.put("id", u.id());
    all.put("username", u.username());
    all.put("name", u.name());
    all.put("media_count", count(u.id()));
    return Json.reply(200, GraphReplies.pick(all, GraphReplies.fieldsWithId(c)));
  }

  /** {@code GET /me/media} or {@code /<IG_ID>/media}: the account's media newest first, one page. */
  Reply page(Call c, InstagramAccounts.User u) {
    List<Media> mine = new ArrayList<>();
    for (int i = media.size() - 1; i >= 0; i--) {
      if (media.get(i).userId().equals(u.id())) {
        mine.add(media.get(i));
      }
    }
    Optional<GraphReplies.Slice> s = GraphReplies.slice(c, mine.size());
    if (s.isEmpty()) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    List<String> fields = GraphReplies.fields(c, "id");
    List<Map<String, Object>> data = new ArrayList<>();
    for (Media m : mine.subList(s.get().from(), s.get().to())) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("id", m.id());
      m.caption().ifPresent(cap -> all.put("caption", cap));
      all.put("media_type", m.mediaType());
      all.put("media_product_type", m.productType());
      if (m.file().isPresent()) {
        all.put("media_url", "http://" + c.header("host") + "/cdn/" + m.id());
      }
      all.put("permalink", "https://www.instagram.com/p/" + m.id() + "/");
      all.put("timestamp", META_TIME.format(m.at()));
      all.put("username", u.username());
      data.add(GraphReplies.pick(all, fields));
    }
    Map<String, Object> page = Json.template(InstagramPayloads.bytes(InstagramPayloads.MEDIA_LIST));
    page.put("data", data);
    page.put("paging", GraphReplies.paging(c, s.get(), mine.size(), u.id() + "/media"));
    return Json.reply(200, page);
  }
}
