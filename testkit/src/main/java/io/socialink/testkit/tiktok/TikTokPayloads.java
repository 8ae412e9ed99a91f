package io.socialink.testkit.tiktok;

import io.socialink.testkit.internal.emulator.PayloadFiles;
import java.util.List;

/**
 * The documented TikTok payloads the {@link TikTokEmulator} answers with and is checked against: copies
 * of the TikTok provider's fixtures of the same names, built from the TikTok fact sheet (token and
 * OAuth error bodies, the {@code {data, error}} envelope, the Business {@code {code, message,
 * request_id, data}} envelope, webhook deliveries). Names are paths such as {@code oauth/token-ok.json};
 * {@code SOURCES.md} beside them says where they come from. Stateless and thread-safe.
 */
public final class TikTokPayloads {
  /** {@code POST /v2/oauth/token/} code exchange success (flat, no {@code error}). */
  public static final String TOKEN = "oauth/token-ok.json";
  /** {@code POST /v2/oauth/token/} refresh success with a rotated refresh token. */
  public static final String REFRESH = "oauth/refresh-ok.json";
  /** {@code POST /v2/oauth/revoke/} success: {@code {}}. */
  public static final String REVOKE = "oauth/revoke-ok.json";
  /** OAuth {@code invalid_grant}: a code or refresh token used, expired or revoked. */
  public static final String OAUTH_INVALID_GRANT = "oauth/invalid-grant.json";
  /** OAuth {@code invalid_client}: client key or secret refused. */
  public static final String OAUTH_INVALID_CLIENT = "oauth/invalid-client.json";
  /** OAuth {@code invalid_request}: the PKCE verifier does not match the challenge. */
  public static final String OAUTH_INVALID_CODE_VERIFIER = "oauth/invalid-request-code-verifier.json";
  /** OAuth {@code invalid_request}: the redirect URI differs from the authorization's. */
  public static final String OAUTH_INVALID_REDIRECT_URI = "oauth/invalid-request-redirect-uri.json";
  /** OAuth {@code invalid_request}: a malformed request. */
  public static final String OAUTH_INVALID_REQUEST = "oauth/invalid-request-malformed.json";
  /** OAuth {@code unsupported_grant_type}. */
  public static final String OAUTH_UNSUPPORTED_GRANT_TYPE = "oauth/unsupported-grant-type.json";
  /** OAuth {@code server_error}. */
  public static final String OAUTH_SERVER_ERROR = "oauth/server-error.json";
  /** {@code GET /v2/user/info/} with every field. */
  public static final String USER_INFO = "v2/user-info-profile.json";
  /** {@code POST /v2/video/list/}. */
  public static final String VIDEO_LIST = "v2/video-list-ok.json";
  /** 401 {@code access_token_invalid}. */
  public static final String ACCESS_TOKEN_INVALID = "v2/access-token-invalid.json";
  /** 401 {@code scope_not_authorized}. */
  public static final String SCOPE_NOT_AUTHORIZED = "v2/scope-not-authorized.json";
  /** 400 {@code scope_permission_missed}: fields that need a scope the token lacks. */
  public static final String SCOPE_PERMISSION_MISSED = "v2/scope-permission-missed.json";
  /** 400 {@code invalid_params}. */
  public static final String INVALID_PARAMS = "v2/invalid-params.json";
  /** 429 {@code rate_limit_exceeded}, without {@code data}. */
  public static final String RATE_LIMIT_EXCEEDED = "v2/rate-limit-exceeded.json";
  /** 500 {@code internal_error}. */
  public static final String INTERNAL_ERROR = "v2/internal-error.json";
  /** {@code /v2/post/publish/video/init/} (Direct Post) success. */
  public static final String POST_VIDEO_INIT = "post/video-init-ok.json";
  /** {@code /v2/post/publish/inbox/video/init/} success. */
  public static final String POST_INBOX_INIT = "post/inbox-init-ok.json";
  /** Status: the upload is under way. */
  public static final String POST_STATUS_PROCESSING_UPLOAD = "post/status-processing-upload.json";
  /** Status: delivered to the user's inbox. */
  public static final String POST_STATUS_SEND_TO_USER_INBOX = "post/status-send-to-user-inbox.json";
  /** Status: published, with the public post id. */
  public static final String POST_STATUS_PUBLISH_COMPLETE = "post/status-publish-complete.json";
  /** 400 {@code invalid_param}, Content Posting's singular spelling. */
  public static final String POST_INVALID_PARAM = "post/invalid-param.json";
  /** 400 {@code invalid_publish_id}. */
  public static final String POST_INVALID_PUBLISH_ID = "post/invalid-publish-id.json";
  /** 400 {@code token_not_authorized_for_specified_publish_id}. */
  public static final String POST_TOKEN_NOT_AUTHORIZED_FOR_PUBLISH_ID =
      "post/token-not-authorized-for-specified-publish-id.json";
  /** {@code tt_user/oauth2/token/} success. */
  public static final String BUSINESS_TOKEN = "business/token-ok.json";
  /** {@code tt_user/oauth2/refresh_token/} success. */
  public static final String BUSINESS_REFRESH = "business/refresh-ok.json";
  /** {@code tt_user/oauth2/revoke/} success. */
  public static final String BUSINESS_REVOKE = "business/revoke-ok.json";
  /** {@code tt_user/token_info/get/} success. */
  public static final String BUSINESS_TOKEN_INFO = "business/token-info-ok.json";
  /** {@code oauth2/revoke_token/} success: the advertisers that lost access. */
  public static final String BUSINESS_ADVERTISER_REVOKE = "business/advertiser-revoke-ok.json";
  /** A Business Center call's success. */
  public static final String BUSINESS_CENTER_OK = "business/bc-ok.json";
  /** 40001, no permission. */
  public static final String BUSINESS_NO_PERMISSION = "business/code-40001-no-permission.json";
  /** 40002, parameter error. */
  public static final String BUSINESS_PARAMETER_ERROR = "business/code-40002-parameter-error.json";
  /** 40100, too many requests (in an HTTP 200). */
  public static final String BUSINESS_TOO_MANY_REQUESTS = "business/code-40100-too-many-requests.json";
  /** 40101, app id and secret do not match. */
  public static final String BUSINESS_APP_SECRET_MISMATCH = "business/code-40101-app-secret-mismatch.json";
  /** 40104, access token empty. */
  public static final String BUSINESS_ACCESS_TOKEN_NULL = "business/code-40104-access-token-null.json";
  /** 40105, access token incorrect or revoked. */
  public static final String BUSINESS_ACCESS_TOKEN_INCORRECT = "business/code-40105-access-token-incorrect.json";
  /** 40107, refresh token invalid. */
  public static final String BUSINESS_REFRESH_TOKEN_INVALID = "business/code-40107-refresh-token-invalid.json";
  /** 40108, grant type invalid. */
  public static final String BUSINESS_GRANT_TYPE_INVALID = "business/code-40108-grant-type-invalid.json";
  /** 40110, auth code invalid, used or expired. */
  public static final String BUSINESS_AUTH_CODE_INVALID = "business/code-40110-auth-code-invalid.json";
  /** 50002, server error. */
  public static final String BUSINESS_SERVER_ERROR = "business/code-50002-server-error.json";
  /** The {@code authorization.removed} webhook delivery. */
  public static final String WEBHOOK_AUTHORIZATION_REMOVED = "webhook/authorization-removed.json";

  private static final PayloadFiles FILES = new PayloadFiles(TikTokPayloads.class, "TikTok");

  private TikTokPayloads() {}

  /**
   * Every payload's name.
   *
   * @return the names, sorted
   */
  public static List<String> names() {
    return FILES.names();
  }

  /**
   * A payload as UTF-8 text.
   *
   * @param name the name, e.g. {@link #TOKEN}
   * @return the text
   * @throws IllegalArgumentException if there is no such payload
   */
  public static String text(String name) {
    return FILES.text(name);
  }

  /**
   * A payload's bytes.
   *
   * @param name the name
   * @return the bytes
   * @throws IllegalArgumentException if there is no such payload
   */
  public static byte[] bytes(String name) {
    return FILES.bytes(name);
  }
}
