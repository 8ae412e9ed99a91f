package io.socialink.unlink;

import java.util.Objects;

/**
 * How a bulk unlink runs.
 *
 * @param concurrency how many plans execute at once, at least 1; the rate limits of each platform
 *     pace the calls within that bound, so more concurrency does not mean more throttling
 * @param listener hears each link's outcome and the progress
 */
public record BulkUnlinkOptions(int concurrency, BulkUnlinkListener listener) {
  /** The concurrency when none is given. */
  public static final int DEFAULT_CONCURRENCY = 4;

  /** Validates the components. */
  public BulkUnlinkOptions {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("concurrency must be between 1 and 256; got " + concurrency);
    }
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * {@value #DEFAULT_CONCURRENCY} plans at once, no listener.
   *
   * @return the options
   */
  public static BulkUnlinkOptions defaults() {
    return new BulkUnlinkOptions(DEFAULT_CONCURRENCY, BulkUnlinkListener.NONE);
  }

  /**
   * These options with another concurrency.
   *
   * @param n plans at once
   * @return the options
   */
  public BulkUnlinkOptions withConcurrency(int n) {
    return new BulkUnlinkOptions(n, listener);
  }

  /**
   * These options with a listener.
   *
   * @param l the listener
   * @return the options
   */
  public BulkUnlinkOptions withListener(BulkUnlinkListener l) {
    return new BulkUnlinkOptions(concurrency, l);
  }
}
