package io.socialink;

import java.util.Objects;
import java.util.Optional;

/**
 * One account on one platform. Two accounts are equal when their platform and the platform's user
 * id are equal; handle and display name are descriptive only.
 *
 * @param platformId the platform's id
 * @param userId the platform's stable user id (TikTok {@code open_id}, Instagram user id, X user id)
 * @param handle the user name shown on the platform, when known
 * @param displayName the display name, when known
 */
public record Account(String platformId, String userId, Optional<String> handle, Optional<String> displayName) {

  /** Validates the components. */
  public Account {
    Platform.checkId(platformId, "platformId");
    Checks.notBlank(userId, "userId");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(displayName, "displayName");
  }

  /**
   * An account known only by its ids.
   *
   * @param platformId the platform's id
   * @param userId the platform's user id
   * @return the account
   */
  public static Account of(String platformId, String userId) {
    return new Account(platformId, userId, Optional.empty(), Optional.empty());
  }

  /**
   * An account with a handle and a display name.
   *
   * @param platformId the platform's id
   * @param userId the platform's user id
   * @param handle the handle
   * @param displayName the display name
   * @return the account
   */
  public static Account of(String platformId, String userId, String handle, String displayName) {
    return new Account(platformId, userId, Optional.of(handle), Optional.of(displayName));
  }

  /**
   * Returns {@code platformId:userId}, the account's business key.
   *
   * @return the key
   */
  public String key() {
    return platformId + ":" + userId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Account a && a.platformId.equals(platformId) && a.userId.equals(userId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platformId, userId);
  }
}
