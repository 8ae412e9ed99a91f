package io.socialink.examples;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.CallbackParameters;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncReport;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.store.Stores;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An Instagram → X cross-post and its complete disconnection, against the testkit's emulators: links
 * both accounts, makes a {@code CROSS_POST} link that copies three Instagram posts to X, then unlinks
 * it: the plan is printed (stop the sync, the user's steps, and a note naming the posts that stay on
 * X), executed, the user's part simulated and confirmed, and executed again. Verification posts on
 * Instagram once more and checks nothing reaches X. As the app's own authorization links still use
 * both grants, the cross-post plan keeps them; unlinking those two links then revokes X's grant
 * through the API, has the user remove the app on Instagram (which has no revocation API), verifies
 * that both old tokens are refused and forgets them. The report lists the posts that stay on X.
 * Nothing leaves this machine.
 */
public final class CrossPostUnlink {
  private static final String OWNER = "user-42";
  /** A one-pixel PNG, as the image file the Instagram CDN serves. */
  private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private CrossPostUnlink() {}

  /**
   * What the example did, for its test.
   *
   * @param crossPost the cross-post link at the end
   * @param plan the cross-post link's unlink plan
   * @param report the cross-post plan's final report
   * @param postsOnX the posts on the X emulator at the end, oldest first
   * @param stayOnX the target post ids the journal says stay on X
   * @param copiedAfterUnlink how many posts a pass after the unlink copied
   * @param grantsLeft how many of the two grants are still stored at the end
   * @param linksUnlinked how many of the three links are unlinked at the end
   */
  public record Outcome(Link crossPost, UnlinkPlan plan, UnlinkReport report, List<XEmulator.PostRecord> postsOnX,
      List<String> stayOnX, int copiedAfterUnlink, long grantsLeft, long linksUnlinked) {}

  /**
   * Runs the example on standard output.
   *
   * @param args {@code --memory} to keep nothing, otherwise the state is kept in the demo's H2 file
   */
  public static void main(String[] args) {
    run(System.out, DemoState.fromArguments(args).stores());
  }

  /**
   * Runs the example with its state in memory only.
   *
   * @param out where to print
   * @return what happened
   */
  public static Outcome run(PrintStream out) {
    return run(out, Stores.inMemory());
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   * @param stores where to keep links, grants and the cross-post journal
   * @return what happened
   */
  public static Outcome run(PrintStream out, Stores stores) {
    TestClock clock = TestClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    out.println("An Instagram → X cross-post, then its complete unlink, against local emulators");
    try (InstagramEmulator ig = InstagramEmulator.builder().clock(clock).start();
        XEmulator x = XEmulator.builder().clock(clock).start()) {
      Socialink socialink = socialink(ig, x, clock, stores);
      String igUser = InstagramEmulator.DEFAULT_USER_ID;

      AuthorizationResult instagram = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
          ig.consent(socialink.linking().authorize(OWNER, InstagramProvider.ID).url())));
      AuthorizationResult onX = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
          x.consent(socialink.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING).url())));
      Link link = socialink.crossPosting().link(OWNER, instagram.grant().id(), onX.grant().id(),
          CrossPostRules.ofDefaults());
      out.println("  link      " + link.kind() + " " + link.from().describe() + " -> " + link.to().describe());

      socialink.crossPosting().syncNow(OWNER, link.id(), CrossPostListener.noop()); // remembers where Instagram is
      for (String caption : List.of("First light on the harbour #oilpainting", "The studio, tidied for once",
          "Finished and varnished: the harbour at dawn")) {
        clock.advance(Duration.ofMinutes(1));
        ig.addMedia(igUser, "IMAGE", "FEED", Optional.of(caption), Optional.of(PIXEL));
      }
      clock.advance(Duration.ofMinutes(1));
      SyncReport synced = socialink.crossPosting().syncNow(OWNER, link.id(), CrossPostListener.noop());
      out.println("  synced    " + synced.posted().size() + " Instagram posts copied to X:");
      for (XEmulator.PostRecord p : x.posts()) {
        out.println("    X " + p.id() + "  " + firstLine(p.text()));
      }
      out.println();

      out.println("Unlinking the cross-post");
      UnlinkPlan plan = socialink.unlinking().plan(OWNER, link.id());
      UnlinkReport report = unlink(out, socialink, plan, () -> { });

      clock.advance(Duration.ofMinutes(1));
      ig.addMedia(igUser, "IMAGE", "FEED", Optional.of("Posted after the unlink"), Optional.of(PIXEL));
      int postsBefore = x.posts().size();
      SyncReport after = socialink.crossPosting().syncNow(OWNER, link.id(), CrossPostListener.noop());
      out.println("  verify    a new Instagram post after the unlink: " + after.posted().size() + " copied; X has "
          + x.posts().size() + " posts, as before (" + postsBefore + ")");
      out.println();

      out.println("Disconnecting the app from both accounts (their grants were kept for the cross-post until now)");
      UnlinkReport xReport = unlink(out, socialink, socialink.unlinking().plan(OWNER, onX.link().id()), () -> { });
      UnlinkReport igReport = unlink(out, socialink, socialink.unlinking().plan(OWNER, instagram.link().id()),
          () -> ig.removeApp(igUser));

      List<CrossPostEntry> stay = socialink.crossPosting().journal(OWNER, link.id()).stream()
          .filter(e -> e.state() == CrossPostEntry.State.POSTED && e.targetPostId().isPresent())
          .toList();
      out.println("Report");
      List<Link> all = List.of(link, onX.link(), instagram.link()).stream()
          .map(l -> socialink.links().find(OWNER, l.id()).orElseThrow()).toList();
      for (Link l : all) {
        out.println("  " + l.state() + "  " + l.kind() + " " + l.from().describe() + " -> " + l.to().describe());
      }
      out.println("  plans     cross-post " + status(report) + ", X access " + status(xReport) + ", Instagram access "
          + status(igReport));
      long grantsLeft = List.of(instagram.grant(), onX.grant()).stream().map(Grant::id)
          .filter(id -> socialink.grants().find(OWNER, id).isPresent()).count();
      out.println("  grants    still stored: " + grantsLeft + " of 2");
      out.println("  stay on X " + stay.size() + " posts copied before the unlink stay until deleted there by hand:");
      for (CrossPostEntry e : stay) {
        out.println("    X " + e.targetPostId().get() + "  (from Instagram " + e.sourceItemId() + ")  "
            + firstLine(e.text()));
      }
      return new Outcome(all.get(0), plan, report, x.posts(),
          stay.stream().map(e -> e.targetPostId().get()).toList(), after.posted().size(), grantsLeft,
          all.stream().filter(l -> l.state() == LinkState.UNLINKED).count());
    }
  }

  private static Socialink socialink(InstagramEmulator ig, XEmulator x, TestClock clock, Stores stores) {
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
        .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
            ig.graphBaseUri())).build())
        .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
            XEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
        .applicationName("Socialink Demo")
        .stores(stores).clock(clock)
        .sleeper(clock::advance)
        .build();
  }

  /** Prints the plan, executes it, has the user do the manual steps, confirms them and executes it again. */
  private static UnlinkReport unlink(PrintStream out, Socialink socialink, UnlinkPlan plan, Runnable userDoesIt) {
    out.println("  plan");
    plan.renderText().lines().forEach(l -> out.println("    " + l));
    UnlinkReport report = socialink.unlinking().execute(OWNER, plan);
    out.println("  executed");
    report.renderText().lines().forEach(l -> out.println("    " + l));
    List<StepOutcome> waiting = report.withStatus(StepStatus.AWAITING_USER);
    if (!waiting.isEmpty()) {
      userDoesIt.run();
      for (StepOutcome step : waiting) {
        socialink.unlinking().confirm(OWNER, plan, step.stepId());
      }
      out.println("  (the user did the " + waiting.size() + " manual step(s) and the app confirmed them)");
      report = socialink.unlinking().execute(OWNER, plan);
      out.println("  executed again");
      report.renderText().lines().forEach(l -> out.println("    " + l));
    }
    return report;
  }

  private static String status(UnlinkReport report) {
    return report.isComplete() ? "complete" : "incomplete";
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 59) + "…" : line;
  }
}
