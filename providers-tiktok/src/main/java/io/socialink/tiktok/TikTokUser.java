package io.socialink.tiktok;

import io.socialink.Account;
import java.util.Objects;
import java.util.Optional;

/**
 * A TikTok user as {@code GET /v2/user/info/} returns it. Which members are present depends on the
 * grant's scopes: {@code user.info.basic} gives the ids, avatar and display name;
 * {@code user.info.profile} the username, bio, profile link and verification; {@code user.info.stats}
 * the counts. A member TikTok did not return is empty.
 *
 * @param openId the user's id for this app ({@code open_id})
 * @param unionId the user's id across the developer's apps ({@code union_id})
 * @param displayName the display name
 * @param username the username (handle), with {@code user.info.profile}
 * @param avatarUrl the avatar address
 * @param bioDescription the bio, with {@code user.info.profile}
 * @param profileDeepLink the profile link, with {@code user.info.profile}
 * @param verified whether TikTok verified the account, with {@code user.info.profile}
 * @param followerCount followers, with {@code user.info.stats}
 * @param followingCount accounts followed, with {@code user.info.stats}
 * @param likesCount likes received, with {@code user.info.stats}
 * @param videoCount public videos, with {@code user.info.stats}
 */
public record TikTokUser(
    String openId,
    Optional<String> unionId,
    Optional<String> displayName,
    Optional<String> username,
    Optional<String> avatarUrl,
    Optional<String> bioDescription,
    Optional<String> profileDeepLink,
    Optional<Boolean> verified,
    Optional<Long> followerCount,
    Optional<Long> followingCount,
    Optional<Long> likesCount,
    Optional<Long> videoCount) {

  /** Validates the components. */
  public TikTokUser {
    Objects.requireNonNull(openId, "openId");
    if (openId.isBlank()) {
      throw new IllegalArgumentException("openId must not be blank");
    }
    Objects.requireNonNull(unionId, "unionId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(avatarUrl, "avatarUrl");
    Objects.requireNonNull(bioDescription, "bioDescription");
    Objects.requireNonNull(profileDeepLink, "profileDeepLink");
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(followerCount, "followerCount");
    Objects.requireNonNull(followingCount, "followingCount");
    Objects.requireNonNull(likesCount, "likesCount");
    Objects.requireNonNull(videoCount, "videoCount");
  }

  /**
   * The user as a Socialink account: the {@code open_id} as user id, the username as handle when
   * the grant allowed reading it, and the display name.
   *
   * @return the account
   */
  public Account toAccount() {
    return new Account(TikTokProvider.ID, openId, username, displayName);
  }
}
