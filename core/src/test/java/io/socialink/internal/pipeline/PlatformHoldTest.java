package io.socialink.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.error.RateLimitedException;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.Transport;
import io.socialink.spi.Sleeper;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.HeaderRateLimitInterpreter;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingListener;
import io.socialink.testsupport.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A throttling answer holds the call's budget until the platform's announced reset and no longer,
 * whatever the declared limit; when the hold ends, the callers that waited go one answer at a time,
 * as far as the platform's reported remaining allows, instead of all at once.
 */
class PlatformHoldTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final RateLimitPolicy DECLARED = RateLimitPolicy.perUser("tweets", 75, Duration.ofMinutes(15));

  final MutableClock clock = new MutableClock(T0);
  final RecordingListener events = new RecordingListener();
  final AtomicInteger sent = new AtomicInteger();

  CallPipeline pipeline(Sleeper sleeper, IntFunction<ApiResponse> answers) {
    Transport transport = request -> answers.apply(sent.incrementAndGet());
    PipelineConfig config = new PipelineConfig(RetryPolicy.disabled(), CircuitBreakerPolicy.ofDefaults(),
        List.of(DECLARED), Duration.ofSeconds(30), events, sleeper, new HalfRandom(), clock);
    return new CallPipeline("test", transport, new HeaderRateLimitInterpreter(), config);
  }

  static ApiCall tweet() {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create("https://api.test.example/2/tweets")).build();
    return new ApiCall("test", "tweets", request, Idempotency.IDEMPOTENT, "client-1", Optional.of("test:alice"));
  }

  static ApiResponse ok(long remaining, Instant reset) {
    return new ApiResponse(200, Headers.of("x-rate-limit-limit", "75", "x-rate-limit-remaining",
        Long.toString(remaining), "x-rate-limit-reset", Long.toString(reset.getEpochSecond())), new byte[0]);
  }

  @Test
  void aRetryAfterHoldsTheEndpointForItsSecondsNotForTheDeclaredWindow() {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    CallPipeline p = pipeline(sleeper, n -> n == 1
        ? new ApiResponse(429, Headers.of("Retry-After", "3"), new byte[0])
        : ok(74, T0.plus(Duration.ofMinutes(15))));

    assertThatThrows(p);
    p.execute(tweet());
    p.execute(tweet());

    assertThat(sent).hasValue(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aSpentBudgetWithAResetFourSecondsAheadHoldsFourSecondsNotTheDeclaredWindow() {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    Instant reset = T0.plusSeconds(4);
    CallPipeline p = pipeline(sleeper, n -> n == 1
        ? new ApiResponse(429, Headers.of("x-rate-limit-remaining", "0", "x-rate-limit-reset",
            Long.toString(reset.getEpochSecond())), new byte[0])
        : ok(74, T0.plus(Duration.ofMinutes(15))));

    RateLimitedException e = assertThatThrows(p);
    p.execute(tweet());

    assertThat(e.retryAt()).contains(reset);
    assertThat(sent).hasValue(2);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void waitersReleasedByAHoldGoOneAnswerAtATimeWithinWhatThePlatformSaysRemains() throws Exception {
    // The platform refuses with Retry-After: 4; after the reset its budget has room for two calls.
    // Three callers wait out the hold together (the sleeper lets them go only once all three wait).
    Instant windowEnd = T0.plus(Duration.ofMinutes(15));
    AtomicReference<Instant> wakeAt = new AtomicReference<>(T0);
    CyclicBarrier together = new CyclicBarrier(3,
        () -> clock.advance(Duration.between(clock.instant(), wakeAt.get())));
    Sleeper sleeper = duration -> {
      Instant target = clock.instant().plus(duration);
      wakeAt.accumulateAndGet(target, (a, b) -> a.isAfter(b) ? a : b);
      try {
        together.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the three callers did not all wait out the hold", e);
      }
    };
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    CallPipeline p = pipeline(sleeper, n -> {
      ApiResponse r;
      if (n == 1) {
        r = new ApiResponse(429, Headers.of("Retry-After", "4"), new byte[0]);
      } else if (n == 2) {
        r = ok(1, windowEnd);
      } else if (n == 3) {
        r = ok(0, windowEnd);
      } else {
        r = new ApiResponse(429, Headers.of("x-rate-limit-remaining", "0", "x-rate-limit-reset",
            Long.toString(windowEnd.getEpochSecond())), new byte[0]);
      }
      statuses.add(r.status());
      return r;
    });
    assertThatThrows(p);

    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        outcomes.add(pool.submit(() -> {
          try {
            return p.execute(tweet()).status();
          } catch (RateLimitedException e) {
            return e.httpStatus() == 0 ? -1 : e.httpStatus();
          }
        }));
      }
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : outcomes) {
        results.add(f.get(20, TimeUnit.SECONDS));
      }

      // Two were sent and both answered 200; the third was not sent at all: the second answer said
      // the budget was spent until the window's end, beyond the maximum wait, so it failed fast.
      assertThat(sent).hasValue(3);
      assertThat(statuses).containsExactly(429, 200, 200);
      assertThat(results).containsExactlyInAnyOrder(200, 200, -1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallerWhoseAttemptGotNoAnswerGivesItsTurnToTheNextOne() {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    Transport transport = request -> {
      int n = sent.incrementAndGet();
      if (n == 1) {
        return new ApiResponse(429, Headers.of("Retry-After", "2"), new byte[0]);
      }
      if (n == 2) {
        throw new java.io.IOException("connection reset");
      }
      return ok(74, T0.plus(Duration.ofMinutes(15)));
    };
    PipelineConfig config = new PipelineConfig(RetryPolicy.disabled(), CircuitBreakerPolicy.ofDefaults(),
        List.of(DECLARED), Duration.ofSeconds(30), events, sleeper, new HalfRandom(), clock);
    CallPipeline p = new CallPipeline("test", transport, new HeaderRateLimitInterpreter(), config);
    assertThatThrows(p);

    // The first caller after the hold gets no answer; had it kept its turn, the next would wait forever.
    Throwable reset = org.assertj.core.api.Assertions.catchThrowable(() -> p.execute(tweet()));
    ApiResponse next = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> p.execute(tweet()));

    assertThat(reset).isInstanceOf(io.socialink.error.TransientException.class);
    assertThat(next.status()).isEqualTo(200);
    assertThat(sent).hasValue(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  private RateLimitedException assertThatThrows(CallPipeline p) {
    try {
      p.execute(tweet());
    } catch (RateLimitedException e) {
      return e;
    } catch (SocialinkException e) {
      throw new AssertionError("expected a rate-limit failure", e);
    }
    throw new AssertionError("expected a rate-limit failure");
  }
}
