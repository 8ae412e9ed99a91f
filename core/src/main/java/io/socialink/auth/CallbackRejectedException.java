package io.socialink.auth;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;
import io.socialink.http.SafeText;
import java.util.Objects;
import java.util.Optional;

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

  /** How much of the platform's error code a message quotes, in characters. */
  public static final int QUOTED_ERROR_LENGTH = 100;

  /** How much of the platform's error description a message quotes, in characters. */
  public static final int QUOTED_DESCRIPTION_LENGTH = 200;

  /** The longest message kept, in characters. */
  private static final int MAX_MESSAGE = 1_000;

  private final Reason reason;
  private final String platformError;
  private final String platformDescription;

  /**
   * Creates the exception. The message is kept as one line of at most 1,000 characters.
   *
   * @param platformId the platform, or empty when unknown
   * @param reason why
   * @param message what happened, without secrets
   */
  public CallbackRejectedException(String platformId, Reason reason, String message) {
    this(platformId, reason, message, "", "");
  }

  private CallbackRejectedException(
      String platformId, Reason reason, String message, String platformError, String platformDescription) {
    super(Classification.of(ErrorCategory.INVALID_REQUEST, platformId, 0,
            SafeText.oneLine(Objects.requireNonNull(message, "message"), MAX_MESSAGE))
        .withRemediation(hint(Objects.requireNonNull(reason, "reason"))), null, 1);
    this.reason = reason;
    this.platformError = platformError;
    this.platformDescription = platformDescription;
  }

  /**
   * A callback that carried the platform's {@code error}, e.g. a user who declined. The message quotes
   * the platform's words as theirs, {@code the platform returned error "access_denied"; it said: "..."},
   * one line each, with quotes escaped, secrets masked and the description cut at
   * {@link #QUOTED_DESCRIPTION_LENGTH} characters, so a callback cannot forge log lines.
   *
   * @param platformId the platform
   * @param error the platform's error code
   * @param description the platform's error description, when sent
   * @return the exception, with reason {@link Reason#DENIED}
   */
  public static CallbackRejectedException denied(String platformId, String error, Optional<String> description) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(description, "description");
    String safeError = SafeText.excerpt(error, QUOTED_ERROR_LENGTH);
    String safeDescription = description.map(d -> SafeText.excerpt(d, QUOTED_DESCRIPTION_LENGTH)).orElse("");
    String message = "the platform returned error " + SafeText.quoted(error, QUOTED_ERROR_LENGTH)
        + description.map(d -> "; it said: " + SafeText.quoted(d, QUOTED_DESCRIPTION_LENGTH)).orElse("");
    return new CallbackRejectedException(platformId, Reason.DENIED, message, safeError, safeDescription);
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

  /**
   * The platform's error code, for {@link Reason#DENIED}: one line, secrets masked, at most
   * {@link #QUOTED_ERROR_LENGTH} characters. The platform's words, not Socialink's.
   *
   * @return the error code, or empty for other reasons
   */
  public Optional<String> platformError() {
    return platformError.isEmpty() ? Optional.empty() : Optional.of(platformError);
  }

  /**
   * The platform's error description, for {@link Reason#DENIED}: one line, secrets masked, at most
   * {@link #QUOTED_DESCRIPTION_LENGTH} characters. The platform's words, not Socialink's.
   *
   * @return the description, or empty when none was sent
   */
  public Optional<String> platformDescription() {
    return platformDescription.isEmpty() ? Optional.empty() : Optional.of(platformDescription);
  }
}
