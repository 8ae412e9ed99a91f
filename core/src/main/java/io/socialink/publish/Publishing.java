package io.socialink.publish;

import io.socialink.error.NotFoundException;

/**
 * Publishes through linked accounts. Get it from {@link io.socialink.Socialink#publishing()}.
 * Thread-safe.
 *
 * <pre>{@code
 * PublishedPost posted = socialink.publishing().publish(userId, grantId, Post.text("Hello"));
 * }</pre>
 */
public interface Publishing {
  /**
   * Publishes a post through a linked account with a fresh grant. Publishing is never retried
   * blindly: only when the platform provably did not process the request.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param post the post
   * @return the published post
   * @throws NotFoundException if the owner has no such grant
   */
  PublishedPost publish(String ownerId, String grantId, Post post);
}
