package io.socialink.spi;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. The library's only way to pass time: the pipeline's retry backoff and rate-limit holds, a
 * provider's polling (media processing, publish status), and waiting for another instance's refresh
 * all go through the one sleeper of a {@link io.socialink.Socialink}, so that tests can record waits
 * and move a clock instead of sleeping. Providers get it from {@code ProviderContext.sleeper()}.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(start);
 * Socialink socialink = Socialink.builder().clock(clock).sleeper(clock::advance).build();
 * }</pre>
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
