package io.socialink.store;

import io.socialink.Link;
import java.util.List;
import java.util.Optional;

/**
 * Stores links. Every query is scoped by owner; writes are optimistic as in {@link GrantStore}.
 * Implementations are thread-safe.
 */
public interface LinkStore {
  /**
   * Finds a link.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the link, or empty
   */
  Optional<Link> find(String ownerId, String linkId);

  /**
   * Lists an owner's links.
   *
   * @param ownerId the owner
   * @return the links, in no order
   */
  List<Link> findByOwner(String ownerId);

  /**
   * Lists an owner's links that use a grant.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the links
   */
  default List<Link> findByGrant(String ownerId, String grantId) {
    return findByOwner(ownerId).stream().filter(l -> l.grantIds().contains(grantId)).toList();
  }

  /**
   * Inserts (version 0) or replaces (version n, over stored n - 1) a link.
   *
   * @param link the link
   * @return the stored link
   * @throws VersionConflictException if the stored version is not the expected one
   */
  Link save(Link link);
}
