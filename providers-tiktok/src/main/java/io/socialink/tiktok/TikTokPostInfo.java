package io.socialink.tiktok;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code post_info} of a Direct Post ({@code POST /v2/post/publish/video/init/}).
 *
 * @param title the caption, hashtags and mentions included
 * @param privacyLevel one of {@code PUBLIC_TO_EVERYONE}, {@code MUTUAL_FOLLOW_FRIENDS},
 *     {@code FOLLOWER_OF_CREATOR} or {@code SELF_ONLY}, and one the creator allows
 *     ({@link TikTokCreatorInfo#privacyLevelOptions()}); posts of an app TikTok has not audited must
 *     be {@code SELF_ONLY}
 * @param disableDuet whether duets are off
 * @param disableComment whether comments are off
 * @param disableStitch whether stitches are off
 * @param videoCoverTimestampMs the frame used as cover, when chosen
 */
public record TikTokPostInfo(
    String title, String privacyLevel, boolean disableDuet, boolean disableComment, boolean disableStitch,
    Optional<Long> videoCoverTimestampMs) {
  /** The privacy levels TikTok documents. */
  public static final Set<String> PRIVACY_LEVELS =
      Set.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");

  /** Validates the components. */
  public TikTokPostInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(privacyLevel, "privacyLevel");
    if (!PRIVACY_LEVELS.contains(privacyLevel)) {
      throw new IllegalArgumentException("privacyLevel must be one of " + PRIVACY_LEVELS + "; got '" + privacyLevel + "'");
    }
    Objects.requireNonNull(videoCoverTimestampMs, "videoCoverTimestampMs");
    videoCoverTimestampMs.ifPresent(t -> {
      if (t < 0) {
        throw new IllegalArgumentException("videoCoverTimestampMs must not be negative; got " + t);
      }
    });
  }

  /**
   * A post visible to its creator only, with duets, comments and stitches allowed.
   *
   * @param title the caption
   * @return the post info
   */
  public static TikTokPostInfo privatePost(String title) {
    return new TikTokPostInfo(title, "SELF_ONLY", false, false, false, Optional.empty());
  }
}
