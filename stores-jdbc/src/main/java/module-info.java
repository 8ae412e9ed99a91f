/**
 * Socialink's stores on a relational database in plain JDBC: grants, links, pending authorizations,
 * the unlink journal, the cross-post journal and the callback intake's records on PostgreSQL and H2,
 * tokens encrypted at rest with AES-GCM.
 */
module io.socialink.jdbc {
  requires transitive io.socialink.core;
  requires transitive java.sql;
  requires org.slf4j;

  exports io.socialink.jdbc;
}
