package io.socialink.examples;

import com.example.pebble.PebbleProvider;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Platform;
import io.socialink.ProviderLoadFailure;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.AuthorizationException;
import io.socialink.spi.Revocation;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The main job: shows the discovered platforms, links an account of the example third-party
 * platform against a local server (no network), keeps its grant fresh, plans and carries out the
 * unlink, proves the old token is dead, and renders the plan for an Instagram account shown on a
 * TikTok profile.
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo on standard output.
   *
   * @param args ignored
   * @throws Exception if the local server cannot start
   */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /**
   * Runs the demo.
   *
   * @param out where to print
   * @throws IOException if the local server cannot start
   * @throws InterruptedException if interrupted while following the consent redirect
   */
  public static void run(PrintStream out) throws IOException, InterruptedException {
    out.println("Socialink demo: everything below runs on this machine, against local servers.");
    out.println();
    try (PebbleServer pebble = PebbleServer.start()) {
      Socialink socialink = Socialink.builder()
          .register(PebbleProvider.at(pebble.baseUri()))
          .credentials(AppCredentials.confidential("pebble", "oauth2", "demo-client", Secret.of("demo-client-secret"),
              URI.create("http://127.0.0.1/callback")))
          .applicationName("Socialink Demo")
          .build();

      out.println("Discovered platforms:");
      for (Platform p : socialink.platforms()) {
        out.printf("  %-10s %-10s %s%n", p.id(), p.displayName(),
            p.capabilities().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
      }
      for (ProviderLoadFailure f : socialink.registry().failures()) {
        out.println("  (failed to load " + f.provider() + ": " + f.reason() + ")");
      }
      out.println();

      out.println("1. Link a Pebble account (server at " + pebble.baseUri() + ")");
      AuthorizationStart start = socialink.authorize("user-42", "pebble");
      out.println("   authorization URL: " + start.url().getPath() + " (state expires " + start.expiresAt() + ")");
      URI callback = consent(start.url());
      AuthorizationResult linked = socialink.completeAuthorization("user-42", CallbackParameters.fromUri(callback));
      Grant grant = linked.grant();
      out.println("   link:  " + linked.link().kind() + " " + linked.link().from().describe() + " -> "
          + linked.link().to().describe());
      out.println("   grant: " + grant);
      out.println();

      out.println("2. Use it");
      Account me = socialink.profile("user-42", grant.id());
      out.println("   profile: @" + me.handle().orElse("?") + " (" + me.displayName().orElse("?") + ")");
      Grant refreshed = socialink.refresh("user-42", grant.id());
      out.println("   refreshed: version " + refreshed.version() + ", refresh token rotated: "
          + !refreshed.refreshToken().equals(grant.refreshToken()) + " (fingerprint "
          + refreshed.refreshToken().map(Secret::fingerprint).orElse("none") + ")");
      out.println();

      out.println("3. Plan the unlink");
      UnlinkPlan plan = socialink.planUnlink("user-42", linked.link().id());
      plan.renderText().lines().forEach(l -> out.println("   " + l));
      out.println();

      out.println("4. Revoke and verify");
      Revocation revocation = socialink.revoke("user-42", grant.id());
      out.println("   revoke: " + revocation);
      try {
        socialink.client("pebble", "oauth2").profile(refreshed);
        out.println("   verify: FAILED, the old token still works");
      } catch (AuthorizationException e) {
        out.println("   verify: the old token is refused (" + e.category() + "), as it should be");
      }
      out.println();

      out.println("5. A plan with manual steps: Instagram shown on a TikTok profile");
      Account tiktok = Account.of("tiktok", "6900000000000000001", "dancer", "Dancer");
      Account instagram = Account.of("instagram", "17841400000000001", "dancer.pics", "Dancer Pics");
      var profileLink = socialink.recordLink("user-42", LinkKind.PROFILE_LINK, LinkEnd.account(tiktok),
          LinkEnd.account(instagram), List.of());
      UnlinkPlan manual = socialink.planUnlink("user-42", profileLink.id());
      manual.renderText().lines().forEach(l -> out.println("   " + l));
    }
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
