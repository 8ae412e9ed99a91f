package io.socialink.jdbc;

import io.socialink.Grant;
import io.socialink.Socialink;
import io.socialink.store.GrantStore;
import io.socialink.store.RefreshClaim;
import io.socialink.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One application process: a {@link Socialink} on the shared PostgreSQL whose callers all want a
 * fresh token for one grant. Run as a second JVM by {@link CrossProcessRefreshTest}: it prints
 * {@code READY}, waits for {@code GO} on standard input, then prints one {@code RESULT version
 * fingerprint} line per caller and {@code DONE}.
 */
public final class RefreshWorker {
  /** How long the claim of a process that crashes lasts, so the next holder need not wait long. */
  static final Duration CRASH_CLAIM_TIMEOUT = Duration.ofSeconds(1);

  private RefreshWorker() {}

  /** The Socialink instance of one process. */
  static Socialink socialink(String jdbcUrl, String prefix, URI tokenEndpoint, boolean claims) {
    return socialink(jdbcUrl, prefix, new StubPlatform(tokenEndpoint), claims, Duration.ofMinutes(2));
  }

  /**
   * A Socialink instance of one process with a given platform. A claim must outlast a refresh call:
   * a holder still waiting for the platform when its claim lapses looks, to the next holder, like one
   * that died.
   */
  static Socialink socialink(String jdbcUrl, String prefix, StubPlatform platform, boolean claims,
      Duration claimTimeout) {
    JdbcStores jdbc = JdbcStores.builder(jdbcUrl, "postgres", "postgres").tablePrefix(prefix).keys(TestKeys.k1())
        .schema(SchemaMode.VALIDATE).build();
    Stores stores = claims ? jdbc.stores() : jdbc.stores().withGrants(new ClaimsIgnored(jdbc.grants()));
    return Socialink.builder().register(platform).credentials(StubPlatform.CREDENTIALS).stores(stores)
        .refreshClaimTimeout(claimTimeout).build();
  }

  /** The grant store with its refresh claims removed: every claim succeeds, as if there were no coordination. */
  static final class ClaimsIgnored implements GrantStore {
    private final GrantStore delegate;

    ClaimsIgnored(GrantStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Grant> find(String ownerId, String grantId) {
      return delegate.find(ownerId, grantId);
    }

    @Override
    public List<Grant> findByOwner(String ownerId) {
      return delegate.findByOwner(ownerId);
    }

    @Override
    public Grant save(Grant grant) {
      return delegate.save(grant);
    }

    @Override
    public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
      return true;
    }

    @Override
    public RefreshClaim claim(String ownerId, String grantId, String holder, Instant now, Instant until) {
      return RefreshClaim.CLAIMED;
    }

    @Override
    public void releaseRefresh(String ownerId, String grantId, String holder) {}

    @Override
    public boolean delete(String ownerId, String grantId) {
      return delegate.delete(ownerId, grantId);
    }
  }

  /** Many callers at once, each asking for a fresh grant; the results (or failures) as lines. */
  static List<String> freshFromManyCallers(Socialink socialink, int callers, CountDownLatch go) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Grant>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return socialink.grants().fresh("alice", "g-1");
        }));
      }
      List<String> lines = new ArrayList<>();
      for (Future<Grant> call : calls) {
        try {
          Grant g = call.get(60, TimeUnit.SECONDS);
          lines.add("RESULT " + g.version() + " " + g.accessToken().fingerprint());
        } catch (java.util.concurrent.ExecutionException e) {
          lines.add("FAILED " + e.getCause().getClass().getSimpleName());
        }
      }
      return lines;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs the worker.
   *
   * @param args JDBC URL, table prefix, token endpoint, number of callers, and {@code claims},
   *     {@code no-claims} or {@code crash} (the process halts when the platform has answered a refresh)
   * @throws Exception on any failure, which ends the process with a non-zero status
   */
  public static void main(String[] args) throws Exception {
    Socialink socialink = socialink(args[0], args[1], new StubPlatform(URI.create(args[2]),
        io.socialink.spi.RefreshRotation.ROTATING_STRICT, args[4].equals("crash")), !args[4].equals("no-claims"),
        args[4].equals("crash") ? CRASH_CLAIM_TIMEOUT : Duration.ofMinutes(2));
    CountDownLatch go = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try {
        for (String line : freshFromManyCallers(socialink, Integer.parseInt(args[3]), go)) {
          System.out.println(line);
        }
        System.out.println("DONE");
      } catch (Exception e) {
        System.out.println("FAILED " + e);
      }
      System.out.flush();
    });
    caller.start();
    System.out.println("READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if ("GO".equals(in.readLine())) {
      go.countDown();
    }
    caller.join();
    System.exit(0);
  }
}
