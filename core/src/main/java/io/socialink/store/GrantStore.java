package io.socialink.store;

import io.socialink.Account;
import io.socialink.Grant;
import java.util.List;
import java.util.Optional;

/**
 * Stores grants. Every query is scoped by owner. Writes are optimistic: a grant of version 0 is
 * inserted; a grant of version {@code n > 0} replaces the stored version {@code n - 1}, or fails with
 * {@link VersionConflictException}. Implementations are thread-safe.
 */
public interface GrantStore {
  /**
   * Finds a grant.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the grant, or empty
   */
  Optional<Grant> find(String ownerId, String grantId);

  /**
   * Lists an owner's grants.
   *
   * @param ownerId the owner
   * @return the grants, in no order
   */
  List<Grant> findByOwner(String ownerId);

  /**
   * Finds an owner's grants for an account.
   *
   * @param ownerId the owner
   * @param account the account
   * @return the grants
   */
  default List<Grant> findByAccount(String ownerId, Account account) {
    return findByOwner(ownerId).stream().filter(g -> g.account().equals(account)).toList();
  }

  /**
   * Inserts (version 0) or replaces (version n, over stored n - 1) a grant.
   *
   * @param grant the grant
   * @return the stored grant
   * @throws VersionConflictException if the stored version is not the expected one
   */
  Grant save(Grant grant);

  /**
   * Deletes a grant and its tokens.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return true if a grant was deleted
   */
  boolean delete(String ownerId, String grantId);
}
