package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Content publishing: containers ({@code POST /<IG_ID>/media}) whose status moves on the clock
 * ({@code IN_PROGRESS} for the processing time, then {@code FINISHED}, or {@code ERROR} after
 * {@link #failNext}; {@code EXPIRED} 24 hours after creation unless published), their status
 * ({@code GET /<container>}), {@code media_publish} within the publishing quota of 24 hours, and
 * {@code content_publishing_limit}. {@link #failNext} is thread-safe; the rest runs under the
 * platform's lock.
 */
final class InstagramPublishing {
  private static final class Container {
    final String id;
    final String userId;
    final Instant createdAt;
    final Optional<String> caption;
    final String mediaType;
    final boolean failed;
    boolean published;

    Container(String id, String userId, Instant createdAt, Optional<String> caption, String mediaType, boolean failed) {
      this.id = id;
      this.userId = userId;
      this.createdAt = createdAt;
      this.caption = caption;
      this.mediaType = mediaType;
      this.failed = failed;
    }
  }

  private final Clock clock;
  private final Duration processing;
  private final int quotaTotal;
  private final InstagramMedia media;
  private final GraphReplies replies;
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final AtomicInteger failContainers = new AtomicInteger();

  /**
   * Creates the publisher.
   *
   * @param clock the clock containers and the quota run on
   * @param processing how long a container stays {@code IN_PROGRESS}
   * @param quotaTotal posts allowed per 24 hours
   * @param media where published media go
   * @param replies the Graph errors' wording
   */
  InstagramPublishing(Clock clock, Duration processing, int quotaTotal, InstagramMedia media, GraphReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.processing = processing;
    this.quotaTotal = quotaTotal;
    this.media = media;
    this.replies = replies;
  }

  /** Makes the next {@code count} containers end in {@code ERROR}. */
  void failNext(int count) {
    failContainers.set(count);
  }

  /** The account a container belongs to. */
  Optional<String> ownerOf(String containerId) {
    return Optional.ofNullable(containers.get(containerId)).map(k -> k.userId);
  }

  /** {@code POST /<IG_ID>/media}: a container for an image, a reel, a story or a carousel. */
  Reply create(Call c, InstagramAccounts.User u) {
    Map<String, String> p = params(c);
    String type = p.getOrDefault("media_type", "IMAGE");
    Optional<String> caption = Optional.ofNullable(p.get("caption"));
    boolean ok = switch (type) {
      case "IMAGE" -> p.containsKey("image_url");
      case "REELS", "STORIES" -> p.containsKey("video_url") || p.containsKey("image_url");
      case "CAROUSEL" -> p.containsKey("children");
      default -> false;
    };
    if (!ok || caption.map(s -> s.length() > 2200).orElse(false)) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    boolean failed = failContainers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    String id = media.nextId();
    containers.put(id, new Container(id, u.id(), clock.instant(), caption, type, failed));
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.CONTAINER_CREATED));
    m.put("id", id);
    return Json.reply(200, m);
  }

  /** {@code GET /<container>?fields=status_code,status}. */
  Reply status(Call c, InstagramAccounts.User u) {
    Container k = containers.get(c.params().get("id"));
    if (k == null || !k.userId.equals(u.id())) {
      return replies.error(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    String status = statusOf(k);
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(switch (status) {
      case "PUBLISHED" -> InstagramPayloads.CONTAINER_PUBLISHED;
      case "IN_PROGRESS" -> InstagramPayloads.CONTAINER_IN_PROGRESS;
      case "FINISHED" -> InstagramPayloads.CONTAINER_FINISHED;
      default -> InstagramPayloads.CONTAINER_ERROR;
    }));
    m.put("status_code", status);
    if (status.equals("EXPIRED")) {
      m.put("status", "Expired: the container was not published within 24 hours.");
    }
    m.put("id", k.id);
    return Json.reply(200, GraphReplies.pick(m, GraphReplies.fieldsWithId(c)));
  }

  /** {@code POST /<IG_ID>/media_publish}: publishes a finished container within the quota. */
  Reply publish(Call c, InstagramAccounts.User u) {
    Container k = containers.get(params(c).getOrDefault("creation_id", ""));
    if (k == null || !k.userId.equals(u.id())) {
      return replies.error(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    String status = statusOf(k);
    if (status.equals("IN_PROGRESS")) {
      return replies.error(400, InstagramPayloads.MEDIA_NOT_READY, null);
    }
    if (!status.equals("FINISHED")) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "The container is " + status
          + " and cannot be published.");
    }
    if (publishedInWindow(u.id()) >= quotaTotal) {
      return replies.error(400, InstagramPayloads.PUBLISH_QUOTA, null);
    }
    k.published = true;
    String product = k.mediaType.equals("REELS") ? "REELS" : k.mediaType.equals("STORIES") ? "STORY" : "FEED";
    String readBack = k.mediaType.equals("CAROUSEL") ? "CAROUSEL_ALBUM" : k.mediaType.equals("IMAGE") ? "IMAGE" : "VIDEO";
    String id = media.published(u.id(), k.caption, readBack, product);
    Map<String, Object> m = Json.template(InstagramPayloads.bytes(InstagramPayloads.MEDIA_PUBLISH));
    m.put("id", id);
    return Json.reply(200, m);
  }

  /** {@code GET /<IG_ID>/content_publishing_limit}: the quota used, and its configuration when asked. */
  Reply limit(Call c, InstagramAccounts.User u) {
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(InstagramPayloads.CONTENT_PUBLISHING_LIMIT));
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = new LinkedHashMap<>(((List<Map<String, Object>>) doc.get("data")).get(0));
    entry.put("quota_usage", publishedInWindow(u.id()));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("quota_total", quotaTotal);
    config.put("quota_duration", InstagramPlatform.QUOTA_WINDOW.toSeconds());
    entry.put("config", config);
    if (!GraphReplies.fields(c, "quota_usage").contains("config")) {
      entry.remove("config");
    }
    doc.put("data", List.of(entry));
    return Json.reply(200, doc);
  }

  private String statusOf(Container k) {
    Instant now = clock.instant();
    if (k.published) {
      return "PUBLISHED";
    }
    if (!now.isBefore(k.createdAt.plus(InstagramPlatform.CONTAINER_LIFE))) {
      return "EXPIRED";
    }
    if (now.isBefore(k.createdAt.plus(processing))) {
      return "IN_PROGRESS";
    }
    return k.failed ? "ERROR" : "FINISHED";
  }

  private int publishedInWindow(String userId) {
    return media.countSince(userId, clock.instant().minus(InstagramPlatform.QUOTA_WINDOW));
  }

  /** A request's parameters: the JSON body's members, else the form's, then the query's. */
  private static Map<String, String> params(Call c) {
    Map<String, String> p = new LinkedHashMap<>(c.query());
    Optional<Map<String, Object>> json = Json.object(c.body());
    if (json.isPresent()) {
      json.get().forEach((k, v) -> p.put(k, String.valueOf(v)));
    } else if (c.header("content-type").startsWith("application/x-www-form-urlencoded")) {
      p.putAll(c.form());
    }
    return p;
  }
}
