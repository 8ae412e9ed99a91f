package io.socialink.examples;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.crosspost.CaptionTemplate;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostFailure;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.CrossPostSync;
import io.socialink.crosspost.SyncCursor;
import io.socialink.crosspost.SyncReport;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.spi.TextRules;
import io.socialink.store.CrossPostStore;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cross-post loop from Instagram to X against the testkit's emulators: links both accounts, makes
 * a {@code CROSS_POST} link, and polls while the Instagram user posts (an image with a long caption, a
 * reel, a story the rules leave out, a reel without a file, a post without a caption). Posts appear on
 * the X emulator with captions fitted to X's weighted 280. Then the process is killed between X's
 * answer and the journal write, and a restarted one over the same stores finds the post among the
 * account's recent posts instead of posting it twice. Time is a test clock moved by the sleeper, so
 * the loop runs at once; nothing leaves this machine.
 */
public final class CrossPostDemo {
  private static final String OWNER = "user-42";
  /** A one-pixel PNG, as the image file the Instagram CDN serves. */
  private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  private static final byte[] VIDEO = new byte[4096];
  /** How long the loop waits between polls. */
  private static final Duration POLL = Duration.ofMinutes(5);

  private CrossPostDemo() {}

  /**
   * What the demo did, for its test.
   *
   * @param xPosts the texts on the X emulator, oldest first
   * @param journal the link's journal at the end
   * @param postsBeforeKill posts on X just before the killed pass
   * @param postsAfterRestart posts on X after the restarted pass
   */
  public record Outcome(List<String> xPosts, List<CrossPostEntry> journal, int postsBeforeKill,
      int postsAfterRestart) {}

  /**
   * Runs the demo on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the demo.
   *
   * @param out where to print
   * @return what happened
   */
  public static Outcome run(PrintStream out) {
    TestClock clock = TestClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    try (InstagramEmulator ig = InstagramEmulator.builder().clock(clock).start();
        XEmulator x = XEmulator.builder().clock(clock).start()) {
      String igUser = InstagramEmulator.DEFAULT_USER_ID;
      KillSwitch killSwitch = new KillSwitch(Stores.inMemory().crossPosts());
      Stores stores = Stores.inMemory().withCrossPosts(killSwitch);
      Deque<Runnable> script = new ArrayDeque<>();
      AtomicReference<CrossPostSync> running = new AtomicReference<>();
      Socialink socialink = socialink(ig, x, clock, stores, script, running);

      out.println("Cross-posting from Instagram to X, against local emulators");
      ig.addMedia(igUser, "IMAGE", "FEED", Optional.of("An old post from last year"), Optional.of(PIXEL));
      clock.advance(Duration.ofMinutes(1));
      Grant instagram = link(socialink, ig.consent(socialink.linking().authorize(OWNER, "instagram").url()));
      AuthorizationStart xStart = socialink.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING);
      Grant xGrant = link(socialink, x.consent(xStart.url()));
      CrossPostRules rules = CrossPostRules.builder()
          .caption(CaptionTemplate.ofDefaults().withPrefix("New on Instagram:").withHashtags(List.of("#studio")))
          .excludeHashtags(java.util.Set.of("private"))
          .build();
      Link link = socialink.crossPosting().link(OWNER, instagram.id(), xGrant.id(), rules);
      out.println("  link      " + link.kind() + " " + link.from().describe() + " -> " + link.to().describe());
      out.println("  rules     " + rules.contentTypes().stream().map(Enum::name).sorted().toList()
          + ", prefix, #studio, link back; items tagged #private stay on Instagram");

      // What the Instagram user does while the loop runs, one step between two polls.
      script.add(() -> ig.addMedia(igUser, "IMAGE", "FEED", Optional.of(
          "Morning light over the harbour 🌅 — three hours of layering glazes, and the blues finally sit right. "
              .repeat(3) + "#oilpainting #harbour"), Optional.of(PIXEL)));
      script.add(() -> ig.addMedia(igUser, "VIDEO", "REELS", Optional.of("Timelapse of the whole painting"),
          Optional.of(VIDEO)));
      script.add(() -> ig.addMedia(igUser, "IMAGE", "STORY", Optional.of("Coffee break"), Optional.of(PIXEL)));
      script.add(() -> ig.addMedia(igUser, "IMAGE", "FEED", Optional.of("Family only #private"), Optional.of(PIXEL)));
      script.add(() -> ig.addMedia(igUser, "VIDEO", "REELS", Optional.of("With a licensed song"), Optional.empty()));
      script.add(() -> ig.addMedia(igUser, "CAROUSEL_ALBUM", "FEED", Optional.empty(), Optional.of(PIXEL)));

      CrossPostSync sync = socialink.crossPosting().sync(OWNER, link.id(), printer(out));
      running.set(sync);
      SyncReport report = sync.run(POLL);
      out.println("  loop      stopped after " + report.posted().size() + " posted, " + report.skipped().size()
          + " skipped, " + report.failures().size() + " failures");

      TextRules xRules = socialink.platforms().textRules("x");
      out.println("  on X:");
      for (XEmulator.PostRecord p : x.posts()) {
        out.println("    [" + xRules.length(p.text()) + "/280, " + p.mediaIds().size() + " media] "
            + p.text().replace("\n", "⏎"));
      }

      // Killed between X's answer and the journal write; then a new process over the same stores.
      int before = x.posts().size();
      ig.addMedia(igUser, "IMAGE", "FEED", Optional.of("Finished and varnished"), Optional.of(PIXEL));
      clock.advance(Duration.ofMinutes(1));
      killSwitch.armed = true;
      try {
        socialink.crossPosting().syncNow(OWNER, link.id(), CrossPostListener.noop());
        out.println("  kill      FAILED: the process was not killed");
      } catch (ProcessKilled e) {
        out.println("  kill      the process died after X accepted the post (" + (x.posts().size() - before)
            + " new) and before the journal said so");
      }
      Socialink restarted = socialink(ig, x, clock, stores, new ArrayDeque<>(), new AtomicReference<>());
      // An item a dead process left in flight is taken as interrupted once its five-minute lease is over.
      clock.advance(Duration.ofMinutes(5));
      SyncReport again = restarted.crossPosting().syncNow(OWNER, link.id(), printer(out));
      int after = x.posts().size();
      out.println("  restart   " + again.posted().size() + " found, " + (after - before) + " post(s) on X for the"
          + " item: nothing was posted twice");
      SyncReport stopped = restarted.crossPosting().stop(OWNER, link.id());
      out.println("  stop      the link's sync is stopped; it posted " + stopped.posted().size() + " item(s)");
      return new Outcome(x.posts().stream().map(XEmulator.PostRecord::text).toList(),
          restarted.crossPosting().journal(OWNER, link.id()), before, after);
    }
  }

  private static Socialink socialink(InstagramEmulator ig, XEmulator x, TestClock clock, Stores stores,
      Deque<Runnable> script, AtomicReference<CrossPostSync> running) {
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
        .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
            ig.graphBaseUri())).build())
        .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
            XEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
        .stores(stores).clock(clock)
        .sleeper(d -> { // time passes; between two polls the user may post, and the loop ends with the script
          clock.advance(d);
          if (!d.equals(POLL)) {
            return; // another wait, such as X processing a video
          }
          Runnable next = script.poll();
          if (next != null) {
            next.run();
          } else if (running.get() != null) {
            running.get().stop();
          }
        })
        .build();
  }

  private static Grant link(Socialink socialink, java.net.URI callback) {
    Grant g = socialink.linking().complete(OWNER, CallbackParameters.fromUri(callback)).grant();
    return socialink.grants().find(OWNER, g.id()).orElse(g);
  }

  private static CrossPostListener printer(PrintStream out) {
    return new CrossPostListener() {
      @Override
      public void posted(CrossPostEntry e) {
        out.println("  posted    " + e.sourceItemId() + " -> X " + e.targetPostId().orElse("?")
            + e.reason().map(r -> " (" + r + ")").orElse(""));
      }

      @Override
      public void skipped(CrossPostEntry e) {
        out.println("  skipped   " + e.sourceItemId() + ": " + e.reason().orElse(""));
      }

      @Override
      public void failed(CrossPostFailure f) {
        out.println("  failed    " + f.message());
      }
    };
  }

  /** The process dying: an error nothing in the sync catches. */
  static final class ProcessKilled extends Error {
    private static final long serialVersionUID = 1L;

    ProcessKilled() {
      super("killed between the post and the journal write");
    }
  }

  /** A cross-post store that kills the process once, when armed, as a posted item is about to be recorded. */
  static final class KillSwitch implements CrossPostStore {
    private final CrossPostStore delegate;
    volatile boolean armed;

    KillSwitch(CrossPostStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void record(CrossPostEntry entry) {
      if (armed && entry.state() == CrossPostEntry.State.POSTED) {
        armed = false;
        throw new ProcessKilled();
      }
      delegate.record(entry);
    }

    @Override
    public void saveRules(String ownerId, String linkId, CrossPostRules rules) {
      delegate.saveRules(ownerId, linkId, rules);
    }

    @Override
    public Optional<CrossPostRules> rules(String ownerId, String linkId) {
      return delegate.rules(ownerId, linkId);
    }

    @Override
    public void saveCursor(String ownerId, String linkId, SyncCursor cursor) {
      delegate.saveCursor(ownerId, linkId, cursor);
    }

    @Override
    public Optional<SyncCursor> cursor(String ownerId, String linkId) {
      return delegate.cursor(ownerId, linkId);
    }

    @Override
    public Optional<CrossPostEntry> entry(String ownerId, String linkId, String sourceItemId) {
      return delegate.entry(ownerId, linkId, sourceItemId);
    }

    @Override
    public List<CrossPostEntry> entries(String ownerId, String linkId) {
      return delegate.entries(ownerId, linkId);
    }
  }
}
