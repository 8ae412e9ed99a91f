package io.socialink.instagram;

import io.socialink.error.Classification;
import io.socialink.error.SocialinkException;
import java.util.List;
import java.util.Objects;

/**
 * What {@link InstagramClient#revoke} raises: Instagram documents no revocation of an Instagram Login
 * grant, so the grant cannot be reported revoked. The best-effort calls already made are in
 * {@link #bestEffortAttempts()}; the user must remove the app in Instagram ({@link InstagramProvider#REMOVE_APP_ACCESS}).
 * Category {@code CONFIGURATION}: the platform does not offer the operation.
 */
public final class InstagramRevocationUnsupportedException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  private final transient List<InstagramRevocationAttempt> attempts;

  InstagramRevocationUnsupportedException(Classification classification, List<InstagramRevocationAttempt> attempts) {
    super(classification, null, 1);
    this.attempts = List.copyOf(Objects.requireNonNull(attempts, "attempts"));
  }

  /**
   * The best-effort calls made before this was raised.
   *
   * @return the attempts, each best-effort
   */
  public List<InstagramRevocationAttempt> bestEffortAttempts() {
    return attempts == null ? List.of() : attempts;
  }
}
