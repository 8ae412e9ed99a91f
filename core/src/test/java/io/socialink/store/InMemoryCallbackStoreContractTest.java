package io.socialink.store;

import io.socialink.store.memory.InMemoryCallbackStore;
import io.socialink.testsupport.CallbackStoreContract;

/** The in-memory callback store passes the callback store contract. */
class InMemoryCallbackStoreContractTest extends CallbackStoreContract {
  @Override
  protected CallbackStore newStore() {
    return new InMemoryCallbackStore();
  }
}
