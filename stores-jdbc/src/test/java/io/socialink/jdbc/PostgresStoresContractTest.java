package io.socialink.jdbc;

import io.socialink.store.Stores;
import io.socialink.testsupport.StoresContract;

/** The JDBC stores on a real PostgreSQL pass the store contract. */
class PostgresStoresContractTest extends StoresContract {
  @Override
  protected Stores newStores() {
    return JdbcStores.builder(Postgres.dataSource()).tablePrefix(Postgres.freshPrefix("contract"))
        .keys(TestKeys.k1()).build().stores();
  }
}
