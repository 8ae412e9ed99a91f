package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.error.AuthorizationException;
import io.socialink.spi.RefreshRotation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs, each a Socialink with many callers, share one PostgreSQL and one expiring grant whose
 * refresh token is single-use. The refresh claims in the database make it one refresh request in all;
 * the same run with the claims removed makes two, one of them refused, which shows the test sees a
 * missing coordination.
 */
class CrossProcessRefreshTest {
  static final int CALLERS_PER_PROCESS = 16;

  record Run(int refreshRequests, int refused, List<String> results, Grant stored, LinkState linkState) {}

  /** Fresh tables holding a grant that expired an hour ago, with refresh token {@code refresh-0}, and its link. */
  static JdbcStores expiredGrantIn(String prefix) {
    JdbcStores jdbc = JdbcStores.builder(Postgres.dataSource()).tablePrefix(prefix).keys(TestKeys.k1()).build();
    Instant now = Clock.systemUTC().instant();
    jdbc.grants().save(new Grant("g-1", "alice", Account.of(StubPlatform.ID, "u-1"), "oauth2", "client-1",
        Secret.of("access-0"), Optional.of(Secret.of("refresh-0")), Set.of("read"), "bearer",
        now.minus(Duration.ofHours(3)), Optional.of(now.minus(Duration.ofHours(1))), Optional.empty(), 0));
    jdbc.links().save(Link.create("l-1", "alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(Account.of(StubPlatform.ID, "u-1")), List.of("g-1"), Clock.systemUTC()));
    return jdbc;
  }

  static Process worker(String prefix, StubTokenServer stub, int callers, String mode) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RefreshWorker.class.getName(),
        Postgres.jdbcUrl(), prefix, stub.uri().toString(), String.valueOf(callers), mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  Run twoProcessesRefresh(boolean claims) throws Exception {
    String prefix = Postgres.freshPrefix("xproc");
    JdbcStores jdbc = expiredGrantIn(prefix);

    try (StubTokenServer stub = new StubTokenServer(2_000)) {
      Process child = worker(prefix, stub, CALLERS_PER_PROCESS, claims ? "claims" : "no-claims");
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the second process started").isEqualTo("READY");
        Socialink here = RefreshWorker.socialink(Postgres.jdbcUrl(), prefix, stub.uri(), claims);

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<List<String>> mine = CompletableFuture.supplyAsync(() -> {
          try {
            return RefreshWorker.freshFromManyCallers(here, CALLERS_PER_PROCESS, go);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        in.write("GO\n");
        in.flush();
        go.countDown();

        List<String> results = new ArrayList<>(mine.get(60, TimeUnit.SECONDS));
        for (String line = out.readLine(); line != null && !line.equals("DONE"); line = out.readLine()) {
          results.add(line);
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        return new Run(stub.refreshRequests.get(), stub.refused.get(), results,
            jdbc.grants().find("alice", "g-1").orElseThrow(), jdbc.links().find("alice", "l-1").orElseThrow().state());
      } finally {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void twoProcessesOnOnePostgresqlRefreshAnExpiringGrantOnce() throws Exception {
    Run run = twoProcessesRefresh(true);

    assertThat(run.refreshRequests()).isEqualTo(1);
    assertThat(run.refused()).isZero();
    assertThat(run.results()).as("every caller in both processes got the one refreshed token").hasSize(2 * CALLERS_PER_PROCESS)
        .allMatch(line -> line.equals("RESULT 1 " + Secret.of("access-1").fingerprint()));
    assertThat(run.stored().version()).isEqualTo(1);
    assertThat(run.stored().refreshToken()).contains(Secret.of("refresh-1"));
    assertThat(run.linkState()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void withoutTheClaimsTheSameRunSpendsTheTokenTwice() throws Exception {
    Run run = twoProcessesRefresh(false);

    assertThat(run.refreshRequests()).as("one refresh per process").isEqualTo(2);
    assertThat(run.refused()).as("the second use of the single-use token").isEqualTo(1);
  }

  /**
   * The second process dies the moment the platform has answered its refresh: the platform rotated
   * the token, the database still holds the spent one and the dead process's claim. Then this process
   * wants a fresh token.
   */
  Run crashInAnotherProcessThenRefreshHere(RefreshRotation rotation) throws Exception {
    String prefix = Postgres.freshPrefix("crash");
    JdbcStores jdbc = expiredGrantIn(prefix);
    try (StubTokenServer stub = new StubTokenServer(0)) {
      Process child = worker(prefix, stub, 1, "crash");
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("READY");
        Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        in.write("GO\n");
        in.flush();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("halted after the answer").isEqualTo(3);
      } finally {
        child.destroyForcibly();
      }
      assertThat(stub.refreshRequests).hasValue(1);
      assertThat(jdbc.grants().find("alice", "g-1").orElseThrow().refreshToken()).contains(Secret.of("refresh-0"));

      Socialink here = RefreshWorker.socialink(Postgres.jdbcUrl(), prefix,
          new StubPlatform(stub.uri(), rotation, false), true, RefreshWorker.CRASH_CLAIM_TIMEOUT);
      List<String> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        try {
          here.grants().fresh("alice", "g-1");
          results.add("fresh");
        } catch (AuthorizationException e) {
          results.add(e.category() + " " + e.getMessage());
        }
      }
      return new Run(stub.refreshRequests.get(), stub.refused.get(), results,
          jdbc.grants().find("alice", "g-1").orElseThrow(), jdbc.links().find("alice", "l-1").orElseThrow().state());
    }
  }

  @Test
  void afterAProcessDiedBetweenXsAnswerAndTheStoreWriteTheLinkIsBrokenAndTheSpentTokenNeverSent() throws Exception {
    Run run = crashInAnotherProcessThenRefreshHere(RefreshRotation.ROTATING_STRICT);

    assertThat(run.results().get(0)).startsWith("AUTH_REVOKED").contains("refresh interrupted; link again");
    assertThat(run.results().get(1)).as("never retried").startsWith("AUTH_EXPIRED");
    assertThat(run.refreshRequests()).as("only the dead process's").isEqualTo(1);
    assertThat(run.linkState()).isEqualTo(LinkState.BROKEN);
    assertThat(run.stored().refreshToken()).isEmpty();
  }

  @Test
  void afterAProcessDiedBetweenTikToksAnswerAndTheStoreWriteTheOldTokenIsTriedOnceMore() throws Exception {
    Run run = crashInAnotherProcessThenRefreshHere(RefreshRotation.ROTATING_LENIENT);

    assertThat(run.results().get(0)).startsWith("AUTH_REVOKED").contains("refresh interrupted; link again");
    assertThat(run.results().get(1)).startsWith("AUTH_EXPIRED");
    assertThat(run.refreshRequests()).isEqualTo(2);
    assertThat(run.refused()).isEqualTo(1);
    assertThat(run.linkState()).isEqualTo(LinkState.BROKEN);
  }
}
