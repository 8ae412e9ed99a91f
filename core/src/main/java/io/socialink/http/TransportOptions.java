package io.socialink.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of the default transport.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole response
 */
public record TransportOptions(Duration connectTimeout, Duration requestTimeout) {

  /** Validates the components: both positive. */
  public TransportOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive; got " + connectTimeout);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive; got " + requestTimeout);
    }
  }

  /**
   * 10 seconds to connect, 30 seconds for a response.
   *
   * @return the defaults
   */
  public static TransportOptions ofDefaults() {
    return new TransportOptions(Duration.ofSeconds(10), Duration.ofSeconds(30));
  }
}
