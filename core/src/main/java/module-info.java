/**
 * Socialink core: the model, the provider SPI, the call pipeline, error classification and stores.
 *
 * <p>Providers are discovered with {@link java.util.ServiceLoader} through
 * {@link io.socialink.spi.PlatformProvider}. Packages named {@code internal} are not API and are
 * exported to no one.
 */
module io.socialink.core {
  requires transitive java.net.http;
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires io.github.resilience4j.retry;
  requires io.github.resilience4j.circuitbreaker;
  requires io.github.resilience4j.core;
  requires org.slf4j;
  // Only JdkHttpCallbackHandler needs it; an application that uses it has the module anyway.
  requires static jdk.httpserver;

  exports io.socialink;
  exports io.socialink.audit;
  exports io.socialink.auth;
  exports io.socialink.crosspost;
  exports io.socialink.error;
  exports io.socialink.event;
  exports io.socialink.http;
  exports io.socialink.link;
  exports io.socialink.platform;
  exports io.socialink.publish;
  exports io.socialink.resilience;
  exports io.socialink.spi;
  exports io.socialink.store;
  exports io.socialink.store.memory;
  exports io.socialink.unlink;
  exports io.socialink.webhook;

  opens io.socialink.internal.json to com.fasterxml.jackson.databind;

  uses io.socialink.spi.PlatformProvider;
}
