package io.socialink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.LinkState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bulk unlink benchmark's counts on a small run (200 links at R = 50/s, about six seconds of
 * pacing): every request and plan accounted for. Its timing figures are printed by the benchmark and
 * never asserted.
 */
class BulkUnlinkTest {
  @Test
  void everyLinkIsUnlinkedWithOneRevocationPerTokenAndNoPlanLost() throws InterruptedException {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    BulkUnlink.Figures f = BulkUnlink.run(new BulkUnlink.Settings(200, 50, 16, Duration.ofMillis(10), 20),
        new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(f.xRevokes()).isEqualTo(200); // 100 X grants: refresh and access token each
    assertThat(f.tiktokRevokes()).isEqualTo(100);
    assertThat(f.awaitingAfterFirstPass()).isEqualTo(200);
    assertThat(f.tiktokVerifies()).isEqualTo(100);
    assertThat(f.xVerifies()).isEqualTo(100);
    assertThat(f.complete()).isEqualTo(200);
    assertThat(f.lost()).isZero();
    assertThat(f.grantsLeft()).isZero();
    assertThat(f.states()).isEqualTo(Map.of(LinkState.UNLINKED, 200L));
    assertThat(f.revokeFloorSeconds()).isEqualTo(4.0);
    assertThat(f.verifyFloorSeconds()).isEqualTo(2.0);
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("linked 200 accounts")
        .contains("confirmed 200 manual steps").contains("warmed up on 20 links");
  }
}
