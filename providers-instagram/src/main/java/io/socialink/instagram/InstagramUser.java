package io.socialink.instagram;

import io.socialink.Account;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An Instagram professional account as {@code GET /me} reads it, with its two ids kept apart.
 *
 * @param userId {@code user_id}: the Instagram professional account id, the {@code <IG_ID>} of
 *     {@code /<IG_ID>/media} and of webhook {@code entry[].id}; the id Socialink keys the account by
 * @param appScopedId {@code id}: the id scoped to this app, when Instagram sent it; not the id of the
 *     code exchange's {@code user_id}, which is scoped to the login and may differ from both
 * @param username the handle
 * @param name the display name
 * @param accountType {@code BUSINESS} or {@code MEDIA_CREATOR}, as sent
 * @param profilePictureUrl the profile picture
 * @param followersCount the followers
 * @param followsCount the accounts followed
 * @param mediaCount the media
 */
public record InstagramUser(
    String userId,
    Optional<String> appScopedId,
    Optional<String> username,
    Optional<String> name,
    Optional<String> accountType,
    Optional<URI> profilePictureUrl,
    OptionalLong followersCount,
    OptionalLong followsCount,
    OptionalLong mediaCount) {

  /** Validates the components. */
  public InstagramUser {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    Objects.requireNonNull(appScopedId, "appScopedId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(accountType, "accountType");
    Objects.requireNonNull(profilePictureUrl, "profilePictureUrl");
    Objects.requireNonNull(followersCount, "followersCount");
    Objects.requireNonNull(followsCount, "followsCount");
    Objects.requireNonNull(mediaCount, "mediaCount");
  }

  /**
   * The account, keyed by {@link #userId()} (the professional account id).
   *
   * @return the account
   */
  public Account toAccount() {
    return new Account(InstagramProvider.ID, userId, username, name);
  }
}
