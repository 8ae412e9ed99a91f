package io.socialink.store;

import io.socialink.store.memory.InMemoryCrossPostStore;
import io.socialink.testsupport.CrossPostStoreContract;

/** The in-memory cross-post store passes the cross-post store contract. */
class InMemoryCrossPostStoreContractTest extends CrossPostStoreContract {
  @Override
  protected CrossPostStore newStore() {
    return new InMemoryCrossPostStore();
  }
}
