package io.socialink.jdbc;

import io.socialink.store.CallbackStore;
import io.socialink.testsupport.CallbackStoreContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDBC callback store on H2 passes the callback store contract. */
class H2CallbackStoreContractTest extends CallbackStoreContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected CallbackStore newStore() {
    return JdbcStores.builder("jdbc:h2:mem:callbacks" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "")
        .keys(TestKeys.k1()).build().stores().callbacks();
  }
}
