/** Binds Socialink's call pipeline events to Micrometer. */
module io.socialink.micrometer {
  requires transitive io.socialink.core;
  requires transitive micrometer.core;

  exports io.socialink.micrometer;
}
