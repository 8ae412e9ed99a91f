package io.socialink.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PipelineOverhead} and {@link PipelineConcurrency} with the GC profiler and the warm-up
 * and measurement their annotations set (12 × 2 s and 8 × 2 s over the network, where the JDK's HTTP
 * stack needs about 20 s to warm up on two cores; 5 × 1 s and 5 × 1 s in memory; 15 × 2 s and 5 × 2 s
 * for the 64 callers), then prints the pipeline / bare ratios of average time, of throughput and of
 * bytes allocated per call, with the ratios' errors propagated from JMH's 99.9% margins. JMH's own
 * command-line options apply, e.g. {@code -f 3} for three forks per benchmark (one by default: about
 * 2 min 40 s; three forks: about 8 min).
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
    Options options = new OptionsBuilder()
        .parent(new CommandLineOptions(args))
        .include(PipelineOverhead.class.getName() + "\\.")
        .include(PipelineConcurrency.class.getName() + "\\.")
        .addProfiler(GCProfiler.class)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println("PipelineOverhead summary (time: average ± 99.9% margin; allocation: gc.alloc.rate.norm)");
    compare("over loopback HTTP", find(results, "bareHttpClient"), find(results, "socialinkPipeline"), true);
    compare("in memory (no network)", find(results, "inMemoryParseOnly"), find(results, "inMemoryPipeline"), false);
    compareThroughput(find(results, "concurrentBareHttpClient"), find(results, "concurrentSocialinkPipeline"));
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

  private static RunResult find(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method));
  }

  private static double square(double x) {
    return x * x;
  }
}
