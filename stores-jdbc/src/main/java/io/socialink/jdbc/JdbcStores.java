package io.socialink.jdbc;

import io.socialink.store.Stores;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Socialink's stores on PostgreSQL or H2, in plain JDBC: grants, links, pending authorizations, the
 * unlink journal, the cross-post rules, cursors and journal, and what the callback intake remembers
 * (deliveries acted on, data deletions), in tables whose names share a prefix.
 *
 * <pre>{@code
 * JdbcStores jdbc = JdbcStores.builder(dataSource)
 *     .keys(KeyProvider.of("k1", Map.of("k1", KeyProvider.aesKey(keyBytes))))
 *     .tablePrefix("socialink_")
 *     .schema(SchemaMode.CREATE_OR_UPGRADE)
 *     .build();
 * Socialink socialink = Socialink.builder().stores(jdbc.stores()) ... .build();
 * }</pre>
 *
 * <p><b>Schema.</b> The jar ships the schema as versioned scripts named the way Flyway expects,
 * {@code socialink-schema/postgresql/V1__stores.sql}, {@code V2__crosspost_callbacks.sql} and the same
 * under {@code socialink-schema/h2/}, with the Flyway placeholder {@code ${table_prefix}}. With {@link SchemaMode#CREATE_OR_UPGRADE}
 * {@link Builder#build()} applies the missing ones (PostgreSQL start-ups in several processes take
 * turns on an advisory lock); with {@link SchemaMode#VALIDATE} it only checks. Tables at a newer
 * version than this library knows are refused with {@link SchemaVersionException}.
 *
 * <p><b>Encryption.</b> Access tokens, refresh tokens and PKCE verifiers are stored only as AES-GCM
 * ciphertexts (random 96-bit nonce, 128-bit tag) with the id of their key beside them, and associated
 * data naming the row and field, so a ciphertext moved to another row does not decrypt. Keys come from
 * the caller's {@link KeyProvider}; there is no default key. Pending authorizations are stored under
 * the SHA-256 of their state, never the state.
 *
 * <p><b>Several processes</b> may share one PostgreSQL: saves are compare-and-set on the version, and
 * refresh claims are compare-and-set on a claim row (see {@link JdbcGrantStore}), so one refresh
 * happens per expiry across all of them; a callback delivery is recorded by one insert that the
 * primary key lets win once (see {@link JdbcCallbackStore}), so one process acts on it. Thread-safe.
 */
public final class JdbcStores {
  /** What a table prefix looks like: empty, or a lower-case letter or underscore then up to 29 of those or digits. */
  public static final Pattern TABLE_PREFIX = Pattern.compile("([a-z_][a-z0-9_]{0,29})?");
  /** The table prefix unless another is set. */
  public static final String DEFAULT_TABLE_PREFIX = "socialink_";

  private final Database db;
  private final JdbcGrantStore grants;
  private final JdbcLinkStore links;
  private final JdbcPendingAuthorizationStore pending;
  private final JdbcPlanJournal journal;
  private final JdbcCrossPostStore crossPosts;
  private final JdbcCallbackStore callbacks;
  private final int foundSchemaVersion;

  private JdbcStores(Database db, TokenCipher cipher, int foundSchemaVersion) {
    this.db = db;
    this.grants = new JdbcGrantStore(db, cipher);
    this.links = new JdbcLinkStore(db);
    this.pending = new JdbcPendingAuthorizationStore(db, cipher);
    this.journal = new JdbcPlanJournal(db);
    this.crossPosts = new JdbcCrossPostStore(db);
    this.callbacks = new JdbcCallbackStore(db);
    this.foundSchemaVersion = foundSchemaVersion;
  }

  /**
   * Starts building stores on a data source (a connection pool in production).
   *
   * @param dataSource where connections come from
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Starts building stores on a JDBC URL, opening a connection per operation: for an embedded H2
   * database ({@code jdbc:h2:file:./data/socialink}) or tools; use a pooled data source for a server.
   *
   * @param url the JDBC URL; its driver must be on the class path
   * @param user the user
   * @param password the password
   * @return the builder
   */
  public static Builder builder(String url, String user, String password) {
    return new Builder(new UrlDataSource(url, user, password));
  }

  /**
   * The six stores, all in the database, for {@code Socialink.builder().stores(...)}.
   *
   * @return the stores
   */
  public Stores stores() {
    return new Stores(grants, links, pending, journal, crossPosts, callbacks);
  }

  /**
   * The grant store.
   *
   * @return the store
   */
  public JdbcGrantStore grants() {
    return grants;
  }

  /**
   * The link store.
   *
   * @return the store
   */
  public JdbcLinkStore links() {
    return links;
  }

  /**
   * The pending authorization store.
   *
   * @return the store
   */
  public JdbcPendingAuthorizationStore pending() {
    return pending;
  }

  /**
   * The plan journal.
   *
   * @return the journal
   */
  public JdbcPlanJournal journal() {
    return journal;
  }

  /**
   * The cross-post rules, cursors and journal.
   *
   * @return the store
   */
  public JdbcCrossPostStore crossPosts() {
    return crossPosts;
  }

  /**
   * What the callback intake remembers: deliveries acted on and data deletions.
   *
   * @return the store
   */
  public JdbcCallbackStore callbacks() {
    return callbacks;
  }

  /**
   * The table prefix.
   *
   * @return the prefix
   */
  public String tablePrefix() {
    return db.prefix();
  }

  /**
   * The schema version the database was at when these stores started, 0 if there were no tables.
   *
   * @return the version found
   */
  public int foundSchemaVersion() {
    return foundSchemaVersion;
  }

  /**
   * The schema version this library reads and writes.
   *
   * @return the version
   */
  public static int schemaVersion() {
    return Schema.LATEST;
  }

  /**
   * Rewrites every token and verifier stored under a key other than the primary one with the primary
   * key, after a key rotation; afterwards the old key may be dropped from the {@link KeyProvider}. Safe
   * while the stores are in use: a grant changed meanwhile is skipped, its writer used the primary key.
   * Versions do not change.
   *
   * @return how many rows were rewritten
   * @throws StoreEncryptionException if a stored value cannot be decrypted with the keys supplied
   */
  public int reencrypt() {
    return grants.reencrypt() + pending.reencrypt();
  }

  @Override
  public String toString() {
    return "JdbcStores[dialect=" + db.dialect() + ", tablePrefix=" + db.prefix() + "]";
  }

  /** Builds {@link JdbcStores}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private KeyProvider keys;
    private String prefix = DEFAULT_TABLE_PREFIX;
    private SchemaMode schema = SchemaMode.CREATE_OR_UPGRADE;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the keys that encrypt tokens. Required: there is no default key.
     *
     * @param provider the key provider
     * @return this builder
     */
    public Builder keys(KeyProvider provider) {
      this.keys = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the prefix of every table name; {@value JdbcStores#DEFAULT_TABLE_PREFIX} by default.
     *
     * @param tablePrefix the prefix, matching {@link JdbcStores#TABLE_PREFIX}
     * @return this builder
     * @throws IllegalArgumentException if it does not match
     */
    public Builder tablePrefix(String tablePrefix) {
      Objects.requireNonNull(tablePrefix, "tablePrefix");
      if (!TABLE_PREFIX.matcher(tablePrefix).matches()) {
        throw new IllegalArgumentException("a table prefix is empty, or a lower-case letter or '_' then up to 29"
            + " lower-case letters, digits or '_'; got '" + tablePrefix + "'");
      }
      this.prefix = tablePrefix;
      return this;
    }

    /**
     * Sets what happens to the schema at start; {@link SchemaMode#CREATE_OR_UPGRADE} by default.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder schema(SchemaMode mode) {
      this.schema = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Connects, checks the keys, and creates, upgrades or validates the schema.
     *
     * @return the stores
     * @throws io.socialink.error.ConfigurationException if no key provider was set
     * @throws StoreEncryptionException if the primary key is unknown to the provider or not an AES key
     * @throws SchemaVersionException if the schema is newer than this library, or missing or older
     *     under {@link SchemaMode#VALIDATE}
     * @throws JdbcStoreException if the database fails
     */
    public JdbcStores build() {
      if (keys == null) {
        throw new io.socialink.error.ConfigurationException(io.socialink.error.Classification.of(
            io.socialink.error.ErrorCategory.CONFIGURATION, "", 0, "JdbcStores needs a KeyProvider to encrypt tokens;"
                + " there is no default key").withRemediation("Call keys(KeyProvider.of(...)) with keys from your vault"
                + " or KMS."), null, 1);
      }
      TokenCipher cipher = new TokenCipher(keys, new SecureRandom());
      // Fails now, not at the first save, when the primary key is missing or unusable.
      cipher.seal(io.socialink.Secret.of("probe"), "key check");
      Dialect dialect = new Database(dataSource, Dialect.H2, prefix).autoCommit("connect", Dialect::of);
      Database db = new Database(dataSource, dialect, prefix);
      if (dialect == Dialect.H2) {
        // H2 writes a commit to its file only after WRITE_DELAY (500 ms by default): a process killed in
        // that time loses what it saw committed, and a resumed unlink plan would repeat steps its journal
        // held done. Write at each commit instead (a persistent setting of the database).
        db.autoCommit("make H2 write every commit at once", c -> {
          try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
          }
          return null;
        });
      }
      int found = Schema.prepare(db, schema);
      return new JdbcStores(db, cipher, found);
    }
  }
}
