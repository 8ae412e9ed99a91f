package io.socialink.examples;

import com.example.pebble.PebbleProvider;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.Platform;
import io.socialink.ProviderLoadFailure;
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
import io.socialink.error.AuthorizationException;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.TextRules;
import io.socialink.testkit.x.XEmulator;
import io.socialink.x.XClient;
import io.socialink.x.XEndpoints;
import io.socialink.x.XPost;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The main job: lists the discovered platforms; links an X account against the built-in X emulator,
 * reads its profile, posts a caption fitted to X's weighted length, refreshes the rotating token,
 * plans the unlink and executes the plan (revoke, the user's manual step confirmed, verification
 * that the old token is refused, tokens forgotten); links, refreshes and revokes with the example
 * third-party platform; and takes Instagram off a TikTok profile against the TikTok and Instagram
 * emulators ({@link UnlinkInstagramFromTikTok}); and offboards a hundred X and TikTok client accounts
 * in bulk ({@link BusinessOffboarding}). Each flow also runs alone by its name on the command line.
 * Nothing leaves this machine.
 */
public final class Demo {
  private static final String OWNER = "user-42";
  /** A one-pixel PNG. */
  private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private Demo() {}

  /** A flow of the demo, runnable alone by its name. */
  @FunctionalInterface
  interface Flow {
    void run(PrintStream out, DemoState state) throws IOException, InterruptedException;
  }

  /** The flows, in the order the demo runs them. */
  static final Map<String, Flow> FLOWS = flows();

  private static Map<String, Flow> flows() {
    Map<String, Flow> flows = new LinkedHashMap<>();
    flows.put("x-and-pebble", Demo::xAndPebble);
    flows.put("link-x-account", (out, state) -> LinkXAccount.run(out, state.stores()));
    flows.put("unlink-instagram-from-tiktok", (out, state) -> UnlinkInstagramFromTikTok.run(out, state.stores()));
    flows.put("business-offboarding", (out, state) -> BusinessOffboarding.run(out, 100, state.stores()));
    flows.put("crosspost-unlink", (out, state) -> CrossPostUnlink.run(out, state.stores()));
    return Collections.unmodifiableMap(flows);
  }

  /**
   * Runs every flow of the demo on standard output, or the ones named on the command line, keeping
   * the state in an embedded H2 file database, or in memory only with {@code --memory}.
   *
   * @param args flow names ({@code x-and-pebble}, {@code link-x-account}, {@code unlink-instagram-from-tiktok},
   *     {@code business-offboarding}, {@code crosspost-unlink}; none runs them all) and {@code --memory} to keep
   *     nothing
   * @throws Exception if a local server cannot start
   */
  public static void main(String[] args) throws Exception {
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--memory")) {
        continue;
      }
      if (!FLOWS.containsKey(arg)) {
        System.err.println("No flow named '" + arg + "'; the flows are " + String.join(", ", FLOWS.keySet())
            + " (and --memory to keep nothing)");
        System.exit(2);
      }
      names.add(arg);
    }
    run(System.out, DemoState.fromArguments(args), names);
  }

  /**
   * Runs every flow of the demo with its state in memory only.
   *
   * @param out where to print
   * @throws IOException if a local server cannot start
   * @throws InterruptedException if interrupted while following a consent redirect
   */
  public static void run(PrintStream out) throws IOException, InterruptedException {
    run(out, DemoState.inMemory());
  }

  /**
   * Runs every flow of the demo.
   *
   * @param out where to print
   * @param state where to keep links and grants
   * @throws IOException if a local server cannot start
   * @throws InterruptedException if interrupted while following a consent redirect
   */
  public static void run(PrintStream out, DemoState state) throws IOException, InterruptedException {
    run(out, state, List.of());
  }

  /**
   * Runs flows of the demo.
   *
   * @param out where to print
   * @param state where to keep links and grants
   * @param names the flows to run, in order; none runs them all
   * @throws IOException if a local server cannot start
   * @throws InterruptedException if interrupted while following a consent redirect
   */
  public static void run(PrintStream out, DemoState state, List<String> names) throws IOException, InterruptedException {
    out.println("Socialink demo: every call below goes to local servers on this machine.");
    out.println("State: " + state.description() + "; links from earlier runs: "
        + state.stores().links().findByOwner(OWNER).size());
    out.println();
    for (String name : names.isEmpty() ? List.copyOf(FLOWS.keySet()) : names) {
      FLOWS.get(name).run(out, state);
      out.println();
    }
  }

  private static void xAndPebble(PrintStream out, DemoState state) throws IOException, InterruptedException {
    try (XEmulator x = XEmulator.start(); PebbleServer pebble = PebbleServer.start()) {
      Socialink socialink = Socialink.builder()
          .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
          .register(PebbleProvider.at(pebble.baseUri()))
          .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID,
              Secret.of(XEmulator.CLIENT_SECRET), XEmulator.REDIRECT_URI))
          .credentials(AppCredentials.confidential("pebble", "oauth2", "demo-client", Secret.of("demo-client-secret"),
              URI.create("http://127.0.0.1/callback")))
          .applicationName("Socialink Demo")
          .stores(state.stores())
          .build();

      platforms(out, socialink);
      xAccount(out, socialink, x);
      pebbleAccount(out, socialink);
    }
  }

  private static void platforms(PrintStream out, Socialink socialink) {
    out.println("Discovered platforms:");
    for (Platform p : socialink.platforms().all()) {
      out.printf("  %-10s %-10s %s%n", p.id(), p.displayName(),
          p.capabilities().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }
    for (ProviderLoadFailure f : socialink.platforms().registry().failures()) {
      out.println("  (failed to load " + f.provider() + ": " + f.reason() + ")");
    }
    out.println();
  }

  private static void xAccount(PrintStream out, Socialink socialink, XEmulator x) {
    out.println("X, against the local X emulator at " + x.apiBaseUri());
    AuthorizationStart start = socialink.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING);
    AuthorizationResult linked = socialink.linking().complete(OWNER, CallbackParameters.fromUri(x.consent(start.url())));
    Grant grant = linked.grant();
    out.println("  link     " + describe(linked.link()));
    out.println("  grant    " + grant);
    out.println("  profile  " + handle(socialink.grants().profile(OWNER, grant.id())));

    TextRules rules = socialink.platforms().textRules("x");
    String caption = "Cross-posted from the studio: " + "new work in progress 🎨 ".repeat(20) + "https://example.com/portfolio";
    String fitted = rules.fit(caption, "…");
    PublishedPost post = socialink.publishing().publish(OWNER, grant.id(), Post.text(fitted));
    out.println("  post     caption of weighted length " + rules.length(caption) + " fitted to " + rules.length(fitted)
        + " of " + rules.maxLength() + "; posted as " + post.postId());
    XPost withImage = socialink.grants().withGrant(OWNER, grant.id(), XClient.class, (xc, g) ->
        xc.post(g, "A sketch from the studio", List.of(xc.uploadMedia(g, MediaContent.ofBytes("image/png", PIXEL)))));
    out.println("  media    an image uploaded and posted as " + withImage.id() + " through XClient, with a fresh grant");

    Grant refreshed = socialink.grants().refresh(OWNER, grant.id());
    out.println("  refresh  version " + refreshed.version() + ", refresh token rotated: "
        + !refreshed.refreshToken().equals(grant.refreshToken()) + " (new fingerprint "
        + refreshed.refreshToken().map(Secret::fingerprint).orElse("none") + ")");

    UnlinkPlan plan = socialink.unlinking().plan(OWNER, linked.link().id());
    out.println("  plan");
    plan.renderText().lines().forEach(l -> out.println("    " + l));
    UnlinkReport report = socialink.unlinking().execute(OWNER, plan);
    out.println("  executed");
    report.renderText().lines().forEach(l -> out.println("    " + l));
    for (StepOutcome waiting : report.withStatus(StepStatus.AWAITING_USER)) {
      socialink.unlinking().confirm(OWNER, plan, waiting.stepId());
    }
    report = socialink.unlinking().execute(OWNER, plan);
    out.println("  executed again, after the user confirmed the manual step");
    report.renderText().lines().forEach(l -> out.println("    " + l));
    XClient client = socialink.client(XClient.class);
    out.println("  verify   GET /2/users/me with the old token is refused: " + client.isTokenDead(refreshed)
        + "; grant forgotten: " + socialink.grants().find(OWNER, grant.id()).isEmpty());
    out.println();
  }

  private static void pebbleAccount(PrintStream out, Socialink socialink) throws IOException, InterruptedException {
    out.println("Pebble, a third-party provider written against socialink-core alone");
    AuthorizationStart start = socialink.linking().authorize(OWNER, "pebble");
    AuthorizationResult linked = socialink.linking().complete(OWNER, CallbackParameters.fromUri(consent(start.url())));
    Grant grant = linked.grant();
    out.println("  link     " + describe(linked.link()));
    out.println("  profile  " + handle(socialink.grants().profile(OWNER, grant.id())));
    Grant refreshed = socialink.grants().refresh(OWNER, grant.id());
    out.println("  refresh  version " + refreshed.version() + ", refresh token rotated: "
        + !refreshed.refreshToken().equals(grant.refreshToken()));
    out.println("  revoke   " + socialink.grants().revoke(OWNER, grant.id()));
    try {
      socialink.client("pebble", "oauth2").profile(refreshed);
      out.println("  verify   FAILED: the old token still works");
    } catch (AuthorizationException e) {
      out.println("  verify   the old token is refused (" + e.category() + ")");
    }
    out.println();
  }

  private static String describe(Link link) {
    return link.kind() + " " + link.from().describe() + " -> " + link.to().describe();
  }

  private static String handle(Account account) {
    return "@" + account.handle().orElse("?") + " (" + account.displayName().orElse("?") + ")";
  }

  /** Plays the user who approves: follows the authorization URL to the redirect the server answers with. */
  private static URI consent(URI authorizationUrl) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String location = r.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("consent did not redirect: HTTP " + r.statusCode()));
    return URI.create(location);
  }
}
