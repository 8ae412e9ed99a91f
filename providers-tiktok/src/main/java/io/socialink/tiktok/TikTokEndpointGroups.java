package io.socialink.tiktok;

/**
 * The endpoint groups of TikTok calls: the names by which the call pipeline counts rate limits
 * ({@link io.socialink.http.ApiCall#endpointGroup()}), the provider declares its defaults
 * ({@link TikTokProvider#rateLimitPolicies()}) and applications override them
 * ({@link io.socialink.resilience.RateLimitSettings}).
 *
 * <p>Each name is the endpoint's path under {@code https://open.tiktokapis.com/v2/} with slashes turned
 * into dots, so {@code /v2/user/info/} is {@code user.info}. TikTok counts its limits per endpoint, so
 * every endpoint has a group of its own.
 *
 * <pre>{@code
 * RateLimitSettings settings = RateLimitSettings.custom()
 *     .override("tiktok", RateLimitPolicy.perApp(TikTokEndpointGroups.USER_INFO, 1_200, Duration.ofMinutes(1)))
 *     .build();
 * }</pre>
 *
 * <p>Constants only; thread-safe.
 */
public final class TikTokEndpointGroups {
  /** {@code POST /v2/oauth/token/}: code exchange and refresh. No limit is documented. */
  public static final String OAUTH_TOKEN = "oauth.token";
  /** {@code POST /v2/oauth/revoke/}: token revocation. No limit is documented. */
  public static final String OAUTH_REVOKE = "oauth.revoke";
  /** {@code GET /v2/user/info/}: 600 requests per minute by default. */
  public static final String USER_INFO = "user.info";
  /** {@code POST /v2/video/query/}: 600 requests per minute by default. */
  public static final String VIDEO_QUERY = "video.query";
  /** {@code POST /v2/video/list/}: 600 requests per minute by default. */
  public static final String VIDEO_LIST = "video.list";
  /** {@code POST /v2/post/publish/video/init/} (Direct Post): 6 requests per minute per user access token. */
  public static final String POST_VIDEO_INIT = "post.publish.video.init";
  /**
   * {@code POST /v2/post/publish/inbox/video/init/} (upload to the inbox as a draft): 6 requests per minute per
   * user access token.
   */
  public static final String POST_INBOX_VIDEO_INIT = "post.publish.inbox.video.init";
  /** {@code POST /v2/post/publish/creator_info/query/}: 20 requests per minute per user access token. */
  public static final String POST_CREATOR_INFO = "post.publish.creator_info.query";
  /** {@code POST /v2/post/publish/status/fetch/}: 30 requests per minute per user access token. */
  public static final String POST_STATUS_FETCH = "post.publish.status.fetch";

  private TikTokEndpointGroups() {}
}
