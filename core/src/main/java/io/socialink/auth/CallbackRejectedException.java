package io.socialink.auth;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;
import java.util.Objects;

/**
 * An authorization callback Socialink refused before any token request was made: unknown, reused
 * or expired state, a callback for another owner, a missing code, or a user who declined.
 */
public class CallbackRejectedException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** Why a callback was refused. */
  public enum Reason {
    /** No state parameter. */
    MISSING_STATE,
    /** The state was never issued, or was already used (each state is single-use). */
    UNKNOWN_STATE,
    /** The pending authorization expired before the callback came. */
    EXPIRED,
    /** The state was issued to another owner. */
    OWNER_MISMATCH,
    /** The platform returned an error, e.g. the user declined ({@code access_denied}). */
    DENIED,
    /** No code parameter. */
    MISSING_CODE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param platformId the platform, or empty when unknown
   * @param reason why
   * @param message what happened, without secrets
   */
  public CallbackRejectedException(String platformId, Reason reason, String message) {
    super(Classification.of(ErrorCategory.INVALID_REQUEST, platformId, 0, message)
        .withRemediation(hint(reason)), null, 1);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private static String hint(Reason reason) {
    switch (reason) {
      case DENIED:
        return "The user did not grant access; offer to start linking again.";
      case EXPIRED:
        return "The authorization took too long; start linking again.";
      default:
        return "The callback does not match an authorization this application started; start linking again and do not reuse callback URLs.";
    }
  }

  /**
   * Why the callback was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
