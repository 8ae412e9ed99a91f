package io.socialink.instagram;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code GET /me/media}. Meta's paging rule: follow {@code paging.next} until it is
 * absent; a page may be empty yet have a next one, and a short page is not the end.
 *
 * @param media the media, newest first
 * @param after the cursor of the next page ({@code paging.cursors.after}), present exactly when
 *     Instagram sent {@code paging.next}; pass it to {@link InstagramClient#media} and do not store it
 */
public record InstagramMediaPage(List<InstagramMedia> media, Optional<String> after) {
  /** Validates and copies the components. */
  public InstagramMediaPage {
    media = List.copyOf(Objects.requireNonNull(media, "media"));
    Objects.requireNonNull(after, "after");
  }

  /**
   * Answers whether another page follows.
   *
   * @return true when Instagram sent {@code paging.next}
   */
  public boolean hasNext() {
    return after.isPresent();
  }
}
