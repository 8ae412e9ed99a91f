package io.socialink.internal.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. The pipeline's only way to pass time, so that tests can record waits instead of sleeping.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for a duration.
   *
   * @param duration how long; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real sleeper: blocks the calling thread.
   *
   * @return the sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
      }
    };
  }
}
