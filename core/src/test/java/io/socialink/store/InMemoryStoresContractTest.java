package io.socialink.store;

import io.socialink.testsupport.StoresContract;

/** The in-memory stores pass the store contract. */
class InMemoryStoresContractTest extends StoresContract {
  @Override
  protected Stores newStores() {
    return Stores.inMemory();
  }
}
