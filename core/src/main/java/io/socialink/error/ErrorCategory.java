package io.socialink.error;

/**
 * One classification of failures across all platforms. {@link #retryable()} says whether trying the
 * same call again, later, can help.
 */
public enum ErrorCategory {
  /** The access token expired; one refresh may fix it. */
  AUTH_EXPIRED(false),
  /** The user or platform removed access, or the refresh token is dead; the user must link again. */
  AUTH_REVOKED(false),
  /** The grant lacks a scope the call needs; the user must link again with it. */
  INSUFFICIENT_SCOPE(false),
  /** The account may not do this (e.g. not a Business Center admin). */
  PERMISSION_DENIED(false),
  /** Too many calls; retry after the given instant. */
  RATE_LIMITED(true),
  /** A quota or spending cap is used up for a long period; retrying soon does not help. */
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
  /** The application's own set-up is wrong (client id, secret, redirect URI, app permissions). */
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
