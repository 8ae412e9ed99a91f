package io.socialink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.store.memory.InMemoryGrantStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grants found by account across owners, which the callback intake needs. */
class GrantStoreAnyOwnerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Grant grant(String owner, String id, Account account) {
    return new Grant(id, owner, account, "oauth2", "c", Secret.of("at"), Optional.empty(), Set.of(), "bearer", T0,
        Optional.empty(), Optional.empty(), 0);
  }

  @Test
  void theInMemoryStoreFindsEveryOwnersGrantsOfTheAccountOnly() {
    InMemoryGrantStore store = new InMemoryGrantStore();
    Account alice = Account.of("x", "1");
    store.save(grant("o1", "g1", alice));
    store.save(grant("o2", "g2", alice));
    store.save(grant("o1", "g3", Account.of("x", "2")));
    store.save(grant("o3", "g4", Account.of("tiktok", "1")));

    assertThat(store.findByAccountOfAnyOwner(alice)).extracting(Grant::id).containsExactlyInAnyOrder("g1", "g2");
    assertThat(store.findByAccountOfAnyOwner(Account.of("x", "9"))).isEmpty();
  }

  @Test
  void aStoreWithoutItSaysWhatToImplement() {
    GrantStore scoped = new GrantStore() {
      @Override
      public Optional<Grant> find(String ownerId, String grantId) {
        return Optional.empty();
      }

      @Override
      public List<Grant> findByOwner(String ownerId) {
        return List.of();
      }

      @Override
      public Grant save(Grant grant) {
        return grant;
      }

      @Override
      public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
        return true;
      }

      @Override
      public void releaseRefresh(String ownerId, String grantId, String holder) {}

      @Override
      public boolean delete(String ownerId, String grantId) {
        return false;
      }
    };

    assertThatThrownBy(() -> scoped.findByAccountOfAnyOwner(Account.of("x", "1")))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("GrantStore.findByAccountOfAnyOwner");
  }
}
