package io.socialink.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned schema scripts shipped in the jar ({@code socialink-schema/<dialect>/V<n>__<name>.sql},
 * named as Flyway expects, with the Flyway placeholder {@code ${table_prefix}}), and the initializer
 * that applies the missing ones. Every script records its own version in the
 * {@code <prefix>schema_version} table, so the tables read the same whether Socialink or Flyway applied
 * them.
 */
final class Schema {
  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  /** The scripts this library knows, oldest first; the last one's version is what the code needs. */
  static final List<Script> SCRIPTS = List.of(new Script(1, "stores"), new Script(2, "crosspost_callbacks"),
      new Script(3, "link_state_reason"), new Script(4, "grant_attributes"));
  /** The schema version this library reads and writes. */
  static final int LATEST = SCRIPTS.get(SCRIPTS.size() - 1).version();

  /** Serializes start-ups in this process; PostgreSQL start-ups in other processes wait on an advisory lock. */
  private static final Object LOCK = new Object();

  private Schema() {}

  /** One versioned script. */
  record Script(int version, String description) {
    String resource(Dialect dialect) {
      return dialect.scripts() + "/V" + version + "__" + description + ".sql";
    }
  }

  /**
   * Brings the schema to {@link #LATEST}, or checks it is there.
   *
   * @return the version found before any change
   */
  static int prepare(Database db, SchemaMode mode) {
    synchronized (LOCK) {
      return db.transaction("prepare the schema", c -> {
        if (db.dialect() == Dialect.POSTGRESQL) {
          try (Statement s = c.createStatement()) {
            // One start-up at a time across processes; released at commit.
            s.execute("SELECT pg_advisory_xact_lock(" + ("socialink:" + db.prefix()).hashCode() + ")");
          }
        }
        int found = version(c, db);
        if (found > LATEST) {
          throw new SchemaVersionException(found, LATEST, "the Socialink tables with prefix '" + db.prefix()
              + "' are at schema version " + found + ", newer than version " + LATEST + " that this socialink-jdbc"
              + " knows", "Use the socialink-jdbc version that upgraded the schema, or a newer one.");
        }
        if (found == LATEST) {
          return found;
        }
        if (mode == SchemaMode.VALIDATE) {
          throw new SchemaVersionException(found, LATEST, found == 0
              ? "there are no Socialink tables with prefix '" + db.prefix() + "'; this socialink-jdbc needs schema"
                  + " version " + LATEST
              : "the Socialink tables with prefix '" + db.prefix() + "' are at schema version " + found
                  + "; this socialink-jdbc needs version " + LATEST,
              "Apply the scripts in socialink-schema/" + db.dialect().scripts().substring("socialink-schema/".length())
                  + " of the socialink-jdbc jar, or build JdbcStores with SchemaMode.CREATE_OR_UPGRADE.");
        }
        for (Script script : SCRIPTS) {
          if (script.version() > found) {
            LOG.info("applying Socialink schema version {} ({}) with table prefix '{}'", script.version(),
                script.description(), db.prefix());
            for (String statement : statements(read(script.resource(db.dialect())), db.prefix())) {
              try (Statement s = c.createStatement()) {
                s.execute(statement);
              }
            }
          }
        }
        return found;
      });
    }
  }

  /** The recorded schema version, 0 when there is no version table. */
  static int version(Connection c, Database db) throws SQLException {
    if (!tableExists(c, db.table("schema_version"))) {
      return 0;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + db.table("schema_version"))) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT), table.toUpperCase(java.util.Locale.ROOT))) {
      try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, name, new String[] {"TABLE", "BASE TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema == null || schema.equalsIgnoreCase(c.getSchema())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static String read(String resource) {
    try (InputStream in = Schema.class.getModule().getResourceAsStream(resource)) {
      InputStream stream = in != null ? in : Schema.class.getClassLoader().getResourceAsStream(resource);
      Objects.requireNonNull(stream, () -> "the socialink-jdbc jar lacks " + resource);
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The script's statements, comments removed, the prefix put in. */
  static List<String> statements(String script, String prefix) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().replace("${table_prefix}", prefix).split(";")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return out;
  }
}
