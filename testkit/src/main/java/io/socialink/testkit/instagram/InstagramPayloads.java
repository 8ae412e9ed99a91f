package io.socialink.testkit.instagram;

import io.socialink.testkit.internal.emulator.PayloadFiles;
import java.util.List;

/**
 * The documented Instagram payloads the {@link InstagramEmulator} answers with and is checked against:
 * copies of the Instagram provider's fixtures of the same names, built from the Instagram fact sheet
 * (Instagram Login token answers and their flat error shape, Graph API answers and the Graph error
 * shape, the signed request's payload and the data-deletion reply, and Facebook Login's token, token
 * debug, Pages, Instagram account and revocation answers). Names are paths such as
 * {@code success/me.json}. Stateless and thread-safe.
 */
public final class InstagramPayloads {
  /** {@code POST /oauth/access_token} success as integrations see it: flat, numeric {@code user_id}. */
  public static final String CODE_EXCHANGE = "success/code-exchange-flat.json";
  /** {@code GET /access_token?grant_type=ig_exchange_token} success. */
  public static final String LONG_LIVED_TOKEN = "success/long-lived-token.json";
  /** {@code GET /refresh_access_token?grant_type=ig_refresh_token} success. */
  public static final String REFRESH_TOKEN = "success/refresh-token.json";
  /** {@code GET /me} with every profile field. */
  public static final String ME = "success/me.json";
  /** {@code GET /me/media}: a page with cursors and {@code next}. */
  public static final String MEDIA_LIST = "success/media-list.json";
  /** {@code POST /<IG_ID>/media}: the container's id. */
  public static final String CONTAINER_CREATED = "success/container-created.json";
  /** Container status {@code IN_PROGRESS}. */
  public static final String CONTAINER_IN_PROGRESS = "success/container-status-in-progress.json";
  /** Container status {@code FINISHED}. */
  public static final String CONTAINER_FINISHED = "success/container-status-finished.json";
  /** Container status {@code PUBLISHED}. */
  public static final String CONTAINER_PUBLISHED = "success/container-status-published.json";
  /** Container status {@code ERROR} with the error subcode in {@code status}. */
  public static final String CONTAINER_ERROR = "success/container-status-error.json";
  /** {@code POST /<IG_ID>/media_publish}: the media id. */
  public static final String MEDIA_PUBLISH = "success/media-publish.json";
  /** {@code GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config}. */
  public static final String CONTENT_PUBLISHING_LIMIT = "success/content-publishing-limit.json";
  /** {@code DELETE /me/subscribed_apps}: {@code {"success":true}}. */
  public static final String SUBSCRIBED_APPS = "success/subscribed-apps.json";
  /** Token host error: the code is unknown, used or expired. */
  public static final String TOKEN_CODE_USED = "token/code-used.json";
  /** Token host error: the client secret is wrong. */
  public static final String TOKEN_INVALID_CLIENT_SECRET = "token/invalid-client-secret.json";
  /** Token host error: the client id is not an Instagram app's (e.g. the Meta app's id). */
  public static final String TOKEN_INVALID_PLATFORM_APP = "token/invalid-platform-app.json";
  /** Graph 190: the access token has expired. */
  public static final String ACCESS_TOKEN_EXPIRED = "errors/190-access-token-expired.json";
  /** Graph 190/467: the access token is invalid. */
  public static final String INVALID_TOKEN = "errors/190-467-invalid-token.json";
  /** Graph 190/458: the user removed the app. */
  public static final String APP_NOT_INSTALLED = "errors/190-458-app-not-installed.json";
  /** Graph 1: the client secret is wrong (long-lived exchange). */
  public static final String CLIENT_SECRET = "errors/1-client-secret.json";
  /** Graph 4: the app's rate limit. */
  public static final String APP_RATE_LIMIT = "errors/4-app-rate-limit.json";
  /** Graph 80002: the Instagram Business Use Case throttle. */
  public static final String INSTAGRAM_BUC = "errors/80002-instagram-buc.json";
  /** Graph 9/2207042: the publishing quota is reached. */
  public static final String PUBLISH_QUOTA = "errors/9-2207042-publish-quota.json";
  /** Graph 9007/2207027: the container is not ready. */
  public static final String MEDIA_NOT_READY = "errors/9007-2207027-media-not-ready.json";
  /** Graph 1: an unknown, temporary error. */
  public static final String API_UNKNOWN = "errors/1-api-unknown.json";
  /** Graph 2: a temporary service error. */
  public static final String API_SERVICE = "errors/2-api-service.json";
  /** Graph 100: an invalid parameter. */
  public static final String INVALID_PARAMETER = "errors/100-invalid-parameter.json";
  /** Graph 100/33: the object is missing or not the token's. */
  public static final String OBJECT_MISSING = "errors/100-33-object-missing.json";
  /** A deauthorize or data-deletion {@code signed_request}'s decoded payload. */
  public static final String SIGNED_REQUEST_PAYLOAD = "callbacks/signed-request-payload.json";
  /** The JSON a data-deletion callback answers Meta with. */
  public static final String DATA_DELETION_REPLY = "callbacks/data-deletion-reply.json";

  /** Facebook Login: {@code GET graph.facebook.com/<version>/oauth/access_token} with a code. */
  public static final String FACEBOOK_CODE_EXCHANGE = "facebook/oauth-access-token.json";
  /** Facebook Login: {@code GET /oauth/access_token?grant_type=fb_exchange_token}, the long-lived token. */
  public static final String FACEBOOK_LONG_LIVED_TOKEN = "facebook/long-lived-token.json";
  /** Facebook Login: {@code GET /debug_token} of a valid user token. */
  public static final String FACEBOOK_DEBUG_TOKEN = "facebook/debug-token.json";
  /** Facebook Login: {@code GET /debug_token} of a dead token ({@code is_valid} false). */
  public static final String FACEBOOK_DEBUG_TOKEN_INVALID = "facebook/debug-token-invalid.json";
  /** Facebook Login: {@code GET /me?fields=id,name}, the Facebook user. */
  public static final String FACEBOOK_ME = "facebook/me.json";
  /** Facebook Login: {@code GET /me/accounts}, the user's Pages with their Instagram accounts, paged. */
  public static final String FACEBOOK_PAGES = "facebook/me-accounts.json";
  /** Facebook Login: {@code GET /<IG_ID>?fields=}, the Instagram account on {@code graph.facebook.com}. */
  public static final String FACEBOOK_IG_USER = "facebook/ig-user.json";
  /** Facebook Login: {@code DELETE /{user-id}/permissions}, {@code {"success":true}}. */
  public static final String FACEBOOK_PERMISSIONS_DELETED = "facebook/permissions-delete-success.json";

  private static final PayloadFiles FILES = new PayloadFiles(InstagramPayloads.class, "Instagram");

  private InstagramPayloads() {}

  /**
   * Every payload's name.
   *
   * @return the names, as listed in the index
   */
  public static List<String> names() {
    return FILES.names();
  }

  /**
   * A payload as text.
   *
   * @param name its name, e.g. {@link #ME}
   * @return the UTF-8 text
   * @throws IllegalArgumentException if there is no such payload
   */
  public static String text(String name) {
    return FILES.text(name);
  }

  /**
   * A payload's bytes.
   *
   * @param name its name, e.g. {@link #ME}
   * @return the bytes
   * @throws IllegalArgumentException if there is no such payload
   */
  public static byte[] bytes(String name) {
    return FILES.bytes(name);
  }
}
