package io.socialink.spi;

import io.socialink.Grant;
import io.socialink.crosspost.RecentPost;
import io.socialink.crosspost.SourceItem;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import java.util.List;
import java.util.Optional;

/**
 * A client that can receive cross-posts: it says which source items it cannot take, publishes the
 * others with {@link #crossPost(Grant, Post)}, and lists its account's recent posts so that an item in
 * flight at a crash can be found before it is posted again. Optional: a provider's client implements
 * it when its platform can be a cross-post target; the caption is fitted beforehand with the
 * provider's {@link PlatformProvider#textRules()}. Thread-safe, like every client.
 */
public interface CrossPostTarget extends PlatformClient {
  /**
   * Answers why the platform cannot take an item (its type, its media), before anything is fetched
   * or sent.
   *
   * @param item the source item
   * @return the reason, for a person; empty when the item can be posted
   */
  default Optional<String> refusal(SourceItem item) {
    return Optional.empty();
  }

  /**
   * Publishes a cross-post: the fitted caption and the source item's media, fetched. Never retried
   * blindly. {@link #publish(Grant, Post)} by default.
   *
   * @param grant the grant
   * @param post the post
   * @return the published post
   * @throws io.socialink.error.SocialinkException the classified failure; {@code DUPLICATE} when the
   *     platform already has the content
   */
  default PublishedPost crossPost(Grant grant, Post post) {
    return publish(grant, post);
  }

  /**
   * Answers whether a caption is sent with a cross-post. A platform that posts media only (a draft
   * the user captions) answers false, and the journal then has no text to find the post by.
   *
   * @return true by default
   */
  default boolean sendsText() {
    return true;
  }

  /**
   * Answers whether {@link #recentPosts} lists every post {@link #crossPost(Grant, Post)} made, at
   * once, so that an item in flight can be confirmed or ruled out. When false, an item found in flight
   * is never posted again (at most once).
   *
   * @return true by default
   */
  default boolean listsOwnPosts() {
    return true;
  }

  /**
   * Lists the account's most recent posts, newest first.
   *
   * @param grant the grant
   * @param limit how many at most, 1 to 100
   * @return the posts
   * @throws io.socialink.error.SocialinkException the classified failure
   */
  List<RecentPost> recentPosts(Grant grant, int limit);
}
