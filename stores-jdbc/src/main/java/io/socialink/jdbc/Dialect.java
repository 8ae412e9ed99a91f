package io.socialink.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the stores run on; each has its own schema scripts. */
enum Dialect {
  /** PostgreSQL. */
  POSTGRESQL("postgresql"),
  /** H2, the embedded default. */
  H2("h2");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The resource folder of the dialect's versioned scripts, outside any package so any module may read it. */
  String scripts() {
    return "socialink-schema/" + folder;
  }

  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new SQLException("Socialink's JDBC stores run on PostgreSQL and H2, not on " + product, "0A000");
  }
}
