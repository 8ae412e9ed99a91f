package io.socialink.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The data source, the dialect and the table prefix, with small JDBC helpers. Thread-safe. */
final class Database {
  /** Unique-key violation, the same SQL state on PostgreSQL and H2. */
  static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String prefix;

  Database(DataSource dataSource, Dialect dialect, String prefix) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  Dialect dialect() {
    return dialect;
  }

  String prefix() {
    return prefix;
  }

  /** A table's name with the prefix. */
  String table(String name) {
    return prefix + name;
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs work in auto-commit mode: each statement is its own transaction. */
  <T> T autoCommit(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  /** Runs work in one transaction, committed when it returns and rolled back when it throws. */
  <T> T transaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  /** Instants are kept to the microsecond, PostgreSQL's precision. */
  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static Optional<Instant> truncate(Optional<Instant> instant) {
    return instant.map(Database::truncate);
  }

  static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC));
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return optionalInstant(rs, column).orElseThrow(() -> new SQLException("column " + column + " is null"));
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof OffsetDateTime odt) {
      return Optional.of(odt.toInstant());
    }
    if (value instanceof Timestamp ts) {
      return Optional.of(ts.toInstant());
    }
    return Optional.of(rs.getObject(column, OffsetDateTime.class).toInstant());
  }

  static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /**
   * Inserts or replaces one row, in auto-commit mode: the update, else the insert, else (another
   * writer inserted the row in between) the update again. The same SQL on PostgreSQL and H2; the last
   * writer wins, as with a map's {@code put}.
   */
  static void upsert(Connection c, String update, Binder updateParameters, String insert, Binder insertParameters)
      throws SQLException {
    if (execute(c, update, updateParameters) == 1) {
      return;
    }
    try {
      execute(c, insert, insertParameters);
    } catch (SQLException e) {
      if (!isUniqueViolation(e) || execute(c, update, updateParameters) != 1) {
        throw e;
      }
    }
  }

  static int execute(Connection c, String sql, Binder parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.bind(ps);
      return ps.executeUpdate();
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
