/**
 * A third-party Socialink provider for Pebble, a small fictional platform. It depends on
 * socialink-core only.
 */
module com.example.pebble {
  requires transitive io.socialink.core;

  exports com.example.pebble;

  provides io.socialink.spi.PlatformProvider with com.example.pebble.PebbleProvider;
}
