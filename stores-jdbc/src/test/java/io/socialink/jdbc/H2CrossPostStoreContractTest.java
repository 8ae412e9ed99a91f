package io.socialink.jdbc;

import io.socialink.store.CrossPostStore;
import io.socialink.testsupport.CrossPostStoreContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDBC cross-post store on H2 passes the cross-post store contract. */
class H2CrossPostStoreContractTest extends CrossPostStoreContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected CrossPostStore newStore() {
    return JdbcStores.builder("jdbc:h2:mem:crosspost" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "")
        .keys(TestKeys.k1()).build().stores().crossPosts();
  }
}
