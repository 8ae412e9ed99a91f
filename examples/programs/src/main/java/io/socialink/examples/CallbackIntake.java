package io.socialink.examples;

import com.sun.net.httpserver.HttpServer;
import io.socialink.Link;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.CallbackParameters;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.webhook.CallbackListener;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.DataDeletion;
import io.socialink.webhook.JdkHttpCallbackHandler;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Receives the platforms' callbacks on the JDK's built-in HTTP server: one user links TikTok,
 * Instagram and X, the emulators run X's CRC check and Meta's webhook handshake against the intake,
 * then deliver, signed, TikTok's {@code authorization.removed}, Meta's deauthorize and data-deletion
 * callbacks and X's {@code oauth.revoke}; a repeated and a forged delivery follow; the links' new
 * states and the tracked data deletion are printed.
 */
public final class CallbackIntake {
  private static final String OWNER = "user-42";
  private static final String VERIFY_TOKEN = "example-verify-token";

  private CallbackIntake() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    out.println("Callbacks from TikTok, Meta and X received on the JDK HTTP server");
    try (TikTokEmulator tiktok = TikTokEmulator.start(); InstagramEmulator instagram = InstagramEmulator.start();
        XEmulator x = XEmulator.start()) {
      Socialink socialink = Socialink.builder()
          .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
              tiktok.apiBaseUri())).build())
          .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(instagram.authorizeUri(),
              instagram.apiBaseUri(), instagram.graphBaseUri())).build())
          .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
          .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
              TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
          .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
              InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI)
              .withSecret(InstagramProvider.WEBHOOK_VERIFY_TOKEN, Secret.of(VERIFY_TOKEN)))
          .credentials(AppCredentials.confidential(XProvider.ID, "oauth2", XEmulator.CLIENT_ID,
              Secret.of(XEmulator.CLIENT_SECRET), XEmulator.REDIRECT_URI)
              .withSecret(XProvider.CONSUMER_SECRET, Secret.of(XEmulator.CONSUMER_SECRET)))
          .callbacks(CallbackSettings.ofDefaults()
              .withDeletionStatusUrl(URI.create("https://app.example/deletion"))
              .withListener(new CallbackListener() {
                @Override
                public void deauthorized(Deauthorization d) {
                  out.println("    listener: " + d.account().platformId() + " account "
                      + (d.accountDeleted() ? "deleted" : "removed the app") + "; " + d.revokedLinks().size()
                      + " link(s) revoked, " + d.forgottenGrantIds().size() + " grant(s) forgotten");
                }

                @Override
                public void dataDeletionRequested(DataDeletion d) {
                  out.println("    listener: " + d.platformId() + " user asks for their data to be deleted");
                }
              }))
          .applicationName("Socialink Demo")
          .build();

      HttpServer server = start(socialink);
      try {
        URI callbacks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
        out.println("  intake listening at " + callbacks);

        AuthorizationResult onTikTok = socialink.linking().complete(OWNER, CallbackParameters.fromUri(tiktok.consent(
            socialink.linking().authorize(OWNER, TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
                List.of("user.info.basic")).url())));
        AuthorizationResult onInstagram = socialink.linking().complete(OWNER, CallbackParameters.fromUri(
            instagram.consent(socialink.linking().authorize(OWNER, InstagramProvider.ID,
                InstagramProvider.INSTAGRAM_LOGIN.id(), List.of("instagram_business_basic")).url())));
        AuthorizationResult onX = socialink.linking().complete(OWNER, CallbackParameters.fromUri(x.consent(
            socialink.linking().authorize(OWNER, XProvider.ID).url())));
        printLinks(out, socialink, "Links after linking:");

        out.println("Handshakes:");
        out.println("  X CRC check at /x: " + (x.crc(URI.create(callbacks + "/x")) ? "passed" : "FAILED"));
        out.println("  Meta hub.challenge at /instagram: " + (instagram.verifyWebhookSubscription(
            URI.create(callbacks + "/instagram"), VERIFY_TOKEN) ? "passed" : "FAILED"));

        out.println("Deliveries:");
        out.println("  TikTok authorization.removed -> " + tiktok.deliverWebhook(URI.create(callbacks + "/tiktok"),
            tiktok.removeAuthorization(onTikTok.grant().account().userId())));
        out.println("  Meta deauthorize -> " + instagram.removeApp(onInstagram.grant().account().userId())
            .deliverTo(URI.create(callbacks + "/instagram")).status());
        InstagramEmulator.Delivery deletion = instagram.dataDeletionRequest(onInstagram.grant().account().userId())
            .deliverTo(URI.create(callbacks + "/instagram?callback=data-deletion"));
        String answer = new String(deletion.body(), StandardCharsets.UTF_8);
        out.println("  Meta data deletion -> " + deletion.status() + " " + answer);
        XEmulator.WebhookDelivery revoke = x.revokeApp(onX.grant().account().userId());
        out.println("  X oauth.revoke -> " + revoke.deliverTo(URI.create(callbacks + "/x")));
        out.println("  X oauth.revoke again (a retry) -> " + revoke.deliverTo(URI.create(callbacks + "/x"))
            + ", nothing changes");
        TikTokEmulator.WebhookDelivery genuine = tiktok.removeAuthorization(onTikTok.grant().account().userId());
        TikTokEmulator.WebhookDelivery forged = new TikTokEmulator.WebhookDelivery(genuine.body(),
            genuine.signature().replaceAll("s=[0-9a-f]{8}", "s=00000000"));
        out.println("  forged TikTok delivery -> " + tiktok.deliverWebhook(URI.create(callbacks + "/tiktok"), forged));

        printLinks(out, socialink, "Links now:");
        out.println("Grants still stored: " + socialink.grants().list(OWNER).size());
        String code = answer.replaceAll(".*\"confirmation_code\":\"([A-Za-z0-9]+)\".*", "$1");
        out.println("Data deletion " + code + ": " + socialink.callbacks().deletion(code).orElseThrow().status());
        out.println("Data deletion " + code + " after the application deleted the data: "
            + socialink.callbacks().updateDeletion(code, DataDeletion.Status.COMPLETED).status());
      } finally {
        server.stop(0);
      }
    }
  }

  private static HttpServer start(Socialink socialink) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/callbacks", new JdkHttpCallbackHandler(socialink.callbacks()));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the intake's HTTP server", e);
    }
  }

  private static void printLinks(PrintStream out, Socialink socialink, String title) {
    out.println(title);
    for (Link l : socialink.links().list(OWNER).stream().sorted(java.util.Comparator.comparing(
        (Link l) -> l.to().describe())).toList()) {
      out.println("  " + l.state() + "  " + l.kind() + " " + l.from().describe() + " -> " + l.to().describe());
    }
  }
}
