package io.socialink.benchmarks;

import io.socialink.Socialink;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bare client and the pipeline measured in alternation inside one JVM, so that each comparison
 * is made between neighbouring iterations of the same fork. Over loopback on two cores, the speed of
 * the JDK's HTTP stack drifts by ±20% from one fork to the next and within a fork (its selector and
 * executor threads, the stub server and the callers all share the two cores), which is far more
 * than the few percent being tested; {@link PipelineOverhead} and {@link PipelineConcurrency}, which
 * measure each path in forks of its own, cannot resolve it. Here the iterations run in blocks of four,
 * bare, pipeline, pipeline, bare: each block gives one ratio (pipeline ÷ bare throughput), in which a
 * drift that is linear over the block cancels. {@link PipelineOverheadMain} reports the mean of the
 * blocks' ratios over every fork with its 99.9% confidence interval.
 *
 * <p>Both paths are exactly those of {@link PipelineConcurrency}: the same GET with an Authorization
 * header, to the same stub, parsed into the same record; one benchmark with {@value #CALLERS} callers,
 * one with a single caller. The warm-up alternates too, so both paths are compiled before the first
 * block counts.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = PipelineAlternating.WARMUP_ITERATIONS, time = 2)
@Measurement(iterations = PipelineAlternating.MEASURED_ITERATIONS, time = 1)
public class PipelineAlternating {
  /** How many callers run at once in {@link #alternatingCallers()}. */
  static final int CALLERS = 64;
  /** Warm-up iterations: whole blocks, so that the measured ones start a block. */
  static final int WARMUP_ITERATIONS = 16;
  /** Measured iterations per fork: whole blocks of four. */
  static final int MEASURED_ITERATIONS = 40;
  /**
   * A system property of the forked JVM: when set to n &gt; 0, every pipeline call first spends
   * {@code Blackhole.consumeCPU(n)}, a known extra cost that the reported ratio must show; e.g.
   * {@code -jvmArgsAppend -Dbench.burnTokens=2000}.
   */
  static final String BURN_PROPERTY = "bench.burnTokens";
  /**
   * A system property of the forked JVM: when true, the pipeline runs with its breaker off, no declared
   * limits and no rate-limit headers read, to show what its stages cost on their own; e.g.
   * {@code -jvmArgsAppend -Dbench.skeleton=true}.
   */
  static final String SKELETON_PROPERTY = "bench.skeleton";

  private Loopback loopback;
  private BenchProvider.BenchClient socialink;
  private int iteration;
  private volatile boolean pipeline;

  /**
   * Whether iteration {@code i} of a fork (warm-up included, from 0) runs the pipeline: blocks of four,
   * bare, pipeline, pipeline, bare.
   *
   * @param i the iteration
   * @return true for the pipeline, false for the bare client
   */
  static boolean pipelineAt(int i) {
    int inBlock = i % 4;
    return inBlock == 1 || inBlock == 2;
  }

  /** Starts the server and both clients. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    loopback = new Loopback();
    long burn = Long.getLong(BURN_PROPERTY, 0);
    boolean skeleton = Boolean.getBoolean(SKELETON_PROPERTY);
    UnaryOperator<Socialink.Builder> burning = burn <= 0 ? b -> b : b -> b.addInterceptor(chain -> {
      // A known extra cost on the pipeline's path only, to show that the comparison sees it.
      Blackhole.consumeCPU(burn);
      return chain.proceed(chain.call());
    });
    socialink = skeleton
        ? loopback.socialink(new BenchProvider(loopback.uri(), true), b -> burning.apply(
            b.resilience(ResilienceSettings.ofDefaults().withCircuitBreaker(CircuitBreakerPolicy.disabled()))))
        : loopback.socialink(burning);
  }

  /** Chooses the path of the iteration about to run; JMH calls it once per iteration, callers waiting. */
  @Setup(Level.Iteration)
  public void nextIteration() {
    pipeline = pipelineAt(iteration++);
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    loopback.close();
  }

  /**
   * {@value #CALLERS} callers at once, on the path of the iteration.
   *
   * @return the profile
   */
  @Benchmark
  @Threads(CALLERS)
  public Profile alternatingCallers() throws IOException, InterruptedException {
    return call();
  }

  /**
   * One caller, on the path of the iteration.
   *
   * @return the profile
   */
  @Benchmark
  @Threads(1)
  public Profile alternatingOneCaller() throws IOException, InterruptedException {
    return call();
  }

  private Profile call() throws IOException, InterruptedException {
    return pipeline ? socialink.me(Loopback.TOKEN) : loopback.bareCall();
  }
}
