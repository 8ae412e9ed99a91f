package io.socialink.instagram.internal;

import io.socialink.Grant;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.http.SafeText;
import io.socialink.instagram.InstagramCarouselItem;
import io.socialink.instagram.InstagramContainerStatus;
import io.socialink.instagram.InstagramEndpointGroups;
import io.socialink.instagram.InstagramMedia;
import io.socialink.instagram.InstagramMediaPage;
import io.socialink.instagram.InstagramPublishingLimit;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The Instagram Graph calls both login paths share, built once: the media listing, publishing
 * containers, their status, the publishing quota and the publish. Only the host differs
 * ({@code graph.instagram.com} for Instagram Login, {@code graph.facebook.com} for Facebook Login), and
 * the owner of a media listing ({@code me} for Instagram Login, whose {@code /me} is the Instagram
 * account; the account id for Facebook Login, whose {@code /me} is the Facebook user). Every call is
 * authorized by the grant's token as a bearer token and addressed to the grant's account id, the
 * professional account id. Thread-safe.
 */
public final class IgGraph {
  /** Reads a successful answer as a JSON object, or throws a classified error. */
  @FunctionalInterface
  public interface Reader {
    /**
     * Reads the answer.
     *
     * @param response the answer
     * @param what what it answers, for the message
     * @return the object's members
     */
    Map<String, Object> read(ApiResponse response, String what);
  }

  private static final DateTimeFormatter META_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX");

  private final IgCalls calls;
  private final JsonCodec json;
  private final Reader reader;
  private final Function<String, URI> graph;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Duration maxPublishWait;

  /**
   * Creates the calls.
   *
   * @param calls the sender
   * @param json the codec of request bodies
   * @param reader reads answers
   * @param graph a versioned Graph path (no leading slash) to its URI on the path's host
   * @param sleeper waits between container status polls
   * @param pollInterval the wait between polls
   * @param maxPublishWait the longest total wait for a container
   */
  public IgGraph(IgCalls calls, JsonCodec json, Reader reader, Function<String, URI> graph, Sleeper sleeper,
      Duration pollInterval, Duration maxPublishWait) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.json = Objects.requireNonNull(json, "json");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.maxPublishWait = Objects.requireNonNull(maxPublishWait, "maxPublishWait");
  }

  /**
   * A versioned Graph URI on this path's host.
   *
   * @param path the path without a leading slash, possibly with a query
   * @return the URI
   */
  public URI uri(String path) {
    return graph.apply(path);
  }

  /**
   * Sends a GET with the grant's token and reads the answer as an object.
   *
   * @param group the endpoint group
   * @param uri the URI
   * @param grant the grant
   * @param what what it answers, for the message
   * @return the object's members
   */
  public Map<String, Object> get(String group, URI uri, Grant grant, String what) {
    ApiResponse response = calls.send(group, IgCalls.bearer(HttpMethod.GET, uri, grant).build(), Idempotency.IDEMPOTENT,
        IgCalls.userKey(grant));
    return reader.read(response, what);
  }

  /**
   * Reads one page of media, newest first: {@code GET /<owner>/media?fields=&limit=&after=}.
   *
   * @param grant the grant
   * @param owner {@code me}, or the professional account id
   * @param fields the fields asked
   * @param after the cursor of the page before; empty for the first
   * @param limit 1 to 100 media
   * @return the page
   */
  public InstagramMediaPage media(Grant grant, String owner, String fields, Optional<String> after, int limit) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1-100; got " + limit);
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", fields);
    q.put("limit", Integer.toString(limit));
    after.ifPresent(a -> q.put("after", a));
    Map<String, Object> m = get(InstagramEndpointGroups.MEDIA_LIST, URI.create(uri(owner + "/media") + "?"
        + ApiRequest.formEncode(q)), grant, "the media list request");
    String what = "media list answer";
    List<Map<String, Object>> data = objects(m, what);
    List<InstagramMedia> media = new ArrayList<>();
    for (Map<String, Object> x : data) {
      media.add(new InstagramMedia(IgFields.id(x, "id").orElseThrow(() -> IgFields.malformed(what,
          "a media object has no 'id'")), IgFields.str(x, "caption"), IgFields.str(x, "media_type"),
          IgFields.str(x, "media_product_type"), IgFields.uri(x, "media_url"), IgFields.uri(x, "thumbnail_url"),
          IgFields.uri(x, "permalink"), time(x), IgFields.str(x, "username")));
    }
    return new InstagramMediaPage(media, nextCursor(m, what));
  }

  /**
   * The members of an answer's {@code data} list, each an object.
   *
   * @param m the answer
   * @param what the answer's name, for the message
   * @return the objects
   * @throws SocialinkException {@code UNKNOWN} when {@code data} is missing or holds something else
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> objects(Map<String, Object> m, String what) {
    List<?> data = IgFields.list(m, "data").orElseThrow(() -> IgFields.malformed(what, "member 'data' is missing"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : data) {
      if (!(o instanceof Map<?, ?>)) {
        throw IgFields.malformed(what, "member 'data' holds an element that is not an object");
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  /**
   * The cursor of the next page: {@code paging.cursors.after} when {@code paging.next} is present
   * (Graph's end of a listing is a missing {@code next}, not a short page).
   *
   * @param m the answer
   * @param what the answer's name, for the message
   * @return the cursor, or empty at the end
   * @throws SocialinkException {@code UNKNOWN} when {@code next} comes without a cursor
   */
  public static Optional<String> nextCursor(Map<String, Object> m, String what) {
    Optional<Map<String, Object>> paging = IgFields.obj(m, "paging");
    if (paging.flatMap(p -> IgFields.str(p, "next")).isEmpty()) {
      return Optional.empty();
    }
    Optional<String> cursor = paging.flatMap(p -> IgFields.obj(p, "cursors")).flatMap(c -> IgFields.str(c, "after"));
    if (cursor.isEmpty()) {
      throw IgFields.malformed(what, "member 'paging.next' is present without 'paging.cursors.after'");
    }
    return cursor;
  }

  private static Optional<Instant> time(Map<String, Object> m) {
    try {
      return IgFields.str(m, "timestamp").map(s -> OffsetDateTime.parse(s, META_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the account's publishing quota: {@code GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config}.
   *
   * @param grant the grant
   * @return the quota
   */
  public InstagramPublishingLimit publishingLimit(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> m = get(InstagramEndpointGroups.PUBLISHING_LIMIT, uri(igId(grant)
        + "/content_publishing_limit?fields=quota_usage,config"), grant, "the publishing limit request");
    String what = "publishing limit answer";
    List<Map<String, Object>> data = objects(m, what);
    if (data.isEmpty()) {
      throw IgFields.malformed(what, "member 'data' holds no object");
    }
    Map<String, Object> d = data.get(0);
    OptionalLong usage = IgFields.num(d, "quota_usage");
    if (usage.isEmpty() || usage.getAsLong() < 0) {
      throw IgFields.malformed(what, "member 'quota_usage' is missing or not a whole number");
    }
    Optional<Map<String, Object>> config = IgFields.obj(d, "config");
    OptionalLong total = config.map(c -> IgFields.num(c, "quota_total")).orElse(OptionalLong.empty());
    OptionalLong duration = config.map(c -> IgFields.num(c, "quota_duration")).orElse(OptionalLong.empty());
    return new InstagramPublishingLimit(usage.getAsLong(), total,
        duration.isPresent() ? Optional.of(Duration.ofSeconds(duration.getAsLong())) : Optional.empty());
  }

  /**
   * Publishes one image: container, status, quota, publish.
   *
   * @param grant the grant
   * @param imageUrl the image's public address
   * @param caption the caption
   * @return the published media
   */
  public PublishedPost publishImage(Grant grant, URI imageUrl, Optional<String> caption) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image_url", Objects.requireNonNull(imageUrl, "imageUrl").toString());
    Objects.requireNonNull(caption, "caption").ifPresent(c -> body.put("caption", c));
    return publishContainer(grant, createContainer(grant, body));
  }

  /**
   * Publishes a reel.
   *
   * @param grant the grant
   * @param videoUrl the video's public address
   * @param caption the caption
   * @param shareToFeed whether the reel also shows in the feed
   * @return the published media
   */
  public PublishedPost publishReel(Grant grant, URI videoUrl, Optional<String> caption, boolean shareToFeed) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("media_type", "REELS");
    body.put("video_url", Objects.requireNonNull(videoUrl, "videoUrl").toString());
    Objects.requireNonNull(caption, "caption").ifPresent(c -> body.put("caption", c));
    body.put("share_to_feed", shareToFeed);
    return publishContainer(grant, createContainer(grant, body));
  }

  /**
   * Publishes a carousel of 2 to 10 items: a child container per item, then the parent, then the publish.
   *
   * @param grant the grant
   * @param items 2 to 10 items
   * @param caption the caption (on the parent only)
   * @return the published media
   */
  public PublishedPost publishCarousel(Grant grant, List<InstagramCarouselItem> items, Optional<String> caption) {
    Objects.requireNonNull(grant, "grant");
    List<InstagramCarouselItem> list = List.copyOf(Objects.requireNonNull(items, "items"));
    if (list.size() < 2 || list.size() > 10) {
      throw new IllegalArgumentException("a carousel holds 2 to 10 items; got " + list.size());
    }
    List<String> children = new ArrayList<>();
    for (InstagramCarouselItem item : list) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("is_carousel_item", true);
      if (item.video()) {
        body.put("media_type", "VIDEO");
        body.put("video_url", item.url().toString());
      } else {
        body.put("image_url", item.url().toString());
      }
      String child = createContainer(grant, body);
      awaitContainer(grant, child);
      children.add(child);
    }
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("media_type", "CAROUSEL");
    parent.put("children", String.join(",", children));
    Objects.requireNonNull(caption, "caption").ifPresent(c -> parent.put("caption", c));
    return publishContainer(grant, createContainer(grant, parent));
  }

  /**
   * Creates a media container, {@code POST /<IG_ID>/media} with a JSON body. Never repeated blindly.
   *
   * @param grant the grant
   * @param body the container's parameters
   * @return the container id
   */
  public String createContainer(Grant grant, Map<String, Object> body) {
    Objects.requireNonNull(grant, "grant");
    ApiRequest request = IgCalls.bearer(HttpMethod.POST, uri(igId(grant) + "/media"), grant)
        .json(json.write(Map.copyOf(body))).build();
    ApiResponse response = calls.send(InstagramEndpointGroups.MEDIA_CONTAINER, request, Idempotency.NON_IDEMPOTENT,
        IgCalls.userKey(grant));
    Map<String, Object> m = reader.read(response, "the container request");
    return IgFields.id(m, "id").orElseThrow(() -> IgFields.malformed("container answer", "member 'id' is missing"));
  }

  /**
   * Reads a container's status once.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the status
   */
  public InstagramContainerStatus containerStatus(Grant grant, String containerId) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(containerId, "containerId");
    if (!containerId.matches("[0-9]{1,40}")) {
      throw new IllegalArgumentException("containerId must be digits");
    }
    Map<String, Object> m = get(InstagramEndpointGroups.CONTAINER_STATUS, uri(containerId + "?fields=status_code,status"),
        grant, "the container status request");
    String code = IgFields.str(m, "status_code").orElseThrow(() -> IgFields.malformed("container status answer",
        "member 'status_code' is missing"));
    return new InstagramContainerStatus(containerId, code, IgFields.str(m, "status"));
  }

  /**
   * Polls a container until it is ready, through the sleeper, at most the longest wait in total.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the {@code FINISHED} status
   */
  public InstagramContainerStatus awaitContainer(Grant grant, String containerId) {
    Duration waited = Duration.ZERO;
    while (true) {
      InstagramContainerStatus s = containerStatus(grant, containerId);
      if (s.ready()) {
        return s;
      }
      if (s.statusCode().equals("PUBLISHED")) {
        throw failure(ErrorCategory.DUPLICATE, "container " + containerId + " is already published; it is never"
            + " published twice");
      }
      if (!s.inProgress()) {
        throw failure(ErrorCategory.INVALID_REQUEST, "container " + containerId + " ended " + s.statusCode()
            + s.status().map(d -> " (" + SafeText.oneLine(d, 80) + ")").orElse("")
            + "; create a new container");
      }
      if (waited.plus(pollInterval).compareTo(maxPublishWait) > 0) {
        throw failure(ErrorCategory.TRANSIENT, "container " + containerId + " is still IN_PROGRESS after " + waited);
      }
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(ErrorCategory.TRANSIENT, "interrupted while waiting for container " + containerId);
      }
      waited = waited.plus(pollInterval);
    }
  }

  /**
   * Waits for the container, reads the publishing quota live, then publishes with
   * {@code POST /<IG_ID>/media_publish}. Never repeated blindly.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the published media
   */
  public PublishedPost publishContainer(Grant grant, String containerId) {
    awaitContainer(grant, containerId);
    InstagramPublishingLimit limit = publishingLimit(grant);
    if (!limit.allowsOneMore()) {
      throw failure(ErrorCategory.QUOTA_EXHAUSTED, "the account published " + limit.quotaUsage() + " of "
          + limit.quotaTotal().getAsLong() + " posts allowed in the current window; nothing was published");
    }
    ApiRequest request = IgCalls.bearer(HttpMethod.POST, uri(igId(grant) + "/media_publish"), grant)
        .json(json.write(Map.of("creation_id", containerId))).build();
    ApiResponse response = calls.send(InstagramEndpointGroups.MEDIA_PUBLISH, request, Idempotency.NON_IDEMPOTENT,
        IgCalls.userKey(grant));
    Map<String, Object> m = reader.read(response, "the publish request");
    String id = IgFields.id(m, "id").orElseThrow(() -> IgFields.malformed("publish answer", "member 'id' is missing"));
    return new PublishedPost(GraphResponseInterpreter.PLATFORM, id, Optional.empty());
  }

  /**
   * The grant's account id, the professional account id of {@code /<IG_ID>/...} paths.
   *
   * @param grant the grant
   * @return the digits
   * @throws SocialinkException {@code INVALID_REQUEST} when it is not digits
   */
  public static String igId(Grant grant) {
    String id = grant.account().userId();
    if (!id.matches("[0-9]{1,40}")) {
      throw failure(ErrorCategory.INVALID_REQUEST, "grant " + grant.id() + "'s account id is not an Instagram id");
    }
    return id;
  }

  /**
   * A failure found by the client, not by the platform.
   *
   * @param category the category
   * @param message the message, without secrets
   * @return the exception, not thrown
   */
  public static SocialinkException failure(ErrorCategory category, String message) {
    return SocialinkException.of(Classification.of(category, GraphResponseInterpreter.PLATFORM, 0, message), null, 1);
  }
}
