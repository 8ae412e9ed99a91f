package io.socialink;

/** What a platform can do through its API, as the SDK knows it. */
public enum Capability {
  /** Access tokens can be refreshed without the user. */
  TOKEN_REFRESH,
  /** Grants can be revoked through the API. */
  TOKEN_REVOCATION,
  /** The linked account's profile can be read. */
  PROFILE,
  /** Videos can be published. */
  PUBLISH_VIDEO,
  /** Images can be published. */
  PUBLISH_IMAGE,
  /** Text posts can be published. */
  PUBLISH_TEXT,
  /** The platform calls the application when a user removes it. */
  DEAUTHORIZATION_CALLBACK,
  /** The platform asks the application to delete a user's data. */
  DATA_DELETION_CALLBACK,
  /** The user's content can be read for export before a destructive step. */
  DATA_EXPORT,
  /** The platform sends signed webhooks. */
  WEBHOOKS
}
