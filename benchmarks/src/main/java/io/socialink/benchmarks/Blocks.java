package io.socialink.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The arithmetic of {@link PipelineAlternating}: one ratio per block of four iterations (bare,
 * pipeline, pipeline, bare), and the mean of the ratios with its confidence interval.
 */
final class Blocks {
  private Blocks() {}

  /** The mean of the blocks' values, JMH's 99.9% error of that mean, and the extremes. */
  record Summary(double mean, double error, double min, double max) {}

  /**
   * The pipeline ÷ bare throughput of every whole block among one fork's measured iterations.
   *
   * @param warmup how many warm-up iterations came before the first measured one (they set where the
   *     blocks begin)
   * @param scores the measured iterations' throughputs, in order
   * @return one ratio per whole block
   */
  static List<Double> ratios(int warmup, double[] scores) {
    List<Double> ratios = new ArrayList<>();
    int first = Math.floorMod(-warmup, 4); // the first measured iteration that starts a block
    for (int start = first; start + 4 <= scores.length; start += 4) {
      double bare = 0;
      double pipeline = 0;
      for (int k = start; k < start + 4; k++) {
        if (PipelineAlternating.pipelineAt(warmup + k)) {
          pipeline += scores[k];
        } else {
          bare += scores[k];
        }
      }
      ratios.add(pipeline / bare);
    }
    return ratios;
  }

  /**
   * The mean of values with the half-width of its 99.9% confidence interval (Student's t).
   *
   * @param values at least two values
   * @return the summary
   */
  static Summary summary(List<Double> values) {
    if (values.size() < 2) {
      throw new IllegalArgumentException("need at least two values; got " + values.size());
    }
    ListStatistics stats = new ListStatistics();
    for (double v : values) {
      stats.addValue(v);
    }
    return new Summary(stats.getMean(), stats.getMeanErrorAt(0.999), stats.getMin(), stats.getMax());
  }
}
