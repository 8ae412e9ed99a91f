package io.socialink.instagram;

/**
 * The endpoint groups of Instagram calls, by which the pipeline counts rate limits and reports
 * calls. Meta counts the Instagram budget per app and account over all endpoints, so the provider
 * declares no per-group limit; the groups name the calls in metrics and let applications declare
 * their own limits.
 */
public final class InstagramEndpointGroups {
  /** {@code POST api.instagram.com/oauth/access_token}: code to short-lived token. */
  public static final String OAUTH_TOKEN = "oauth.token";
  /** {@code GET graph.instagram.com/access_token?grant_type=ig_exchange_token}: short- to long-lived. */
  public static final String OAUTH_EXCHANGE = "oauth.exchange";
  /** {@code GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token}. */
  public static final String OAUTH_REFRESH = "oauth.refresh";
  /** {@code GET /me}. */
  public static final String ME = "me";
  /** {@code GET /me/media}. */
  public static final String MEDIA_LIST = "media.list";
  /** {@code POST /<IG_ID>/media}: a media container. */
  public static final String MEDIA_CONTAINER = "media.container";
  /** {@code GET /<IG_CONTAINER_ID>?fields=status_code,status}. */
  public static final String CONTAINER_STATUS = "media.container.status";
  /** {@code POST /<IG_ID>/media_publish}. */
  public static final String MEDIA_PUBLISH = "media.publish";
  /** {@code GET /<IG_ID>/content_publishing_limit}. */
  public static final String PUBLISHING_LIMIT = "media.publishing_limit";
  /** {@code DELETE /me/subscribed_apps}. */
  public static final String SUBSCRIBED_APPS = "subscribed_apps";
  /** {@code DELETE /me/permissions}. */
  public static final String PERMISSIONS = "permissions";

  private InstagramEndpointGroups() {}
}
