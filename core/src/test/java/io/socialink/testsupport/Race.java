package io.socialink.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on many threads released together, for the stores' concurrency contracts. */
public final class Race {
  private Race() {}

  /**
   * Runs a task on many threads at once.
   *
   * @param threads how many threads
   * @param task the task, given the thread's index
   * @param <T> what the task answers
   * @return the answers, by index
   * @throws Exception if a task threw or did not finish within 30 seconds
   */
  public static <T> List<T> onThreads(int threads, IndexedTask<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return task.run(index);
        }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A task that knows its thread's index.
   *
   * @param <T> what it answers
   */
  @FunctionalInterface
  public interface IndexedTask<T> {
    /**
     * Runs.
     *
     * @param index the thread's index
     * @return the answer
     * @throws Exception if it fails
     */
    T run(int index) throws Exception;
  }
}
