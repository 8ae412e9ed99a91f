package io.socialink.instagram;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified {@code signed_request} of a deauthorize or data-deletion callback.
 *
 * @param kind which callback it came to
 * @param userId the {@code user_id}, exactly as sent (a string, or a number kept as its digits);
 *     which Instagram id Meta sends there is not documented, so match it against both the
 *     professional account id and the login's id
 * @param issuedAt {@code issued_at}
 * @param expires {@code expires}, when sent
 */
public record InstagramSignedRequest(Kind kind, String userId, Instant issuedAt, Optional<Instant> expires) {
  /** Validates the components. */
  public InstagramSignedRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expires, "expires");
  }

  /** The callback a signed request was posted to. */
  public enum Kind {
    /** The Deauthorize callback URL: the user removed the app. */
    DEAUTHORIZE,
    /** The Data deletion request URL: the user asked for their data to be deleted. */
    DATA_DELETION
  }
}
