package io.socialink.tiktok;

import java.util.List;
import java.util.Objects;

/**
 * One page of {@code POST /v2/video/list/}.
 *
 * @param videos the videos, newest first
 * @param cursor the cursor of the next page (a millisecond epoch time, as TikTok gives it)
 * @param hasMore whether another page follows
 */
public record TikTokVideoPage(List<TikTokVideo> videos, long cursor, boolean hasMore) {
  /** Validates and copies the components. */
  public TikTokVideoPage {
    videos = List.copyOf(Objects.requireNonNull(videos, "videos"));
  }
}
