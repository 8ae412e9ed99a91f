package io.socialink.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the default transport: timeouts, and how large a response it reads.
 *
 * <pre>{@code
 * TransportOptions options = TransportOptions.ofDefaults().withMaxResponseBytes(32 * 1024 * 1024);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole response
 * @param maxResponseBytes the largest response body read, in bytes; a longer one fails the call with a
 *     {@link ResponseTooLargeException} as soon as the limit is passed, without reading the rest.
 *     Platform API answers (profiles, tokens, errors, listings) are far below the default
 *     {@link #DEFAULT_MAX_RESPONSE_BYTES}; media is never downloaded through this limit
 */
public record TransportOptions(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes) {
  /** The default response limit: 8 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

  /** The largest response limit that can be set: the largest Java array. */
  public static final int LARGEST_MAX_RESPONSE_BYTES = Integer.MAX_VALUE - 8;

  /** Validates the components: timeouts positive, the response limit between 1 and {@link #LARGEST_MAX_RESPONSE_BYTES}. */
  public TransportOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive; got " + connectTimeout);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive; got " + requestTimeout);
    }
    if (maxResponseBytes < 1 || maxResponseBytes > LARGEST_MAX_RESPONSE_BYTES) {
      throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + LARGEST_MAX_RESPONSE_BYTES
          + "; got " + maxResponseBytes);
    }
  }

  /**
   * Timeouts with the default response limit, {@link #DEFAULT_MAX_RESPONSE_BYTES}.
   *
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for a whole response
   */
  public TransportOptions(Duration connectTimeout, Duration requestTimeout) {
    this(connectTimeout, requestTimeout, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * 10 seconds to connect, 30 seconds for a response, responses up to 8 MiB.
   *
   * @return the defaults
   */
  public static TransportOptions ofDefaults() {
    return new TransportOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * These options with another response limit.
   *
   * @param bytes the largest response body read, 1 to {@link #LARGEST_MAX_RESPONSE_BYTES}
   * @return the new options
   * @throws IllegalArgumentException if out of range
   */
  public TransportOptions withMaxResponseBytes(int bytes) {
    return new TransportOptions(connectTimeout, requestTimeout, bytes);
  }
}
