package io.socialink.testkit.x;

import io.socialink.testkit.internal.emulator.PayloadFiles;
import java.util.List;

/**
 * The X payloads Socialink's tests are built from: X's documented and logged bodies from the X fact
 * sheet (token answers, OAuth errors, problem details, v1.1 codes, media states, webhook events). The
 * X provider's WireMock fixtures serve them, and the emulator's answers are checked against them, so
 * neither can drift from X's shapes. Names are paths such as {@code oauth/token.json}; the file
 * {@code SOURCES.md} beside them says where each comes from. Stateless and thread-safe.
 */
public final class XPayloads {
  /** {@code POST /2/oauth2/token} success. */
  public static final String TOKEN = "oauth/token.json";
  /** Token success without {@code offline.access}: no refresh token. */
  public static final String TOKEN_WITHOUT_OFFLINE_ACCESS = "oauth/token-without-offline-access.json";
  /** 400 for a used, expired or unknown authorization code. */
  public static final String ERROR_INVALID_CODE = "oauth/error-invalid-code.json";
  /** 400 for a spent, rotated or revoked refresh token. */
  public static final String ERROR_INVALID_TOKEN = "oauth/error-invalid-token.json";
  /** 401 for a confidential client without (valid) HTTP Basic. */
  public static final String ERROR_UNAUTHORIZED_CLIENT = "oauth/error-unauthorized-client.json";
  /** 400 for a request without {@code client_id}. */
  public static final String ERROR_MISSING_CLIENT_ID = "oauth/error-missing-client-id.json";
  /** 401 for an unknown client. */
  public static final String ERROR_INVALID_CLIENT = "oauth/error-invalid-client.json";
  /** {@code POST /2/oauth2/revoke} success. */
  public static final String REVOKE = "oauth/revoke.json";
  /** {@code GET /2/users/me}. */
  public static final String USERS_ME = "users/me.json";
  /** {@code GET /2/users/me} with a partial error. */
  public static final String USERS_ME_PARTIAL = "users/me-with-partial-errors.json";
  /** {@code POST /2/tweets} 201. */
  public static final String TWEET_CREATED = "tweets/create.json";
  /** A 200 with data and partial errors. */
  public static final String PARTIAL_ERRORS = "tweets/partial-errors.json";
  /** A 200 with errors and no data. */
  public static final String ERRORS_ONLY = "tweets/errors-only.json";
  /** {@code POST /2/media/upload/initialize}. */
  public static final String MEDIA_INITIALIZE = "media/initialize.json";
  /** {@code POST /2/media/upload} (one-shot). */
  public static final String MEDIA_UPLOAD = "media/upload.json";
  /** {@code POST /2/media/upload/{id}/finalize} while processing. */
  public static final String MEDIA_FINALIZE_PENDING = "media/finalize-pending.json";
  /** Status poll: in progress. */
  public static final String MEDIA_STATUS_IN_PROGRESS = "media/status-in-progress.json";
  /** Status poll: succeeded. */
  public static final String MEDIA_STATUS_SUCCEEDED = "media/status-succeeded.json";
  /** Status poll: failed. */
  public static final String MEDIA_STATUS_FAILED = "media/status-failed.json";
  /** 401 for an expired or revoked access token. */
  public static final String UNAUTHORIZED = "problems/unauthorized.json";
  /** 403 for an app-only token on a user-context endpoint. */
  public static final String UNSUPPORTED_AUTHENTICATION = "problems/unsupported-authentication.json";
  /** 403 for a duplicate post. */
  public static final String DUPLICATE_CONTENT = "problems/duplicate-content.json";
  /** 429 for a usage cap. */
  public static final String USAGE_CAPPED = "problems/usage-capped.json";
  /** 429 for a rate limit (v2). */
  public static final String TOO_MANY_REQUESTS = "problems/too-many-requests.json";
  /** 403 for an app not enrolled for an endpoint. */
  public static final String CLIENT_FORBIDDEN = "problems/client-forbidden.json";
  /** 403 for a barred account. */
  public static final String ACCOUNT_NOT_PERMITTED = "problems/account-not-permitted.json";
  /** 402 for spent pay-per-use credits. */
  public static final String CREDITS_DEPLETED = "problems/credits-depleted.json";
  /** 403 for missing OAuth 1.0a app permissions. */
  public static final String OAUTH1_PERMISSIONS = "problems/oauth1-permissions.json";
  /** 400 for invalid parameters. */
  public static final String INVALID_REQUEST = "problems/invalid-request.json";
  /** 403 without detail, as for a missing scope. */
  public static final String FORBIDDEN = "problems/forbidden.json";
  /** 503. */
  public static final String SERVICE_UNAVAILABLE = "problems/service-unavailable.json";
  /** v1.1 code 88, rate limit exceeded. */
  public static final String V1_RATE_LIMIT = "v1/code-88.json";
  /** v1.1 code 89, invalid or expired token. */
  public static final String V1_INVALID_TOKEN = "v1/code-89.json";
  /** v1.1 code 185, over the daily posting limit. */
  public static final String V1_OVER_DAILY_LIMIT = "v1/code-185.json";
  /** v1.1 code 187, duplicate status. */
  public static final String V1_DUPLICATE = "v1/code-187.json";
  /** v1.1 code 326, account temporarily locked. */
  public static final String V1_LOCKED = "v1/code-326.json";
  /** v1.1 code 64, account suspended. */
  public static final String V1_SUSPENDED = "v1/code-64.json";
  /** v1.1 code 63, user suspended. */
  public static final String V1_USER_SUSPENDED = "v1/code-63.json";
  /** X Activity API {@code oauth.revoke} event. */
  public static final String WEBHOOK_OAUTH_REVOKE = "webhooks/oauth-revoke.json";
  /** Account Activity API {@code user_event.revoke} event. */
  public static final String WEBHOOK_USER_EVENT_REVOKE = "webhooks/user-event-revoke.json";

  private static final PayloadFiles FILES = new PayloadFiles(XPayloads.class, "X");

  private XPayloads() {}

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
