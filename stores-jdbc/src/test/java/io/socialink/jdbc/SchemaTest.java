package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SchemaTest {
  static final AtomicInteger DATABASES = new AtomicInteger();
  final String url = "jdbc:h2:mem:schema" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
  final DataSource h2 = new UrlDataSource(url, "sa", "");

  JdbcStores.Builder builder() {
    return JdbcStores.builder(h2).keys(TestKeys.k1());
  }

  void sql(DataSource ds, String statement) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void theSchemaIsCreatedOnceAndFoundAtItsVersionAfterwards() {
    assertThat(builder().build().foundSchemaVersion()).isZero();
    assertThat(builder().build().foundSchemaVersion()).isEqualTo(JdbcStores.schemaVersion()).isEqualTo(4);
    assertThat(builder().schema(SchemaMode.VALIDATE).build().foundSchemaVersion()).isEqualTo(4);
  }

  @Test
  void validateRefusesMissingTablesAndChangesNothing() throws SQLException {
    assertThatThrownBy(() -> builder().schema(SchemaMode.VALIDATE).build())
        .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
          assertThat(e.found()).isZero();
          assertThat(e.expected()).isEqualTo(4);
          assertThat(e.remediation()).contains("socialink-schema/h2").contains("CREATE_OR_UPGRADE");
        })
        .hasMessageContaining("there are no Socialink tables with prefix 'socialink_'");
    try (Connection c = h2.getConnection()) {
      assertThat(c.getMetaData().getTables(null, null, "SOCIALINK_%", null).next()).isFalse();
    }
  }

  @Test
  void aSchemaNewerThanTheCodeIsRefused() throws SQLException {
    builder().build();
    sql(h2, "INSERT INTO socialink_schema_version (version, description, installed_at)"
        + " VALUES (5, 'from a newer library', CURRENT_TIMESTAMP)");

    for (SchemaMode mode : SchemaMode.values()) {
      assertThatThrownBy(() -> builder().schema(mode).build())
          .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
            assertThat(e.found()).isEqualTo(5);
            assertThat(e.expected()).isEqualTo(4);
          })
          .hasMessageContaining("at schema version 5, newer than version 4 that this socialink-jdbc knows");
    }
  }

  @Test
  void tablePrefixesKeepStoresApartInOneDatabase() {
    JdbcStores a = builder().tablePrefix("app_a_").build();
    JdbcStores b = builder().tablePrefix("").build();
    Grant g = new Grant("g-1", "alice", Account.of("x", "1"), "oauth2", "c", Secret.of("at"), Optional.empty(), Set.of(),
        "bearer", Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), Optional.empty(), 0);
    a.grants().save(g);

    assertThat(a.grants().find("alice", "g-1")).contains(g);
    assertThat(b.grants().find("alice", "g-1")).isEmpty();
    assertThat(a.tablePrefix()).isEqualTo("app_a_");
    assertThatThrownBy(() -> builder().tablePrefix("x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().tablePrefix("Upper_")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theScriptsShipNamedAsFlywayExpectsAndWorkWhenAppliedByHand() throws SQLException {
    for (Dialect d : Dialect.values()) {
      String folder = "socialink-schema/" + d.name().toLowerCase(java.util.Locale.ROOT);
      String script = Schema.read(folder + "/V1__stores.sql");
      assertThat(script).contains("${table_prefix}grants").contains("INSERT INTO ${table_prefix}schema_version");
      assertThat(Schema.read(folder + "/V2__crosspost_callbacks.sql")).contains("${table_prefix}callback_deliveries")
          .contains("VALUES (2, 'crosspost_callbacks', CURRENT_TIMESTAMP)");
      assertThat(Schema.read(folder + "/V3__link_state_reason.sql")).contains("${table_prefix}links ADD COLUMN state_reason")
          .contains("VALUES (3, 'link_state_reason', CURRENT_TIMESTAMP)");
      assertThat(Schema.read(folder + "/V4__grant_attributes.sql")).contains("CREATE TABLE ${table_prefix}grant_attributes")
          .contains("VALUES (4, 'grant_attributes', CURRENT_TIMESTAMP)");
    }
    // Applied the way Flyway would, with the placeholder set: the stores then validate and work.
    for (String name : List.of("V1__stores", "V2__crosspost_callbacks", "V3__link_state_reason",
        "V4__grant_attributes")) {
      for (String statement : Schema.statements(Schema.read("socialink-schema/h2/" + name + ".sql"), "flyway_")) {
        sql(h2, statement);
      }
    }
    JdbcStores stores = builder().tablePrefix("flyway_").schema(SchemaMode.VALIDATE).build();
    assertThat(stores.foundSchemaVersion()).isEqualTo(4);
    assertThat(stores.links().findByOwner("alice")).isEmpty();
    assertThat(stores.callbacks().recordDelivery("x", "d-1", Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
  }

  @Test
  void onPostgresqlTheLookUpOfAnAccountAcrossOwnersHasAnIndex() throws SQLException {
    String prefix = Postgres.freshPrefix("plan");
    JdbcStores.builder(Postgres.dataSource()).tablePrefix(prefix).keys(TestKeys.k1()).build();
    StringBuilder plan = new StringBuilder();
    try (Connection c = Postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off"); // an empty table would otherwise be scanned, index or not
      try (java.sql.ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM " + prefix + "grants"
          + " WHERE platform_id = 'tiktok' AND account_user_id = 'open-1'")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    assertThat(plan.toString()).contains(prefix + "grants_any_owner").contains("Index Cond");
  }

  @Test
  void theCallbackIntakesLookUpByAttributeUsesAnIndexOnPostgresql() throws SQLException {
    String prefix = Postgres.freshPrefix("attrplan");
    JdbcStores.builder(Postgres.dataSource()).tablePrefix(prefix).keys(TestKeys.k1()).build();
    StringBuilder plan = new StringBuilder();
    try (Connection c = Postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off"); // an empty table would otherwise be scanned, index or not
      try (java.sql.ResultSet rs = s.executeQuery("EXPLAIN SELECT owner_id, grant_id FROM " + prefix
          + "grant_attributes WHERE attr_name = 'instagram.facebook_user_id' AND attr_value = '10158000000000001'")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    assertThat(plan.toString()).contains(prefix + "grant_attributes_value").contains("Index Cond");
  }

  @Test
  void concurrentStartsOnPostgresqlCreateTheSchemaOnce() throws Exception {
    String prefix = Postgres.freshPrefix("start");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<JdbcStores>> starts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        starts.add(pool.submit(() -> JdbcStores.builder(Postgres.dataSource()).tablePrefix(prefix).keys(TestKeys.k1())
            .build()));
      }
      List<Integer> found = new ArrayList<>();
      for (Future<JdbcStores> f : starts) {
        found.add(f.get(60, TimeUnit.SECONDS).foundSchemaVersion());
      }
      assertThat(found).containsExactlyInAnyOrder(0, 4, 4);
    } finally {
      pool.shutdownNow();
    }
  }
}
