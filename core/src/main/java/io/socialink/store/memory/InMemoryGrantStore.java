package io.socialink.store.memory;

import io.socialink.Grant;
import io.socialink.store.GrantStore;
import io.socialink.store.VersionConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link GrantStore} in memory. Tokens are held as {@link io.socialink.Secret}s. */
public final class InMemoryGrantStore implements GrantStore {
  private final Map<Key, Grant> grants = new ConcurrentHashMap<>();
  private final Map<Key, Claim> claims = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryGrantStore() {}

  @Override
  public Optional<Grant> find(String ownerId, String grantId) {
    return Optional.ofNullable(grants.get(new Key(ownerId, grantId)));
  }

  @Override
  public List<Grant> findByOwner(String ownerId) {
    return grants.values().stream().filter(g -> g.ownerId().equals(ownerId)).toList();
  }

  @Override
  public List<Grant> findByAccountOfAnyOwner(io.socialink.Account account) {
    java.util.Objects.requireNonNull(account, "account");
    return grants.values().stream().filter(g -> g.account().equals(account)).toList();
  }

  @Override
  public Grant save(Grant grant) {
    Key key = new Key(grant.ownerId(), grant.id());
    grants.compute(key, (k, stored) -> {
      long actual = stored == null ? -1 : stored.version();
      if (actual != grant.version() - 1) {
        throw new VersionConflictException("grant", grant.id(), grant.version() - 1, actual);
      }
      return grant;
    });
    return grant;
  }

  @Override
  public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
    java.util.Objects.requireNonNull(holder, "holder");
    java.util.Objects.requireNonNull(now, "now");
    java.util.Objects.requireNonNull(until, "until");
    Claim mine = new Claim(holder, until);
    Claim after = claims.compute(new Key(ownerId, grantId), (k, held) ->
        held == null || held.holder().equals(holder) || !now.isBefore(held.until()) ? mine : held);
    return after == mine;
  }

  @Override
  public void releaseRefresh(String ownerId, String grantId, String holder) {
    claims.computeIfPresent(new Key(ownerId, grantId), (k, held) -> held.holder().equals(holder) ? null : held);
  }

  @Override
  public boolean delete(String ownerId, String grantId) {
    return grants.remove(new Key(ownerId, grantId)) != null;
  }

  private record Key(String ownerId, String id) {}

  private record Claim(String holder, Instant until) {}
}
