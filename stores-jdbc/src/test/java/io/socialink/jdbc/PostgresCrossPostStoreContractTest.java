package io.socialink.jdbc;

import io.socialink.store.CrossPostStore;
import io.socialink.testsupport.CrossPostStoreContract;

/** The JDBC cross-post store on a real PostgreSQL passes the cross-post store contract. */
class PostgresCrossPostStoreContractTest extends CrossPostStoreContract {
  @Override
  protected CrossPostStore newStore() {
    return JdbcStores.builder(Postgres.dataSource()).tablePrefix(Postgres.freshPrefix("xpost"))
        .keys(TestKeys.k1()).build().stores().crossPosts();
  }
}
