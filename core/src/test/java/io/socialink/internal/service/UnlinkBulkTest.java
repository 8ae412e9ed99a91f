package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.UnlinkReport;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.NotFoundException;
import io.socialink.error.SocialinkException;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.unlink.BulkProgress;
import io.socialink.unlink.BulkUnlink;
import io.socialink.unlink.BulkUnlinkListener;
import io.socialink.unlink.BulkUnlinkOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UnlinkBulkTest {
  final Fixture fx = new Fixture();
  final SocialinkRuntime rt = fx.runtime();
  final UnlinkingService unlinking = new UnlinkingService(rt);
  final LinkService links = new LinkService(rt);

  List<String> links(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fx.grant("g-" + i);
      ids.add(links.record("alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
          LinkEnd.account(Account.of("fake", "u-1")), List.of("g-" + i)).id());
    }
    return ids;
  }

  static SocialinkException failure(ErrorCategory category) {
    return SocialinkException.of(Classification.of(category, "fake", 503, "fake says " + category), null, 1);
  }

  /** Records what the listener hears; its calls never overlap, so plain lists do. */
  static final class Recorder implements BulkUnlinkListener {
    final List<BulkProgress> progress = new ArrayList<>();
    final List<String> failedLinks = new ArrayList<>();

    @Override
    public void executed(String linkId, UnlinkReport report, BulkProgress p) {
      progress.add(p);
    }

    @Override
    public void failed(String linkId, SocialinkException error, BulkProgress p) {
      failedLinks.add(linkId);
      progress.add(p);
    }
  }

  @Test
  void unlinksEveryLinkWithBoundedConcurrencyAndReportsProgress() throws Exception {
    List<String> ids = links(40);
    Recorder recorder = new Recorder();

    BulkUnlink run = unlinking.unlinkAll("alice", ids, new BulkUnlinkOptions(3, recorder));
    BulkUnlink.Result result = run.await();

    assertThat(result.reports()).hasSize(40).allSatisfy((id, r) -> assertThat(r.isComplete()).isTrue());
    assertThat(result.errors()).isEmpty();
    assertThat(result.notStarted()).isEmpty();
    assertThat(result.progress()).isEqualTo(run.progress());
    assertThat(result.progress().complete()).isEqualTo(40);
    assertThat(result.progress().remaining()).isZero();
    assertThat(fx.fake.revokes).hasValue(40);
    assertThat(fx.fake.mostRevokingAtOnce.get()).isBetween(1, 3);
    assertThat(recorder.progress).extracting(BulkProgress::executed)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
    assertThat(links.list("alice")).extracting(Link::state).containsOnly(LinkState.UNLINKED);
    assertThat(fx.stores.grants().findByOwner("alice")).isEmpty();
  }

  @Test
  void everyLinkEndsInExactlyOnePlaceWhateverItsOutcome() throws Exception {
    List<String> ids = new ArrayList<>(links(3));
    ids.add("l-unknown");
    ids.add(ids.get(0)); // asked twice, counted once
    fx.fake.revokeFailures.add(failure(ErrorCategory.TRANSIENT));
    Recorder recorder = new Recorder();

    BulkUnlink.Result result = unlinking.unlinkAll("alice", ids, new BulkUnlinkOptions(1, recorder)).await();

    BulkProgress p = result.progress();
    assertThat(p.total()).isEqualTo(4);
    assertThat(p.complete()).isEqualTo(2);
    assertThat(p.pending()).isEqualTo(1);
    assertThat(p.failed()).isEqualTo(1);
    assertThat(result.errors()).containsOnlyKeys("l-unknown");
    assertThat(result.errors().get("l-unknown")).isInstanceOf(NotFoundException.class);
    assertThat(recorder.failedLinks).containsExactly("l-unknown");
    assertThat(p.describe()).startsWith("2/4 done, 0 waiting for the user, 1 failed, 1 to retry, 0 left");
  }

  @Test
  void aCancelledRunLeavesTheRestAndRunningItAgainResumesWithoutRepeating() throws Exception {
    List<String> ids = links(10);
    AtomicReference<BulkUnlink> self = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    BulkUnlinkListener cancelAfterThree = new BulkUnlinkListener() {
      @Override
      public void executed(String linkId, UnlinkReport report, BulkProgress progress) {
        if (progress.executed() == 3) {
          awaitQuietly(started);
          self.get().cancel();
        }
      }
    };

    BulkUnlink run = unlinking.unlinkAll("alice", ids, new BulkUnlinkOptions(1, cancelAfterThree));
    self.set(run);
    started.countDown();
    BulkUnlink.Result first = run.await();

    assertThat(first.reports()).hasSize(3);
    assertThat(first.notStarted()).hasSize(7).containsExactlyElementsOf(ids.subList(3, 10));
    assertThat(first.progress().remaining()).isEqualTo(7);
    assertThat(first.progress().eta()).isEmpty();

    BulkUnlink.Result second = unlinking.unlinkAll("alice", ids, BulkUnlinkOptions.defaults()).await();
    assertThat(second.progress().complete()).isEqualTo(10);
    assertThat(fx.fake.revokes).as("the three complete plans are not revoked again").hasValue(10);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheRun() throws Exception {
    List<String> ids = links(5);
    BulkUnlinkListener broken = new BulkUnlinkListener() {
      @Override
      public void executed(String linkId, UnlinkReport report, BulkProgress progress) {
        throw new IllegalStateException("listener bug");
      }
    };

    BulkUnlink run = unlinking.unlinkAll("alice", ids, new BulkUnlinkOptions(2, broken));

    assertThat(run.await(java.time.Duration.ofSeconds(30))).isTrue();
    assertThat(run.await().progress().complete()).isEqualTo(5);
  }

  @Test
  void theRateAndTimeLeftFollowTheClock() throws Exception {
    io.socialink.testsupport.MutableClock clock = new io.socialink.testsupport.MutableClock(Fixture.T0);
    Recorder recorder = new Recorder();
    io.socialink.internal.unlink.BulkRun run = io.socialink.internal.unlink.BulkRun.start(List.of("a", "b", "c", "d"),
        new BulkUnlinkOptions(1, recorder), id -> {
          clock.advance(java.time.Duration.ofSeconds(2));
          return new UnlinkReport("link:" + id, List.of(new io.socialink.StepOutcome("forget:" + id,
              io.socialink.StepStatus.DONE, clock.instant(), "forgot", java.util.Optional.empty())));
        }, clock);

    run.await();

    BulkProgress second = recorder.progress.get(1);
    assertThat(second.plansPerSecond()).isEqualTo(0.5);
    assertThat(second.eta()).contains(java.time.Duration.ofSeconds(4));
    assertThat(second.describe()).isEqualTo("2/4 done, 0 waiting for the user, 0 failed, 0 to retry, 2 left, 0.5 plans/s,"
        + " about 4 s left");
    assertThat(recorder.progress.get(3).eta()).isEmpty();
  }

  @Test
  void everyWorkerStartsEvenWhenTheFirstOnesFinishAtOnce() throws Exception {
    for (int i = 0; i < 300; i++) {
      io.socialink.internal.unlink.BulkRun run = io.socialink.internal.unlink.BulkRun.start(
          List.of("a", "b", "c", "d", "e", "f", "g", "h"), new BulkUnlinkOptions(8, BulkUnlinkListener.NONE),
          id -> new UnlinkReport("link:" + id, List.of()), fx.clock);
      assertThat(run.await(java.time.Duration.ofSeconds(10))).as("run %d finished", i).isTrue();
      assertThat(run.await().progress().complete()).isEqualTo(8);
    }
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
