package io.socialink.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.Sleeper;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingSleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Declared limits with a sliding window, driven on the injected clock: the instant each attempt goes is
 * the clock's time when {@link RateLimiters#acquire} returns (the recording sleeper moves the clock by
 * every wait). Every test counts the attempts in every span of the window, starting at every attempt's
 * instant, which is where the fullest span of a window starts.
 */
class RateLimitersSlidingTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration MINUTE = Duration.ofMinutes(1);

  final MutableClock clock = new MutableClock(T0);
  final RecordingSleeper sleeper = new RecordingSleeper(clock);

  RateLimiters limiters(Duration maxWait, RateLimitPolicy... policies) {
    return limiters(clock, sleeper, maxWait, policies);
  }

  static RateLimiters limiters(Clock clock, Sleeper sleeper, Duration maxWait, RateLimitPolicy... policies) {
    return new RateLimiters("test", List.of(policies), maxWait, clock, sleeper, (call, wait, until, failedFast) -> { });
  }

  static ApiCall call(String group, String user) {
    return new ApiCall("test", group, ApiRequest.newBuilder(HttpMethod.GET, URI.create("http://127.0.0.1/x")).build(),
        Idempotency.IDEMPOTENT, "client-1", Optional.of(user));
  }

  /** Acquires n permits for the call, one after the other, and returns the instants they went at. */
  List<Instant> send(RateLimiters rl, ApiCall call, int n) throws InterruptedException {
    List<Instant> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rl.release(rl.acquire(call), true);
      at.add(clock.instant());
    }
    return at;
  }

  /** The most instants within any span [start, start + window). */
  static int busiestSpan(List<Instant> instants, Duration window) {
    List<Instant> sorted = new ArrayList<>(instants);
    Collections.sort(sorted);
    int best = 0;
    int end = 0;
    for (int start = 0; start < sorted.size(); start++) {
      Instant limit = sorted.get(start).plus(window);
      while (end < sorted.size() && sorted.get(end).isBefore(limit)) {
        end++;
      }
      best = Math.max(best, end - start);
    }
    return best;
  }

  static Map<Duration, Integer> histogram(List<Instant> instants) {
    Map<Duration, Integer> h = new TreeMap<>();
    for (Instant i : instants) {
      h.merge(Duration.between(T0, i), 1, Integer::sum);
    }
    return h;
  }

  @Test
  void aBurstAcrossAWindowBoundaryNeverPutsMoreThanTheLimitInAny60SecondSpan() throws Exception {
    RateLimiters rl = limiters(Duration.ofMinutes(10), RateLimitPolicy.perApp("user.info", 600, MINUTE).sliding());
    List<Instant> sent = new ArrayList<>(send(rl, call("user.info", "u1"), 1));
    clock.advance(Duration.ofMillis(59_500));

    sent.addAll(send(rl, call("user.info", "u1"), 1200));

    assertThat(sent).hasSize(1201);
    assertThat(busiestSpan(sent, MINUTE)).isEqualTo(600);
    // 599 fit beside the first call; the 600th waits for the first to leave the window; then each
    // waits for the one 600 places earlier to leave it.
    assertThat(histogram(sent)).containsExactly(
        Map.entry(Duration.ZERO, 1),
        Map.entry(Duration.ofMillis(59_500), 599),
        Map.entry(Duration.ofSeconds(60), 1),
        Map.entry(Duration.ofMillis(119_500), 599),
        Map.entry(Duration.ofSeconds(120), 1));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(59_500),
        Duration.ofMillis(500));
  }

  @Test
  void aFixedWindowLetsTwiceTheLimitThroughAcrossItsBoundary() throws Exception {
    // Why TikTok's limits are declared sliding: the fixed window renews at once at its boundary.
    RateLimiters rl = limiters(Duration.ofMinutes(10), RateLimitPolicy.perApp("user.info", 600, MINUTE));
    List<Instant> sent = new ArrayList<>(send(rl, call("user.info", "u1"), 1));
    clock.advance(Duration.ofMillis(59_500));

    sent.addAll(send(rl, call("user.info", "u1"), 1200));

    assertThat(busiestSpan(sent, MINUTE)).isEqualTo(1199);
  }

  @Test
  void callsSpreadOverTimeGoWithoutWaitingWhileEverySpanHasRoom() throws Exception {
    RateLimiters rl = limiters(Duration.ZERO, RateLimitPolicy.perUser("post.publish.video.init", 6, MINUTE).sliding());
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sent.addAll(send(rl, call("post.publish.video.init", "u1"), 1));
      clock.advance(Duration.ofSeconds(10));
    }

    assertThat(sent).hasSize(60);
    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(busiestSpan(sent, MINUTE)).isEqualTo(6);
  }

  @Test
  void aCallThatWouldWaitLongerThanTheMaximumFailsFastAndReservesNothing() throws Exception {
    RateLimiters rl = limiters(Duration.ofSeconds(5), RateLimitPolicy.perUser("post.publish.video.init", 6, MINUTE)
        .sliding());
    ApiCall post = call("post.publish.video.init", "u1");
    List<Instant> sent = new ArrayList<>(send(rl, post, 6));
    clock.advance(Duration.ofSeconds(50));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> rl.acquire(post)).isInstanceOfSatisfying(AttemptFailure.class, f -> {
        assertThat(f.failure().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(f.failure().retryAt()).contains(T0.plusSeconds(60));
        assertThat(f.failure().getMessage()).contains("6 calls in any PT1M");
      });
    }
    clock.advance(Duration.ofSeconds(5));
    sent.addAll(send(rl, post, 6));

    // The refused calls took no permit: the next six go after a wait of 5 s, all at the first's turn.
    assertThat(histogram(sent)).containsExactly(Map.entry(Duration.ZERO, 6), Map.entry(Duration.ofSeconds(60), 6));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void aThrottlingAnswerWithoutATimeUsesUpTheWindowFromNow() throws Exception {
    RateLimiters rl = limiters(Duration.ofMinutes(5), RateLimitPolicy.perApp("user.info", 600, MINUTE).sliding());
    ApiCall info = call("user.info", "u1");
    send(rl, info, 1);
    clock.advance(Duration.ofSeconds(10));

    rl.throttledBy(info, Optional.empty());
    List<Instant> sent = send(rl, info, 2);

    assertThat(sent).containsExactly(T0.plusSeconds(70), T0.plusSeconds(70));
  }

  @Test
  void aCallOnSeveralSlidingBudgetsIsCountedByEachAtTheInstantItGoes() throws Exception {
    RateLimiters rl = limiters(Duration.ofMinutes(5),
        RateLimitPolicy.perUser("items", 3, MINUTE).sliding(),
        RateLimitPolicy.perApp("items", 4, MINUTE).sliding());
    List<Instant> alice = new ArrayList<>(send(rl, call("items", "alice"), 3));
    List<Instant> bob = new ArrayList<>(send(rl, call("items", "bob"), 1));
    alice.addAll(send(rl, call("items", "alice"), 1));
    bob.addAll(send(rl, call("items", "bob"), 4));
    List<Instant> app = new ArrayList<>(alice);
    app.addAll(bob);

    // Alice's fourth call waits for her own window and for the app's (full at T0), and both count it
    // at T0 + 60 s; bob's calls then fill the app's second minute.
    assertThat(alice).containsExactly(T0, T0, T0, T0.plusSeconds(60));
    assertThat(bob).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(60),
        T0.plusSeconds(120));
    assertThat(busiestSpan(alice, MINUTE)).isEqualTo(3);
    assertThat(busiestSpan(bob, MINUTE)).isEqualTo(3);
    assertThat(busiestSpan(app, MINUTE)).isEqualTo(4);
  }

  @Test
  void aFixedWindowsWaitComesBeforeTheSlidingWindowCountsTheCall() throws Exception {
    RateLimiters rl = limiters(Duration.ofMinutes(5),
        RateLimitPolicy.perUser("items", 1, MINUTE),
        RateLimitPolicy.perApp("items", 2, MINUTE).sliding());
    ApiCall appOnly = new ApiCall("test", "items",
        ApiRequest.newBuilder(HttpMethod.GET, URI.create("http://127.0.0.1/x")).build(), Idempotency.IDEMPOTENT,
        "client-1", Optional.empty());
    List<Instant> app = new ArrayList<>(send(rl, call("items", "alice"), 1));
    clock.advance(Duration.ofSeconds(30));
    app.addAll(send(rl, call("items", "alice"), 1));
    app.addAll(send(rl, appOnly, 2));

    // Alice's second call waits for her fixed window to renew (T0 + 60 s), and the app's sliding window
    // counts it then, not when it asked (T0 + 30 s): so the app-wide calls go at 60 s and 120 s.
    assertThat(app).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(busiestSpan(app, MINUTE)).isEqualTo(2);
  }

  @Test
  void limitsAboveTheExactLogAreCountedInSlotsAndStillNeverExceeded() throws Exception {
    int limit = RateLimitPolicy.EXACT_SLIDING_LIMIT + 952; // 3,000
    RateLimiters rl = limiters(Duration.ofMinutes(10), RateLimitPolicy.perApp("bulk", limit, MINUTE).sliding());
    List<Instant> sent = new ArrayList<>(send(rl, call("bulk", "u1"), 1000));
    clock.advance(Duration.ofMillis(59_700));

    sent.addAll(send(rl, call("bulk", "u1"), 2 * limit));

    assertThat(sent).hasSize(1000 + 2 * limit);
    assertThat(busiestSpan(sent, MINUTE)).isLessThanOrEqualTo(limit);
    // The exact log would end at 120 s (1,000 at 0, 2,000 at 59.7 s, then 1,000 at 60 s, 2,000 at
    // 119.7 s, 1,000 at 120 s); slots pace no faster, and no slower than an exact window of 129 slots of
    // 469 ms (60.501 s), which would end at 121.002 s.
    assertThat(clock.instant()).isBetween(T0.plusMillis(120_000), T0.plusMillis(121_002));
  }

  /**
   * Time that moves only while every worker sleeps, and then straight to the earliest wake-up: a
   * worker that reads the clock right after a permit is given reads the instant it was given at.
   */
  static final class VirtualTime implements Sleeper {
    final MutableClock clock;
    private final PriorityQueue<Instant> wakeUps = new PriorityQueue<>();
    private int running;

    VirtualTime(MutableClock clock, int workers) {
      this.clock = clock;
      this.running = workers;
    }

    @Override
    public synchronized void sleep(Duration d) throws InterruptedException {
      Instant target = clock.instant().plus(d);
      if (!target.isAfter(clock.instant())) {
        return;
      }
      wakeUps.add(target);
      running--;
      advanceWhenAllAsleep();
      while (clock.instant().isBefore(target)) {
        wait();
      }
    }

    synchronized void finished() {
      running--;
      advanceWhenAllAsleep();
    }

    private void advanceWhenAllAsleep() {
      if (running > 0 || wakeUps.isEmpty()) {
        return;
      }
      Instant next = wakeUps.peek();
      clock.advance(Duration.between(clock.instant(), next));
      while (!wakeUps.isEmpty() && !wakeUps.peek().isAfter(next)) {
        wakeUps.poll();
        running++;
      }
      notifyAll();
    }
  }

  @Test
  void manyThreadsOnSharedAndPerUserWindowsNeverExceedEitherLimit() throws Exception {
    int threads = 16;
    int perThread = 100;
    VirtualTime time = new VirtualTime(clock, threads);
    RateLimiters rl = limiters(clock, time, Duration.ofHours(1),
        RateLimitPolicy.perApp("items", 600, MINUTE).sliding(),
        RateLimitPolicy.perUser("items", 90, MINUTE).sliding());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<List<Instant>>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      // Two threads per user, so users' windows are contended as well as the app's.
      ApiCall c = call("items", "user-" + (t / 2));
      jobs.add(() -> {
        List<Instant> at = new ArrayList<>();
        try {
          for (int i = 0; i < perThread; i++) {
            rl.release(rl.acquire(c), true);
            at.add(clock.instant());
          }
        } finally {
          time.finished();
        }
        return at;
      });
    }
    List<Instant> all = new ArrayList<>();
    Map<Integer, List<Instant>> perUser = new TreeMap<>();
    try {
      List<Future<List<Instant>>> results = pool.invokeAll(jobs, 60, TimeUnit.SECONDS);
      for (int t = 0; t < threads; t++) {
        List<Instant> mine = results.get(t).get();
        all.addAll(mine);
        perUser.computeIfAbsent(t / 2, k -> new ArrayList<>()).addAll(mine);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(all).hasSize(threads * perThread);
    assertThat(busiestSpan(all, MINUTE)).isEqualTo(600);
    assertThat(perUser).hasSize(8).allSatisfy((u, at) -> {
      assertThat(at).hasSize(200);
      assertThat(busiestSpan(at, MINUTE)).isLessThanOrEqualTo(90);
    });
    // 720 calls want to go at once and the app lets exactly 600 of them; then each minute the app has
    // room for 600 again. Waiters race for freed room (there is no queue), so a user can lose the
    // race in the first two minutes; by the third only 400 calls are left, fewer than the app's 600,
    // so no user loses again, and even a user shut out twice sends its 200 by the fifth minute.
    assertThat(histogram(all)).containsEntry(Duration.ZERO, 600);
    assertThat(histogram(all).keySet()).allSatisfy(d -> assertThat(d.toMillis() % 60_000).isZero());
    assertThat(Collections.max(all)).isBeforeOrEqualTo(T0.plusSeconds(240));
  }
}
