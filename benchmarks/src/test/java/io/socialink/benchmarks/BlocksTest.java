package io.socialink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The block arithmetic behind the alternating comparison. */
class BlocksTest {
  @Test
  void iterationsAlternateBarePipelinePipelineBare() {
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().map(PipelineAlternating::pipelineAt))
        .containsExactly(false, true, true, false, false, true, true, false);
  }

  @Test
  void eachBlockGivesPipelineOverBare() {
    // Two blocks: bare 100 and 110 against pipeline 95 and 95; bare 200 and 200 against 210 and 190.
    double[] scores = {100, 95, 95, 110, 200, 210, 190, 200};
    assertThat(Blocks.ratios(16, scores)).satisfiesExactly(
        r -> assertThat(r).isCloseTo(190.0 / 210.0, within(1e-12)),
        r -> assertThat(r).isCloseTo(1.0, within(1e-12)));
  }

  @Test
  void aDriftThatIsLinearOverABlockCancels() {
    // Throughput climbing 10 per iteration, the pipeline exactly 3% slower than the bare client.
    double[] scores = new double[8];
    for (int i = 0; i < scores.length; i++) {
      double base = 1000 + 10 * i;
      scores[i] = PipelineAlternating.pipelineAt(i) ? base * 0.97 : base;
    }
    assertThat(Blocks.ratios(0, scores)).allSatisfy(r -> assertThat(r).isCloseTo(0.97, within(1e-12)));
  }

  @Test
  void blocksFollowTheWarmUpAndIncompleteOnesAreLeftOut() {
    // After 3 warm-up iterations the first measured one is the last of a block: skipped.
    double[] scores = {999, 100, 90, 90, 100, 1};
    assertThat(Blocks.ratios(3, scores)).containsExactly(0.9);
  }

  @Test
  void theSummaryIsTheMeanWithAStudentInterval() {
    Blocks.Summary s = Blocks.summary(List.of(0.96, 0.98, 1.00, 0.98));
    assertThat(s.mean()).isCloseTo(0.98, within(1e-12));
    assertThat(s.min()).isEqualTo(0.96);
    assertThat(s.max()).isEqualTo(1.00);
    // sd 0.01633, n 4: t(0.9995, 3) = 12.924, so the half-width is 12.924 * 0.01633 / 2.
    assertThat(s.error()).isCloseTo(12.924 * 0.0163299 / 2, within(1e-3));
    assertThatThrownBy(() -> Blocks.summary(List.of(1.0))).isInstanceOf(IllegalArgumentException.class);
  }
}
