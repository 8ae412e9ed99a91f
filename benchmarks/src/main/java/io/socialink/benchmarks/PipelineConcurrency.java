package io.socialink.benchmarks;

import io.socialink.Socialink;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@value #CALLERS} callers at once against the same loopback stub as {@link PipelineOverhead}: (a)
 * sharing one bare {@link HttpClient}, (b) sharing one {@link Socialink} and calling one platform for
 * one user, so that every call goes through the same circuit breaker, the same rate-limit budgets
 * (declared per-user and per-app limits, header observations) and the same caches. Measures
 * throughput in calls per second over all callers; the average latency of a call is
 * {@value #CALLERS} divided by it. The warm-up is long (15 × 2 s): with 64 callers on two cores the JIT
 * compiler threads get little time, and after 6 × 2 s the pipeline's measurements still climbed from
 * one iteration to the next.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Threads(PipelineConcurrency.CALLERS)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineConcurrency {
  /** How many callers run at once. */
  static final int CALLERS = 64;

  private Loopback loopback;
  private BenchProvider.BenchClient socialink;

  /** Starts the server and both clients. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    loopback = new Loopback();
    socialink = loopback.socialink(b -> b);
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    loopback.close();
  }

  /**
   * (a) {@value #CALLERS} callers of one bare JDK client, parsing with Jackson.
   *
   * @return the profile
   */
  @Benchmark
  public Profile concurrentBareHttpClient() throws IOException, InterruptedException {
    return loopback.bareCall();
  }

  /**
   * (b) {@value #CALLERS} callers of one Socialink, one platform, one user.
   *
   * @return the profile
   */
  @Benchmark
  public Profile concurrentSocialinkPipeline() {
    return socialink.me(Loopback.TOKEN);
  }
}
