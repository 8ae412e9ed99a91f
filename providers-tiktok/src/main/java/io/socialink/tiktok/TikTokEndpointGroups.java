package io.socialink.tiktok;

/**
 * The endpoint groups of TikTok calls: the names by which the call pipeline counts rate limits
 * ({@link io.socialink.http.ApiCall#endpointGroup()}), the provider declares its defaults
 * ({@link TikTokProvider#rateLimitPolicies()}) and applications override them
 * ({@link io.socialink.resilience.RateLimitSettings}).
 *
 * <p>Each name is the endpoint's path under {@code https://open.tiktokapis.com/v2/} with slashes turned
 * into dots, so {@code /v2/user/info/} is {@code user.info}; TikTok API for Business endpoints are their path
 * under {@code /open_api/v1.3/} the same way, prefixed with {@code business.}. TikTok counts its limits
 * per endpoint, so every endpoint has a group of its own.
 *
 * <pre>{@code
 * RateLimitSettings settings = RateLimitSettings.custom()
 *     .override("tiktok", RateLimitPolicy.perApp(TikTokEndpointGroups.USER_INFO, 1_200, Duration.ofMinutes(1))
 *         .sliding())   // TikTok's windows slide; an override without sliding() counts in fixed windows
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

  /**
   * {@code PUT} of a video chunk to the {@code upload_url} a post initialization returned (on
   * {@code open-upload.tiktokapis.com}). No limit is documented.
   */
  public static final String VIDEO_UPLOAD = "upload.video";
  /** {@code POST /v2/user/data/add/}: a Data Portability export is requested. */
  public static final String DATA_ADD = "user.data.add";
  /** {@code POST /v2/user/data/check/}: a Data Portability export's status. */
  public static final String DATA_CHECK = "user.data.check";
  /** {@code POST /v2/user/data/download/}: a Data Portability export's archive. */
  public static final String DATA_DOWNLOAD = "user.data.download";
  /** {@code POST /v2/user/data/cancel/}: a Data Portability export is cancelled. */
  public static final String DATA_CANCEL = "user.data.cancel";

  /** TikTok API for Business {@code POST /open_api/v1.3/tt_user/oauth2/token/}: code exchange. */
  public static final String BUSINESS_TOKEN = "business.tt_user.oauth2.token";
  /** TikTok API for Business {@code POST /open_api/v1.3/tt_user/oauth2/refresh_token/}. */
  public static final String BUSINESS_REFRESH = "business.tt_user.oauth2.refresh_token";
  /** TikTok API for Business {@code POST /open_api/v1.3/tt_user/oauth2/revoke/}. */
  public static final String BUSINESS_REVOKE = "business.tt_user.oauth2.revoke";
  /** TikTok API for Business {@code POST /open_api/v1.3/tt_user/token_info/get/}. */
  public static final String BUSINESS_TOKEN_INFO = "business.tt_user.token_info.get";
  /** Marketing API {@code POST /open_api/v1.3/oauth2/revoke_token/}: revoking an advertiser authorization. */
  public static final String MARKETING_REVOKE = "business.oauth2.revoke_token";
  /** Business Center {@code POST /open_api/v1.3/bc/asset/admin/delete/}: removing an asset from the Business Center. */
  public static final String BC_ASSET_DELETE = "business.bc.asset.admin.delete";
  /** Business Center {@code POST /open_api/v1.3/bc/asset/unassign/}: revoking a member's permission on an asset. */
  public static final String BC_ASSET_UNASSIGN = "business.bc.asset.unassign";
  /** Business Center {@code POST /open_api/v1.3/bc/member/delete/}: removing a member. */
  public static final String BC_MEMBER_DELETE = "business.bc.member.delete";
  /** Business Center {@code POST /open_api/v1.3/bc/partner/asset/delete/}: no longer sharing an asset with a partner. */
  public static final String BC_PARTNER_ASSET_DELETE = "business.bc.partner.asset.delete";

  private TikTokEndpointGroups() {}
}
