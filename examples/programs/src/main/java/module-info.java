/** Runnable Socialink example programs. */
module io.socialink.examples {
  requires io.socialink.core;
  requires com.example.pebble;
  requires io.socialink.x;
  requires io.socialink.tiktok;
  requires io.socialink.instagram;
  requires io.socialink.testkit;
  requires io.socialink.micrometer;
  requires io.socialink.jdbc;
  requires com.h2database;
  requires jdk.httpserver;
  requires java.net.http;

  exports io.socialink.examples;
  exports io.socialink.examples.readme;
}
