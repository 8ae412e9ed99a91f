package io.socialink.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.SocialinkException;
import io.socialink.store.Stores;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XEmulator;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Links an X account with the whole OAuth 2.0 authorization code flow with PKCE, as a desktop or
 * command-line application does: a callback listener on the JDK's HTTP server at {@code 127.0.0.1} on
 * a free port is registered as the app's redirect URI; the authorization URL (with an S256 challenge)
 * is opened in a "browser" (an HTTP client following redirects); the X emulator consents and
 * redirects the browser to the listener, which completes the link (code exchange with the verifier,
 * profile) and answers the browser with a page. Two hours later the access token has expired, and
 * asking for a fresh token refreshes it once, with a rotated refresh token; the profile is read with
 * it. Nothing leaves this machine.
 */
public final class LinkXAccount {
  private static final String OWNER = "user-42";
  private static final String CALLBACK_PATH = "/x/callback";

  private LinkXAccount() {}

  /**
   * What the example did, for its test.
   *
   * @param redirectUri the listener's callback address
   * @param callbacks how many requests the listener received
   * @param browserPage what the browser showed at the end of the flow
   * @param linked the authorization's result
   * @param fresh the grant after the refresh
   * @param profile the account read with the fresh grant
   * @param tokenRequests how many requests the X emulator's token endpoint received
   */
  public record Outcome(URI redirectUri, int callbacks, String browserPage, AuthorizationResult linked, Grant fresh,
      Account profile, long tokenRequests) {}

  /**
   * Runs the example on standard output.
   *
   * @param args {@code --memory} to keep nothing, otherwise the state is kept in the demo's H2 file
   * @throws Exception if the listener cannot start or the flow does not finish
   */
  public static void main(String[] args) throws Exception {
    run(System.out, DemoState.fromArguments(args).stores());
  }

  /**
   * Runs the example with its state in memory only.
   *
   * @param out where to print
   * @return what happened
   * @throws IOException if the listener cannot start or the browser cannot reach it
   * @throws InterruptedException if interrupted while waiting for the callback
   */
  public static Outcome run(PrintStream out) throws IOException, InterruptedException {
    return run(out, Stores.inMemory());
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   * @param stores where to keep the pending authorization, the link and the grant
   * @return what happened
   * @throws IOException if the listener cannot start or the browser cannot reach it
   * @throws InterruptedException if interrupted while waiting for the callback
   */
  public static Outcome run(PrintStream out, Stores stores) throws IOException, InterruptedException {
    out.println("Linking an X account with OAuth 2.0 and PKCE, against the local X emulator");
    TestClock clock = TestClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    URI redirectUri = URI.create("http://127.0.0.1:" + listener.getAddress().getPort() + CALLBACK_PATH);
    try (XEmulator x = XEmulator.builder().clock(clock)
        .confidentialClient(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET, redirectUri).start()) {
      Socialink socialink = Socialink.builder()
          .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
          .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID,
              Secret.of(XEmulator.CLIENT_SECRET), redirectUri))
          .applicationName("Socialink Demo")
          .stores(stores).clock(clock)
          .build();
      CompletableFuture<AuthorizationResult> completed = new CompletableFuture<>();
      AtomicInteger callbacks = new AtomicInteger();
      listener.createContext(CALLBACK_PATH, exchange -> onCallback(socialink, exchange, redirectUri, completed,
          callbacks));
      listener.start();
      out.println("  listener   " + redirectUri + " (the JDK's HTTP server, registered as the app's redirect URI)");

      AuthorizationStart start = socialink.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING);
      out.println("  authorize  " + start.url().getScheme() + "://" + start.url().getAuthority()
          + start.url().getPath() + " with " + parameterNames(start.url()));
      out.println("             PKCE: code_challenge_method=" + parameter(start.url(), "code_challenge_method")
          + "; the verifier stays in the pending authorization until the code exchange");
      out.println("             the state expires at " + start.expiresAt());

      HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(start.url()).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      AuthorizationResult linked;
      try {
        linked = completed.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("the callback did not complete the link: " + e.getMessage(), e);
      }
      out.println("  consent    the emulator consented as @" + XEmulator.DEFAULT_USER.username()
          + " and redirected the browser to the listener");
      out.println("  callback   " + callbacks.get() + " request to " + CALLBACK_PATH + "; the listener completed "
          + linked.link().kind() + " " + linked.link().from().describe() + " -> " + linked.link().to().describe());
      out.println("  browser    HTTP " + page.statusCode() + ": " + page.body());
      Grant grant = linked.grant();
      out.println("  grant      " + grant);
      out.println("             access token expires at " + grant.expiresAt().map(Instant::toString).orElse("?")
          + "; scopes " + grant.scopes().stream().sorted().toList());

      clock.advance(Duration.ofHours(2).plusMinutes(1));
      Grant fresh = socialink.grants().fresh(OWNER, grant.id());
      out.println("  fresh      2 hours later the access token had expired: fresh() refreshed it (version "
          + fresh.version() + ", " + (fresh.refreshToken().equals(grant.refreshToken()) ? "same" : "new, rotated")
          + " refresh token, now expires at " + fresh.expiresAt().map(Instant::toString).orElse("?") + ")");
      Grant again = socialink.grants().fresh(OWNER, grant.id());
      out.println("             asked again: the same token, no second refresh (version " + again.version() + ")");
      Account profile = socialink.grants().profile(OWNER, grant.id());
      out.println("  profile    @" + profile.handle().orElse("?") + " (" + profile.displayName().orElse("?")
          + "), X user id " + profile.userId());
      return new Outcome(redirectUri, callbacks.get(), page.body(), linked, fresh, profile,
          x.count("POST", "/2/oauth2/token"));
    } finally {
      listener.stop(0);
    }
  }

  /** The listener: completes the authorization from the callback's query and answers the browser. */
  private static void onCallback(Socialink socialink, HttpExchange exchange, URI redirectUri,
      CompletableFuture<AuthorizationResult> completed, AtomicInteger callbacks) throws IOException {
    callbacks.incrementAndGet();
    String page;
    int status;
    try {
      URI callback = URI.create(redirectUri + (exchange.getRequestURI().getRawQuery() == null ? ""
          : "?" + exchange.getRequestURI().getRawQuery()));
      AuthorizationResult result = socialink.linking().complete(OWNER, CallbackParameters.fromUri(callback));
      completed.complete(result);
      status = 200;
      page = "Linked @" + result.grant().account().handle().orElse(result.grant().account().userId())
          + " to Socialink Demo. You can close this window.";
    } catch (SocialinkException | IllegalArgumentException e) {
      completed.completeExceptionally(e);
      status = 400;
      page = "Linking failed: " + e.getMessage();
    }
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(body);
    }
  }

  private static String parameter(URI url, String name) {
    return Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2))
        .filter(p -> p[0].equals(name) && p.length == 2).map(p -> p[1]).findFirst().orElse("(none)");
  }

  private static List<String> parameterNames(URI url) {
    return Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2)[0]).toList();
  }
}
