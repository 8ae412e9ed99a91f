package io.socialink.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The PostgreSQL of a JDBC benchmark: the one a JDBC URL names, or one started from Maven artifacts. */
final class BenchPostgres implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final DataSource source;
  private final String description;

  private BenchPostgres(EmbeddedPostgres embedded, DataSource source, String description) {
    this.embedded = embedded;
    this.source = source;
    this.description = description;
  }

  /** Connects to {@code url} (user and password in it), or starts an embedded server when it is null. */
  static BenchPostgres open(String url) throws IOException {
    if (url != null) {
      return new BenchPostgres(null, new UrlSource(url), "PostgreSQL at " + url.replaceAll("password=[^&]*", "password=****"));
    }
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    return new BenchPostgres(pg, pg.getPostgresDatabase(), "embedded PostgreSQL on 127.0.0.1:" + pg.getPort());
  }

  DataSource source() {
    return source;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** Connections straight from the driver. */
  private static final class UrlSource extends SmallPoolSupport {
    private final String url;

    UrlSource(String url) {
      this.url = url;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }
  }
}
