package io.socialink.x;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.crosspost.RecentPost;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SourceMedia;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.CrossPostTarget;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import io.socialink.webhook.WebhookVerifier;
import io.socialink.x.internal.Json;
import io.socialink.x.internal.MediaUploader;
import io.socialink.x.internal.XCalls;
import io.socialink.x.internal.XOAuth;
import io.socialink.x.internal.XTextRules;
import io.socialink.x.internal.XWebhookVerifier;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The X API for one OAuth 2.0 client: linking (authorization URL, code exchange, rotating refresh,
 * revocation), the profile, posts with media, a user's recent posts, and webhook verification; a
 * {@link CrossPostTarget} for cross-posting. Every request goes through
 * the Socialink pipeline. Get it from a configured {@link io.socialink.Socialink}:
 *
 * <pre>{@code
 * XClient x = socialink.client(XClient.class);
 * String mediaId = x.uploadMedia(grant, MediaContent.ofFile("video/mp4", path));
 * XPost post = x.post(grant, "Hello from Socialink", List.of(mediaId));
 * boolean dead = x.isTokenDead(oldGrant);   // after revoking: true
 * }</pre>
 *
 * <p>Thread-safe; holds no user state: grants come in as arguments.
 */
public final class XClient implements CrossPostTarget {
  private final AppCredentials credentials;
  private final XEndpoints endpoints;
  private final JsonCodec json;
  private final XCalls calls;
  private final XOAuth oauth;
  private final MediaUploader media;
  private final XWebhookVerifier webhooks;

  XClient(ProviderContext context, XProvider provider) {
    this.credentials = context.credentials();
    this.endpoints = provider.endpoints();
    this.json = context.json();
    this.calls = new XCalls(context.calls(), credentials.clientId());
    this.oauth = new XOAuth(endpoints, credentials, calls, json);
    this.media = new MediaUploader(endpoints, calls, json, provider.mediaChunkBytes(), context.sleeper(),
        provider.maxProcessingWait());
    this.webhooks = new XWebhookVerifier(credentials.secret(XProvider.CONSUMER_SECRET), json);
  }

  @Override
  public AppCredentials credentials() {
    return credentials;
  }

  /**
   * Where this client sends the browser and its calls.
   *
   * @return the endpoints
   */
  public XEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Renders the authorization URL on x.com: {@code response_type=code}, the client id, the redirect
   * URI, the scopes separated by spaces, the state and an S256 PKCE challenge. Asking without
   * {@code offline.access} logs a warning: X will issue no refresh token (see
   * {@link XScopes#lifetimeNote}).
   *
   * @throws IllegalArgumentException if the PKCE pair is not a matching S256 pair, the state is longer
   *     than 500 characters, no scope is asked for, or an extra parameter would replace a standard one
   */
  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return oauth.authorizationUrl(Objects.requireNonNull(request, "request"));
  }

  /**
   * Exchanges the code at once (X's codes live 30 seconds). A confidential client authenticates with
   * HTTP Basic and also sends {@code client_id}; a public client sends {@code client_id} only. Without
   * {@code offline.access} the answer has no refresh token.
   *
   * @throws io.socialink.error.AuthorizationException with {@link ErrorCategory#AUTH_REVOKED} when X
   *     finds the code used, expired or not matching: the user must authorize again
   */
  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    return oauth.exchange(Objects.requireNonNull(exchange, "exchange"));
  }

  /**
   * Refreshes with the grant's single-use refresh token; the answer carries the new refresh token
   * with the new access token, and the old refresh token is dead from now on.
   *
   * @throws io.socialink.error.AuthorizationException with {@link ErrorCategory#AUTH_REVOKED} when the
   *     refresh token is spent or revoked, {@link ErrorCategory#AUTH_EXPIRED} when the grant has none
   * @throws SocialinkException with {@link ErrorCategory#UNKNOWN} when X answers without a new refresh
   *     token, which leaves the grant with a spent one: the user must link again
   */
  @Override
  public TokenResponse refresh(Grant grant) {
    return oauth.refresh(Objects.requireNonNull(grant, "grant"));
  }

  /**
   * X spends a refresh token the moment it answers: after a refresh interrupted before its answer was
   * stored, the stored token is not sent again and the link must be made again.
   *
   * @return {@link io.socialink.spi.RefreshRotation#ROTATING_STRICT}
   */
  @Override
  public io.socialink.spi.RefreshRotation refreshRotation() {
    return io.socialink.spi.RefreshRotation.ROTATING_STRICT;
  }

  /**
   * Revokes the refresh token, then the access token, through {@code POST /2/oauth2/revoke} with
   * {@code token_type_hint}. A token X reports as invalid counts as already revoked.
   */
  @Override
  public Revocation revoke(Grant grant) {
    return oauth.revoke(Objects.requireNonNull(grant, "grant"));
  }

  @Override
  public Account profile(Grant grant) {
    return me(grant).toAccount();
  }

  /**
   * Reads the token's user with {@code GET /2/users/me}.
   *
   * @param grant the grant (needs {@code tweet.read} and {@code users.read})
   * @return the user, with any partial errors
   * @throws SocialinkException the classified failure
   */
  public XUser me(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    ApiRequest request = XCalls.bearer(HttpMethod.GET, endpoints.usersMeUri(), grant).build();
    ApiResponse response = calls.send(XCalls.USERS_ME, request, Idempotency.IDEMPOTENT, XCalls.userKey(grant));
    String what = "a users/me response";
    Map<String, Object> body = Json.object(json, response, what);
    Map<String, Object> data = Json.obj(body, "data")
        .orElseThrow(() -> Json.unexpected(response.status(), what, "member 'data' is missing"));
    return new XUser(Json.requireStr(data, "id", response.status(), what),
        Json.requireStr(data, "username", response.status(), what),
        Json.str(data, "name").orElse(""), partialErrors(body));
  }

  /**
   * Probes {@code GET /2/users/me} with the grant's access token, as the verification step of an
   * unlink does: the token is dead when X answers with an authorization error.
   *
   * @param grant the grant whose access token is probed (not refreshed)
   * @return true if X refuses the token; false if X still accepts it
   * @throws SocialinkException when the probe fails for another reason (network, rate limit,
   *     configuration), so that the answer is unknown
   */
  public boolean isTokenDead(Grant grant) {
    try {
      me(grant);
      return false;
    } catch (SocialinkException e) {
      if (e.category().isAuthorization()) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Uploads media: images in one request, GIFs and videos in chunks read from the source one at a
   * time, then waits for X to process them. Never retried blindly.
   *
   * @param grant the grant (needs {@code media.write})
   * @param content the media
   * @return the media id to pass to {@link #post}
   * @throws SocialinkException the classified failure; {@link ErrorCategory#INVALID_REQUEST} for media
   *     X does not take (type or size)
   */
  public String uploadMedia(Grant grant, MediaContent content) {
    return media.upload(Objects.requireNonNull(grant, "grant"), Objects.requireNonNull(content, "content"));
  }

  /**
   * Creates a post with {@code POST /2/tweets}. The text is checked first with X's weighted length;
   * fit it with {@link XProvider#textRules()}. Never retried blindly: X may already have the post.
   *
   * @param grant the grant (needs {@code tweet.read}, {@code tweet.write}, {@code users.read})
   * @param text the text; may be empty when media is attached
   * @param mediaIds media ids from {@link #uploadMedia}, at most 4
   * @return the post
   * @throws SocialinkException {@link ErrorCategory#INVALID_REQUEST} when the text or media list is
   *     refused before sending, {@link ErrorCategory#DUPLICATE} when X has the same text already
   */
  public XPost post(Grant grant, String text, List<String> mediaIds) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(text, "text");
    List<String> ids = List.copyOf(Objects.requireNonNull(mediaIds, "mediaIds"));
    if (ids.size() > 4) {
      throw invalid("X takes at most 4 media per post; got " + ids.size());
    }
    for (String id : ids) {
      if (!id.matches("[0-9]{1,19}")) {
        throw invalid("an X media id is 1-19 digits; got '" + id + "'");
      }
    }
    checkText(text, !ids.isEmpty());
    Map<String, Object> body = new LinkedHashMap<>();
    if (!text.isBlank()) {
      body.put("text", text);
    }
    if (!ids.isEmpty()) {
      body.put("media", Map.of("media_ids", ids));
    }
    ApiRequest request = XCalls.bearer(HttpMethod.POST, endpoints.tweetsUri(), grant).json(json.write(body)).build();
    ApiResponse response = calls.send(XCalls.TWEETS_CREATE, request, Idempotency.NON_IDEMPOTENT, XCalls.userKey(grant));
    String what = "a post creation response";
    Map<String, Object> m = Json.object(json, response, what);
    Map<String, Object> data = Json.obj(m, "data")
        .orElseThrow(() -> Json.unexpected(response.status(), what, "member 'data' is missing"));
    return new XPost(Json.requireStr(data, "id", response.status(), what), Json.str(data, "text").orElse(text),
        partialErrors(m));
  }

  /**
   * Reads a user's most recent posts with {@code GET /2/users/:id/tweets}
   * ({@code tweet.fields=created_at}), newest first. X returns links in their wrapped ({@code t.co})
   * form and adds a link to attached media at the end of the text.
   *
   * @param grant the grant (needs {@code tweet.read} and {@code users.read}); its account's posts are read
   * @param limit how many at most, 1 to 100 (X is asked for at least 5, its minimum)
   * @return the posts, newest first
   * @throws SocialinkException the classified failure
   */
  @Override
  public List<RecentPost> recentPosts(Grant grant, int limit) {
    Objects.requireNonNull(grant, "grant");
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1-100; got " + limit);
    }
    URI uri = URI.create(endpoints.userTweetsUri(grant.account().userId()) + "?max_results=" + Math.max(5, limit)
        + "&tweet.fields=created_at");
    ApiRequest request = XCalls.bearer(HttpMethod.GET, uri, grant).build();
    ApiResponse response = calls.send(XCalls.USER_TWEETS, request, Idempotency.IDEMPOTENT, XCalls.userKey(grant));
    String what = "a user posts response";
    Map<String, Object> body = Json.object(json, response, what);
    List<RecentPost> out = new ArrayList<>();
    for (Object o : Json.list(body, "data").orElse(List.of())) {
      if (!(o instanceof Map<?, ?> raw)) {
        throw Json.unexpected(response.status(), what, "member 'data' holds an element that is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> p = (Map<String, Object>) raw;
      out.add(new RecentPost(Json.requireStr(p, "id", response.status(), what), Json.str(p, "text").orElse(""),
          Json.str(p, "created_at").flatMap(XClient::instant)));
      if (out.size() == limit) {
        break;
      }
    }
    return out;
  }

  /**
   * Refuses what a post cannot carry: media that are neither images nor videos, more than 4 images,
   * or a video with other media.
   */
  @Override
  public Optional<String> refusal(SourceItem item) {
    Objects.requireNonNull(item, "item");
    List<SourceMedia> media = item.media();
    for (SourceMedia m : media) {
      if (!m.mimeType().startsWith("image/") && !m.mimeType().startsWith("video/")) {
        return Optional.of("X takes images, GIFs and videos; this item has " + m.mimeType());
      }
    }
    if (media.size() > 4) {
      return Optional.of("X takes at most 4 media per post; this item has " + media.size());
    }
    if (media.size() > 1 && media.stream().anyMatch(m -> m.isVideo() || m.mimeType().equals("image/gif"))) {
      return Optional.of("X takes one video or GIF per post, alone; this item has " + media.size() + " media");
    }
    return Optional.empty();
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Uploads the post's media, then creates the post. */
  @Override
  public PublishedPost publish(Grant grant, Post post) {
    Objects.requireNonNull(post, "post");
    if (post.media().size() > 4) {
      throw invalid("X takes at most 4 media per post; got " + post.media().size());
    }
    checkText(post.text(), !post.media().isEmpty()); // before any upload
    List<String> ids = new ArrayList<>();
    for (MediaContent m : post.media()) {
      ids.add(uploadMedia(grant, m));
    }
    XPost created = post(grant, post.text(), ids);
    return new PublishedPost(XProvider.ID, created.id(), Optional.empty());
  }

  /**
   * X's webhook verifier: CRC answers and {@code x-twitter-webhooks-signature} checks with the
   * consumer secret named {@value XProvider#CONSUMER_SECRET} in the credentials' secrets, and
   * revocation events. Using it without that secret fails with a configuration error.
   */
  @Override
  public Optional<WebhookVerifier> webhooks() {
    return Optional.of(webhooks);
  }

  private static List<XProblem> partialErrors(Map<String, Object> body) {
    List<XProblem> out = new ArrayList<>();
    for (Object o : Json.list(body, "errors").orElse(List.of())) {
      if (o instanceof Map<?, ?> raw) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) raw;
        out.add(new XProblem(Json.str(e, "type").orElse("about:blank"), Json.str(e, "title").orElse(""),
            Json.str(e, "detail").or(() -> Json.str(e, "message")).orElse(""), Json.str(e, "resource_id")));
      }
    }
    return out;
  }

  private static void checkText(String text, boolean hasMedia) {
    Optional<XTextRules.Refusal> refusal = XTextRules.rejection(text, hasMedia);
    if (refusal.isPresent()) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, XProvider.ID, 0,
          "X would refuse the post: " + refusal.get().reason()).withRemediation(refusal.get().remediation()), null, 1);
    }
  }

  private static SocialinkException invalid(String message) {
    return SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, XProvider.ID, 0, message), null, 1);
  }

  /** Names the client's platform and client id, never a secret. */
  @Override
  public String toString() {
    return "XClient[clientId=" + credentials.clientId() + ", api=" + endpoints.apiBaseUri() + "]";
  }
}
