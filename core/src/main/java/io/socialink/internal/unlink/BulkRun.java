package io.socialink.internal.unlink;

import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.unlink.BulkProgress;
import io.socialink.unlink.BulkUnlink;
import io.socialink.unlink.BulkUnlinkOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk unlink: a fixed number of worker threads take the next link, plan it and execute the
 * plan, until the links run out or the run is cancelled. Every link ends in exactly one place of the
 * result. Thread-safe.
 */
public final class BulkRun implements BulkUnlink {
  private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** What is planned and executed for one link. */
  @FunctionalInterface
  public interface LinkExecution {
    /**
     * Plans and executes one link.
     *
     * @param linkId the link
     * @return the plan's report
     */
    UnlinkReport run(String linkId);
  }

  private final List<String> linkIds;
  private final BulkUnlinkOptions options;
  private final LinkExecution execution;
  private final Clock clock;
  private final Instant started;
  private final AtomicInteger next = new AtomicInteger();
  private final CountDownLatch finished;
  private volatile boolean cancelled;
  // Guarded by this: the outcomes and the listener's calls.
  private final Map<String, UnlinkReport> reports = new LinkedHashMap<>();
  private final Map<String, SocialinkException> errors = new LinkedHashMap<>();
  private int complete;
  private int awaitingUser;
  private int failed;
  private int pending;

  private BulkRun(List<String> linkIds, BulkUnlinkOptions options, LinkExecution execution, Clock clock) {
    this.linkIds = linkIds;
    this.options = options;
    this.execution = execution;
    this.clock = clock;
    this.started = clock.instant();
    this.finished = new CountDownLatch(Math.min(options.concurrency(), Math.max(1, linkIds.size())));
  }

  /**
   * Starts a run on its own worker threads.
   *
   * @param linkIds the links, duplicates ignored
   * @param options concurrency and listener
   * @param execution plans and executes one link
   * @param clock the clock, for the rate
   * @return the running bulk unlink
   */
  public static BulkRun start(List<String> linkIds, BulkUnlinkOptions options, LinkExecution execution, Clock clock) {
    List<String> unique = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(linkIds, "linkIds")));
    BulkRun run = new BulkRun(unique, Objects.requireNonNull(options, "options"),
        Objects.requireNonNull(execution, "execution"), Objects.requireNonNull(clock, "clock"));
    int n = RUNS.incrementAndGet();
    // The count, read once: a worker that finishes early counts the latch down while others start.
    int workers = (int) run.finished.getCount();
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(run::work, "socialink-bulk-unlink-" + n + "-" + i);
      t.setDaemon(true);
      t.start();
    }
    return run;
  }

  /**
   * Adapts planning and execution into a {@link LinkExecution}.
   *
   * @param plan plans a link
   * @param execute executes a plan
   * @return the execution
   */
  public static LinkExecution of(Function<String, UnlinkPlan> plan, Function<UnlinkPlan, UnlinkReport> execute) {
    return linkId -> execute.apply(plan.apply(linkId));
  }

  private void work() {
    try {
      while (!cancelled) {
        int i = next.getAndIncrement();
        if (i >= linkIds.size()) {
          return;
        }
        String linkId = linkIds.get(i);
        try {
          settled(linkId, execution.run(linkId));
        } catch (SocialinkException e) {
          failed(linkId, e);
        } catch (RuntimeException e) {
          // Nothing is lost: an unexpected failure is kept as this link's error, named by its type only.
          failed(linkId, SocialinkException.of(Classification.of(ErrorCategory.UNKNOWN, "", 0,
              "unlinking link " + linkId + " failed unexpectedly with " + e.getClass().getName()), null, 1));
        }
      }
    } finally {
      finished.countDown();
    }
  }

  private synchronized void settled(String linkId, UnlinkReport report) {
    reports.put(linkId, report);
    if (report.isComplete() || report.outcomes().isEmpty()) {
      complete++;
    } else if (!report.withStatus(StepStatus.FAILED).isEmpty()) {
      failed++;
    } else if (!report.withStatus(StepStatus.AWAITING_USER).isEmpty()
        && report.withStatus(StepStatus.PENDING).isEmpty()) {
      awaitingUser++;
    } else {
      pending++;
    }
    BulkProgress p = progress();
    try {
      options.listener().executed(linkId, report, p);
    } catch (RuntimeException e) {
      LOG.warn("The bulk unlink listener failed on link {} with {}; ignored", linkId, e.getClass().getName());
    }
  }

  private synchronized void failed(String linkId, SocialinkException error) {
    errors.put(linkId, error);
    failed++;
    BulkProgress p = progress();
    try {
      options.listener().failed(linkId, error, p);
    } catch (RuntimeException e) {
      LOG.warn("The bulk unlink listener failed on link {} with {}; ignored", linkId, e.getClass().getName());
    }
  }

  @Override
  public synchronized BulkProgress progress() {
    int executed = complete + awaitingUser + failed + pending;
    int remaining = linkIds.size() - executed;
    double seconds = Duration.between(started, clock.instant()).toNanos() / 1e9;
    double rate = seconds > 0 ? executed / seconds : 0;
    Optional<Duration> eta = rate > 0 && remaining > 0 && !cancelled
        ? Optional.of(Duration.ofMillis((long) Math.ceil(remaining / rate * 1000)))
        : Optional.empty();
    return new BulkProgress(linkIds.size(), complete, awaitingUser, failed, pending, remaining, rate, eta);
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public Result await() throws InterruptedException {
    finished.await();
    return result();
  }

  @Override
  public boolean await(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private synchronized Result result() {
    List<String> notStarted = new ArrayList<>();
    for (String id : linkIds) {
      if (!reports.containsKey(id) && !errors.containsKey(id)) {
        notStarted.add(id);
      }
    }
    return new Result(reports, errors, notStarted, progress());
  }
}
