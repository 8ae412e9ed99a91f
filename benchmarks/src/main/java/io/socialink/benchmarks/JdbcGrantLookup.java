package io.socialink.benchmarks;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.jdbc.JdbcGrantStore;
import io.socialink.jdbc.JdbcStores;
import io.socialink.jdbc.KeyProvider;
import io.socialink.store.VersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Grant lookup latency in PostgreSQL: fills the grant table to {@code --grants} grants (1,000,000 by
 * default; 10 per owner; real rows, each token encrypted for its own row), then times
 * {@code --lookups} random {@link JdbcGrantStore#find} calls (20,000 by default, after 5,000 to warm
 * up) from one caller on a pooled connection, each one a query plus the decryption of both tokens,
 * and prints the percentiles. The goal on loopback is p50 at most 1 ms.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.socialink.benchmarks.JdbcGrantLookup [--grants 1000000]
 *     [--lookups 20000] [--jdbc-url jdbc:postgresql://127.0.0.1/postgres?user=postgres&amp;password=...]
 * </pre>
 *
 * Without {@code --jdbc-url} it starts a PostgreSQL of its own from Maven artifacts. Against a
 * server named by URL, grants an earlier run stored are kept and only the missing ones are added.
 */
public final class JdbcGrantLookup {
  static final int GRANTS_PER_OWNER = 10;

  private JdbcGrantLookup() {}

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int grants = Integer.parseInt(RefreshStorm.option(args, "--grants", "1000000"));
    int lookups = Integer.parseInt(RefreshStorm.option(args, "--lookups", "20000"));
    int writers = Integer.parseInt(RefreshStorm.option(args, "--writers", "4"));
    String url = RefreshStorm.option(args, "--jdbc-url", null);
    KeyProvider keys = KeyProvider.of("bench", Map.of("bench", KeyProvider.aesKey(new byte[32])));
    try (BenchPostgres pg = BenchPostgres.open(url); SmallPool pool = new SmallPool(pg.source(), writers)) {
      System.out.println("# " + pg.description());
      JdbcStores stores = JdbcStores.builder(pool).tablePrefix("lookup_").keys(keys).build();
      JdbcGrantStore store = stores.grants();
      long fillStart = System.nanoTime();
      int added = fill(store, grants, writers);
      System.out.printf("# %d grants in the table (%d added in %d s)%n", grants, added,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - fillStart));
      try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
        s.execute("ANALYZE lookup_grants");
      }
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < 5_000; i++) {
        lookup(store, random, grants);
      }
      long[] nanos = new long[lookups];
      for (int i = 0; i < lookups; i++) {
        long start = System.nanoTime();
        lookup(store, random, grants);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf("find(owner, grant) over %d grants, %d lookups: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms,"
          + " max %.3f ms%n", grants, lookups, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
          nanos[nanos.length - 1] / 1e6);
    }
  }

  private static void lookup(JdbcGrantStore store, SplittableRandom random, int grants) {
    int n = random.nextInt(grants);
    Grant g = store.find(owner(n), "g-" + n).orElseThrow(() -> new IllegalStateException("grant " + n + " is missing"));
    if (g.accessToken().reveal().isEmpty()) {
      throw new IllegalStateException("unreachable");
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }

  /** When the generated grants were issued. */
  static final Instant ISSUED = Instant.parse("2026-11-30T00:00:00Z");

  static String owner(int n) {
    return "owner-" + (n / GRANTS_PER_OWNER);
  }

  /** Saves the grants the table lacks, from several writers; returns how many it added. */
  private static int fill(JdbcGrantStore store, int grants, int writers) throws Exception {
    // A fixed issue time: the lookup reads grants, their lifetimes play no part, and runs stay alike.
    Instant now = ISSUED;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int first = w;
        parts.add(pool.submit(() -> {
          int added = 0;
          for (int n = first; n < grants; n += writers) {
            try {
              store.save(new Grant("g-" + n, owner(n), Account.of("x", "u-" + n), "oauth2", "client-1",
                Secret.of("access-token-" + n + "-" + "a".repeat(60)),
                Optional.of(Secret.of("refresh-token-" + n + "-" + "r".repeat(60))), Set.of("tweet.read", "users.read",
                  "offline.access"), "bearer", now, Optional.of(now.plus(Duration.ofHours(2))), Optional.empty(), 0));
              added++;
            } catch (VersionConflictException alreadyThere) {
              continue; // written by an earlier run
            }
            if (n % 100_000 < writers) {
              System.out.println("# ... " + n);
            }
          }
          return added;
        }));
      }
      int added = 0;
      for (Future<Integer> part : parts) {
        added += part.get();
      }
      return added;
    } finally {
      pool.shutdownNow();
    }
  }
}
