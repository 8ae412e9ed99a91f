package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.error.ConfigurationException;
import io.socialink.jdbc.StoreEncryptionException.Reason;
import io.socialink.store.PendingAuthorization;
import io.socialink.testsupport.LogCapture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptionAtRestTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  static final AtomicInteger DATABASES = new AtomicInteger();
  static final String ACCESS = "AT-canary-7f3a9c";
  static final String REFRESH = "RT-canary-51be02";
  static final String VERIFIER = "PKCE-canary-" + "q".repeat(40);
  static final String STATE = "STATE-canary-d41d8c";

  final String url = "jdbc:h2:mem:crypto" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";

  JdbcStores h2(KeyProvider keys) {
    return JdbcStores.builder(url, "sa", "").keys(keys).build();
  }

  static Grant grant(String id) {
    return new Grant(id, "alice", Account.of("x", "u-1"), "oauth2", "client-1", Secret.of(ACCESS + id),
        Optional.of(Secret.of(REFRESH + id)), Set.of("tweet.read"), "bearer", T0, Optional.of(T0.plusSeconds(7200)),
        Optional.empty(), 0);
  }

  static PendingAuthorization pending() {
    return new PendingAuthorization(STATE, "alice", "x", "oauth2", Secret.of(VERIFIER),
        URI.create("https://app.example/cb"), List.of("tweet.read"), T0, T0.plus(Duration.ofMinutes(10)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void rawRowsHoldNoTokenVerifierOrState(String database) throws Exception {
    JdbcStores stores;
    DataSource ds;
    if (database.equals("h2")) {
      stores = h2(TestKeys.k1());
      ds = new UrlDataSource(url, "sa", "");
    } else {
      stores = JdbcStores.builder(Postgres.dataSource()).tablePrefix(Postgres.freshPrefix("raw")).keys(TestKeys.k1())
          .build();
      ds = Postgres.dataSource();
    }
    stores.grants().save(grant("g-1").withAttributes(Map.of("x.login_id", "login-1")));
    stores.pending().put(pending());

    List<String> cells = rawCells(ds, stores.tablePrefix());
    assertThat(cells).as("an attribute is no secret: stored as it is").contains("login-1");

    assertThat(cells).as("the rows were read").anyMatch(c -> c.contains("g-1")).hasSizeGreaterThan(20);
    for (String secret : List.of(ACCESS, REFRESH, VERIFIER, STATE)) {
      assertThat(cells).noneMatch(c -> c.contains(secret));
    }
    assertThat(stores.grants().find("alice", "g-1").orElseThrow().accessToken().reveal()).isEqualTo(ACCESS + "g-1");
    assertThat(stores.pending().take(STATE).orElseThrow().pkceVerifier().reveal()).isEqualTo(VERIFIER);
  }

  /** Every cell of every Socialink table, as text, as UTF-8 of its bytes, as hex and as Base64. */
  static List<String> rawCells(DataSource ds, String prefix) throws SQLException {
    List<String> cells = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("grants", "refresh_claims", "links", "link_grants", "pending_authorizations",
          "plan_journal", "schema_version", "crosspost_rules", "crosspost_cursors", "crosspost_entries",
          "callback_deliveries", "data_deletions", "grant_attributes")) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + prefix + table)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object value = rs.getObject(i);
              if (value instanceof byte[] bytes) {
                cells.add(new String(bytes, StandardCharsets.UTF_8));
                cells.add(new String(bytes, StandardCharsets.ISO_8859_1));
                cells.add(HexFormat.of().formatHex(bytes));
                cells.add(Base64.getEncoder().encodeToString(bytes));
              } else if (value != null) {
                cells.add(value.toString());
              }
            }
          }
        }
      }
    }
    return cells;
  }

  @Test
  void anUnknownKeyIdIsAClearTypedError() {
    h2(TestKeys.k1()).grants().save(grant("g-1"));
    JdbcStores onlyK2 = h2(KeyProvider.of("k2", Map.of("k2", TestKeys.K2)));

    assertThatThrownBy(() -> onlyK2.grants().find("alice", "g-1"))
        .isInstanceOfSatisfying(StoreEncryptionException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID);
          assertThat(e.remediation()).contains("reencrypt");
        })
        .hasMessageContaining("does not know key id 'k1'").hasMessageContaining("access_token")
        .satisfies(EncryptionAtRestTest::noSecretIn);
  }

  @Test
  void aDifferentKeyUnderTheSameIdDoesNotAuthenticate() {
    h2(TestKeys.k1()).grants().save(grant("g-1"));
    JdbcStores wrongKey = h2(KeyProvider.of("k1", Map.of("k1", TestKeys.OTHER_K1)));

    assertThatThrownBy(() -> wrongKey.grants().find("alice", "g-1"))
        .isInstanceOfSatisfying(StoreEncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTIC))
        .hasMessageContaining("does not authenticate under key 'k1'")
        .satisfies(EncryptionAtRestTest::noSecretIn);
  }

  @Test
  void aTamperedCiphertextDoesNotAuthenticate() throws Exception {
    JdbcStores stores = h2(TestKeys.k1());
    stores.grants().save(grant("g-1"));
    byte[] value = readBytes(stores, "g-1");
    value[value.length - 5] ^= 0x01;
    writeBytes(stores, "g-1", value);

    assertThatThrownBy(() -> stores.grants().find("alice", "g-1"))
        .isInstanceOfSatisfying(StoreEncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTIC))
        .satisfies(EncryptionAtRestTest::noSecretIn);
  }

  @Test
  void aCiphertextCopiedToAnotherRowDoesNotDecrypt() throws Exception {
    JdbcStores stores = h2(TestKeys.k1());
    stores.grants().save(grant("g-1"));
    stores.grants().save(grant("g-2"));
    writeBytes(stores, "g-1", readBytes(stores, "g-2"));

    assertThatThrownBy(() -> stores.grants().find("alice", "g-1"))
        .isInstanceOfSatisfying(StoreEncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTIC))
        .hasMessageContaining("copied from another row");
    assertThat(stores.grants().find("alice", "g-2")).isPresent();
  }

  @Test
  void aTruncatedValueIsMalformed() throws Exception {
    JdbcStores stores = h2(TestKeys.k1());
    stores.grants().save(grant("g-1"));
    writeBytes(stores, "g-1", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> stores.grants().find("alice", "g-1"))
        .isInstanceOfSatisfying(StoreEncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void badKeysAndMissingKeysAreRefusedAtStart() {
    assertThatThrownBy(() -> JdbcStores.builder(url, "sa", "").build()).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("needs a KeyProvider").hasMessageContaining("no default key");
    assertThatThrownBy(() -> KeyProvider.aesKey(new byte[10])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16, 24 or 32 bytes; got 10");
    assertThatThrownBy(() -> KeyProvider.of("k1", Map.of("k1", new SecretKeySpec(new byte[8], "DES"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an AES key");
    assertThatThrownBy(() -> KeyProvider.of("k3", Map.of("k1", TestKeys.K1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary key id 'k3' is not among");
    assertThatThrownBy(() -> KeyProvider.of("bad id!", Map.of("bad id!", TestKeys.K1)))
        .isInstanceOf(IllegalArgumentException.class);

    KeyProvider desUnderK1 = new KeyProvider() {
      @Override
      public String primaryKeyId() {
        return "k1";
      }

      @Override
      public Optional<SecretKey> key(String keyId) {
        return Optional.of(new SecretKeySpec(TestKeys.bytes(3), 0, 8, "DES"));
      }
    };
    assertThatThrownBy(() -> h2(desUnderK1)).isInstanceOfSatisfying(StoreEncryptionException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY)).hasMessageContaining("not an AES key");
    KeyProvider noPrimary = new KeyProvider() {
      @Override
      public String primaryKeyId() {
        return "k9";
      }

      @Override
      public Optional<SecretKey> key(String keyId) {
        return Optional.empty();
      }
    };
    assertThatThrownBy(() -> h2(noPrimary)).isInstanceOfSatisfying(StoreEncryptionException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID)).hasMessageContaining("'k9'");
  }

  @Test
  void aRotatedKeyReadsOldRowsWritesNewOnesAndTheReencryptPassMovesEverything() throws Exception {
    JdbcStores before = h2(TestKeys.k1());
    before.grants().save(grant("g-1"));
    before.grants().save(grant("g-2").withAttributes(Map.of("x.login_id", "login-2")));
    before.pending().put(pending());

    JdbcStores rotated = h2(KeyProvider.of("k2", Map.of("k1", TestKeys.K1, "k2", TestKeys.K2)));
    Grant old = rotated.grants().find("alice", "g-1").orElseThrow();
    assertThat(old.accessToken().reveal()).isEqualTo(ACCESS + "g-1");
    rotated.grants().save(old.renewed(Secret.of("new-access"), Optional.empty(), old.scopes(), T0,
        Optional.of(T0.plusSeconds(60)), Optional.empty()));
    assertThat(keyIds(rotated)).containsEntry("g-1", "k2/k2").containsEntry("g-2", "k1/k1");

    assertThat(rotated.reencrypt()).as("g-2 and the pending verifier").isEqualTo(2);
    assertThat(keyIds(rotated)).containsEntry("g-1", "k2/k2").containsEntry("g-2", "k2/k2");
    assertThat(rotated.reencrypt()).isZero();

    JdbcStores onlyK2 = h2(KeyProvider.of("k2", Map.of("k2", TestKeys.K2)));
    assertThat(onlyK2.grants().find("alice", "g-1").orElseThrow().accessToken().reveal()).isEqualTo("new-access");
    Grant g2 = onlyK2.grants().find("alice", "g-2").orElseThrow();
    assertThat(g2.refreshToken()).contains(Secret.of(REFRESH + "g-2"));
    assertThat(g2.version()).as("re-encryption is not a change of the grant").isZero();
    assertThat(g2.attributes()).as("nor of its attributes").isEqualTo(Map.of("x.login_id", "login-2"));
    assertThat(onlyK2.pending().take(STATE).orElseThrow().pkceVerifier().reveal()).isEqualTo(VERIFIER);
  }

  @Test
  void nothingLoggedOrShownHoldsASecret() {
    try (LogCapture logs = LogCapture.start()) {
      JdbcStores stores = h2(TestKeys.k1());
      stores.grants().save(grant("g-1"));
      stores.pending().put(pending());
      Grant g = stores.grants().find("alice", "g-1").orElseThrow();
      assertThatThrownBy(() -> h2(KeyProvider.of("k1", Map.of("k1", TestKeys.OTHER_K1))).grants().find("alice", "g-1"))
          .satisfies(EncryptionAtRestTest::noSecretIn);
      assertThatThrownBy(() -> stores.grants().save(grant("g-1"))).satisfies(EncryptionAtRestTest::noSecretIn);

      List<String> shown = new ArrayList<>(logs.messages());
      shown.add(stores.toString());
      shown.add(g.toString());
      shown.add(TestKeys.k1().toString());
      shown.add(stores.stores().toString());
      assertThat(logs.messages()).as("the schema was created and logged").anyMatch(l -> l.contains("schema version 1"));
      for (String secret : List.of(ACCESS, REFRESH, VERIFIER, STATE, HexFormat.of().formatHex(TestKeys.K1.getEncoded()),
          Base64.getEncoder().encodeToString(TestKeys.K1.getEncoded()))) {
        assertThat(shown).noneMatch(line -> line.contains(secret));
      }
    }
  }

  static void noSecretIn(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      String message = String.valueOf(x.getMessage());
      for (String secret : List.of(ACCESS, REFRESH, VERIFIER, STATE)) {
        assertThat(message).doesNotContain(secret);
      }
    }
  }

  Map<String, String> keyIds(JdbcStores stores) throws SQLException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (Connection c = new UrlDataSource(url, "sa", "").getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT grant_id, access_token_key, refresh_token_key FROM "
            + stores.tablePrefix() + "grants")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
      }
    }
    return out;
  }

  byte[] readBytes(JdbcStores stores, String grantId) throws SQLException {
    try (Connection c = new UrlDataSource(url, "sa", "").getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT access_token FROM " + stores.tablePrefix()
            + "grants WHERE grant_id = ?")) {
      ps.setString(1, grantId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  void writeBytes(JdbcStores stores, String grantId, byte[] value) throws SQLException {
    try (Connection c = new UrlDataSource(url, "sa", "").getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE " + stores.tablePrefix()
            + "grants SET access_token = ? WHERE grant_id = ?")) {
      ps.setBytes(1, value);
      ps.setString(2, grantId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
