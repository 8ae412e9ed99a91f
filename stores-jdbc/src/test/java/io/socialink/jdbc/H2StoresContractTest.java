package io.socialink.jdbc;

import io.socialink.store.Stores;
import io.socialink.testsupport.StoresContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDBC stores on H2 pass the store contract. */
class H2StoresContractTest extends StoresContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected Stores newStores() {
    return JdbcStores.builder("jdbc:h2:mem:contract" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "")
        .keys(TestKeys.k1()).build().stores();
  }
}
