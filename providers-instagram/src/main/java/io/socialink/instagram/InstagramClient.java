package io.socialink.instagram;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.crosspost.SourceItem;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.instagram.internal.IgCalls;
import io.socialink.instagram.internal.IgFields;
import io.socialink.instagram.internal.IgGraph;
import io.socialink.instagram.internal.InstagramSourceItems;
import io.socialink.instagram.internal.InstagramWebhookVerifier;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.CrossPostSource;
import io.socialink.spi.OAuth2Endpoints;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import io.socialink.spi.StandardOAuth2;
import io.socialink.spi.StandardOAuth2Client;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Instagram API with Instagram Login ("Business Login for Instagram", scheme
 * {@code instagram-login}) for one app: linking (authorization window, code exchange, long-lived
 * token exchange, refresh), the profile, the media listing, content publishing, the best-effort
 * unlink calls, and Meta's callbacks and webhooks. Every request goes through the Socialink pipeline,
 * whose interpreter reads Meta's answers ({@link InstagramProvider#responseInterpreter()}). Get it
 * from a configured {@link io.socialink.Socialink}:
 *
 * <pre>{@code
 * InstagramClient instagram = socialink.client(InstagramClient.class);
 * InstagramUser me = socialink.grants().withGrant(owner, grantId, InstagramClient.class, (ig, g) -> ig.user(g));
 * InstagramMediaPage page = socialink.grants().withGrant(owner, grantId, InstagramClient.class,
 *     (ig, g) -> ig.media(g, Optional.empty(), 25));
 * }</pre>
 *
 * <p><b>Credentials.</b> The scheme's client id and client secret are the <b>Instagram App ID and
 * Instagram App Secret</b> (App Dashboard &gt; Instagram &gt; API setup with Instagram login &gt;
 * Business login settings), not the Meta app's id and secret, which Instagram refuses ("Invalid
 * platform app"). The Meta app's secret, when the webhooks are signed with it, goes in the named
 * secret {@value InstagramProvider#META_APP_SECRET}; the webhook verify token in
 * {@value InstagramProvider#WEBHOOK_VERIFY_TOKEN}.
 *
 * <p><b>Linking.</b> {@link #exchangeCode} exchanges the code on {@code api.instagram.com} for a
 * short-lived token (one hour), then at once for a long-lived one (60 days) on
 * {@code graph.instagram.com/access_token?grant_type=ig_exchange_token}, so the stored grant is
 * long-lived. The code-exchange answer is read in every shape seen: flat or inside
 * {@code {"data":[...]}}, {@code permissions} as a comma string or an array, {@code user_id} as a string
 * or a number beyond 2^53 (kept as its digits). Instagram has no refresh token: the long-lived token
 * refreshes itself, so the grant carries it as its refresh token too, refreshable until it expires.
 *
 * <p><b>Two ids.</b> The code exchange's {@code user_id} is scoped to the login; {@code /me}'s
 * {@code user_id} is the professional account id used by {@code /<IG_ID>/...} endpoints and webhooks.
 * The account of a grant is keyed by the latter ({@link #profile}); {@link InstagramUser#appScopedId()}
 * is {@code /me}'s {@code id}.
 *
 * <p>Thread-safe; holds no user state: grants come in as arguments.
 */
public final class InstagramClient extends StandardOAuth2Client implements CrossPostSource {
  /** The fields asked of {@code GET /me}. */
  public static final String PROFILE_FIELDS =
      "user_id,id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count";
  /** The fields asked of {@code GET /me/media}. */
  public static final String MEDIA_FIELDS =
      "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,username";
  /** The least age of a token Instagram refreshes. */
  public static final Duration MIN_REFRESH_AGE = Duration.ofHours(24);
  /** A token living this long or less is short-lived (they live one hour). */
  static final Duration SHORT_LIVED = Duration.ofHours(2);

  private final InstagramEndpoints endpoints;
  private final JsonCodec json;
  private final IgCalls calls;
  private final Clock clock;
  private final Secret appSecret;
  private final IgGraph graph;
  private final InstagramWebhookVerifier webhooks;

  InstagramClient(ProviderContext context, InstagramProvider provider, Secret appSecret) {
    super(StandardOAuth2.newBuilder(context, OAuth2Endpoints.withoutRevocation(provider.endpoints().authorizeUri(),
            provider.endpoints().api("oauth/access_token")))
        .scopeSeparator(",")
        .scopeField("permissions")
        .accountIdField("user_id")
        .tokenEndpointGroup(InstagramEndpointGroups.OAUTH_TOKEN)
        .build());
    this.endpoints = provider.endpoints();
    this.json = context.json();
    this.calls = new IgCalls(context.calls(), context.credentials());
    this.clock = context.clock();
    this.appSecret = appSecret;
    this.graph = new IgGraph(calls, json, oauth()::readObject, endpoints::graph, context.sleeper(),
        provider.statusPollInterval(), provider.maxPublishWait());
    this.webhooks = new InstagramWebhookVerifier(appSecret,
        context.credentials().secret(InstagramProvider.META_APP_SECRET),
        context.credentials().secret(InstagramProvider.WEBHOOK_VERIFY_TOKEN), json, clock, provider.callbackTolerance());
  }

  /**
   * Where this client sends the browser and its calls.
   *
   * @return the endpoints
   */
  public InstagramEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Renders the authorization URL on {@code www.instagram.com/oauth/authorize}: {@code client_id}
   * (the Instagram App ID), {@code redirect_uri}, {@code response_type=code}, the
   * {@code instagram_business_*} scopes separated by commas, and {@code state}; then extra parameters
   * such as {@code force_reauth=true}. Instagram documents no PKCE, so no challenge is sent.
   *
   * @throws IllegalArgumentException if an extra parameter would replace one of these
   */
  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return IgCalls.authorizationUrl(endpoints.authorizeUri(), credentials().clientId(), request);
  }

  /**
   * Completes the link: exchanges the code ({@code #_} stripped) on {@code POST api.instagram.com/oauth/access_token}
   * for a short-lived token, then that for a long-lived token with {@link #exchangeForLongLived}. The
   * answer's token is the long-lived one, also as its own refresh token; its scopes are the
   * {@code permissions} granted (compare them with those asked: users can untick some); its account id
   * the login's {@code user_id}, as its digits.
   *
   * @throws SocialinkException the classified failure: {@code AUTH_REVOKED} for a code used or expired,
   *     {@code CONFIGURATION} for the Meta app's id or secret given instead of the Instagram app's
   */
  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    String code = exchange.code().reveal();
    if (code.endsWith("#_")) {
      code = code.substring(0, code.length() - 2);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", credentials().clientId());
    form.put("client_secret", appSecret.reveal());
    form.put("grant_type", "authorization_code");
    form.put("redirect_uri", exchange.redirectUri().toString());
    form.put("code", code);
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST, endpoints.api("oauth/access_token")).form(form)
        .secret(appSecret).secret(exchange.code()).secret(Secret.of(code)).build();
    ApiResponse response = calls.send(InstagramEndpointGroups.OAUTH_TOKEN, request, Idempotency.NON_IDEMPOTENT,
        Optional.empty(), Operation.CODE_EXCHANGE);
    TokenResponse shortLived = oauth().readTokens(response, Operation.CODE_EXCHANGE);
    TokenResponse longLived = exchangeForLongLived(shortLived.accessToken());
    return new TokenResponse(longLived.accessToken(), Optional.of(longLived.accessToken()), longLived.expiresIn(),
        longLived.expiresIn(), shortLived.scopes(), "bearer", shortLived.accountId());
  }

  /**
   * Exchanges a short-lived token for a long-lived one (60 days):
   * {@code GET graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret=&access_token=},
   * with the Instagram App Secret; both query values are declared secret.
   *
   * @param shortLived the short-lived token
   * @return the long-lived token and its {@code expires_in}
   */
  public TokenResponse exchangeForLongLived(Secret shortLived) {
    Objects.requireNonNull(shortLived, "shortLived");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("grant_type", "ig_exchange_token");
    q.put("client_secret", appSecret.reveal());
    q.put("access_token", shortLived.reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET,
            URI.create(endpoints.graphUnversioned("access_token") + "?" + ApiRequest.formEncode(q)))
        .secret(appSecret).secret(shortLived).build();
    ApiResponse response = calls.send(InstagramEndpointGroups.OAUTH_EXCHANGE, request, Idempotency.NON_IDEMPOTENT,
        Optional.empty(), Operation.CODE_EXCHANGE);
    return oauth().readTokens(response, Operation.CODE_EXCHANGE);
  }

  /**
   * Refreshes a long-lived token with
   * {@code GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=}
   * (the token declared secret). Instagram refreshes only a long-lived token at least 24 hours old that
   * has not expired, so any other is refused here, without a request.
   *
   * @return the new token, also as its refresh token, valid 60 days from now
   * @throws InstagramRefreshRefusedException when the token is too young, expired or not long-lived
   */
  @Override
  public TokenResponse refresh(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    checkRefreshable(grant);
    Secret token = grant.accessToken();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("grant_type", "ig_refresh_token");
    q.put("access_token", token.reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET,
        URI.create(endpoints.graphUnversioned("refresh_access_token") + "?" + ApiRequest.formEncode(q)))
        .secret(token).build();
    ApiResponse response = calls.send(InstagramEndpointGroups.OAUTH_REFRESH, request, Idempotency.NON_IDEMPOTENT,
        IgCalls.userKey(grant), Operation.TOKEN_REFRESH);
    TokenResponse t = oauth().readTokens(response, Operation.TOKEN_REFRESH);
    return new TokenResponse(t.accessToken(), Optional.of(t.accessToken()), t.expiresIn(), t.expiresIn(),
        Optional.empty(), "bearer", Optional.empty());
  }

  /**
   * Checks Instagram's refresh preconditions without a request.
   *
   * @param grant the grant
   * @throws InstagramRefreshRefusedException when Instagram would refuse the refresh
   */
  public void checkRefreshable(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Instant now = clock.instant();
    if (grant.isExpired(clock)) {
      throw new InstagramRefreshRefusedException(Classification.of(ErrorCategory.AUTH_EXPIRED, InstagramProvider.ID, 0,
          "grant " + grant.id() + "'s Instagram token expired at " + grant.expiresAt().orElseThrow()
              + "; Instagram cannot refresh an expired token")
          .withRemediation("Ask the user to link the account again; refresh long-lived tokens well inside their"
              + " 60 days."), InstagramRefreshRefusedException.Reason.EXPIRED, Optional.empty());
    }
    if (grant.expiresAt().isPresent()
        && Duration.between(grant.issuedAt(), grant.expiresAt().get()).compareTo(SHORT_LIVED) <= 0) {
      throw new InstagramRefreshRefusedException(Classification.of(ErrorCategory.INVALID_REQUEST, InstagramProvider.ID,
          0, "grant " + grant.id() + " holds a short-lived Instagram token, which cannot be refreshed")
          .withRemediation("Exchange it for a long-lived token (exchangeForLongLived) or link the account again."),
          InstagramRefreshRefusedException.Reason.NOT_LONG_LIVED, Optional.empty());
    }
    Instant from = grant.issuedAt().plus(MIN_REFRESH_AGE);
    if (now.isBefore(from)) {
      throw new InstagramRefreshRefusedException(Classification.of(ErrorCategory.INVALID_REQUEST, InstagramProvider.ID,
          0, "grant " + grant.id() + "'s Instagram token was issued at " + grant.issuedAt()
              + "; Instagram refreshes tokens at least 24 hours old, so not before " + from)
          .withRetryAt(from)
          .withRemediation("Keep using the token (it is valid) and refresh it from " + from + "."),
          InstagramRefreshRefusedException.Reason.TOO_YOUNG, Optional.of(from));
    }
  }

  /**
   * Instagram documents no way for an app to revoke an Instagram Login grant. This makes the
   * best-effort calls of {@link #bestEffortRevoke} and then raises, so a grant is never reported
   * revoked: the user removes the app in Instagram ({@link InstagramProvider#REMOVE_APP_ACCESS}), and
   * the unlink plan verifies that the old token fails.
   *
   * @throws InstagramRevocationUnsupportedException always, carrying the attempts
   */
  @Override
  public Revocation revoke(Grant grant) {
    List<InstagramRevocationAttempt> attempts = bestEffortRevoke(grant);
    StringBuilder sb = new StringBuilder();
    for (InstagramRevocationAttempt a : attempts) {
      sb.append("; ").append(a.describe());
    }
    throw new InstagramRevocationUnsupportedException(Classification.of(ErrorCategory.CONFIGURATION,
        InstagramProvider.ID, 0, "Instagram documents no revocation of an Instagram Login grant, so grant " + grant.id()
            + " cannot be reported revoked" + sb)
        .withRemediation("Ask the user to remove the app in Instagram (Settings → Security → Apps and websites → Active →"
            + " Remove, or Accounts Center), then check that the old token fails; delete the stored grant."), attempts);
  }

  /**
   * The best-effort unlink calls, with the grant's user token: {@code DELETE /me/subscribed_apps} (so
   * the account's webhooks stop) and {@code DELETE /me/permissions} (undocumented for Instagram Login).
   * Each is reported as best-effort; a failure is recorded, not thrown.
   *
   * @param grant the grant
   * @return the attempts, in order
   */
  public List<InstagramRevocationAttempt> bestEffortRevoke(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    List<InstagramRevocationAttempt> out = new ArrayList<>();
    out.add(attempt("DELETE /me/subscribed_apps", InstagramEndpointGroups.SUBSCRIBED_APPS,
        endpoints.graph("me/subscribed_apps"), grant));
    out.add(attempt("DELETE /me/permissions", InstagramEndpointGroups.PERMISSIONS,
        endpoints.graphUnversioned("me/permissions"), grant));
    return out;
  }

  private InstagramRevocationAttempt attempt(String call, String group, URI uri, Grant grant) {
    try {
      calls.send(group, IgCalls.bearer(HttpMethod.DELETE, uri, grant).build(), Idempotency.IDEMPOTENT,
          IgCalls.userKey(grant));
      return new InstagramRevocationAttempt(call, true, Optional.empty());
    } catch (SocialinkException e) {
      return new InstagramRevocationAttempt(call, false, Optional.of(e.classification()));
    }
  }

  /** Reads the account with {@link #user(Grant)}, keyed by the professional account id. */
  @Override
  public Account profile(Grant grant) {
    return user(grant).toAccount();
  }

  /**
   * Reads the grant's account with {@code GET /me?fields=}{@value #PROFILE_FIELDS}.
   *
   * @param grant the grant
   * @return the user
   * @throws SocialinkException the classified failure; {@code UNKNOWN} without {@code user_id}
   */
  public InstagramUser user(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Map<String, Object> m = me(grant, PROFILE_FIELDS);
    String what = "profile answer";
    return new InstagramUser(IgFields.id(m, "user_id").orElseThrow(() -> IgFields.malformed(what,
        "member 'user_id' is missing")), IgFields.id(m, "id"), IgFields.str(m, "username"), IgFields.str(m, "name"),
        IgFields.str(m, "account_type"), IgFields.uri(m, "profile_picture_url"), IgFields.num(m, "followers_count"),
        IgFields.num(m, "follows_count"), IgFields.num(m, "media_count"));
  }

  private Map<String, Object> me(Grant grant, String fields) {
    ApiRequest request = IgCalls.bearer(HttpMethod.GET, endpoints.graph("me?fields=" + fields), grant).build();
    ApiResponse response = calls.send(InstagramEndpointGroups.ME, request, Idempotency.IDEMPOTENT,
        IgCalls.userKey(grant));
    return oauth().readObject(response, "the profile request");
  }

  /**
   * Probes {@code GET /me?fields=user_id} with the grant's token (not refreshed), as an unlink's
   * verification does.
   *
   * @param grant the grant
   * @return true when Instagram refuses the token as expired or revoked; false when it accepts it
   * @throws SocialinkException when the probe fails otherwise, so the answer is unknown
   */
  public boolean isTokenDead(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    try {
      me(grant, "user_id");
      return false;
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED || e.category() == ErrorCategory.AUTH_EXPIRED) {
        return true;
      }
      throw e;
    }
  }

  /**
   * The account's newest media as cross-post items, reading pages of {@link #media} within this call.
   * Instagram has no webhook for new media, so a cross-post sync polls this.
   */
  @Override
  public List<SourceItem> recentItems(Grant grant, int limit) {
    Objects.requireNonNull(grant, "grant");
    return InstagramSourceItems.recent((after, n) -> media(grant, after, n), limit);
  }

  /**
   * Reads one page of the account's media, newest first: {@code GET /me/media?fields=}{@value #MEDIA_FIELDS}.
   *
   * @param grant the grant
   * @param after the cursor of {@link InstagramMediaPage#after()}; empty for the first page
   * @param limit 1 to 100 media
   * @return the page
   */
  public InstagramMediaPage media(Grant grant, Optional<String> after, int limit) {
    return graph.media(grant, "me", MEDIA_FIELDS, after, limit);
  }

  /**
   * Reads the account's publishing quota now: {@code GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config}.
   *
   * @param grant the grant
   * @return the quota
   */
  public InstagramPublishingLimit publishingLimit(Grant grant) {
    return graph.publishingLimit(grant);
  }

  /**
   * Publishes one JPEG image Instagram fetches from a public URL: container, status, quota, publish.
   *
   * @param grant the grant (scope {@code instagram_business_content_publish})
   * @param imageUrl the image's public address
   * @param caption the caption
   * @return the published media
   */
  public PublishedPost publishImage(Grant grant, URI imageUrl, Optional<String> caption) {
    return graph.publishImage(grant, imageUrl, caption);
  }

  /**
   * Publishes a reel from a video Instagram fetches from a public URL.
   *
   * @param grant the grant
   * @param videoUrl the video's public address
   * @param caption the caption
   * @param shareToFeed whether the reel also shows in the feed
   * @return the published media
   */
  public PublishedPost publishReel(Grant grant, URI videoUrl, Optional<String> caption, boolean shareToFeed) {
    return graph.publishReel(grant, videoUrl, caption, shareToFeed);
  }

  /**
   * Publishes a carousel of 2 to 10 items: a child container per item, then the parent
   * ({@code media_type=CAROUSEL}, {@code children}), then the publish.
   *
   * @param grant the grant
   * @param items 2 to 10 items
   * @param caption the caption (on the parent only)
   * @return the published media
   */
  public PublishedPost publishCarousel(Grant grant, List<InstagramCarouselItem> items, Optional<String> caption) {
    return graph.publishCarousel(grant, items, caption);
  }

  /**
   * Creates a media container, {@code POST /<IG_ID>/media} with a JSON body. Never repeated blindly.
   *
   * @param grant the grant
   * @param body the container's parameters
   * @return the container id
   */
  public String createContainer(Grant grant, Map<String, Object> body) {
    return graph.createContainer(grant, body);
  }

  /**
   * Reads a container's status once.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the status
   */
  public InstagramContainerStatus containerStatus(Grant grant, String containerId) {
    return graph.containerStatus(grant, containerId);
  }

  /**
   * Polls a container until it is ready, through the Socialink's sleeper, at most
   * {@link InstagramProvider.Builder#maxPublishWait} in total.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the {@code FINISHED} status
   * @throws SocialinkException {@code TRANSIENT} when still in progress after the longest wait;
   *     {@code INVALID_REQUEST} for {@code ERROR} or {@code EXPIRED}; {@code DUPLICATE} for {@code PUBLISHED}
   */
  public InstagramContainerStatus awaitContainer(Grant grant, String containerId) {
    return graph.awaitContainer(grant, containerId);
  }

  /**
   * Waits for the container, reads the publishing quota live, then publishes with
   * {@code POST /<IG_ID>/media_publish} ({@code creation_id}). Never repeated blindly.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the published media, whose id is the media id
   * @throws SocialinkException {@code QUOTA_EXHAUSTED} when the quota is reached (no publish is sent)
   */
  public PublishedPost publishContainer(Grant grant, String containerId) {
    return graph.publishContainer(grant, containerId);
  }

  /**
   * Instagram fetches media from public URLs and Socialink's posts carry bytes, so this refuses; use
   * {@link #publishImage}, {@link #publishReel} or {@link #publishCarousel}.
   *
   * @throws SocialinkException {@code INVALID_REQUEST} always
   */
  @Override
  public PublishedPost publish(Grant grant, Post post) {
    throw SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, InstagramProvider.ID, 0,
        "Instagram publishes media it fetches from public URLs, not uploaded bytes")
        .withRemediation("Host the media at a public https URL and use InstagramClient.publishImage, publishReel or"
            + " publishCarousel."), null, 1);
  }

  /**
   * Meta's webhooks and callbacks for this app: the {@code hub.challenge} handshake,
   * {@code X-Hub-Signature-256} deliveries, and {@code signed_request} callbacks (a POST whose query has
   * {@code callback=data-deletion} is a data-deletion request, any other a deauthorization).
   */
  @Override
  public Optional<WebhookVerifier> webhooks() {
    return Optional.of(webhooks);
  }

  /**
   * Verifies a deauthorize or data-deletion callback's {@code signed_request}.
   *
   * @param request the callback's form POST
   * @param kind which callback URL received it
   * @return the verified request
   * @throws io.socialink.webhook.WebhookRejectedException when it is missing, forged, stale or malformed
   */
  public InstagramSignedRequest callback(WebhookRequest request, InstagramSignedRequest.Kind kind) {
    return webhooks.callback(request, kind);
  }

  /**
   * The JSON reply Meta expects from a data-deletion callback:
   * {@code {"url":"<status page>","confirmation_code":"<code>"}}.
   *
   * @param statusUrl where the user can follow the deletion, https
   * @param confirmationCode an alphanumeric code, 1 to 64 characters
   * @return the response
   */
  public static WebhookResponse dataDeletionReply(URI statusUrl, String confirmationCode) {
    Objects.requireNonNull(statusUrl, "statusUrl");
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    if (!"https".equals(statusUrl.getScheme())) {
      throw new IllegalArgumentException("statusUrl must be https; got " + statusUrl.getScheme());
    }
    if (!confirmationCode.matches("[A-Za-z0-9]{1,64}")) {
      throw new IllegalArgumentException("confirmationCode must be 1-64 letters or digits");
    }
    String url = statusUrl.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return WebhookResponse.json("{\"url\":\"" + url + "\",\"confirmation_code\":\"" + confirmationCode + "\"}");
  }

  /** Names the app id and hosts, never a secret. */
  @Override
  public String toString() {
    return "InstagramClient[appId=" + credentials().clientId() + ", graph=" + endpoints.graphBaseUri() + "]";
  }

}
