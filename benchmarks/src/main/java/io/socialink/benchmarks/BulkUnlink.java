package io.socialink.benchmarks;

import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkReport;
import io.socialink.store.Stores;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.unlink.BulkProgress;
import io.socialink.unlink.BulkUnlinkListener;
import io.socialink.unlink.BulkUnlinkOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The bulk unlink benchmark: {@code links} app-authorization links, X and TikTok alternating, unlinked
 * in bulk against the emulators, whose revoke endpoints allow {@code R} requests per second (X: per
 * client in whole-second windows with {@code x-rate-limit-*} headers; TikTok: per app in a sliding
 * second, 429 {@code rate_limit_exceeded} without headers). Socialink declares the same limits, so the
 * pipeline paces the requests instead of running into 429s.
 *
 * <p>Two passes, as an offboarding runs: the first revokes every grant and stops at the manual step
 * of each plan (the account holder checks that the app is gone from their settings); the holders'
 * confirmations are recorded; the second pass verifies with the old tokens (TikTok's user info,
 * limited to R per second like the revoke endpoint; X's {@code /2/users/me}, limited per user only)
 * and forgets the grants. Each pass's makespan is compared with its floor: the requests on the
 * busiest limited endpoint divided by R.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar io.socialink.benchmarks.BulkUnlink
 * [--links 10000] [--rate 200] [--concurrency 64] [--margin-ms 10]}.
 */
public final class BulkUnlink {
  private BulkUnlink() {}

  /**
   * What to run.
   *
   * @param links how many links, even ones on X and odd ones on TikTok
   * @param perSecond R, the revoke (and TikTok user info) limit per second
   * @param concurrency the bulk run's workers
   * @param margin added to the declared one-second windows, for requests that arrive late
   * @param warmUpLinks links unlinked first on a separate, unlimited pair of emulators, so that class
   *     loading and the JIT do not delay the measured run's first requests; 0 for none
   */
  public record Settings(int links, int perSecond, int concurrency, Duration margin, int warmUpLinks) {
    /** Validates the components. */
    public Settings {
      if (links < 1 || perSecond < 1 || concurrency < 1 || warmUpLinks < 0) {
        throw new IllegalArgumentException("links, rate and concurrency must be positive, warm-up links not negative");
      }
      Objects.requireNonNull(margin, "margin");
    }
  }

  /**
   * What a run measured.
   *
   * @param settings what ran
   * @param xRevokes revoke requests X answered (not 429)
   * @param tiktokRevokes revoke requests TikTok answered (not 429)
   * @param revokePass the first pass's makespan
   * @param tiktokVerifies TikTok user info requests of the second pass
   * @param xVerifies X {@code /2/users/me} requests of the second pass
   * @param verifyPass the second pass's makespan
   * @param throttled revoke requests answered 429, both platforms
   * @param throttledAfterFirstWindow of those, the ones more than one second after the pass started
   * @param awaitingAfterFirstPass plans waiting for the account holder after the first pass
   * @param states the links by state at the end
   * @param complete plans complete at the end
   * @param lost links without a complete plan at the end, or that the bulk runs did not settle
   * @param grantsLeft grants still stored at the end
   */
  public record Figures(Settings settings, long xRevokes, long tiktokRevokes, Duration revokePass, long tiktokVerifies,
      long xVerifies, Duration verifyPass, int throttled, int throttledAfterFirstWindow, int awaitingAfterFirstPass,
      Map<LinkState, Long> states, int complete, int lost, int grantsLeft) {
    /** Copies the states. */
    public Figures {
      states = Map.copyOf(states);
    }

    /**
     * The first pass's floor: revoke requests on the busiest platform ÷ R.
     *
     * @return seconds
     */
    public double revokeFloorSeconds() {
      return Math.max(xRevokes, tiktokRevokes) / (double) settings.perSecond();
    }

    /**
     * The second pass's floor: TikTok user info requests ÷ R (X counts its verification per user only).
     *
     * @return seconds
     */
    public double verifyFloorSeconds() {
      return tiktokVerifies / (double) settings.perSecond();
    }
  }

  /**
   * Runs the benchmark and prints the figures.
   *
   * @param args {@code --links N}, {@code --rate R}, {@code --concurrency C}, {@code --margin-ms M}
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    Settings s = new Settings(intArg(args, "--links", 10_000), intArg(args, "--rate", 200),
        intArg(args, "--concurrency", 64), Duration.ofMillis(intArg(args, "--margin-ms", 10)),
        intArg(args, "--warm-up", 2_000));
    Figures f = run(s, System.out);
    print(f, System.out);
  }

  /**
   * Runs the benchmark, printing progress.
   *
   * @param s what to run
   * @param out where to print progress
   * @return the figures
   * @throws InterruptedException if interrupted
   */
  public static Figures run(Settings s, PrintStream out) throws InterruptedException {
    Objects.requireNonNull(s, "s");
    Objects.requireNonNull(out, "out");
    Clock clock = Clock.systemUTC();
    if (s.warmUpLinks() > 0) {
      warmUp(s, clock, out);
    }
    Stores stores = Stores.inMemory();
    try (XEmulator x = XEmulator.builder().revokeLimit(s.perSecond()).start();
        TikTokEmulator tiktok = TikTokEmulator.builder().revokeLimit(s.perSecond()).start()) {
      tiktok.rateLimit("user.info", s.perSecond(), Duration.ofSeconds(1));
      Socialink socialink = UnlinkFixture.socialink(x.authorizeUri(), x.apiBaseUri(), tiktok.authorizeUri(),
          tiktok.apiBaseUri(), stores, s.perSecond(), s.margin());
      List<String> ids = UnlinkFixture.seed(x, tiktok, stores, s.links(), clock).stream()
          .map(UnlinkFixture.Seeded::linkId).toList();
      out.println("linked " + ids.size() + " accounts (X and TikTok alternating); R = " + s.perSecond()
          + " requests/s per revoke endpoint, " + s.concurrency() + " workers");

      Instant firstStart = clock.instant();
      long t0 = System.nanoTime();
      io.socialink.unlink.BulkUnlink.Result first = socialink.unlinking()
          .unlinkAll(UnlinkFixture.OWNER, ids, new BulkUnlinkOptions(s.concurrency(), new Progress(out, "revoke"))).await();
      Duration revokePass = Duration.ofNanos(System.nanoTime() - t0);
      long xRevokes = x.count("POST", "/2/oauth2/revoke") - x.throttledRevocations().size();
      long tiktokRevokes = tiktok.count("POST", "/v2/oauth/revoke/") - tiktok.throttledRevocations().size();

      int confirmed = 0;
      for (Map.Entry<String, UnlinkReport> e : first.reports().entrySet()) {
        for (StepOutcome waiting : e.getValue().withStatus(StepStatus.AWAITING_USER)) {
          socialink.unlinking().confirm(UnlinkFixture.OWNER,
              socialink.unlinking().plan(UnlinkFixture.OWNER, e.getKey()), waiting.stepId());
          confirmed++;
        }
      }
      out.println("confirmed " + confirmed + " manual steps for the account holders");

      long xMe = x.count("GET", "/2/users/me");
      long ttInfo = tiktok.count("GET", "/v2/user/info/");
      Instant secondStart = clock.instant();
      long t2 = System.nanoTime();
      io.socialink.unlink.BulkUnlink.Result second = socialink.unlinking()
          .unlinkAll(UnlinkFixture.OWNER, ids, new BulkUnlinkOptions(s.concurrency(), new Progress(out, "verify")))
          .await();
      Duration verifyPass = Duration.ofNanos(System.nanoTime() - t2);

      if (!x.throttledRevocations().isEmpty() || !tiktok.throttledRevocations().isEmpty()) {
        out.println("429s on revoke, ms after the revoke pass started: X " + x.throttledRevocations().stream()
            .map(at -> Duration.between(firstStart, at).toMillis()).toList() + ", TikTok " + tiktok.throttledRevocations().stream()
            .map(at -> Duration.between(firstStart, at).toMillis()).toList());
      }
      List<Instant> throttled = new java.util.ArrayList<>(x.throttledRevocations());
      throttled.addAll(tiktok.throttledRevocations());
      int late = (int) throttled.stream().filter(at -> at.isAfter(firstStart.plusSeconds(1))
          && (at.isBefore(secondStart) || at.isAfter(secondStart.plusSeconds(1)))).count();
      Map<LinkState, Long> states = ids.stream()
          .map(id -> stores.links().find(UnlinkFixture.OWNER, id).orElseThrow())
          .collect(Collectors.groupingBy(Link::state, TreeMap::new, Collectors.counting()));
      int complete = (int) second.reports().values().stream().filter(UnlinkReport::isComplete).count();
      int lost = (int) ids.stream().filter(id -> !second.reports().containsKey(id)
          || !second.reports().get(id).isComplete()
          || stores.links().find(UnlinkFixture.OWNER, id).map(l -> l.state() != LinkState.UNLINKED).orElse(true))
          .count();
      return new Figures(s, xRevokes, tiktokRevokes, revokePass, tiktok.count("GET", "/v2/user/info/") - ttInfo,
          x.count("GET", "/2/users/me") - xMe, verifyPass, throttled.size(), late, first.progress().awaitingUser(),
          states, complete, lost, stores.grants().findByOwner(UnlinkFixture.OWNER).size());
    }
  }

  /** Unlinks links in both passes on emulators without limits, with the same pipeline set-up. */
  private static void warmUp(Settings s, Clock clock, PrintStream out) throws InterruptedException {
    long t0 = System.nanoTime();
    Stores stores = Stores.inMemory();
    try (XEmulator x = XEmulator.start(); TikTokEmulator tiktok = TikTokEmulator.start()) {
      Socialink socialink = UnlinkFixture.socialink(x.authorizeUri(), x.apiBaseUri(), tiktok.authorizeUri(),
          tiktok.apiBaseUri(), stores, 100_000, s.margin());
      List<String> ids = UnlinkFixture.seed(x, tiktok, stores, s.warmUpLinks(), clock).stream()
          .map(UnlinkFixture.Seeded::linkId).toList();
      for (int pass = 0; pass < 2; pass++) {
        io.socialink.unlink.BulkUnlink.Result r = socialink.unlinking()
            .unlinkAll(UnlinkFixture.OWNER, ids, new BulkUnlinkOptions(s.concurrency(), BulkUnlinkListener.NONE)).await();
        r.reports().forEach((id, report) -> report.withStatus(StepStatus.AWAITING_USER).forEach(w -> socialink
            .unlinking().confirm(UnlinkFixture.OWNER, socialink.unlinking().plan(UnlinkFixture.OWNER, id), w.stepId())));
      }
    }
    out.println("warmed up on " + s.warmUpLinks() + " links against unlimited emulators in "
        + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
  }

  /**
   * Prints the figures.
   *
   * @param f the figures
   * @param out where
   */
  public static void print(Figures f, PrintStream out) {
    double revoke = f.revokePass().toNanos() / 1e9;
    double verify = f.verifyPass().toNanos() / 1e9;
    double floor = f.revokeFloorSeconds() + f.verifyFloorSeconds();
    out.println();
    out.println("BulkUnlink: " + f.settings().links() + " links, R = " + f.settings().perSecond() + "/s, "
        + f.settings().concurrency() + " workers, declared windows 1 s + " + f.settings().margin().toMillis() + " ms, "
        + f.settings().warmUpLinks() + " warm-up links");
    out.println(String.format(Locale.ROOT, "  revoke pass   %8.2f s   floor %8.2f s   ratio %.3f   (X %d, TikTok %d"
        + " revoke requests)", revoke, f.revokeFloorSeconds(), revoke / f.revokeFloorSeconds(), f.xRevokes(),
        f.tiktokRevokes()));
    out.println(String.format(Locale.ROOT, "  verify pass   %8.2f s   floor %8.2f s   ratio %.3f   (TikTok %d user"
        + " info, X %d users/me)", verify, f.verifyFloorSeconds(),
        f.verifyFloorSeconds() > 0 ? verify / f.verifyFloorSeconds() : Double.NaN, f.tiktokVerifies(), f.xVerifies()));
    out.println(String.format(Locale.ROOT, "  both passes   %8.2f s   floor %8.2f s   ratio %.3f   (goal <= 1.03)",
        revoke + verify, floor, (revoke + verify) / floor));
    out.println("  429s on revoke: " + f.throttled() + " in all, " + f.throttledAfterFirstWindow()
        + " after the first window (goal 0)");
    out.println("  plans waiting for the account holder after the revoke pass: " + f.awaitingAfterFirstPass());
    out.println("  plans complete: " + f.complete() + "; links by state: " + f.states() + "; grants left: "
        + f.grantsLeft() + "; plans lost: " + f.lost() + " (goal 0)");
  }

  static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  /** Prints a line at every tenth of a pass; the bulk run never overlaps the listener's calls. */
  private static final class Progress implements BulkUnlinkListener {
    private final PrintStream out;
    private final String pass;
    private int shown = -1;

    Progress(PrintStream out, String pass) {
      this.out = out;
      this.pass = pass;
    }

    @Override
    public void executed(String linkId, UnlinkReport report, BulkProgress progress) {
      show(progress);
    }

    @Override
    public void failed(String linkId, io.socialink.error.SocialinkException error, BulkProgress progress) {
      out.println("  " + pass + ": link " + linkId + " failed: " + error.category());
      show(progress);
    }

    private void show(BulkProgress p) {
      int tenths = p.executed() * 10 / Math.max(1, p.total());
      if (tenths != shown) {
        shown = tenths;
        out.println("  " + pass + " " + p.executed() + "/" + p.total() + ": " + p.describe());
      }
    }
  }
}
