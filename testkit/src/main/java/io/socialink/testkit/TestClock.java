package io.socialink.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so expiry (a 30-second authorization code, a
 * two-hour access token, a rate-limit window) is tested without waiting. Share one instance between
 * the {@link io.socialink.Socialink} under test and an emulator. Thread-safe.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * clock.advance(Duration.ofSeconds(31));
 * }</pre>
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at an instant, in UTC.
   *
   * @param start the instant
   * @return the clock
   */
  public static TestClock at(Instant start) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @param amount a non-negative duration
   * @return the new instant
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward; got " + amount);
    }
    return now.updateAndGet(i -> i.plus(amount));
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a clock sharing this one's instant, in another zone. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(now, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
