package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.error.ErrorCategory;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Database failures are typed, name the operation and the SQL state, and carry no token. */
class JdbcFailureTest {
  @Test
  void anUnreachableServerIsATransientFailure() {
    assertThatThrownBy(() -> JdbcStores.builder("jdbc:postgresql://127.0.0.1:1/none", "postgres", "pw-canary")
        .keys(TestKeys.k1()).build())
        .isInstanceOfSatisfying(JdbcStoreException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
          assertThat(e.retryable()).isTrue();
        })
        .hasMessageContaining("database failure while the store tried to connect (SQL state 08")
        .hasMessageNotContaining("pw-canary");
  }

  @Test
  void aFailingStatementNamesTheOperationAndHoldsNoToken() throws Exception {
    String url = "jdbc:h2:mem:failure;DB_CLOSE_DELAY=-1";
    JdbcStores stores = JdbcStores.builder(url, "sa", "").keys(TestKeys.k1()).build();
    try (Connection c = new UrlDataSource(url, "sa", "").getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE socialink_grants");
    }

    assertThatThrownBy(() -> stores.grants().save(EncryptionAtRestTest.grant("g-1")))
        .isInstanceOfSatisfying(JdbcStoreException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN))
        .hasMessageContaining("save grant g-1 (SQL state 42S02)")
        .satisfies(EncryptionAtRestTest::noSecretIn);
    assertThat(new UrlDataSource(url, "sa", "pw-canary").toString()).doesNotContain("pw-canary");
  }

  @Test
  void aFailedDeliveryRecordIsAnErrorNeverARepeatedDelivery() throws Exception {
    String url = "jdbc:h2:mem:failure-hooks;DB_CLOSE_DELAY=-1";
    JdbcStores stores = JdbcStores.builder(url, "sa", "").keys(TestKeys.k1()).build();
    try (Connection c = new UrlDataSource(url, "sa", "").getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE socialink_callback_deliveries");
    }

    // Were it answered "already recorded", the intake would drop the delivery; an error makes it a 500 and a retry.
    assertThatThrownBy(() -> stores.callbacks().recordDelivery("tiktok", "deauthorized:evt-1",
        java.time.Instant.parse("2026-01-01T00:00:00Z")))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("record a callback delivery of tiktok (SQL state 42S02)");
    assertThat(new UrlDataSource("jdbc:postgresql://h/db?user=u&password=pw-canary", "u", "").toString())
        .doesNotContain("pw-canary");
  }
}
