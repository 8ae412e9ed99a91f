package io.socialink.instagram;

import io.socialink.error.Classification;
import io.socialink.error.SocialinkException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A refresh Socialink refused before sending it, because Instagram would refuse it: Instagram
 * refreshes only a long-lived token that is at least 24 hours old and has not expired. No request
 * was made. Its category is {@code INVALID_REQUEST} for a token too young (try again from
 * {@link #refreshableFrom()}) or not long-lived, {@code AUTH_EXPIRED} for an expired one (the user
 * must link the account again).
 */
public final class InstagramRefreshRefusedException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /** Why the refresh was refused. */
  public enum Reason {
    /** The token is less than 24 hours old. */
    TOO_YOUNG,
    /** The token has expired; an expired Instagram token cannot be refreshed. */
    EXPIRED,
    /** The token is not a long-lived one (it lives an hour or less). */
    NOT_LONG_LIVED
  }

  private final Reason reason;
  private final transient Optional<Instant> refreshableFrom;

  InstagramRefreshRefusedException(Classification classification, Reason reason, Optional<Instant> refreshableFrom) {
    super(classification, null, 1);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.refreshableFrom = Objects.requireNonNull(refreshableFrom, "refreshableFrom");
  }

  /**
   * Why the refresh was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * When the token becomes refreshable, for {@link Reason#TOO_YOUNG}.
   *
   * @return 24 hours after the token was issued, or empty
   */
  public Optional<Instant> refreshableFrom() {
    return refreshableFrom == null ? Optional.empty() : refreshableFrom;
  }
}
