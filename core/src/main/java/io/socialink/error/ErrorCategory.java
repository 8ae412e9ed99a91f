package io.socialink.error;

/**
 * One classification of failures across all platforms. {@link #retryable()} says whether trying the
 * same call again, later, can help.
 *
 * <p>Every platform's interpreter follows the same rules where categories border on each other:
 *
 * <ul>
 *   <li><b>Whose rights are missing.</b> When the <em>app</em> lacks an access level, a product, an
 *       audit or a review, or is blocked from writing, it is {@link #CONFIGURATION}: the developer must
 *       act in the platform's portal, and linking again cannot help. When the <em>user</em> did not grant
 *       a scope, it is {@link #INSUFFICIENT_SCOPE}: the user links again and approves it. When the
 *       <em>account</em> may not do it (not an admin of the Page or Business Center, a private or
 *       ineligible account), it is {@link #PERMISSION_DENIED}.</li>
 *   <li><b>Caps against limits.</b> A cap that resets after a day or longer (a daily posting cap, a
 *       cap on pending uploads, a monthly usage or spending cap) is {@link #QUOTA_EXHAUSTED}, even when
 *       the platform answers it with HTTP 429; only a short window that a wait fixes is
 *       {@link #RATE_LIMITED}.</li>
 *   <li><b>Generic codes.</b> When the platform's code is generic ({@code invalid_params},
 *       {@code about:blank}, Meta's 1, 2, 100, 190) and its subcode or message names the cause (the
 *       object does not exist, duplicate content, the session expired), the cause decides.</li>
 *   <li><b>The operation.</b> What a call was doing changes the meaning of an authorization failure;
 *       see {@link Operation}: an unusable authorization code is {@link #INVALID_REQUEST} (start the
 *       link again; no grant exists to revoke), a refused refresh {@link #AUTH_REVOKED}.</li>
 *   <li><b>Expired against revoked.</b> Only a token that merely expired, and that a refresh may
 *       replace, is {@link #AUTH_EXPIRED}; one that can never work again (revoked, malformed, ended by
 *       a password change or logout) is {@link #AUTH_REVOKED}.</li>
 * </ul>
 */
public enum ErrorCategory {
  /** The access token expired; one refresh may fix it. */
  AUTH_EXPIRED(false),
  /** The user or platform removed access, or the refresh token is dead; the user must link again. */
  AUTH_REVOKED(false),
  /** The grant lacks a scope the call needs; the user must link again with it. */
  INSUFFICIENT_SCOPE(false),
  /** The account may not do this (e.g. not a Business Center admin, a private account). */
  PERMISSION_DENIED(false),
  /** Too many calls; retry after the given instant. */
  RATE_LIMITED(true),
  /**
   * A quota or cap that resets after a day or longer (posting caps, pending uploads, monthly usage or
   * spending caps) is used up; retrying soon does not help.
   */
  QUOTA_EXHAUSTED(false),
  /** The platform or the network failed for a while; retrying may help. */
  TRANSIENT(true),
  /** The request is wrong; the same request will fail again. */
  INVALID_REQUEST(false),
  /** The thing asked for does not exist. */
  NOT_FOUND(false),
  /** The platform already has this content. */
  DUPLICATE(false),
  /**
   * A concurrent change won: the stored version is not the one this write expected. Read again and
   * decide; repeating the same write does not help.
   */
  CONFLICT(false),
  /** The account is suspended, locked or restricted. */
  ACCOUNT_RESTRICTED(false),
  /**
   * The application's own set-up is wrong (client id, secret, redirect URI, app permissions, access
   * level, audit or review); the developer must fix it.
   */
  CONFIGURATION(false),
  /** Not recognised. */
  UNKNOWN(false);

  private final boolean retryable;

  ErrorCategory(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * Answers whether a later retry of the same call can help.
   *
   * @return true for {@link #RATE_LIMITED} and {@link #TRANSIENT}
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * Answers whether this category is about the user's authorization: the grant is expired, revoked
   * or lacks scope.
   *
   * @return true for the authorization categories
   */
  public boolean isAuthorization() {
    return this == AUTH_EXPIRED || this == AUTH_REVOKED || this == INSUFFICIENT_SCOPE;
  }
}
