package io.socialink.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PipelineOverhead}, {@link PipelineConcurrency} and {@link PipelineAlternating} with the
 * GC profiler and the warm-up and measurement their annotations set (12 × 2 s and 8 × 2 s over the
 * network, where the JDK's HTTP stack needs about 20 s to warm up on two cores; 5 × 1 s and 5 × 1 s in
 * memory; 15 × 2 s and 5 × 2 s for the 64 callers; 16 × 2 s and 40 × 1 s alternating), then prints
 * the pipeline / bare ratios of average time, of throughput and of bytes allocated per call: for the
 * benchmarks measured in forks of their own with the errors propagated from JMH's 99.9% margins, for
 * the alternating ones as the mean of the blocks' ratios with its 99.9% interval. JMH's own
 * command-line options apply, e.g. {@code -f 3} for three forks per benchmark (one by default: about
 * 5 min; three forks: about 15 min); benchmarks named on the command line run instead of all of them
 * (e.g. {@code PipelineAlternating}).
 */
public final class PipelineOverheadMain {
  private PipelineOverheadMain() {}

  /**
   * Runs the benchmark.
   *
   * @param args JMH command-line options, e.g. {@code -f 3}
   * @throws RunnerException if JMH fails
   * @throws CommandLineOptionException if the options are malformed
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions commandLine = new CommandLineOptions(args);
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(commandLine).addProfiler(GCProfiler.class);
    if (commandLine.getIncludes().isEmpty()) {
      // Benchmarks named on the command line (e.g. PipelineAlternating) run instead of all three.
      builder.include(PipelineOverhead.class.getName() + "\\.")
          .include(PipelineConcurrency.class.getName() + "\\.")
          .include(PipelineAlternating.class.getName() + "\\.");
    }
    Options options = builder.build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println("PipelineOverhead summary (time: average ± 99.9% margin; allocation: gc.alloc.rate.norm)");
    Optional<RunResult> bare = find(results, "bareHttpClient");
    Optional<RunResult> pipeline = find(results, "socialinkPipeline");
    if (bare.isPresent() && pipeline.isPresent()) {
      compare("over loopback HTTP", bare.get(), pipeline.get(), true);
    }
    Optional<RunResult> parse = find(results, "inMemoryParseOnly");
    Optional<RunResult> memory = find(results, "inMemoryPipeline");
    if (parse.isPresent() && memory.isPresent()) {
      compare("in memory (no network)", parse.get(), memory.get(), false);
    }
    Optional<RunResult> concurrentBare = find(results, "concurrentBareHttpClient");
    Optional<RunResult> concurrentPipeline = find(results, "concurrentSocialinkPipeline");
    if (concurrentBare.isPresent() && concurrentPipeline.isPresent()) {
      compareThroughput(concurrentBare.get(), concurrentPipeline.get());
    }
    find(results, "alternatingCallers").ifPresent(r ->
        compareAlternating("alternating in one JVM, " + PipelineAlternating.CALLERS + " callers", r));
    find(results, "alternatingOneCaller").ifPresent(r -> compareAlternating("alternating in one JVM, one caller", r));
  }

  private static void compareAlternating(String title, RunResult run) {
    int warmup = run.getParams().getWarmup().getCount();
    List<Double> throughput = new ArrayList<>();
    List<Double> latency = new ArrayList<>();
    double[] bareAlloc = new double[2];
    double[] pipelineAlloc = new double[2];
    for (BenchmarkResult fork : run.getBenchmarkResults()) {
      List<IterationResult> iterations = new ArrayList<>(fork.getIterationResults());
      double[] scores = new double[iterations.size()];
      for (int i = 0; i < scores.length; i++) {
        IterationResult it = iterations.get(i);
        scores[i] = it.getPrimaryResult().getScore();
        Result<?> alloc = it.getSecondaryResults().get("gc.alloc.rate.norm");
        if (alloc != null && !Double.isNaN(alloc.getScore())) {
          double[] sum = PipelineAlternating.pipelineAt(warmup + i) ? pipelineAlloc : bareAlloc;
          sum[0] += alloc.getScore();
          sum[1]++;
        }
      }
      for (double r : Blocks.ratios(warmup, scores)) {
        throughput.add(r);
        latency.add(1 / r);
      }
    }
    System.out.println("  " + title + " (blocks of bare, pipeline, pipeline, bare; " + throughput.size()
        + " blocks in " + run.getBenchmarkResults().size() + " forks)");
    if (throughput.size() < 3) {
      System.out.println("    too few whole blocks for an interval (at least three): measure more iterations");
      return;
    }
    Blocks.Summary t = Blocks.summary(throughput);
    Blocks.Summary l = Blocks.summary(latency);
    System.out.printf(Locale.ROOT, "    throughput ratio       %12.3f ± %.3f   (goal >= 0.95; blocks %.3f to %.3f)%n",
        t.mean(), t.error(), t.min(), t.max());
    System.out.printf(Locale.ROOT, "    latency ratio          %12.3f ± %.3f   (goal <= 1.02)%n", l.mean(), l.error());
    if (bareAlloc[1] > 0 && pipelineAlloc[1] > 0) {
      double bare = bareAlloc[0] / bareAlloc[1];
      double pipeline = pipelineAlloc[0] / pipelineAlloc[1];
      System.out.printf(Locale.ROOT, "    allocation per call    %12.0f B vs %.0f B%n", bare, pipeline);
      System.out.printf(Locale.ROOT, "    allocation ratio       %12.3f   (goal <= 1.05)%n", pipeline / bare);
    }
  }

  private static void compareThroughput(RunResult bare, RunResult pipeline) {
    Result<?> bt = bare.getPrimaryResult();
    Result<?> pt = pipeline.getPrimaryResult();
    double ratio = pt.getScore() / bt.getScore();
    double ratioError = ratio * Math.sqrt(square(pt.getScoreError() / pt.getScore())
        + square(bt.getScoreError() / bt.getScore()));
    System.out.println("  " + PipelineConcurrency.CALLERS + " callers at once over loopback HTTP (throughput)");
    System.out.printf(Locale.ROOT, "    %-22s %12.1f ± %.1f %s%n", name(bare), bt.getScore(), bt.getScoreError(),
        bt.getScoreUnit());
    System.out.printf(Locale.ROOT, "    %-22s %12.1f ± %.1f %s%n", name(pipeline), pt.getScore(), pt.getScoreError(),
        pt.getScoreUnit());
    System.out.printf(Locale.ROOT, "    throughput ratio       %12.3f ± %.3f   (goal >= 0.95)%n", ratio, ratioError);
    System.out.printf(Locale.ROOT, "    latency ratio          %12.3f ± %.3f   (goal <= 1.02; callers / throughput)%n",
        1 / ratio, ratioError / (ratio * ratio));
    Result<?> ba = bare.getSecondaryResults().get("gc.alloc.rate.norm");
    Result<?> pa = pipeline.getSecondaryResults().get("gc.alloc.rate.norm");
    if (ba != null && pa != null) {
      System.out.printf(Locale.ROOT, "    allocation per call    %12.0f B vs %.0f B%n", ba.getScore(), pa.getScore());
      System.out.printf(Locale.ROOT, "    allocation ratio       %12.3f   (goal <= 1.05)%n", pa.getScore() / ba.getScore());
    }
  }

  private static void compare(String title, RunResult bare, RunResult pipeline, boolean goals) {
    Result<?> bt = bare.getPrimaryResult();
    Result<?> pt = pipeline.getPrimaryResult();
    double ratio = pt.getScore() / bt.getScore();
    double ratioError = ratio * Math.sqrt(square(pt.getScoreError() / pt.getScore())
        + square(bt.getScoreError() / bt.getScore()));
    Result<?> ba = bare.getSecondaryResults().get("gc.alloc.rate.norm");
    Result<?> pa = pipeline.getSecondaryResults().get("gc.alloc.rate.norm");
    System.out.println("  " + title);
    System.out.printf(Locale.ROOT, "    %-22s %12.3f ± %.3f %s%n", name(bare), bt.getScore(), bt.getScoreError(),
        bt.getScoreUnit());
    System.out.printf(Locale.ROOT, "    %-22s %12.3f ± %.3f %s%n", name(pipeline), pt.getScore(), pt.getScoreError(),
        pt.getScoreUnit());
    System.out.printf(Locale.ROOT, "    time ratio             %12.3f ± %.3f%s%n", ratio, ratioError,
        goals ? "   (goal <= 1.02)" : "");
    System.out.printf(Locale.ROOT, "    time difference        %12.3f %s%n", pt.getScore() - bt.getScore(), pt.getScoreUnit());
    if (ba != null && pa != null) {
      System.out.printf(Locale.ROOT, "    allocation per call    %12.0f B vs %.0f B%n", ba.getScore(), pa.getScore());
      System.out.printf(Locale.ROOT, "    allocation ratio       %12.3f%s%n", pa.getScore() / ba.getScore(),
          goals ? "   (goal <= 1.05)" : "");
    }
  }

  private static String name(RunResult r) {
    String b = r.getParams().getBenchmark();
    return b.substring(b.lastIndexOf('.') + 1);
  }

  private static Optional<RunResult> find(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst();
  }

  private static double square(double x) {
    return x * x;
  }
}
