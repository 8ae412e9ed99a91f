package io.socialink.instagram;

import java.util.Objects;
import java.util.Optional;

/**
 * A media container's status, {@code GET /<IG_CONTAINER_ID>?fields=status_code,status}.
 *
 * @param containerId the container id
 * @param statusCode {@code EXPIRED}, {@code ERROR}, {@code FINISHED}, {@code IN_PROGRESS} or
 *     {@code PUBLISHED}, as sent
 * @param status the detail, which names the error subcode when {@code statusCode} is {@code ERROR}
 */
public record InstagramContainerStatus(String containerId, String statusCode, Optional<String> status) {
  /** Validates the components. */
  public InstagramContainerStatus {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(status, "status");
  }

  /**
   * Answers whether the container is ready to publish.
   *
   * @return true for {@code FINISHED}
   */
  public boolean ready() {
    return statusCode.equals("FINISHED");
  }

  /**
   * Answers whether Instagram is still processing the media.
   *
   * @return true for {@code IN_PROGRESS}
   */
  public boolean inProgress() {
    return statusCode.equals("IN_PROGRESS");
  }
}
