package io.socialink.tiktok;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.Pkce;
import io.socialink.crosspost.RecentPost;
import io.socialink.crosspost.SourceItem;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.OAuth2Endpoints;
import io.socialink.spi.CrossPostTarget;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import io.socialink.spi.StandardOAuth2;
import io.socialink.spi.StandardOAuth2Client;
import io.socialink.tiktok.internal.DataPortability;
import io.socialink.tiktok.internal.Envelopes;
import io.socialink.tiktok.internal.Fields;
import io.socialink.tiktok.internal.TikTokCalls;
import io.socialink.tiktok.internal.TikTokWebhookVerifier;
import io.socialink.tiktok.internal.VideoUploader;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TikTok Login Kit v2 and the Open API for one app (scheme {@code login-kit}): linking (authorization
 * URL with TikTok's hex PKCE, code exchange, rotating refresh, revocation), user info, the user's
 * videos, Content Posting (Direct Post and inbox upload, by URL pull or chunked file upload, with status
 * polling), Data Portability exports (request, status polling, streamed download, cancellation; EEA
 * and UK users of approved apps only) and webhook verification. Every request goes through the Socialink pipeline, whose
 * interpreter reads TikTok's answers ({@link TikTokProvider#responseInterpreter()}). Get it from a
 * configured {@link io.socialink.Socialink}:
 *
 * <pre>{@code
 * TikTokClient tiktok = socialink.client(TikTokClient.class);
 * TikTokUser me = socialink.grants().withGrant(userId, grantId, TikTokClient.class, (t, g) -> t.user(g));
 * String publishId = socialink.grants().withGrant(userId, grantId, TikTokClient.class,
 *     (t, g) -> t.directPost(g, TikTokPostInfo.privatePost("#cat"), MediaContent.ofFile("video/mp4", path)));
 * boolean dead = tiktok.isTokenDead(oldGrant);   // after revoking: true
 * }</pre>
 *
 * <p>Lifetimes are read from each token answer's {@code expires_in} and {@code refresh_expires_in}, never
 * assumed: TikTok's pages disagree (24 hours and 365 days on the older page, 2 hours and 180 days on the
 * newer ones). Every refresh answer carries a new refresh token and the old one stops working.
 *
 * <p><b>What is unverified</b> (fact sheet): the HTTP status of OAuth errors (TikTok has been seen answering
 * HTTP 200 with an {@code error}, which the pipeline's interpreter takes for a failure whatever the status);
 * what TikTok answers when revoking a token that is already dead ({@code invalid_grant} and
 * {@code access_token_invalid} both count as already revoked); whether a revocation fires
 * {@code authorization.removed} with reason 5; which lifetimes production issues; whether web Login Kit
 * enforces PKCE (the hex challenge is always sent, which TikTok's desktop flow requires).
 *
 * <p>Thread-safe; holds no user state: grants come in as arguments.
 */
public final class TikTokClient extends StandardOAuth2Client implements CrossPostTarget {
  /** The fields {@code user.info.basic} allows. */
  public static final List<String> BASIC_FIELDS = List.of("open_id", "union_id", "avatar_url", "display_name");
  /** The fields {@code user.info.profile} adds. */
  public static final List<String> PROFILE_FIELDS = List.of("username", "bio_description", "profile_deep_link",
      "is_verified");
  /** The fields {@code user.info.stats} adds. */
  public static final List<String> STATS_FIELDS = List.of("follower_count", "following_count", "likes_count",
      "video_count");
  /** The fields asked of {@code POST /v2/video/list/}. */
  public static final String VIDEO_FIELDS = "id,title,cover_image_url";

  private final TikTokEndpoints endpoints;
  private final JsonCodec json;
  private final TikTokCalls calls;
  private final VideoUploader uploader;
  private final TikTokWebhookVerifier webhooks;
  private final DataPortability portability;
  private final Optional<String> crossPostPrivacy;

  TikTokClient(ProviderContext context, TikTokProvider provider) {
    super(StandardOAuth2.newBuilder(context, OAuth2Endpoints.of(provider.endpoints().authorizeUri(),
            provider.endpoints().openApi("oauth/token/"), provider.endpoints().openApi("oauth/revoke/")))
        .clientIdParameter("client_key")
        .scopeSeparator(",")
        .accountIdField("open_id")
        .sendTokenTypeHint(false)
        .tokenEndpointGroup(TikTokEndpointGroups.OAUTH_TOKEN)
        .revokeEndpointGroup(TikTokEndpointGroups.OAUTH_REVOKE)
        .build());
    this.endpoints = provider.endpoints();
    this.json = context.json();
    this.calls = new TikTokCalls(context.calls(), context.credentials().clientId());
    this.uploader = new VideoUploader(endpoints, calls, json, provider.uploadChunkBytes(), context.sleeper(),
        provider.statusPollInterval(), provider.maxPublishWait());
    this.webhooks = new TikTokWebhookVerifier(context.credentials().clientId(), context.credentials().clientSecret(),
        json, context.clock(), provider.webhookTolerance());
    this.portability = new DataPortability(endpoints, calls, json, context.sleeper());
    this.crossPostPrivacy = provider.crossPostPrivacy();
  }

  /**
   * Where this client sends the browser and its calls.
   *
   * @return the endpoints
   */
  public TikTokEndpoints endpoints() {
    return endpoints;
  }

  /**
   * TikTok's PKCE pair: the challenge is the <b>lowercase hex</b> SHA-256 of the verifier (64
   * characters), not RFC 7636's base64url, with method {@code S256}; TikTok's desktop docs and its own
   * Android SDK do so, and an RFC challenge fails at the token exchange.
   */
  @Override
  public Pkce pkce(Secret verifier) {
    return new Pkce(verifier, HexFormat.of().formatHex(Pkce.sha256(verifier)), "S256");
  }

  /**
   * Renders the authorization URL on {@code www.tiktok.com/v2/auth/authorize/}: {@code client_key},
   * {@code response_type=code}, the redirect URI, the scopes separated by commas, the state and the hex
   * PKCE challenge. Extra parameters (such as {@code disable_auto_auth=1}) are appended.
   */
  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return super.authorizationUrl(request);
  }

  /**
   * Revokes the grant's access token with {@code POST /v2/oauth/revoke/} ({@code client_key},
   * {@code client_secret}, {@code token}); TikTok documents revocation of access tokens only, and the
   * user's authorization ends with it. A token TikTok reports as invalid or expired counts as already
   * revoked; a refusal of the app's own credentials ({@code invalid_client}) is an error.
   */
  @Override
  public Revocation revoke(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    return oauth().revokeToken(grant.accessToken(), StandardOAuth2.TokenTypeHint.ACCESS_TOKEN,
        TikTokCalls.userKey(grant));
  }

  /** Reads the account with {@link #user(Grant)}: the {@code open_id}, the username when allowed, the display name. */
  @Override
  public Account profile(Grant grant) {
    return user(grant).toAccount();
  }

  /**
   * Reads the grant's user with {@code GET /v2/user/info/}, asking for the fields its scopes allow:
   * {@link #BASIC_FIELDS} always, {@link #PROFILE_FIELDS} with {@code user.info.profile},
   * {@link #STATS_FIELDS} with {@code user.info.stats}.
   *
   * @param grant the grant
   * @return the user
   * @throws SocialinkException the classified failure; {@code UNKNOWN} for an answer without
   *     {@code error.code "ok"} or without {@code data.user.open_id}
   */
  public TikTokUser user(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    List<String> fields = new ArrayList<>(BASIC_FIELDS);
    if (grant.scopes().contains("user.info.profile")) {
      fields.addAll(PROFILE_FIELDS);
    }
    if (grant.scopes().contains("user.info.stats")) {
      fields.addAll(STATS_FIELDS);
    }
    return userInfo(grant, String.join(",", fields));
  }

  private TikTokUser userInfo(Grant grant, String fields) {
    ApiRequest request = TikTokCalls.bearer(HttpMethod.GET, endpoints.openApi("user/info/?fields=" + fields), grant)
        .build();
    ApiResponse response = calls.send(TikTokEndpointGroups.USER_INFO, request, Idempotency.IDEMPOTENT,
        TikTokCalls.userKey(grant));
    String what = "user info answer";
    Map<String, Object> user = Fields.requireObj(Envelopes.openApiData(json, response, what), "user", what);
    return new TikTokUser(Fields.requireStr(user, "open_id", what), Fields.str(user, "union_id"),
        Fields.str(user, "display_name"), Fields.str(user, "username"), Fields.str(user, "avatar_url"),
        Fields.str(user, "bio_description"), Fields.str(user, "profile_deep_link"), Fields.bool(user, "is_verified"),
        Fields.num(user, "follower_count"), Fields.num(user, "following_count"), Fields.num(user, "likes_count"),
        Fields.num(user, "video_count"));
  }

  /**
   * Probes {@code GET /v2/user/info/?fields=open_id} with the grant's access token (not refreshed), as
   * the verification step of an unlink does: the token is dead when TikTok refuses it
   * ({@code access_token_invalid} or another expired or revoked verdict).
   *
   * @param grant the grant whose access token is probed
   * @return true if TikTok refuses the token; false if it still accepts it
   * @throws SocialinkException when the probe fails for another reason (network, rate limit, missing
   *     scope, configuration), so that the answer is unknown
   */
  public boolean isTokenDead(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    try {
      userInfo(grant, "open_id");
      return false;
    } catch (SocialinkException e) {
      return Fields.tokenDead(e);
    }
  }

  /**
   * Reads one page of the user's public videos with {@code POST /v2/video/list/} (scope
   * {@code video.list}), fields {@value #VIDEO_FIELDS}.
   *
   * @param grant the grant
   * @param cursor the cursor of {@link TikTokVideoPage#cursor()} of the previous page; empty for the first
   * @param maxCount 1 to 20 videos
   * @return the page
   */
  public TikTokVideoPage videos(Grant grant, Optional<Long> cursor, int maxCount) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(cursor, "cursor");
    if (maxCount < 1 || maxCount > 20) {
      throw new IllegalArgumentException("maxCount must be 1-20; got " + maxCount);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("max_count", maxCount);
    cursor.ifPresent(c -> body.put("cursor", c));
    ApiRequest request = TikTokCalls.bearer(HttpMethod.POST, endpoints.openApi("video/list/?fields=" + VIDEO_FIELDS),
        grant).body(TikTokCalls.JSON, json.write(body)).build();
    ApiResponse response = calls.send(TikTokEndpointGroups.VIDEO_LIST, request, Idempotency.IDEMPOTENT,
        TikTokCalls.userKey(grant));
    String what = "video list answer";
    Map<String, Object> data = Envelopes.openApiData(json, response, what);
    List<TikTokVideo> videos = new ArrayList<>();
    for (Object o : Fields.list(data, "videos").orElse(List.of())) {
      if (!(o instanceof Map<?, ?>)) {
        throw Fields.malformed(what, "member 'videos' holds an element that is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> v = (Map<String, Object>) o;
      videos.add(new TikTokVideo(Fields.id(v.get("id")).orElseThrow(() -> Fields.malformed(what,
          "a video has no member 'id'")), Fields.str(v, "title"), Fields.str(v, "cover_image_url")));
    }
    boolean hasMore = Fields.bool(data, "has_more").orElseThrow(() -> Fields.malformed(what,
        "member 'has_more' is missing or not a boolean"));
    long next = Fields.num(data, "cursor").orElseThrow(() -> Fields.malformed(what,
        "member 'cursor' is missing or not a number"));
    return new TikTokVideoPage(videos, next, hasMore);
  }

  /**
   * Asks {@code POST /v2/post/publish/creator_info/query/} (scope {@code video.publish}) which privacy
   * levels the creator may post with; TikTok asks apps to do so before every Direct Post.
   *
   * @param grant the grant
   * @return the creator's options
   */
  public TikTokCreatorInfo creatorInfo(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    ApiRequest request = TikTokCalls.bearer(HttpMethod.POST, endpoints.openApi("post/publish/creator_info/query/"),
        grant).body(TikTokCalls.JSON, new byte[0]).build();
    ApiResponse response = calls.send(TikTokEndpointGroups.POST_CREATOR_INFO, request, Idempotency.IDEMPOTENT,
        TikTokCalls.userKey(grant));
    String what = "creator info answer";
    Map<String, Object> data = Envelopes.openApiData(json, response, what);
    List<String> options = Fields.strings(data, "privacy_level_options", what);
    if (options.isEmpty()) {
      throw Fields.malformed(what, "member 'privacy_level_options' is missing or empty");
    }
    return new TikTokCreatorInfo(options, Fields.str(data, "creator_username"), Fields.str(data, "creator_nickname"),
        Fields.num(data, "max_video_post_duration_sec"));
  }

  /**
   * Direct Post of a video file: initializes with {@code source FILE_UPLOAD} (size, chunk size and
   * count by TikTok's chunk rules), then sends the file chunk by chunk with {@code PUT} and
   * {@code Content-Range}, read from the source one chunk at a time. Never retried blindly. Check the
   * outcome with {@link #awaitPublish}.
   *
   * @param grant the grant (scope {@code video.publish})
   * @param postInfo the caption and privacy; the privacy level must be one of
   *     {@link TikTokCreatorInfo#privacyLevelOptions()}
   * @param video the video
   * @return the publish id
   */
  public String directPost(Grant grant, TikTokPostInfo postInfo, MediaContent video) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("post_info", postInfo(Objects.requireNonNull(postInfo, "postInfo")));
    body.put("source_info", uploader.fileSource(video));
    return initAndUpload(grant, TikTokEndpointGroups.POST_VIDEO_INIT, "post/publish/video/init/", body, video);
  }

  /**
   * Direct Post of a video TikTok pulls from a URL ({@code source PULL_FROM_URL}); the URL's domain or
   * prefix must be verified for the app, else TikTok answers {@code url_ownership_unverified}.
   *
   * @param grant the grant (scope {@code video.publish})
   * @param postInfo the caption and privacy
   * @param videoUrl the video's https address
   * @return the publish id
   */
  public String directPostFromUrl(Grant grant, TikTokPostInfo postInfo, URI videoUrl) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("post_info", postInfo(Objects.requireNonNull(postInfo, "postInfo")));
    body.put("source_info", VideoUploader.urlSource(videoUrl));
    return uploader.init(grant, TikTokEndpointGroups.POST_VIDEO_INIT, "post/publish/video/init/", body).publishId();
  }

  /**
   * Uploads a video file to the user's TikTok inbox as a draft ({@code POST /v2/post/publish/inbox/video/init/},
   * scope {@code video.upload}); the user finishes the post in the TikTok app.
   *
   * @param grant the grant
   * @param video the video
   * @return the publish id
   */
  public String uploadToInbox(Grant grant, MediaContent video) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source_info", uploader.fileSource(video));
    return initAndUpload(grant, TikTokEndpointGroups.POST_INBOX_VIDEO_INIT, "post/publish/inbox/video/init/", body,
        video);
  }

  /**
   * Uploads a video TikTok pulls from a URL to the user's inbox as a draft.
   *
   * @param grant the grant (scope {@code video.upload})
   * @param videoUrl the video's https address on a verified domain
   * @return the publish id
   */
  public String uploadToInboxFromUrl(Grant grant, URI videoUrl) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> body = Map.of("source_info", VideoUploader.urlSource(videoUrl));
    return uploader.init(grant, TikTokEndpointGroups.POST_INBOX_VIDEO_INIT, "post/publish/inbox/video/init/", body)
        .publishId();
  }

  private String initAndUpload(Grant grant, String group, String path, Map<String, Object> body, MediaContent video) {
    VideoUploader.Init init = uploader.init(grant, group, path, body);
    URI upload = init.uploadUrl().orElseThrow(() -> Fields.malformed("post initialization answer",
        "member 'upload_url' is missing for a file upload"));
    uploader.upload(grant, upload, video);
    return init.publishId();
  }

  /**
   * Reads a post's status once with {@code POST /v2/post/publish/status/fetch/}.
   *
   * @param grant the grant that started the post
   * @param publishId the publish id
   * @return the status
   */
  public TikTokPublishStatus publishStatus(Grant grant, String publishId) {
    return uploader.status(Objects.requireNonNull(grant, "grant"), publishId);
  }

  /**
   * Polls a post's status until TikTok is done with it, through the Socialink's sleeper
   * ({@link io.socialink.spi.ProviderContext#sleeper()}), at most {@link TikTokProvider.Builder#maxPublishWait} in
   * total.
   *
   * @param grant the grant that started the post
   * @param publishId the publish id
   * @return the final status: {@code PUBLISH_COMPLETE}, {@code SEND_TO_USER_INBOX} or {@code FAILED}
   * @throws SocialinkException {@code TRANSIENT} when TikTok is still processing after the longest wait
   */
  public TikTokPublishStatus awaitPublish(Grant grant, String publishId) {
    return uploader.await(Objects.requireNonNull(grant, "grant"), publishId);
  }

  /**
   * Publishes a post of exactly one video as a draft in the user's TikTok inbox
   * ({@link #uploadToInbox}), where the user chooses its privacy and posts it, and waits until TikTok
   * has delivered it. Socialink does not choose a privacy level for the user; use
   * {@link #directPost} for that. The post's text is not sent: the user writes the caption in the app.
   *
   * @return the post, whose id is TikTok's publish id
   * @throws SocialinkException {@code INVALID_REQUEST} unless the post has exactly one video, or when
   *     TikTok reports the upload failed
   */
  @Override
  public PublishedPost publish(Grant grant, Post post) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(post, "post");
    if (post.media().size() != 1 || !post.media().get(0).isVideo()) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokProvider.ID, 0,
          "TikTok takes a post of exactly one video; got " + post.media().size() + " media"), null, 1);
    }
    String publishId = uploadToInbox(grant, post.media().get(0));
    TikTokPublishStatus status = awaitPublish(grant, publishId);
    if (status.failed()) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokProvider.ID, 0,
          "TikTok could not process post " + publishId + status.failReason().map(r -> ": " + r).orElse("")), null, 1);
    }
    return new PublishedPost(TikTokProvider.ID, publishId, Optional.empty());
  }

  /** Takes one video per cross-post; photo posts need a URL on a domain verified for the app, which a source's CDN is not. */
  @Override
  public Optional<String> refusal(SourceItem item) {
    Objects.requireNonNull(item, "item");
    if (item.media().size() != 1 || !item.media().get(0).isVideo()) {
      return Optional.of("TikTok takes one video per cross-post; this " + item.type() + " has "
          + item.media().size() + " media" + (item.media().stream().anyMatch(m -> !m.isVideo())
              ? " (photo posts need PULL_FROM_URL from a domain verified for the app)" : ""));
    }
    return Optional.empty();
  }

  /**
   * A Direct Post with the caption as title at the privacy level the provider was configured with
   * ({@link TikTokProvider.Builder#crossPostPrivacy}), checked against the creator's options first; without
   * one, a draft in the user's inbox ({@link #publish}). Waits until TikTok is done with it.
   *
   * @throws SocialinkException {@code INVALID_REQUEST} when the creator may not post at that privacy
   *     level or TikTok reports the post failed
   */
  @Override
  public PublishedPost crossPost(Grant grant, Post post) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(post, "post");
    if (crossPostPrivacy.isEmpty()) {
      return publish(grant, post);
    }
    if (post.media().size() != 1 || !post.media().get(0).isVideo()) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokProvider.ID, 0,
          "TikTok takes a post of exactly one video; got " + post.media().size() + " media"), null, 1);
    }
    String privacy = crossPostPrivacy.get();
    TikTokCreatorInfo creator = creatorInfo(grant);
    if (!creator.privacyLevelOptions().contains(privacy)) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokProvider.ID, 0,
          "the creator may not post at privacy level " + privacy + "; TikTok offers " + creator.privacyLevelOptions())
          .withRemediation("Configure TikTokProvider.Builder.crossPostPrivacy with one of the creator's options."),
          null, 1);
    }
    String publishId = directPost(grant, new TikTokPostInfo(post.text(), privacy, false, false, false,
        Optional.empty()), post.media().get(0));
    TikTokPublishStatus status = awaitPublish(grant, publishId);
    if (status.failed()) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokProvider.ID, 0,
          "TikTok could not process post " + publishId + status.failReason().map(r -> ": " + r).orElse("")), null, 1);
    }
    return new PublishedPost(TikTokProvider.ID, publishId, Optional.empty());
  }

  /** A Direct Post carries the caption as its title; an inbox draft carries none. */
  @Override
  public boolean sendsText() {
    return crossPostPrivacy.isPresent();
  }

  /**
   * False: drafts, and posts that are not public, are not in the public video list, so an
   * interrupted cross-post is never posted again.
   */
  @Override
  public boolean listsOwnPosts() {
    return false;
  }

  /** The user's public videos, newest first, with their titles ({@link #videos}). */
  @Override
  public List<RecentPost> recentPosts(Grant grant, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1-100; got " + limit);
    }
    return videos(grant, Optional.empty(), Math.min(20, limit)).videos().stream()
        .map(v -> new RecentPost(v.id(), v.title().orElse(""), Optional.empty())).toList();
  }

  /**
   * TikTok's webhook verifier: {@code TikTok-Signature} checked with the app's client secret and the
   * injected clock; {@code authorization.removed} becomes a {@link io.socialink.webhook.WebhookEvent.Type#DEAUTHORIZED}
   * event.
   */
  @Override
  public Optional<WebhookVerifier> webhooks() {
    return Optional.of(webhooks);
  }

  /**
   * Verifies a TikTok webhook delivery and reads its event with TikTok's own members (removal reason,
   * publish id and so on).
   *
   * @param request the delivery, with its raw body
   * @return the event
   * @throws io.socialink.webhook.WebhookRejectedException when the signature, timestamp or envelope is wrong
   */
  public TikTokWebhookEvent webhookEvent(WebhookRequest request) {
    return webhooks.parse(request);
  }

  private static Map<String, Object> postInfo(TikTokPostInfo p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", p.title());
    m.put("privacy_level", p.privacyLevel());
    m.put("disable_duet", p.disableDuet());
    m.put("disable_comment", p.disableComment());
    m.put("disable_stitch", p.disableStitch());
    p.videoCoverTimestampMs().ifPresent(t -> m.put("video_cover_timestamp_ms", t));
    return m;
  }

  /** Names the client key and API host, never a secret. */
  @Override
  public String toString() {
    return "TikTokClient[clientKey=" + credentials().clientId() + ", api=" + endpoints.openApiBaseUri() + "]";
  }

  /**
   * Requests an export of the user's data with TikTok's Data Portability API
   * ({@code POST /v2/user/data/add/}): the step {@link io.socialink.UnlinkStep.ExportData} of an unlink
   * plan, followed by {@link #awaitDataExport} and {@link #downloadDataExport}. TikTok serves it only
   * to apps approved for the Data Portability API and only for users in the EEA or the UK; the grant
   * must hold a {@code portability.*} scope covering every category
   * ({@link TikTokDataCategory#scopes()}). With a {@code .single} scope TikTok allows one request, so
   * this call is never retried once sent.
   *
   * @param grant the user's grant
   * @param format the files' format
   * @param categories what to export; {@link TikTokDataCategory#ALL_DATA} takes precedence over the others
   * @return the request id, for the other data export calls
   * @throws SocialinkException {@link io.socialink.error.ErrorCategory#INSUFFICIENT_SCOPE}, without
   *     sending anything, when the grant has no portability scope for a category; a refusal by TikTok
   *     for want of scope or permission (app not approved, user outside the EEA and the UK) keeps its
   *     category and says in its remediation what makes an app and a user eligible
   */
  public long requestDataExport(Grant grant, TikTokDataFormat format, Set<TikTokDataCategory> categories) {
    return portability.add(grant, format, categories);
  }

  /**
   * Reads a data export's status ({@code POST /v2/user/data/check/}).
   *
   * @param grant the grant
   * @param requestId the id {@link #requestDataExport} returned
   * @return the export
   */
  public TikTokDataExport dataExportStatus(Grant grant, long requestId) {
    return portability.check(grant, requestId);
  }

  /**
   * Polls a data export's status through the Socialink sleeper until it is no longer pending. TikTok
   * may take seconds to hours, and also announces a ready export with the webhook
   * {@code portability.download.ready} ({@link TikTokWebhookEvent}).
   *
   * @param grant the grant
   * @param requestId the request id
   * @param pollInterval the wait between polls; positive
   * @param maxWait the longest to wait in all
   * @return the export: {@link TikTokDataExport#isReady() ready}, or expired, cancelled or in an
   *     undocumented status
   * @throws SocialinkException {@link io.socialink.error.ErrorCategory#TRANSIENT} when the export is
   *     still pending after {@code maxWait}
   */
  public TikTokDataExport awaitDataExport(Grant grant, long requestId, Duration pollInterval, Duration maxWait) {
    return portability.await(grant, requestId, pollInterval, maxWait);
  }

  /**
   * Downloads a ready data export's zip archive ({@code POST /v2/user/data/download/}) to a file,
   * streamed to disk as it arrives (never held in memory whole, and not bound by
   * {@link io.socialink.http.TransportOptions#maxResponseBytes()}): into a hidden temporary file beside
   * the target, moved onto the target once complete. TikTok keeps an export downloadable for four days
   * after it is ready.
   *
   * @param grant the grant
   * @param requestId the request id
   * @param target the file to write; its directory must exist; replaced if it exists
   * @return the target
   * @throws SocialinkException the classified failure (the target is left as it was), or
   *     {@link io.socialink.error.ErrorCategory#CONFIGURATION} when the file cannot be written
   */
  public Path downloadDataExport(Grant grant, long requestId, Path target) {
    return portability.download(grant, requestId, target);
  }

  /**
   * Cancels a data export ({@code POST /v2/user/data/cancel/}). With an {@code .ongoing} scope a new
   * export may be requested afterwards with the same grant.
   *
   * @param grant the grant
   * @param requestId the request id
   */
  public void cancelDataExport(Grant grant, long requestId) {
    portability.cancel(grant, requestId);
  }
}
