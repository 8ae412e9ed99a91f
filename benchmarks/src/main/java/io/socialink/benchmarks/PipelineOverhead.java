package io.socialink.benchmarks;

import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.Transport;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same GET to a loopback stub server, parsed into the same record: (a) with a bare
 * {@link HttpClient} and Jackson, (b) through Socialink's whole pipeline (retry, circuit breaker, rate
 * limiter with declared limits and header observations, interpretation, the provider's JSON codec).
 * Both build a request with an Authorization header per call, as a real caller does, and both use
 * an HTTP/1.1 client that does not follow redirects, as Socialink's transport does.
 *
 * <p>Two more benchmarks take the network out to show the pipeline's own CPU cost: the same parse
 * of the same bytes, (c) alone and (d) behind the whole pipeline with a transport that answers from
 * memory.
 *
 * <p>The stub server runs with {@code sun.net.httpserver.nodelay=true}: without it, its separate
 * header and body writes meet Nagle's algorithm and delayed ACKs, and every call takes about 40 ms of
 * pure TCP waiting on either path.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineOverhead {
  private Loopback loopback;
  private BenchProvider.BenchClient socialink;
  private BenchProvider.BenchClient inMemory;

  /** Starts the server and both clients. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    loopback = new Loopback();
    socialink = loopback.socialink(b -> b);
    ApiResponse canned = new ApiResponse(200, Headers.of("content-type", "application/json; charset=utf-8",
        "x-rate-limit-limit", "1000000000", "x-rate-limit-remaining", "999999999", "x-rate-limit-reset", "4102444800"),
        StubServer.BODY);
    Transport memory = request -> canned;
    inMemory = loopback.socialink(b -> b.transport(memory));
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    loopback.close();
  }

  /**
   * (a) The bare JDK client, parsing with Jackson.
   *
   * @return the profile
   */
  @Benchmark
  @Warmup(iterations = 12, time = 2)
  @Measurement(iterations = 8, time = 2)
  public Profile bareHttpClient() throws IOException, InterruptedException {
    return loopback.bareCall();
  }

  /**
   * (b) The whole Socialink pipeline.
   *
   * @return the profile
   */
  @Benchmark
  @Warmup(iterations = 12, time = 2)
  @Measurement(iterations = 8, time = 2)
  public Profile socialinkPipeline() {
    return socialink.me(Loopback.TOKEN);
  }

  /**
   * (c) No network: Jackson parsing the stub's body.
   *
   * @return the profile
   */
  @Benchmark
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Profile inMemoryParseOnly() throws IOException {
    return loopback.mapper().readValue(StubServer.BODY, Profile.class);
  }

  /**
   * (d) No network: the whole pipeline over a transport answering from memory, then the same parse.
   *
   * @return the profile
   */
  @Benchmark
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Profile inMemoryPipeline() {
    return inMemory.me(Loopback.TOKEN);
  }
}
