package io.socialink.audit;

/** Something in an {@link AuditEntry} a person should look at. */
public enum AuditFlag {
  /**
   * The access token expires within {@link AuditSettings#expiringWithin()}, or has expired, and the
   * grant cannot be renewed without the user.
   */
  EXPIRING_SOON,
  /** The refresh token ends within {@link AuditSettings#refreshEndingWithin()}: the user must link again then. */
  REFRESH_TOKEN_ENDING,
  /** No use recorded for {@link AuditSettings#unusedFor()} (counted from the grant's issue when none was recorded). */
  UNUSED,
  /** The platform granted scopes the application did not declare it needs. */
  SCOPES_BROADER_THAN_DECLARED,
  /** The link is broken or revoked: its last refresh failed with an authorization error; link again. */
  BROKEN
}
