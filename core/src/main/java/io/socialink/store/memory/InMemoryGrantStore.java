package io.socialink.store.memory;

import io.socialink.Grant;
import io.socialink.store.GrantStore;
import io.socialink.store.RefreshClaim;
import io.socialink.store.VersionConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link GrantStore} in memory. Tokens are held as {@link io.socialink.Secret}s. */
public final class InMemoryGrantStore implements GrantStore {
  private final Map<Key, Grant> grants = new ConcurrentHashMap<>();
  private final Map<Key, Claim> claims = new ConcurrentHashMap<>();
  private final Map<Key, Instant> uses = new ConcurrentHashMap<>();

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
  public List<Grant> findByAttributeOfAnyOwner(String platformId, String name, String value) {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    return grants.values().stream()
        .filter(g -> g.account().platformId().equals(platformId) && value.equals(g.attributes().get(name)))
        .toList();
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
    claims.remove(key); // the refresh a claim was for is done, or moot
    return grant;
  }

  @Override
  public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
    return claim(ownerId, grantId, holder, now, until).held();
  }

  @Override
  public RefreshClaim claim(String ownerId, String grantId, String holder, Instant now, Instant until) {
    java.util.Objects.requireNonNull(holder, "holder");
    java.util.Objects.requireNonNull(now, "now");
    java.util.Objects.requireNonNull(until, "until");
    Claim mine = new Claim(holder, until);
    RefreshClaim[] outcome = {RefreshClaim.HELD_ELSEWHERE};
    claims.compute(new Key(ownerId, grantId), (k, held) -> {
      if (held == null || held.holder().equals(holder)) {
        outcome[0] = RefreshClaim.CLAIMED;
        return mine;
      }
      if (!now.isBefore(held.until())) {
        outcome[0] = RefreshClaim.TAKEN_OVER; // its holder never released it
        return mine;
      }
      return held;
    });
    return outcome[0];
  }

  @Override
  public void releaseRefresh(String ownerId, String grantId, String holder) {
    claims.computeIfPresent(new Key(ownerId, grantId), (k, held) -> held.holder().equals(holder) ? null : held);
  }

  @Override
  public void recordUse(String ownerId, String grantId, Instant at) {
    java.util.Objects.requireNonNull(at, "at");
    Key key = new Key(ownerId, grantId);
    if (grants.containsKey(key)) {
      uses.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  @Override
  public Optional<Instant> lastUse(String ownerId, String grantId) {
    return Optional.ofNullable(uses.get(new Key(ownerId, grantId)));
  }

  @Override
  public boolean delete(String ownerId, String grantId) {
    Key key = new Key(ownerId, grantId);
    claims.remove(key); // a grant linked again under the same id starts unclaimed and unused
    uses.remove(key);
    return grants.remove(key) != null;
  }

  private record Key(String ownerId, String id) {}

  private record Claim(String holder, Instant until) {}
}
