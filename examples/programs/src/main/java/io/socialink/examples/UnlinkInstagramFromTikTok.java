package io.socialink.examples;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.store.Stores;
import io.socialink.instagram.InstagramProvider;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import java.io.PrintStream;
import java.util.List;

/**
 * Takes Instagram off a TikTok profile, then disconnects the application from both accounts,
 * against the built-in TikTok and Instagram emulators: each plan is printed, executed (the API steps
 * run, the manual steps wait), the user's part is simulated and confirmed, the plan is executed again
 * to verify and forget, and the report is printed.
 */
public final class UnlinkInstagramFromTikTok {
  private static final String OWNER = "user-42";

  private UnlinkInstagramFromTikTok() {}

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
   */
  public static void run(PrintStream out) {
    run(out, Stores.inMemory());
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   * @param stores where to keep links and grants
   */
  public static void run(PrintStream out, Stores stores) {
    out.println("Instagram shown on a TikTok profile, taken off; then the app disconnected from both");
    try (TikTokEmulator tiktok = TikTokEmulator.start(); InstagramEmulator instagram = InstagramEmulator.start()) {
      Socialink socialink = Socialink.builder()
          .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
              tiktok.apiBaseUri())).build())
          .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(instagram.authorizeUri(),
              instagram.apiBaseUri(), instagram.graphBaseUri())).build())
          .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
              TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
          .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
              InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
          .applicationName("Socialink Demo")
          .stores(stores)
          .build();

      AuthorizationStart t = socialink.linking().authorize(OWNER, TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
          List.of("user.info.basic", "user.info.profile"));
      AuthorizationResult onTikTok = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
          tiktok.consent(t.url())));
      AuthorizationStart i = socialink.linking().authorize(OWNER, InstagramProvider.ID,
          InstagramProvider.INSTAGRAM_LOGIN.id(), List.of("instagram_business_basic"));
      AuthorizationResult onInstagram = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
          instagram.consent(i.url())));
      Grant tiktokGrant = onTikTok.grant();
      Grant instagramGrant = onInstagram.grant();
      Link profileLink = socialink.links().record(OWNER, LinkKind.PROFILE_LINK,
          LinkEnd.account(tiktokGrant.account()), LinkEnd.account(instagramGrant.account()),
          List.of(tiktokGrant.id(), instagramGrant.id()));
      out.println("  linked   " + LinkEnd.account(tiktokGrant.account()).describe() + " and "
          + LinkEnd.account(instagramGrant.account()).describe() + "; the TikTok profile shows the Instagram account");
      out.println();

      // 1. Only the profile link: the app keeps its own access, so the plan is what the user does.
      unlink(out, socialink, profileLink, () -> { });
      // 2. The app's access to both accounts: revoked where the API allows, removed by the user where not.
      unlink(out, socialink, onTikTok.link(), () -> { });
      unlink(out, socialink, onInstagram.link(), () -> instagram.removeApp(instagramGrant.account().userId()));

      out.println("Links now:");
      for (String id : List.of(profileLink.id(), onTikTok.link().id(), onInstagram.link().id())) {
        Link l = socialink.links().find(OWNER, id).orElseThrow();
        out.println("  " + l.state() + "  " + l.kind() + " " + l.from().describe() + " -> " + l.to().describe());
      }
      out.println("Grants still stored: " + List.of(tiktokGrant.id(), instagramGrant.id()).stream()
          .filter(id -> socialink.grants().find(OWNER, id).isPresent()).count());
    }
  }

  private static void unlink(PrintStream out, Socialink socialink, Link link, Runnable userDoesTheManualSteps) {
    UnlinkPlan plan = socialink.unlinking().plan(OWNER, link.id());
    plan.renderText().lines().forEach(l -> out.println("  " + l));
    UnlinkReport report = socialink.unlinking().execute(OWNER, plan);
    print(out, "executed", report);
    List<StepOutcome> waiting = report.withStatus(StepStatus.AWAITING_USER);
    if (!waiting.isEmpty()) {
      userDoesTheManualSteps.run();
      for (StepOutcome step : waiting) {
        socialink.unlinking().confirm(OWNER, plan, step.stepId());
      }
      out.println("  (the user did the " + waiting.size() + " manual step(s) and the app confirmed them)");
      report = socialink.unlinking().execute(OWNER, plan);
      print(out, "executed again", report);
    }
    out.println();
  }

  private static void print(PrintStream out, String what, UnlinkReport report) {
    out.println("  " + what + ":");
    report.renderText().lines().forEach(l -> out.println("    " + l));
  }
}
