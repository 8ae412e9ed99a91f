package io.socialink.benchmarks;

import io.socialink.Link;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkReport;
import io.socialink.jdbc.JdbcStores;
import io.socialink.unlink.BulkProgress;
import io.socialink.unlink.BulkUnlinkListener;
import io.socialink.unlink.BulkUnlinkOptions;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The process {@link CrashResume} kills: it opens the journal's H2 file, bulk-unlinks every link of
 * {@link UnlinkFixture#OWNER} against the emulators running in the parent, confirms the manual steps
 * as the account holders would, and runs the bulk unlink again until every plan is complete. For each
 * plan it prints {@code SETTLED <step id> <epoch nanos>} for the revoke steps the journal holds as
 * settled once the plan's execution returned, so that the parent knows what the journal had said
 * before any later kill. Exits 0 when every plan is complete, 2 otherwise.
 */
public final class CrashResumeChild {
  private CrashResumeChild() {}

  /**
   * Runs the child.
   *
   * @param args the JDBC URL, X's authorize page and API origin, TikTok's authorize page and API
   *     origin, R, the number of workers
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 7) {
      throw new IllegalArgumentException("usage: CrashResumeChild <jdbc url> <x authorize> <x api> <tiktok authorize>"
          + " <tiktok api> <rate> <workers>");
    }
    JdbcStores jdbc = CrashResume.open(args[0]);
    Socialink socialink = UnlinkFixture.socialink(URI.create(args[1]), URI.create(args[2]), URI.create(args[3]),
        URI.create(args[4]), jdbc.stores(), Integer.parseInt(args[5]), Duration.ofMillis(10));
    int workers = Integer.parseInt(args[6]);
    List<String> ids = jdbc.links().findByOwner(UnlinkFixture.OWNER).stream().map(Link::id).sorted().toList();
    PrintStream out = System.out;
    for (int round = 1; round <= 5; round++) {
      io.socialink.unlink.BulkUnlink.Result r = socialink.unlinking()
          .unlinkAll(UnlinkFixture.OWNER, ids, new BulkUnlinkOptions(workers, new Settled(out))).await();
      int confirmed = 0;
      for (Map.Entry<String, UnlinkReport> e : r.reports().entrySet()) {
        for (StepOutcome waiting : e.getValue().withStatus(StepStatus.AWAITING_USER)) {
          socialink.unlinking().confirm(UnlinkFixture.OWNER, socialink.unlinking().plan(UnlinkFixture.OWNER, e.getKey()),
              waiting.stepId());
          confirmed++;
        }
      }
      long complete = r.reports().values().stream().filter(UnlinkReport::isComplete).count();
      out.println("ROUND " + round + " " + complete + "/" + ids.size() + " complete, " + confirmed + " confirmed, "
          + r.errors().size() + " errors");
      out.flush();
      if (complete == ids.size()) {
        System.exit(0);
      }
    }
    System.exit(2);
  }

  /** Prints the settled revoke steps of each executed plan. */
  private static final class Settled implements BulkUnlinkListener {
    private final PrintStream out;

    Settled(PrintStream out) {
      this.out = out;
    }

    @Override
    public void executed(String linkId, UnlinkReport report, BulkProgress progress) {
      StringBuilder b = new StringBuilder();
      for (StepOutcome o : report.outcomes()) {
        if (o.stepId().startsWith("revoke:") && o.status().isSettled()) {
          b.append("SETTLED ").append(o.stepId()).append(' ')
              .append(o.at().getEpochSecond() * 1_000_000_000L + o.at().getNano()).append('\n');
        }
      }
      out.print(b);
      out.flush();
    }
  }
}
