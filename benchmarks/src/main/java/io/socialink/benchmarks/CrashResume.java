package io.socialink.benchmarks;

import io.socialink.LinkState;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.jdbc.JdbcStores;
import io.socialink.jdbc.KeyProvider;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The crash-and-resume harness: a child JVM ({@link CrashResumeChild}) bulk-unlinks app-authorization
 * links (X and TikTok alternating) with its plan journal in an H2 file database, and is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) at random moments, then started again until it
 * finishes. The emulators run in this process, so they survive the kills and count every revoke
 * request per token. After each trial the journal, the stores and the emulators are checked:
 *
 * <ul>
 *   <li>every plan complete (revoke, verify, forget settled, the manual step confirmed), every link
 *       {@link LinkState#UNLINKED}, no grant left: no plan lost;</li>
 *   <li>no revoke sent for a step after the journal held it settled (a defect); a revoke sent again
 *       after a kill that came before the journal write is allowed, and shows as a re-sent step
 *       (normally {@link StepStatus#ALREADY_DONE}).</li>
 * </ul>
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar io.socialink.benchmarks.CrashResume
 * [--trials 20] [--links 100] [--seed 14] [--rate 50] [--workers 8] [--kill-min-ms 800]
 * [--kill-max-ms 6000] [--h2-options ";DB_CLOSE_DELAY=-1"]}.
 */
public final class CrashResume {
  private CrashResume() {}

  /**
   * What one trial found.
   *
   * @param trial the trial's number
   * @param kills how many times the child was killed
   * @param starts how many times it was started
   * @param plansComplete plans complete at the end, every step recorded
   * @param forgetUnrecorded plans complete in effect (revoked, verified, confirmed, grant forgotten,
   *     link unlinked) whose forget step has no record: the kill came between deleting the grant and
   *     recording it, and the plan made again from the stores no longer holds the grant's steps
   * @param plansLost links whose plan is not complete, link not unlinked, or grant still stored
   * @param revokeSteps revoke steps checked
   * @param resent revoke steps whose tokens got more than one request, all before the journal said settled
   * @param resentAlreadyDone of those, the ones the journal holds as {@link StepStatus#ALREADY_DONE}
   * @param defects revoke requests sent for a step after the journal held it settled
   */
  public record Trial(int trial, int kills, int starts, int plansComplete, int forgetUnrecorded, int plansLost, int revokeSteps, int resent,
      int resentAlreadyDone, int defects) {}

  /**
   * Runs the trials and prints the figures.
   *
   * @param args see the class comment
   * @throws Exception if a trial cannot run
   */
  public static void main(String[] args) throws Exception {
    int trials = BulkUnlink.intArg(args, "--trials", 20);
    int links = BulkUnlink.intArg(args, "--links", 100);
    long seed = BulkUnlink.intArg(args, "--seed", 14);
    int rate = BulkUnlink.intArg(args, "--rate", 50);
    int workers = BulkUnlink.intArg(args, "--workers", 8);
    int killMin = BulkUnlink.intArg(args, "--kill-min-ms", 800);
    int killMax = BulkUnlink.intArg(args, "--kill-max-ms", 6000);
    String h2Options = ";DB_CLOSE_DELAY=-1";
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--h2-options")) {
        h2Options = args[i + 1];
      }
    }
    PrintStream out = System.out;
    out.println("CrashResume: " + trials + " trials of " + links + " links, seed " + seed + ", R = " + rate + "/s, "
        + workers + " workers, kills " + killMin + "-" + killMax + " ms after a start, H2 options '" + h2Options + "'");
    Random random = new Random(seed);
    List<Trial> results = new ArrayList<>();
    for (int t = 1; t <= trials; t++) {
      Trial r = trial(t, links, rate, workers, killMin, killMax, h2Options, random, out);
      results.add(r);
      out.println("  " + r);
    }
    out.println();
    out.println("CrashResume summary: " + trials + " trials, " + results.stream().mapToInt(Trial::kills).sum()
        + " kills (SIGKILL), " + results.stream().mapToInt(Trial::starts).sum() + " child starts");
    out.println("  plans complete " + results.stream().mapToInt(Trial::plansComplete).sum() + " of "
        + trials * links + ", complete in effect with the forget step unrecorded "
        + results.stream().mapToInt(Trial::forgetUnrecorded).sum() + "; plans lost " + results.stream().mapToInt(Trial::plansLost).sum() + " (goal 0)");
    out.println("  revoke steps " + results.stream().mapToInt(Trial::revokeSteps).sum() + "; re-sent after a kill"
        + " before the journal write " + results.stream().mapToInt(Trial::resent).sum() + " (of them ALREADY_DONE "
        + results.stream().mapToInt(Trial::resentAlreadyDone).sum() + "); revokes sent after the journal said"
        + " settled " + results.stream().mapToInt(Trial::defects).sum() + " (goal 0)");
  }

  /**
   * Runs one trial.
   *
   * @param number the trial's number
   * @param links how many links
   * @param rate R
   * @param workers bulk workers in the child
   * @param killMin earliest kill after a start, ms
   * @param killMax latest kill after a start, ms
   * @param h2Options appended to the H2 file URL
   * @param random the seeded source of kill counts and moments
   * @param out where to print
   * @return what it found
   * @throws Exception if the trial cannot run
   */
  static Trial trial(int number, int links, int rate, int workers, int killMin, int killMax, String h2Options,
      Random random, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("socialink-crash-resume-");
    String url = "jdbc:h2:file:" + dir.resolve("journal").toAbsolutePath() + h2Options;
    try (XEmulator x = XEmulator.builder().revokeLimit(rate).start();
        TikTokEmulator tiktok = TikTokEmulator.builder().revokeLimit(rate).start()) {
      tiktok.rateLimit("user.info", rate, Duration.ofSeconds(1));
      List<UnlinkFixture.Seeded> seeded;
      JdbcStores seeding = open(url);
      seeded = UnlinkFixture.seed(x, tiktok, seeding.stores(), links, Clock.systemUTC());
      shutdown(url);

      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CrashResumeChild.class.getName(), url,
          x.authorizeUri().toString(), x.apiBaseUri().toString(), tiktok.authorizeUri().toString(),
          tiktok.apiBaseUri().toString(), Integer.toString(rate), Integer.toString(workers));
      Map<String, Instant> reported = new ConcurrentHashMap<>();
      int plannedKills = 1 + random.nextInt(3);
      int kills = 0;
      int starts = 0;
      while (true) {
        starts++;
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = drain(child, reported);
        if (kills < plannedKills) {
          long delay = killMin + (long) random.nextInt(Math.max(1, killMax - killMin));
          if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor();
            reader.join();
            kills++;
            continue;
          }
        } else if (!child.waitFor(10, TimeUnit.MINUTES)) {
          child.destroyForcibly();
          child.waitFor();
          reader.join();
          throw new IllegalStateException("trial " + number + ": the child did not finish within 10 minutes");
        }
        reader.join();
        if (child.exitValue() != 0) {
          throw new IllegalStateException("trial " + number + ": the child exited with " + child.exitValue());
        }
        break;
      }
      Trial r = check(number, kills, starts, url, seeded, reported, x, tiktok, out);
      deleteTree(dir);
      return r;
    }
  }

  private static Trial check(int number, int kills, int starts, String url, List<UnlinkFixture.Seeded> seeded,
      Map<String, Instant> reported, XEmulator x, TikTokEmulator tiktok, PrintStream out) {
    JdbcStores jdbc = open(url);
    int complete = 0;
    int unrecorded = 0;
    int lost = 0;
    int resent = 0;
    int resentAlreadyDone = 0;
    int defects = 0;
    for (UnlinkFixture.Seeded s : seeded) {
      List<StepOutcome> journal = jdbc.journal().outcomes(UnlinkFixture.OWNER, "link:" + s.linkId());
      String revoke = "revoke:" + s.platformId() + ":" + s.grantId();
      boolean planComplete = settled(journal, revoke) && settled(journal, "verify:" + s.platformId() + ":" + s.grantId())
          && settled(journal, "forget:" + s.grantId())
          && journal.stream().anyMatch(o -> o.stepId().startsWith("manual:") && o.status() == StepStatus.DONE);
      boolean unlinked = jdbc.links().find(UnlinkFixture.OWNER, s.linkId()).map(l -> l.state() == LinkState.UNLINKED)
          .orElse(false);
      boolean forgotten = jdbc.grants().find(UnlinkFixture.OWNER, s.grantId()).isEmpty();
      boolean forgetUnrecorded = !planComplete && unlinked && forgotten && settled(journal, revoke)
          && settled(journal, "verify:" + s.platformId() + ":" + s.grantId())
          && journal.stream().noneMatch(o -> o.stepId().equals("forget:" + s.grantId()))
          && journal.stream().anyMatch(o -> o.stepId().startsWith("manual:") && o.status() == StepStatus.DONE);
      if (planComplete && unlinked && forgotten) {
        complete++;
      } else if (forgetUnrecorded) {
        // Killed after the grant was deleted and before the outcome was recorded: the plan made again
        // from the stores no longer holds the grant's steps, and completes without recording it.
        unrecorded++;
      } else {
        lost++;
        StringBuilder b = new StringBuilder("    not complete: " + s.linkId() + " (" + s.platformId() + "), link "
            + (unlinked ? "unlinked" : "not unlinked") + ", grant " + (forgotten ? "forgotten" : "still stored")
            + "; journal:");
        journal.forEach(o -> b.append(' ').append(o.stepId()).append('=').append(o.status()));
        out.println(b);
      }
      // When the journal first held the revoke step settled, by its own record and by what the child saw.
      Instant settledAt = journal.stream().filter(o -> o.stepId().equals(revoke) && o.status().isSettled())
          .map(StepOutcome::at).min(Comparator.naturalOrder()).orElse(Instant.MAX);
      Instant seen = reported.get(revoke);
      if (seen != null && seen.isBefore(settledAt)) {
        settledAt = seen;
      }
      boolean many = false;
      for (String token : s.tokens()) {
        List<Instant> sent = s.platformId().equals("x") ? x.revocationsOf(token) : tiktok.revocationsOf(token);
        many |= sent.size() > 1;
        for (Instant at : sent) {
          if (at.isAfter(settledAt)) {
            defects++;
          }
        }
      }
      if (many) {
        resent++;
        StepStatus last = journal.stream().filter(o -> o.stepId().equals(revoke)).reduce((a, b) -> b)
            .map(StepOutcome::status).orElse(StepStatus.NOT_STARTED);
        if (last == StepStatus.ALREADY_DONE) {
          resentAlreadyDone++;
        }
      }
    }
    shutdown(url);
    return new Trial(number, kills, starts, complete, unrecorded, lost, seeded.size(), resent, resentAlreadyDone,
        defects);
  }

  private static boolean settled(List<StepOutcome> journal, String stepId) {
    return journal.stream().filter(o -> o.stepId().equals(stepId)).reduce((a, b) -> b)
        .map(o -> o.status() == StepStatus.DONE || o.status() == StepStatus.ALREADY_DONE).orElse(false);
  }

  /** Reads the child's output: remembers the settled revoke steps it reports, passes other lines on. */
  private static Thread drain(Process child, Map<String, Instant> reported) {
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          String[] parts = line.split(" ");
          if (parts.length == 3 && parts[0].equals("SETTLED") && parts[2].matches("[0-9]{1,19}")) {
            long nanos = Long.parseLong(parts[2]);
            Instant at = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
            reported.merge(parts[1], at, (a, b) -> a.isBefore(b) ? a : b);
          }
        }
      } catch (IOException e) {
        // The child was killed while writing: what it printed before is kept.
      }
    }, "crash-resume-child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Opens the journal's database with the benchmark's fixed key.
   *
   * @param url the JDBC URL
   * @return the stores
   */
  static JdbcStores open(String url) {
    byte[] key;
    try {
      key = MessageDigest.getInstance("SHA-256").digest("socialink crash-resume benchmark key"
          .getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return JdbcStores.builder(url, "sa", "").keys(KeyProvider.of("bench", Map.of("bench", KeyProvider.aesKey(key))))
        .build();
  }

  /** Closes the H2 database so that another process may open its file. */
  private static void shutdown(String url) {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the H2 database: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
