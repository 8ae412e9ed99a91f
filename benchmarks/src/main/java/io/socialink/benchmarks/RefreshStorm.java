package io.socialink.benchmarks;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.jdbc.JdbcStores;
import io.socialink.jdbc.KeyProvider;
import io.socialink.store.GrantStore;
import io.socialink.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A refresh storm: {@code --callers} callers (1,000 by default) want a fresh token for one expired
 * grant at the same moment, against a loopback token endpoint with single-use refresh tokens that
 * answers after 20 ms. Counts the refresh requests the endpoint saw (the goal is 1) and times the
 * storm, for (a) one {@link Socialink} on in-memory stores and (b) two instances sharing one
 * PostgreSQL through socialink-jdbc, the callers split between them. Each is repeated
 * {@code --rounds} times (5 by default) on a new grant.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.socialink.benchmarks.RefreshStorm [--callers 1000] [--rounds 5]
 *     [--jdbc-url jdbc:postgresql://127.0.0.1/postgres?user=postgres&amp;password=...]
 * </pre>
 *
 * Without {@code --jdbc-url} it starts a PostgreSQL of its own from Maven artifacts.
 */
public final class RefreshStorm {
  private RefreshStorm() {}

  /**
   * Runs the storms and prints one line per round.
   *
   * @param args see the class comment
   * @throws Exception if a server cannot start or a caller fails
   */
  public static void main(String[] args) throws Exception {
    int callers = Integer.parseInt(option(args, "--callers", "1000"));
    int rounds = Integer.parseInt(option(args, "--rounds", "5"));
    String url = option(args, "--jdbc-url", null);
    try (StormPlatform platform = new StormPlatform(Duration.ofMillis(20))) {
      Stores memory = Stores.inMemory();
      List<Socialink> one = List.of(socialink(platform, memory));
      for (int round = 1; round <= rounds; round++) {
        report("one instance, in-memory stores", round, callers, storm(platform, memory.grants(), one, callers, round));
      }
      try (BenchPostgres pg = BenchPostgres.open(url); SmallPool pool = new SmallPool(pg.source(), 16)) {
        System.out.println("# " + pg.description());
        KeyProvider keys = KeyProvider.of("bench", Map.of("bench", KeyProvider.aesKey(new byte[32])));
        JdbcStores a = JdbcStores.builder(pool).tablePrefix("storm_").keys(keys).build();
        JdbcStores b = JdbcStores.builder(pool).tablePrefix("storm_").keys(keys).build();
        List<Socialink> two = List.of(socialink(platform, a.stores()), socialink(platform, b.stores()));
        for (int round = 1; round <= rounds; round++) {
          report("two instances, one PostgreSQL", round, callers, storm(platform, a.grants(), two, callers, round));
        }
      }
    }
  }

  record Result(int refreshRequests, int refused, Set<Long> versionsSeen, long millis) {}

  static Socialink socialink(StormPlatform platform, Stores stores) {
    return Socialink.builder().register(platform).credentials(StormPlatform.CREDENTIALS).stores(stores).build();
  }

  static Result storm(StormPlatform platform, GrantStore grants, List<Socialink> instances, int callers, int round)
      throws Exception {
    String owner = "owner-" + round + "-" + System.nanoTime();
    Instant now = Clock.systemUTC().instant();
    grants.save(new Grant("g-1", owner, Account.of(StormPlatform.ID, "u-1"), "oauth2", "storm-client",
        Secret.of("at-expired"), Optional.of(Secret.of(platform.mint())), Set.of("read"), "bearer",
        now.minus(Duration.ofHours(3)), Optional.of(now.minus(Duration.ofMinutes(1))), Optional.empty(), 0));
    int before = platform.refreshRequests.get();
    int refusedBefore = platform.refused.get();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Grant>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Socialink s = instances.get(i % instances.size());
        calls.add(pool.submit(() -> {
          go.await();
          return s.grants().fresh(owner, "g-1");
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      Set<Long> versions = new HashSet<>();
      for (Future<Grant> call : calls) {
        versions.add(call.get(120, TimeUnit.SECONDS).version());
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new Result(platform.refreshRequests.get() - before, platform.refused.get() - refusedBefore, versions, millis);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String what, int round, int callers, Result r) {
    System.out.printf("%-32s round %d: %d callers -> %d refresh request(s), %d refused, versions seen %s, %d ms%n",
        what, round, callers, r.refreshRequests(), r.refused(), r.versionsSeen(), r.millis());
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
