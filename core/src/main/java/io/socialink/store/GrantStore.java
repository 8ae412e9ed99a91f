package io.socialink.store;

import io.socialink.Account;
import io.socialink.Grant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores grants, with their {@linkplain Grant#attributes() attributes}. Every query is scoped by owner,
 * except the two the callback intake needs. Writes are optimistic: a grant of version 0 is
 * inserted; a grant of version {@code n > 0} replaces the stored version {@code n - 1}, or fails with
 * {@link VersionConflictException}. Implementations are thread-safe.
 *
 * <p><b>Refresh claims.</b> Rotating refresh tokens are single-use, so two holders refreshing one
 * grant at once would spend the token twice and the loser would see it refused. Before refreshing, a
 * holder (one {@link io.socialink.Socialink} instance) claims the grant with
 * {@link #claimRefresh}; only one unexpired claim exists per grant. The others wait for the
 * holder's write (a newer version) or for its claim to lapse. A store shared by several processes
 * must make the claim atomic across them.
 *
 * <p>A claim ends when it is released, when the grant is saved (the refresh it was for is done, or
 * moot) or deleted, or when another holder takes it over after it lapsed. So a claim that lapsed
 * unreleased, with no save since, belongs to a holder that stopped (crashed) during its refresh, maybe
 * after the platform answered; {@link #claim} reports such a take-over, so that the next holder knows
 * the previous refresh was interrupted and may have spent a single-use refresh token.
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
   * Finds every owner's grants for an account. Only the callback intake uses it: a platform's
   * deauthorization names the account, not the application's user. Stores that cannot search across
   * owners leave the default, and the intake then answers such callbacks with a 500 so that the
   * platform delivers them again.
   *
   * @param account the account
   * @return the grants, of any owner
   * @throws UnsupportedOperationException if the store cannot search across owners
   */
  default List<Grant> findByAccountOfAnyOwner(Account account) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot find grants across owners; implement"
        + " GrantStore.findByAccountOfAnyOwner to receive deauthorization callbacks");
  }

  /**
   * Finds every owner's grants on a platform whose {@linkplain Grant#attributes() attribute} of a name
   * has a value. Only the callback intake uses it: some platforms' callbacks name an id kept as an
   * attribute rather than the grant's account (Meta's Facebook Login callbacks name the Facebook user).
   * Stores that cannot search across owners leave the default, and the intake then answers such
   * callbacks with a 500 so that the platform delivers them again.
   *
   * @param platformId the platform of the grants' accounts
   * @param name the attribute's name
   * @param value the value it must have, compared exactly
   * @return the grants, of any owner
   * @throws UnsupportedOperationException if the store cannot search across owners
   */
  default List<Grant> findByAttributeOfAnyOwner(String platformId, String name, String value) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot find grants across owners; implement"
        + " GrantStore.findByAttributeOfAnyOwner to receive callbacks that name a grant attribute");
  }

  /**
   * Inserts (version 0) or replaces (version n, over stored n - 1) a grant, and ends any refresh claim
   * on it.
   *
   * @param grant the grant
   * @return the stored grant
   * @throws VersionConflictException if the stored version is not the expected one
   */
  Grant save(Grant grant);

  /**
   * Claims the right to refresh a grant until an instant. Succeeds when no other holder has a claim
   * that is still valid at {@code now}; a holder may renew its own claim. Atomic.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param holder who claims, unique per claiming instance
   * @param now the current instant, from the claimer's clock
   * @param until when the claim lapses if it is not released
   * @return true if the caller now holds the claim
   */
  boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until);

  /**
   * Claims like {@link #claimRefresh}, and tells whether the claim was taken over from another holder
   * whose claim lapsed without being released. Atomic. The default cannot tell a take-over apart and
   * answers {@link RefreshClaim#CLAIMED} or {@link RefreshClaim#HELD_ELSEWHERE}; the stores Socialink
   * ships override it.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param holder who claims, unique per claiming instance
   * @param now the current instant, from the claimer's clock
   * @param until when the claim lapses if it is not released
   * @return the outcome
   */
  default RefreshClaim claim(String ownerId, String grantId, String holder, Instant now, Instant until) {
    return claimRefresh(ownerId, grantId, holder, now, until) ? RefreshClaim.CLAIMED : RefreshClaim.HELD_ELSEWHERE;
  }

  /**
   * Releases a refresh claim; does nothing unless {@code holder} holds it.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param holder who claimed it
   */
  void releaseRefresh(String ownerId, String grantId, String holder);

  /**
   * Records that a grant was used at an instant, for audits. Not a change of the grant: its version
   * stays. A store may keep only the latest use, and may skip a record less than an hour after the
   * previous one. The default keeps nothing.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param at when it was used
   */
  default void recordUse(String ownerId, String grantId, Instant at) {}

  /**
   * When a grant was last used, as far as {@link #recordUse} recorded.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the last recorded use, or empty if none was recorded or the store keeps none
   */
  default Optional<Instant> lastUse(String ownerId, String grantId) {
    return Optional.empty();
  }

  /**
   * Deletes a grant and its tokens.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return true if a grant was deleted
   */
  boolean delete(String ownerId, String grantId);
}
