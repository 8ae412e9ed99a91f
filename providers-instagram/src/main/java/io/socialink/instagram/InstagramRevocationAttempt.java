package io.socialink.instagram;

import io.socialink.error.Classification;
import java.util.Objects;
import java.util.Optional;

/**
 * One best-effort call of {@link InstagramClient#bestEffortRevoke}. Instagram documents no way for an
 * app to revoke an Instagram Login grant, so even an accepted call proves nothing: only the user's
 * removal of the app (or the old token failing afterwards) does.
 *
 * @param call the call, such as {@code DELETE /me/subscribed_apps}
 * @param accepted whether Instagram answered with success
 * @param error the classified failure, when it did not
 */
public record InstagramRevocationAttempt(String call, boolean accepted, Optional<Classification> error) {
  /** Validates the components. */
  public InstagramRevocationAttempt {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(error, "error");
    if (accepted == error.isPresent()) {
      throw new IllegalArgumentException("an attempt is either accepted or has an error");
    }
  }

  /**
   * Says that the call is best-effort, whatever its answer.
   *
   * @return a one-line description
   */
  public String describe() {
    return call + ": " + (accepted ? "accepted (best-effort; undocumented, proves no revocation)"
        : "refused (best-effort): " + error.get().message());
  }
}
