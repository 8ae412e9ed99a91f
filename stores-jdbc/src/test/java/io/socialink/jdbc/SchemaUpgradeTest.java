package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.SyncCursor;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database an earlier socialink-jdbc left at schema version 1 is upgraded to the latest version in place. */
class SchemaUpgradeTest {
  static final AtomicInteger DATABASES = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  record Target(DataSource dataSource, Dialect dialect, String prefix) {
    static Target of(Dialect dialect) {
      return dialect == Dialect.H2
          ? new Target(new UrlDataSource("jdbc:h2:mem:upgrade" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
              "sa", ""), Dialect.H2, "socialink_")
          : new Target(Postgres.dataSource(), Dialect.POSTGRESQL, Postgres.freshPrefix("upgrade"));
    }

    JdbcStores.Builder builder() {
      return JdbcStores.builder(dataSource).tablePrefix(prefix).keys(TestKeys.k1());
    }

    void sql(String statement) throws SQLException {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute(statement);
      }
    }

    List<Integer> versions() throws SQLException {
      List<Integer> out = new ArrayList<>();
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT version FROM " + prefix + "schema_version ORDER BY version")) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    }

    boolean hasIndex(String table, String index) throws SQLException {
      try (Connection c = dataSource.getConnection()) {
        for (String t : List.of(prefix + table, (prefix + table).toUpperCase(Locale.ROOT))) {
          try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, t, false, false)) {
            while (rs.next()) {
              String name = rs.getString("INDEX_NAME");
              if (name != null && name.equalsIgnoreCase(prefix + index)) {
                return true;
              }
            }
          }
        }
      }
      return false;
    }
  }

  static Grant grant(String owner) {
    return new Grant("g-1", owner, Account.of("tiktok", "open-1"), "login-kit", "client-key-1", Secret.of("at-" + owner),
        Optional.of(Secret.of("rt-" + owner)), Set.of("user.info.basic"), "bearer", T0, Optional.empty(),
        Optional.empty(), 0);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aVersion1DatabaseIsUpgradedInPlaceKeepingItsRows(Dialect dialect) throws SQLException {
    Target db = Target.of(dialect);
    // Version 1 exactly as the earlier library created it, with a grant written by the version 1 code.
    for (String statement : Schema.statements(Schema.read(dialect.scripts() + "/V1__stores.sql"), db.prefix())) {
      db.sql(statement);
    }
    JdbcGrantStore v1 = new JdbcGrantStore(new Database(db.dataSource(), dialect, db.prefix()),
        new TokenCipher(TestKeys.k1(), new SecureRandom()));
    Grant alices = v1.save(grant("alice"));
    Grant bobs = v1.save(grant("bob"));

    assertThatThrownBy(() -> db.builder().schema(SchemaMode.VALIDATE).build())
        .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
          assertThat(e.found()).isEqualTo(1);
          assertThat(e.expected()).isEqualTo(4);
        })
        .hasMessageContaining("at schema version 1; this socialink-jdbc needs version 4");
    assertThat(db.versions()).containsExactly(1);

    JdbcStores upgraded = db.builder().build();

    assertThat(upgraded.foundSchemaVersion()).isEqualTo(1);
    assertThat(db.versions()).containsExactly(1, 2, 3, 4);
    assertThat(db.hasIndex("grants", "grants_any_owner")).isTrue();
    assertThat(upgraded.grants().find("alice", "g-1")).contains(alices);
    assertThat(upgraded.grants().findByAccountOfAnyOwner(Account.of("tiktok", "open-1")))
        .containsExactlyInAnyOrder(alices, bobs);
    CrossPostEntry entry = new CrossPostEntry("alice", "l-1", "item-1", T0, CrossPostEntry.State.IN_FLIGHT,
        Optional.empty(), "text", Optional.empty(), T0);
    upgraded.crossPosts().record(entry);
    upgraded.crossPosts().saveCursor("alice", "l-1", new SyncCursor("item-1", T0));
    assertThat(upgraded.crossPosts().entries("alice", "l-1")).containsExactly(entry);
    assertThat(upgraded.callbacks().recordDelivery("tiktok", "deauthorized:sha256:00", T0)).isTrue();

    JdbcStores again = db.builder().schema(SchemaMode.VALIDATE).build();
    assertThat(again.foundSchemaVersion()).isEqualTo(4);
    assertThat(again.crossPosts().cursor("alice", "l-1")).contains(new SyncCursor("item-1", T0));
    assertThat(again.callbacks().recordDelivery("tiktok", "deauthorized:sha256:00", T0)).isFalse();
    assertThat(db.builder().build().foundSchemaVersion()).as("nothing left to apply").isEqualTo(4);
    assertThat(db.versions()).containsExactly(1, 2, 3, 4);
    io.socialink.Link link = io.socialink.Link.create("l-1", "alice", io.socialink.LinkKind.APP_AUTHORIZATION,
        io.socialink.LinkEnd.application(), io.socialink.LinkEnd.account(Account.of("tiktok", "open-1")),
        List.of("g-1"), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    upgraded.links().save(link);
    io.socialink.Link broken = upgraded.links().save(link.withState(io.socialink.LinkState.BROKEN,
        Optional.of("refresh interrupted; link again"), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)));
    assertThat(again.links().find("alice", "l-1")).contains(broken);
    assertThat(broken.stateReason()).contains("refresh interrupted; link again");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aVersion3DatabaseGainsGrantAttributesKeepingItsRows(Dialect dialect) throws SQLException {
    Target db = Target.of(dialect);
    // Versions 1 to 3 exactly as the earlier library left them, with grants written before attributes existed.
    for (String script : List.of("V1__stores", "V2__crosspost_callbacks", "V3__link_state_reason")) {
      for (String statement : Schema.statements(Schema.read(dialect.scripts() + "/" + script + ".sql"), db.prefix())) {
        db.sql(statement);
      }
    }
    JdbcGrantStore v3 = new JdbcGrantStore(new Database(db.dataSource(), dialect, db.prefix()),
        new TokenCipher(TestKeys.k1(), new SecureRandom()));
    Grant alices = v3.save(grant("alice"));
    Grant bobs = v3.save(grant("bob"));
    assertThat(db.versions()).containsExactly(1, 2, 3);

    JdbcStores upgraded = db.builder().build();

    assertThat(upgraded.foundSchemaVersion()).isEqualTo(3);
    assertThat(db.versions()).containsExactly(1, 2, 3, 4);
    assertThat(db.hasIndex("grant_attributes", "grant_attributes_value")).isTrue();
    assertThat(upgraded.grants().find("alice", "g-1")).contains(alices);
    assertThat(upgraded.grants().find("alice", "g-1").orElseThrow().attributes()).isEmpty();
    assertThat(upgraded.grants().findByAccountOfAnyOwner(Account.of("tiktok", "open-1")))
        .containsExactlyInAnyOrder(alices, bobs);
    // The kept rows take attributes from their next write on.
    Grant renewed = alices.renewed(Secret.of("at-2"), Optional.empty(), alices.scopes(), T0.plusSeconds(60),
        Optional.empty(), Optional.empty()).withAttributes(java.util.Map.of("tiktok.union_id", "union-1"));
    upgraded.grants().save(renewed);
    assertThat(upgraded.grants().findByAttributeOfAnyOwner("tiktok", "tiktok.union_id", "union-1"))
        .containsExactly(renewed);
    assertThat(db.builder().schema(SchemaMode.VALIDATE).build().grants().find("bob", "g-1")).contains(bobs);
  }
}
