package io.socialink.publish;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A post the platform accepted.
 *
 * @param platformId the platform
 * @param postId the platform's id of the post
 * @param url the post's public address, when known
 */
public record PublishedPost(String platformId, String postId, Optional<URI> url) {
  /** Validates the components. */
  public PublishedPost {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(postId, "postId");
    if (postId.isBlank()) {
      throw new IllegalArgumentException("postId must not be blank");
    }
    Objects.requireNonNull(url, "url");
  }
}
