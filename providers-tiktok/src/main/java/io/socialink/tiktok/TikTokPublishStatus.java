package io.socialink.tiktok;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a post stands, as {@code POST /v2/post/publish/status/fetch/} reports it.
 *
 * @param publishId the publish id from the post's initialization
 * @param status {@code PROCESSING_UPLOAD}, {@code PROCESSING_DOWNLOAD}, {@code SEND_TO_USER_INBOX},
 *     {@code PUBLISH_COMPLETE} or {@code FAILED}; another value TikTok may add is kept as sent
 * @param failReason why it failed, for {@code FAILED}
 * @param publicPostIds the ids of the public post once TikTok has published it (TikTok spells the
 *     member {@code publicaly_available_post_id})
 */
public record TikTokPublishStatus(String publishId, String status, Optional<String> failReason,
    List<String> publicPostIds) {
  /** Statuses after which nothing changes any more. */
  public static final Set<String> TERMINAL = Set.of("SEND_TO_USER_INBOX", "PUBLISH_COMPLETE", "FAILED");

  /** Validates and copies the components. */
  public TikTokPublishStatus {
    Objects.requireNonNull(publishId, "publishId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failReason, "failReason");
    publicPostIds = List.copyOf(Objects.requireNonNull(publicPostIds, "publicPostIds"));
  }

  /**
   * Answers whether TikTok is done with the post, successfully or not.
   *
   * @return true for {@code SEND_TO_USER_INBOX}, {@code PUBLISH_COMPLETE} and {@code FAILED}
   */
  public boolean isTerminal() {
    return TERMINAL.contains(status);
  }

  /**
   * Answers whether the post failed.
   *
   * @return true for {@code FAILED}
   */
  public boolean failed() {
    return status.equals("FAILED");
  }
}
