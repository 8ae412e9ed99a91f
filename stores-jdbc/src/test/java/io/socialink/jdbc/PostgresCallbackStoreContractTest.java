package io.socialink.jdbc;

import io.socialink.store.CallbackStore;
import io.socialink.testsupport.CallbackStoreContract;

/** The JDBC callback store on a real PostgreSQL passes the callback store contract. */
class PostgresCallbackStoreContractTest extends CallbackStoreContract {
  @Override
  protected CallbackStore newStore() {
    return JdbcStores.builder(Postgres.dataSource()).tablePrefix(Postgres.freshPrefix("hooks"))
        .keys(TestKeys.k1()).build().stores().callbacks();
  }
}
