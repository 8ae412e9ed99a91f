package io.socialink.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's request, received from a platform, that the application delete the data it holds about
 * them (Meta's data-deletion callback), and how far the application has got. The platform shows the
 * user {@link #statusUrl()} and {@link #confirmationCode()}; the application moves {@link #status()}
 * on with {@link Callbacks#updateDeletion(String, Status)} and its status page reads it with
 * {@link Callbacks#deletion(String)}. Immutable and thread-safe.
 *
 * @param confirmationCode the code given to the platform, alphanumeric, unique
 * @param platformId the platform that sent the request
 * @param userId the platform's id of the user
 * @param ownerIds the application's users who held a grant for that account when the request came
 * @param status how far the deletion has got
 * @param requestedAt when the request was received
 * @param updatedAt when the status last changed
 * @param statusUrl where the user can check the status
 */
public record DataDeletion(String confirmationCode, String platformId, String userId, List<String> ownerIds,
    Status status, Instant requestedAt, Instant updatedAt, URI statusUrl) {

  /** Validates and copies the components. */
  public DataDeletion {
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    if (!confirmationCode.matches("[A-Za-z0-9]{1,64}")) {
      throw new IllegalArgumentException("a confirmation code is 1-64 letters and digits");
    }
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(userId, "userId");
    ownerIds = List.copyOf(Objects.requireNonNull(ownerIds, "ownerIds"));
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(statusUrl, "statusUrl");
    if (updatedAt.isBefore(requestedAt)) {
      throw new IllegalArgumentException("updatedAt " + updatedAt + " is before requestedAt " + requestedAt);
    }
  }

  /**
   * This deletion in another status, stamped by the clock.
   *
   * @param next the status
   * @param clock the clock
   * @return the changed deletion
   */
  public DataDeletion withStatus(Status next, Clock clock) {
    Objects.requireNonNull(next, "next");
    Instant now = clock.instant();
    return new DataDeletion(confirmationCode, platformId, userId, ownerIds, next, requestedAt,
        now.isBefore(updatedAt) ? updatedAt : now, statusUrl);
  }

  /**
   * The answer Meta expects from a data-deletion callback:
   * {@code {"url":"<status URL>","confirmation_code":"<code>"}}.
   *
   * @return the JSON text
   */
  public String platformAnswer() {
    return "{\"url\":\"" + jsonEscape(statusUrl.toString()) + "\",\"confirmation_code\":\"" + confirmationCode + "\"}";
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** How far a data deletion has got. */
  public enum Status {
    /** Received and recorded; the application has not started deleting. */
    RECEIVED,
    /** The application is deleting the data. */
    IN_PROGRESS,
    /** The data is deleted. */
    COMPLETED,
    /** The application could not delete the data; a person must look at it. */
    FAILED
  }
}
