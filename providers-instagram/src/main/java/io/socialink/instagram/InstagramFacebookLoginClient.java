package io.socialink.instagram;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.instagram.internal.IgCalls;
import io.socialink.instagram.internal.IgFields;
import io.socialink.instagram.internal.IgGraph;
import io.socialink.instagram.internal.InstagramWebhookVerifier;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.OAuth2Endpoints;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import io.socialink.spi.StandardOAuth2;
import io.socialink.spi.StandardOAuth2Client;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Facebook Login for Business (scheme {@code facebook-login}), for Instagram professional accounts
 * connected to a Facebook Page. Its credentials are the <b>Meta app's</b> id and secret (App settings
 * &gt; Basic), unlike Instagram Login's; its calls go to {@code graph.facebook.com}. Get it from a
 * configured {@link io.socialink.Socialink}:
 *
 * <pre>{@code
 * InstagramFacebookLoginClient fb = socialink.client(InstagramFacebookLoginClient.class);
 * List<InstagramPageAccount> all = socialink.grants().withGrant(owner, grantId, InstagramFacebookLoginClient.class,
 *     (c, g) -> c.instagramAccounts(g));
 * }</pre>
 *
 * <p><b>Linking.</b> {@link #exchangeCode} exchanges the code ({@code GET /oauth/access_token}) for a
 * short-lived user token, exchanges that at once for a long-lived one ({@link #exchangeForLongLived},
 * {@code grant_type=fb_exchange_token}, about 60 days), debugs it ({@link #debugToken}) for the
 * permissions granted, the app and the Facebook user, and reads the Instagram professional accounts
 * behind the user's Pages ({@link #instagramAccounts}). The grant's account is an <b>Instagram
 * account</b>, keyed by its professional account id (the id of {@code /<IG_ID>/media}), never the
 * Facebook user. Several accounts: the link targets the one the provider's
 * {@link InstagramProvider.Builder#facebookAccountChooser chooser} picks, by default the first in
 * Facebook's order of the Pages; every one of them stays reachable through {@link #instagramAccounts}.
 * None: {@link InstagramAccountNotConnectedException}, and nothing is stored. Facebook issues no refresh
 * token: when the long-lived token ends, the user logs in again.
 *
 * <p><b>The other ids.</b> The Facebook user who logged in (the app-scoped id {@code debug_token}
 * names) is kept with the grant as its {@linkplain Grant#attributes() attribute}
 * {@value #FACEBOOK_USER_ID}, read at {@link #exchangeCode}, because Meta's deauthorize and
 * data-deletion callbacks for the Meta app name that user, not the Instagram account. The Page id is
 * not stored; {@link #linkedAccount} reads both live (the Facebook user from {@code debug_token}, the
 * Page from {@code /me/accounts}), each in its own field of {@link FacebookLinkedAccount}.
 *
 * <p><b>Callbacks.</b> {@link #webhooks()} verifies the Meta app's {@code signed_request} callbacks
 * with the Meta app's secret, and names {@value #FACEBOOK_USER_ID} in their events: Socialink's
 * callback intake then finds the grants of that Facebook user, as well as any of an Instagram account
 * with that id, and marks their links {@code REVOKED}. Configure the Meta app's Deauthorize Callback
 * URL as {@code <intake>/instagram/facebook-login} and its Data Deletion Request URL as
 * {@code <intake>/instagram/facebook-login?callback=data-deletion}.
 *
 * <p><b>Use.</b> The profile ({@link #user}), media ({@link #media}) and publishing are the Instagram
 * Graph calls of {@link InstagramClient}, made on {@code graph.facebook.com} with the Instagram account id.
 *
 * <p><b>Unlink.</b> {@link #revoke} is Facebook's documented {@code DELETE /{user-id}/permissions},
 * which invalidates the person's tokens for the app; {@link #isTokenDead} then verifies.
 *
 * <p>Thread-safe; holds no user state.
 */
public final class InstagramFacebookLoginClient extends StandardOAuth2Client {
  /**
   * The {@linkplain Grant#attributes() grant attribute} holding the Facebook user's app-scoped id: the
   * {@code user_id} of {@code debug_token} when the link was made, digits only. Not a secret.
   */
  public static final String FACEBOOK_USER_ID = "instagram.facebook_user_id";
  /** The endpoint group of {@code GET /oauth/access_token} with a code. */
  public static final String GROUP_TOKEN = "facebook.oauth.token";
  /** The endpoint group of {@code GET /oauth/access_token?grant_type=fb_exchange_token}. */
  public static final String GROUP_EXCHANGE = "facebook.oauth.exchange";
  /** The endpoint group of {@code GET /debug_token}. */
  public static final String GROUP_DEBUG = "facebook.debug_token";
  /** The endpoint group of {@code DELETE /{user-id}/permissions}. */
  public static final String GROUP_REVOKE = "facebook.permissions";
  /** The endpoint group of {@code GET /me} and {@code GET /<IG_ID>} (the profile). */
  public static final String GROUP_ME = "facebook.me";
  /** The endpoint group of {@code GET /me/accounts}. */
  public static final String GROUP_ACCOUNTS = "facebook.me.accounts";
  /** The fields asked of {@code GET /me/accounts}. */
  public static final String ACCOUNTS_FIELDS = "id,name,instagram_business_account{id,username}";
  /** The fields asked of {@code GET /<IG_ID>}, the Instagram account on {@code graph.facebook.com}. */
  public static final String PROFILE_FIELDS = "id,username,name,profile_picture_url,followers_count,follows_count,media_count";
  /** Pages asked per {@code /me/accounts} request. */
  public static final int ACCOUNTS_PAGE_SIZE = 25;
  /** The most {@code /me/accounts} requests one listing makes before it calls the answer malformed. */
  static final int MAX_ACCOUNT_REQUESTS = 40;

  private final FacebookLoginEndpoints endpoints;
  private final IgCalls calls;
  private final IgGraph graph;
  private final Secret appSecret;
  private final Clock clock;
  private final Function<List<InstagramPageAccount>, InstagramPageAccount> chooser;
  private final InstagramWebhookVerifier webhooks;

  InstagramFacebookLoginClient(ProviderContext context, InstagramProvider provider, Secret appSecret) {
    super(StandardOAuth2.newBuilder(context, OAuth2Endpoints.withoutRevocation(provider.facebookEndpoints().dialogUri(),
        provider.facebookEndpoints().graph("oauth/access_token"))).scopeSeparator(",").tokenEndpointGroup(GROUP_TOKEN)
        .build());
    this.endpoints = provider.facebookEndpoints();
    this.calls = new IgCalls(context.calls(), context.credentials());
    this.graph = new IgGraph(calls, context.json(), oauth()::readObject, endpoints::graph, context.sleeper(),
        provider.statusPollInterval(), provider.maxPublishWait());
    this.appSecret = appSecret;
    this.clock = context.clock();
    this.chooser = provider.facebookAccountChooser();
    this.webhooks = new InstagramWebhookVerifier(appSecret, Optional.empty(),
        context.credentials().secret(InstagramProvider.WEBHOOK_VERIFY_TOKEN), context.json(), clock,
        provider.callbackTolerance(), Optional.of(FACEBOOK_USER_ID));
  }

  /**
   * Where this client sends the browser and its calls.
   *
   * @return the endpoints
   */
  public FacebookLoginEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Renders the login dialog URL: {@code client_id}, {@code redirect_uri}, {@code response_type=code},
   * the scopes separated by commas, {@code state}, then extra parameters.
   *
   * @throws IllegalArgumentException if an extra parameter would replace one of these
   */
  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return IgCalls.authorizationUrl(endpoints.dialogUri(), credentials().clientId(), request);
  }

  /**
   * Completes the link: exchanges the code with
   * {@code GET /oauth/access_token?client_id=&redirect_uri=&client_secret=&code=}, exchanges the
   * short-lived token for a long-lived one ({@link #exchangeForLongLived}), debugs the long-lived token
   * ({@link #debugToken}) for the permissions granted, and reads the Instagram accounts behind the user's
   * Pages ({@link #instagramAccounts}). The answer's token is the long-lived one, without a refresh
   * token; its lifetime is the exchange's {@code expires_in}, else the debug's {@code expires_at}, else
   * unknown; its scopes are the debug's; its account id is the chosen Instagram account's id; its
   * attribute {@value #FACEBOOK_USER_ID} is the debug's {@code user_id}, when that is sent as digits.
   *
   * @throws InstagramAccountNotConnectedException when no Page of the user has an Instagram professional account
   * @throws SocialinkException the classified failure; {@code AUTH_REVOKED} when the new token debugs as
   *     invalid, {@code CONFIGURATION} when it belongs to another app or the chooser picks no listed account
   */
  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", credentials().clientId());
    q.put("redirect_uri", exchange.redirectUri().toString());
    q.put("client_secret", appSecret.reveal());
    q.put("code", exchange.code().reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(endpoints.graph("oauth/access_token") + "?"
        + ApiRequest.formEncode(q))).secret(appSecret).secret(exchange.code()).build();
    TokenResponse shortLived = oauth().readTokens(calls.send(GROUP_TOKEN, request, Idempotency.NON_IDEMPOTENT,
        Optional.empty()));
    TokenResponse longLived = exchangeForLongLived(shortLived.accessToken());
    Instant now = clock.instant();
    FacebookTokenInfo info = debugToken(longLived.accessToken());
    if (!info.valid()) {
      throw IgGraph.failure(ErrorCategory.AUTH_REVOKED, "Facebook debugs the new token as invalid");
    }
    if (info.appId().isPresent() && !info.appId().get().equals(credentials().clientId())) {
      throw IgGraph.failure(ErrorCategory.CONFIGURATION,
          "the new token belongs to another app than the configured Meta app");
    }
    List<InstagramPageAccount> accounts = instagramAccounts(longLived.accessToken(), Optional.empty());
    InstagramPageAccount chosen = choose(accounts);
    Optional<Duration> expiresIn = longLived.expiresIn().isPresent() ? longLived.expiresIn()
        : info.expiresAt().filter(e -> e.isAfter(now)).map(e -> Duration.between(now, e));
    Map<String, String> attributes = info.userId().filter(u -> u.matches("[0-9]{1,40}"))
        .map(u -> Map.of(FACEBOOK_USER_ID, u)).orElse(Map.of());
    return new TokenResponse(longLived.accessToken(), Optional.empty(), expiresIn, Optional.empty(),
        Optional.of(info.scopes()), longLived.tokenType(), Optional.of(chosen.instagramAccountId()), attributes);
  }

  private InstagramPageAccount choose(List<InstagramPageAccount> accounts) {
    if (accounts.isEmpty()) {
      throw new InstagramAccountNotConnectedException(Classification.of(ErrorCategory.PERMISSION_DENIED,
          InstagramProvider.ID, 0, "none of the Facebook Pages the user shared has an Instagram professional account"
              + " connected, so there is no Instagram account to link"));
    }
    InstagramPageAccount chosen;
    try {
      chosen = chooser.apply(accounts);
    } catch (RuntimeException e) {
      throw SocialinkException.of(Classification.of(ErrorCategory.CONFIGURATION, InstagramProvider.ID, 0,
          "the Facebook account chooser failed: " + e.getClass().getName()), e, 1);
    }
    if (chosen == null || !accounts.contains(chosen)) {
      throw IgGraph.failure(ErrorCategory.CONFIGURATION, "the Facebook account chooser picked none of the "
          + accounts.size() + " Instagram accounts it was offered");
    }
    return chosen;
  }

  /**
   * Exchanges a short-lived user token for a long-lived one:
   * {@code GET /oauth/access_token?grant_type=fb_exchange_token&client_id=&client_secret=&fb_exchange_token=},
   * with the Meta app's secret; the secret and both tokens are declared secret.
   *
   * @param shortLived the short-lived user token
   * @return the long-lived token, with its {@code expires_in} when Facebook sent it
   * @throws SocialinkException the classified failure, or {@code UNKNOWN} without {@code access_token}
   */
  public TokenResponse exchangeForLongLived(Secret shortLived) {
    Objects.requireNonNull(shortLived, "shortLived");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("grant_type", "fb_exchange_token");
    q.put("client_id", credentials().clientId());
    q.put("client_secret", appSecret.reveal());
    q.put("fb_exchange_token", shortLived.reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(endpoints.graph("oauth/access_token") + "?"
        + ApiRequest.formEncode(q))).secret(appSecret).secret(shortLived).build();
    TokenResponse t = oauth().readTokens(calls.send(GROUP_EXCHANGE, request, Idempotency.NON_IDEMPOTENT,
        Optional.empty(), Operation.CODE_EXCHANGE), Operation.CODE_EXCHANGE);
    return new TokenResponse(t.accessToken(), Optional.empty(), t.expiresIn(), Optional.empty(), Optional.empty(),
        t.tokenType(), Optional.empty());
  }

  /**
   * Debugs a token with {@code GET /debug_token?input_token=} and the app token
   * ({@code <app id>|<app secret>}); both are declared secret.
   *
   * @param token the token to inspect
   * @return what Facebook says about it
   * @throws SocialinkException the classified failure, or {@code UNKNOWN} without {@code data}
   */
  public FacebookTokenInfo debugToken(Secret token) {
    Objects.requireNonNull(token, "token");
    Secret appToken = Secret.of(credentials().clientId() + "|" + appSecret.reveal());
    Map<String, String> q = new LinkedHashMap<>();
    q.put("input_token", token.reveal());
    q.put("access_token", appToken.reveal());
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(endpoints.graph("debug_token") + "?"
        + ApiRequest.formEncode(q))).secret(token).secret(appToken).secret(appSecret).build();
    ApiResponse response = calls.send(GROUP_DEBUG, request, Idempotency.IDEMPOTENT, Optional.empty());
    Map<String, Object> m = oauth().readObject(response, "the token debug request");
    Map<String, Object> d = IgFields.obj(m, "data").orElseThrow(() -> IgFields.malformed("token debug answer",
        "member 'data' is missing"));
    if (!(d.get("is_valid") instanceof Boolean)) {
      throw IgFields.malformed("token debug answer", "member 'data.is_valid' is missing or not a boolean");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (Object o : IgFields.list(d, "scopes").orElse(List.of())) {
      if (o instanceof String s && !s.isBlank()) {
        scopes.add(s);
      }
    }
    OptionalLong issued = IgFields.num(d, "issued_at");
    OptionalLong expires = IgFields.num(d, "expires_at");
    return new FacebookTokenInfo(Boolean.TRUE.equals(d.get("is_valid")), IgFields.id(d, "app_id"),
        IgFields.str(d, "type"), IgFields.id(d, "user_id"), scopes,
        issued.isPresent() ? Optional.of(Instant.ofEpochSecond(issued.getAsLong())) : Optional.empty(),
        expires.isPresent() && expires.getAsLong() > 0 ? Optional.of(Instant.ofEpochSecond(expires.getAsLong()))
            : Optional.empty());
  }

  /**
   * The Instagram professional accounts behind the Pages the user shared, in Facebook's order:
   * {@code GET /me/accounts?fields=}{@value #ACCOUNTS_FIELDS}{@code &limit=25}, following the cursor
   * while {@code paging.next} is present. Pages without an {@code instagram_business_account} are
   * skipped; an account reached through two Pages is listed once, with the first.
   *
   * @param grant the grant
   * @return the accounts, possibly none
   * @throws SocialinkException the classified failure, or {@code UNKNOWN} for an answer without the
   *     documented shape
   */
  public List<InstagramPageAccount> instagramAccounts(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    return instagramAccounts(grant.accessToken(), IgCalls.userKey(grant));
  }

  private List<InstagramPageAccount> instagramAccounts(Secret token, Optional<String> userKey) {
    String what = "Pages answer";
    List<InstagramPageAccount> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> cursors = new HashSet<>();
    Optional<String> after = Optional.empty();
    for (int request = 0; request < MAX_ACCOUNT_REQUESTS; request++) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("fields", ACCOUNTS_FIELDS);
      q.put("limit", Integer.toString(ACCOUNTS_PAGE_SIZE));
      after.ifPresent(a -> q.put("after", a));
      ApiRequest r = ApiRequest.newBuilder(HttpMethod.GET, URI.create(endpoints.graph("me/accounts") + "?"
          + ApiRequest.formEncode(q))).header("Authorization", "Bearer " + token.reveal()).secret(token).build();
      Map<String, Object> m = oauth().readObject(calls.send(GROUP_ACCOUNTS, r, Idempotency.IDEMPOTENT, userKey),
          "the Pages request");
      for (Map<String, Object> page : IgGraph.objects(m, what)) {
        String pageId = IgFields.id(page, "id").orElseThrow(() -> IgFields.malformed(what, "a Page has no 'id'"));
        Optional<Map<String, Object>> ig = IgFields.obj(page, "instagram_business_account");
        if (ig.isEmpty()) {
          continue;
        }
        String igId = IgFields.id(ig.get(), "id").orElseThrow(() -> IgFields.malformed(what,
            "an 'instagram_business_account' has no 'id'"));
        if (!igId.matches("[0-9]{1,40}") || !pageId.matches("[0-9]{1,40}")) {
          throw IgFields.malformed(what, "a Page or Instagram account id is not digits");
        }
        if (seen.add(igId)) {
          out.add(new InstagramPageAccount(igId, IgFields.str(ig.get(), "username"), pageId, IgFields.str(page, "name")));
        }
      }
      after = IgGraph.nextCursor(m, what);
      if (after.isEmpty()) {
        return List.copyOf(out);
      }
      if (!cursors.add(after.get())) {
        throw IgFields.malformed(what, "member 'paging.cursors.after' repeats a cursor already followed");
      }
    }
    throw IgFields.malformed(what, "it still has more pages after " + MAX_ACCOUNT_REQUESTS + " requests");
  }

  /**
   * The ids behind a grant: the Facebook user from {@code debug_token} and the Page of the grant's
   * Instagram account from {@code /me/accounts}.
   *
   * @param grant the grant
   * @return the ids
   * @throws SocialinkException {@code AUTH_REVOKED} when the token debugs as invalid; {@code NOT_FOUND}
   *     when no Page of the user holds the grant's account any more; {@code UNKNOWN} without a user id
   */
  public FacebookLinkedAccount linkedAccount(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    FacebookTokenInfo info = debugToken(grant.accessToken());
    if (!info.valid()) {
      throw IgGraph.failure(ErrorCategory.AUTH_REVOKED, "grant " + grant.id() + "'s token debugs as invalid");
    }
    String user = info.userId().orElseThrow(() -> IgFields.malformed("token debug answer",
        "member 'data.user_id' is missing"));
    String igId = IgGraph.igId(grant);
    InstagramPageAccount account = instagramAccounts(grant).stream().filter(a -> a.instagramAccountId().equals(igId))
        .findFirst().orElseThrow(() -> IgGraph.failure(ErrorCategory.NOT_FOUND, "no Facebook Page of the user holds"
            + " grant " + grant.id() + "'s Instagram account any more"));
    return new FacebookLinkedAccount(user, account);
  }

  /** Reads the account with {@link #user(Grant)}, keyed by the Instagram professional account id. */
  @Override
  public Account profile(Grant grant) {
    return user(grant).toAccount();
  }

  /**
   * Reads the grant's Instagram account on {@code graph.facebook.com}:
   * {@code GET /<IG_ID>?fields=}{@value #PROFILE_FIELDS}. Facebook Login has no app-scoped Instagram
   * id or account type here, so those stay empty.
   *
   * @param grant the grant
   * @return the user
   * @throws SocialinkException the classified failure; {@code UNKNOWN} without {@code id}, or with another
   *     account's id
   */
  public InstagramUser user(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    String igId = IgGraph.igId(grant);
    Map<String, Object> m = graph.get(GROUP_ME, graph.uri(igId + "?fields=" + PROFILE_FIELDS), grant,
        "the profile request");
    String what = "profile answer";
    String id = IgFields.id(m, "id").orElseThrow(() -> IgFields.malformed(what, "member 'id' is missing"));
    if (!id.equals(igId)) {
      throw IgFields.malformed(what, "member 'id' names another account than the one asked");
    }
    return new InstagramUser(id, Optional.empty(), IgFields.str(m, "username"), IgFields.str(m, "name"),
        Optional.empty(), IgFields.uri(m, "profile_picture_url"), IgFields.num(m, "followers_count"),
        IgFields.num(m, "follows_count"), IgFields.num(m, "media_count"));
  }

  /**
   * Probes {@code GET /<IG_ID>?fields=id} with the grant's token (not refreshed), as an unlink's
   * verification does.
   *
   * @param grant the grant
   * @return true when Facebook refuses the token as expired or revoked; false when it accepts it
   * @throws SocialinkException when the probe fails otherwise, so the answer is unknown
   */
  public boolean isTokenDead(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    try {
      graph.get(GROUP_ME, graph.uri(IgGraph.igId(grant) + "?fields=id"), grant, "the verification probe");
      return false;
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED || e.category() == ErrorCategory.AUTH_EXPIRED) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Reads one page of the account's media, newest first:
   * {@code GET /<IG_ID>/media?fields=}{@value InstagramClient#MEDIA_FIELDS}.
   *
   * @param grant the grant
   * @param after the cursor of {@link InstagramMediaPage#after()}; empty for the first page
   * @param limit 1 to 100 media
   * @return the page
   */
  public InstagramMediaPage media(Grant grant, Optional<String> after, int limit) {
    Objects.requireNonNull(grant, "grant");
    return graph.media(grant, IgGraph.igId(grant), InstagramClient.MEDIA_FIELDS, after, limit);
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
   * Publishes one JPEG image Instagram fetches from a public URL, as {@link InstagramClient#publishImage}.
   *
   * @param grant the grant (permission {@code instagram_content_publish})
   * @param imageUrl the image's public address
   * @param caption the caption
   * @return the published media
   */
  public PublishedPost publishImage(Grant grant, URI imageUrl, Optional<String> caption) {
    return graph.publishImage(grant, imageUrl, caption);
  }

  /**
   * Publishes a reel, as {@link InstagramClient#publishReel}.
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
   * Publishes a carousel of 2 to 10 items, as {@link InstagramClient#publishCarousel}.
   *
   * @param grant the grant
   * @param items 2 to 10 items
   * @param caption the caption
   * @return the published media
   */
  public PublishedPost publishCarousel(Grant grant, List<InstagramCarouselItem> items, Optional<String> caption) {
    return graph.publishCarousel(grant, items, caption);
  }

  /**
   * Creates a media container, {@code POST /<IG_ID>/media}. Never repeated blindly.
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
   * Polls a container until it is ready, as {@link InstagramClient#awaitContainer}.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the {@code FINISHED} status
   */
  public InstagramContainerStatus awaitContainer(Grant grant, String containerId) {
    return graph.awaitContainer(grant, containerId);
  }

  /**
   * Waits for the container, reads the quota live, then publishes, as {@link InstagramClient#publishContainer}.
   *
   * @param grant the grant
   * @param containerId the container
   * @return the published media
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
        .withRemediation("Host the media at a public https URL and use InstagramFacebookLoginClient.publishImage,"
            + " publishReel or publishCarousel."), null, 1);
  }

  /**
   * Revokes the whole grant with Facebook's documented {@code DELETE /{user-id}/permissions} and the
   * user's token; Facebook then invalidates the person's user tokens for the app. The Facebook user id
   * is the token's, read with {@link #debugToken} first; a token that debugs as invalid, or that the
   * DELETE refuses as expired or revoked, was already dead.
   *
   * @return {@link Revocation#REVOKED} on {@code true} or {@code {"success":true}}, else
   *     {@link Revocation#ALREADY_REVOKED} for a dead token
   * @throws SocialinkException the classified failure (a failure of the app's own credentials at the
   *     debug is never taken for "already revoked"), or {@code UNKNOWN} for any other answer
   */
  @Override
  public Revocation revoke(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    FacebookTokenInfo info = debugToken(grant.accessToken());
    if (!info.valid()) {
      return Revocation.ALREADY_REVOKED;
    }
    String user = info.userId().filter(u -> u.matches("[0-9]{1,40}")).orElseThrow(() -> IgFields.malformed(
        "token debug answer", "member 'data.user_id' is missing or not digits"));
    ApiResponse response;
    try {
      response = calls.send(GROUP_REVOKE, IgCalls.bearer(HttpMethod.DELETE, endpoints.graph(user + "/permissions"),
          grant).build(), Idempotency.IDEMPOTENT, IgCalls.userKey(grant));
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED || e.category() == ErrorCategory.AUTH_EXPIRED) {
        return Revocation.ALREADY_REVOKED;
      }
      throw e;
    }
    String body = new String(response.body(), StandardCharsets.UTF_8).strip();
    if (body.equals("true") || body.replace(" ", "").equals("{\"success\":true}")) {
      return Revocation.REVOKED;
    }
    throw IgFields.malformed("revocation answer", "it is neither true nor {\"success\":true}");
  }

  /**
   * Meta's callbacks and webhooks for the Meta app: the {@code hub.challenge} handshake (with the
   * named secret {@value InstagramProvider#WEBHOOK_VERIFY_TOKEN}), {@code X-Hub-Signature-256}
   * deliveries, and the deauthorize and data-deletion callbacks' {@code signed_request} (a POST whose
   * query has {@code callback=data-deletion} is a data-deletion request, any other a deauthorization),
   * all signed with the Meta app's secret. A callback's {@code user_id} is the Facebook user's
   * app-scoped id, so its event names the grant attribute {@value #FACEBOOK_USER_ID}.
   */
  @Override
  public Optional<WebhookVerifier> webhooks() {
    return Optional.of(webhooks);
  }

  /** Names the app id and host, never a secret. */
  @Override
  public String toString() {
    return "InstagramFacebookLoginClient[appId=" + credentials().clientId() + ", graph=" + endpoints.graphBaseUri() + "]";
  }
}
