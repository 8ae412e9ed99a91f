package io.socialink.tiktok;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /v2/post/publish/creator_info/query/} says about the creator before a Direct Post.
 * The post's privacy level must be one of {@link #privacyLevelOptions()}. Only that member is in the
 * fact sheet the provider follows; the others are read when present and empty otherwise.
 *
 * @param privacyLevelOptions the privacy levels this creator may post with, e.g. {@code SELF_ONLY}
 * @param username the creator's username, when returned
 * @param nickname the creator's nickname, when returned
 * @param maxVideoPostDurationSec the longest video the creator may post, when returned
 */
public record TikTokCreatorInfo(
    List<String> privacyLevelOptions, Optional<String> username, Optional<String> nickname,
    Optional<Long> maxVideoPostDurationSec) {
  /** Validates and copies the components. */
  public TikTokCreatorInfo {
    privacyLevelOptions = List.copyOf(Objects.requireNonNull(privacyLevelOptions, "privacyLevelOptions"));
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(nickname, "nickname");
    Objects.requireNonNull(maxVideoPostDurationSec, "maxVideoPostDurationSec");
  }

  /**
   * Answers whether the creator may post with a privacy level.
   *
   * @param privacyLevel e.g. {@code PUBLIC_TO_EVERYONE}
   * @return true if it is one of the options
   */
  public boolean allows(String privacyLevel) {
    return privacyLevelOptions.contains(privacyLevel);
  }
}
