package io.socialink.examples;

import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkReport;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.store.Stores;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.unlink.BulkProgress;
import io.socialink.unlink.BulkUnlink;
import io.socialink.unlink.BulkUnlinkListener;
import io.socialink.unlink.BulkUnlinkOptions;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An agency offboards its clients: it holds app authorizations on many X and TikTok accounts
 * (against the built-in emulators) and unlinks them all in one bulk run with a progress bar. TikTok
 * asks each account holder to check that the app is gone from their settings; once those
 * confirmations are in, the same bulk run is started again and resumes from the journal, finishing
 * every plan without revoking anything twice.
 */
public final class BusinessOffboarding {
  private static final String AGENCY = "agency-7";

  private BusinessOffboarding() {}

  /**
   * Runs the example with 150 accounts on standard output.
   *
   * @param args optionally the number of accounts, and {@code --memory} to keep nothing
   */
  public static void main(String[] args) {
    int accounts = java.util.Arrays.stream(args).filter(a -> a.matches("\\d+")).findFirst()
        .map(Integer::parseInt).orElse(150);
    run(System.out, accounts, DemoState.fromArguments(args).stores());
  }

  /**
   * Runs the example with its state in memory only.
   *
   * @param out where to print
   * @param accounts how many client accounts, split between X and TikTok
   */
  public static void run(PrintStream out, int accounts) {
    run(out, accounts, Stores.inMemory());
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   * @param accounts how many client accounts, split between X and TikTok
   * @param stores where to keep links and grants
   */
  public static void run(PrintStream out, int accounts, Stores stores) {
    out.println("A business offboarding: " + accounts + " client accounts on X and TikTok unlinked in bulk");
    try (XEmulator x = XEmulator.start(); TikTokEmulator tiktok = TikTokEmulator.start()) {
      Socialink socialink = Socialink.builder()
          .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
          .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
              tiktok.apiBaseUri())).build())
          .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID,
              Secret.of(XEmulator.CLIENT_SECRET), XEmulator.REDIRECT_URI))
          .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
              TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
          .applicationName("Acme Agency Tools")
          .stores(stores)
          .build();

      List<String> linkIds = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        AuthorizationStart start;
        java.net.URI callback;
        if (i % 2 == 0) {
          x.consentAs(new XEmulator.User(Long.toString(3_000_000_000L + i), "client" + i, "Client " + i));
          start = socialink.linking().authorize(AGENCY, "x", "oauth2", XScopes.POSTING);
          callback = x.consent(start.url());
        } else {
          tiktok.consentAs(new TikTokEmulator.User("open-id-" + i, "client" + i, "Client " + i));
          start = socialink.linking().authorize(AGENCY, TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
              List.of("user.info.basic"));
          callback = tiktok.consent(start.url());
        }
        linkIds.add(socialink.linking().complete(AGENCY, CallbackParameters.fromUri(callback)).link().id());
      }
      out.println("  linked   " + (accounts + 1) / 2 + " X and " + accounts / 2 + " TikTok accounts");

      BulkUnlink.Result first = bulk(out, socialink, linkIds);
      int confirmed = 0;
      for (Map.Entry<String, UnlinkReport> e : first.reports().entrySet()) {
        for (StepOutcome waiting : e.getValue().withStatus(StepStatus.AWAITING_USER)) {
          socialink.unlinking().confirm(AGENCY, socialink.unlinking().plan(AGENCY, e.getKey()), waiting.stepId());
          confirmed++;
        }
      }
      out.println("  (" + confirmed + " account holders confirmed that the app is gone from their settings)");
      bulk(out, socialink, linkIds);

      Map<LinkState, Long> states = linkIds.stream()
          .map(id -> socialink.links().find(AGENCY, id).orElseThrow())
          .collect(Collectors.groupingBy(Link::state, TreeMap::new, Collectors.counting()));
      out.println("  links    " + states + "; grants still stored: " + socialink.grants().list(AGENCY).size()
          + "; revocation requests sent to X: " + x.count("POST", "/2/oauth2/revoke")
          + " (refresh and access token of each grant), to TikTok: " + tiktok.count("POST", "/v2/oauth/revoke/"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static BulkUnlink.Result bulk(PrintStream out, Socialink socialink, List<String> linkIds)
      throws InterruptedException {
    ProgressBar bar = new ProgressBar(out);
    BulkUnlink run = socialink.unlinking().unlinkAll(AGENCY, linkIds, new BulkUnlinkOptions(8, bar));
    BulkUnlink.Result result = run.await();
    out.println("  result   " + result.progress().describe());
    return result;
  }

  /** Prints a bar at every tenth of the run; the listener's calls never overlap. */
  private static final class ProgressBar implements BulkUnlinkListener {
    private final PrintStream out;
    private int shownTenths = -1;

    ProgressBar(PrintStream out) {
      this.out = out;
    }

    @Override
    public void executed(String linkId, UnlinkReport report, BulkProgress progress) {
      show(progress);
    }

    @Override
    public void failed(String linkId, io.socialink.error.SocialinkException error, BulkProgress progress) {
      out.println("  failed   " + linkId + ": " + error.category());
      show(progress);
    }

    private void show(BulkProgress p) {
      int tenths = p.executed() * 10 / Math.max(1, p.total());
      if (tenths == shownTenths) {
        return;
      }
      shownTenths = tenths;
      out.println("  [" + "#".repeat(tenths) + "-".repeat(10 - tenths) + "] " + p.executed() + "/" + p.total()
          + " executed: " + p.complete() + " done, " + p.awaitingUser() + " waiting for the account holder, "
          + p.failed() + " failed, " + p.pending() + " to retry");
    }
  }
}
