package io.socialink.jdbc;

/** What {@link JdbcStores} does with the database's schema when it starts. */
public enum SchemaMode {
  /** Creates the tables when there are none and applies the missing versioned scripts. */
  CREATE_OR_UPGRADE,
  /**
   * Changes nothing: the tables must already be at this library's version (applied by Flyway,
   * Liquibase or a DBA from the scripts in the jar).
   */
  VALIDATE
}
