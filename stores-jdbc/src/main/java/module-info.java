/**
 * Socialink's stores on a relational database in plain JDBC: grants, links, pending authorizations
 * and the unlink journal on PostgreSQL and H2, tokens encrypted at rest with AES-GCM.
 */
module io.socialink.jdbc {
  requires transitive io.socialink.core;
  requires transitive java.sql;
  requires org.slf4j;

  exports io.socialink.jdbc;
}
