package io.socialink.testsupport;

import io.socialink.spi.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Records every wait and moves the clock by it instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<Integer> requestsSeenAtSleep = new ArrayList<>();
  private IntSupplier requestCounter = () -> -1;

  public RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  /** Also notes how many requests the server had seen when each wait began. */
  public RecordingSleeper countingRequests(IntSupplier counter) {
    this.requestCounter = counter;
    return this;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    requestsSeenAtSleep.add(requestCounter.getAsInt());
    clock.advance(duration);
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized List<Integer> requestsSeenAtSleep() {
    return List.copyOf(requestsSeenAtSleep);
  }
}
