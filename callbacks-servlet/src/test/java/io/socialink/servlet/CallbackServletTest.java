package io.socialink.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.CallbackParameters;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.webhook.CallbackListener;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.DataDeletion;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake in a real servlet container (embedded Jetty 12, Servlet 6) on loopback, receiving what
 * the TikTok, Instagram and X emulators send: deauthorizations, an account deletion, a data-deletion
 * request, X's CRC and Meta's handshake; forged, replayed, duplicated, malformed and oversized
 * deliveries change nothing; no secret reaches a log line or an answer.
 */
class CallbackServletTest {
  static final String OWNER = "owner-1";
  static final String VERIFY_TOKEN = "CANARY-VERIFY-TOKEN-3c1d";

  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final List<Object> heard = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  TikTokEmulator tiktok;
  InstagramEmulator instagram;
  XEmulator x;
  Socialink socialink;
  Server jetty;
  URI base;

  @BeforeEach
  void start() throws Exception {
    tiktok = TikTokEmulator.builder().clock(clock).start();
    instagram = InstagramEmulator.builder().clock(clock).start();
    x = XEmulator.builder().clock(clock).start();
    socialink = Socialink.builder()
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
        .clock(clock)
        .sleeper(clock::advance)
        .callbacks(CallbackSettings.ofDefaults().withMaxBodyBytes(16 * 1024)
            .withDeletionStatusUrl(URI.create("https://app.example/deletion"))
            .withListener(new CallbackListener() {
              @Override
              public void deauthorized(Deauthorization d) {
                heard.add(d);
              }

              @Override
              public void dataDeletionRequested(DataDeletion d) {
                heard.add(d);
              }
            }))
        .build();

    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new CallbackServlet(socialink.callbacks())), "/callbacks/*");
    jetty.setHandler(context);
    jetty.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/callbacks");
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
    x.close();
    instagram.close();
    tiktok.close();
  }

  AuthorizationResult linkTikTok() {
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(tiktok.consent(socialink.linking()
        .authorize(OWNER, TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), List.of("user.info.basic")).url())));
  }

  AuthorizationResult linkInstagram() {
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(instagram.consent(socialink.linking()
        .authorize(OWNER, InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            List.of("instagram_business_basic")).url())));
  }

  AuthorizationResult linkX() {
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(x.consent(socialink.linking()
        .authorize(OWNER, XProvider.ID).url())));
  }

  LinkState state(Link l) {
    return socialink.links().find(OWNER, l.id()).orElseThrow().state();
  }

  URI at(String path) {
    return URI.create(base + path);
  }

  HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(at(path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPlatformsRevocationIsReceivedEndToEnd() {
    AuthorizationResult t = linkTikTok();
    AuthorizationResult i = linkInstagram();
    AuthorizationResult xl = linkX();

    assertThat(tiktok.deliverWebhook(at("/tiktok"), tiktok.removeAuthorization(t.grant().account().userId())))
        .isEqualTo(200);
    assertThat(instagram.removeApp(i.grant().account().userId()).deliverTo(at("/instagram")).status()).isEqualTo(200);
    assertThat(x.revokeApp(xl.grant().account().userId()).deliverTo(at("/x"))).isEqualTo(200);

    assertThat(state(t.link())).isEqualTo(LinkState.REVOKED);
    assertThat(state(i.link())).isEqualTo(LinkState.REVOKED);
    assertThat(state(xl.link())).isEqualTo(LinkState.REVOKED);
    assertThat(socialink.grants().list(OWNER)).isEmpty();
    assertThat(heard).hasSize(3).allSatisfy(h -> assertThat(h).isInstanceOf(CallbackListener.Deauthorization.class));
  }

  @Test
  void onTheRootTheSignatureChoosesThePlatform() {
    AuthorizationResult t = linkTikTok();
    AuthorizationResult xl = linkX();

    assertThat(x.revokeApp(xl.grant().account().userId()).deliverTo(at("/"))).isEqualTo(200);
    assertThat(tiktok.deliverWebhook(at(""), tiktok.removeAuthorization(t.grant().account().userId())))
        .isEqualTo(200);

    assertThat(state(t.link())).isEqualTo(LinkState.REVOKED);
    assertThat(state(xl.link())).isEqualTo(LinkState.REVOKED);
  }

  @Test
  void aTikTokAccountDeletionRevokesEveryLinkOfTheAccount() {
    AuthorizationResult t = linkTikTok();
    AuthorizationResult i = linkInstagram();
    Link profile = socialink.links().record(OWNER, io.socialink.LinkKind.PROFILE_LINK,
        io.socialink.LinkEnd.account(t.grant().account()), io.socialink.LinkEnd.account(i.grant().account()),
        List.of(i.grant().id()));

    assertThat(tiktok.deliverWebhook(at("/tiktok"), tiktok.deleteAccount(t.grant().account().userId())))
        .isEqualTo(200);

    assertThat(state(t.link())).isEqualTo(LinkState.REVOKED);
    assertThat(state(profile)).isEqualTo(LinkState.REVOKED);
    assertThat(state(i.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class,
        d -> assertThat(d.accountDeleted()).isTrue());
  }

  @Test
  void aMetaDataDeletionRequestIsAnsweredWithTheStatusUrlAndCode() {
    AuthorizationResult i = linkInstagram();
    InstagramEmulator.Callback request = instagram.dataDeletionRequest(i.grant().account().userId());

    InstagramEmulator.Delivery answer = request.deliverTo(at("/instagram?callback=data-deletion"));
    InstagramEmulator.Delivery again = request.deliverTo(at("/instagram?callback=data-deletion"));

    assertThat(answer.status()).isEqualTo(200);
    String json = new String(answer.body(), StandardCharsets.UTF_8);
    String code = json.replaceAll(".*\"confirmation_code\":\"([A-Za-z0-9]+)\".*", "$1");
    assertThat(json).isEqualTo("{\"url\":\"https://app.example/deletion?code=" + code + "\",\"confirmation_code\":\""
        + code + "\"}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo(json);
    DataDeletion d = socialink.callbacks().deletion(code).orElseThrow();
    assertThat(d.ownerIds()).containsExactly(OWNER);
    assertThat(d.status()).isEqualTo(DataDeletion.Status.RECEIVED);
    assertThat(heard).containsExactly(d);
    assertThat(state(i.link())).as("a deletion request is not a deauthorization").isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void handshakesAreAnsweredThroughTheContainer() {
    assertThat(x.crc(at("/x"))).isTrue();
    assertThat(instagram.verifyWebhookSubscription(at("/instagram"), VERIFY_TOKEN)).isTrue();
    assertThat(instagram.verifyWebhookSubscription(at("/instagram"), "guess")).isFalse();
  }

  @Test
  void forgedReplayedDuplicatedMalformedAndOversizedDeliveriesChangeNothingAndLeakNoSecret() throws Exception {
    AuthorizationResult t = linkTikTok();
    AuthorizationResult i = linkInstagram();
    AuthorizationResult xl = linkX();
    LogFile log = LogFile.mark();
    List<String> answers = new ArrayList<>();

    TikTokEmulator.WebhookDelivery genuine = tiktok.webhookDelivery("authorization.removed",
        t.grant().account().userId(), "{\"reason\": 1 }");
    String forgedSig = genuine.signature().replaceAll("s=[0-9a-f]{4}", "s=0000");
    HttpResponse<String> forged = post("/tiktok", genuine.body(), "TikTok-Signature", forgedSig);
    clock.advance(Duration.ofMinutes(6));
    HttpResponse<String> replayed = post("/tiktok", genuine.body(), "TikTok-Signature", genuine.signature());
    HttpResponse<String> unsigned = post("/x", "{\"data\":{}}".getBytes(StandardCharsets.UTF_8));
    XEmulator.WebhookDelivery garbage = x.webhookDelivery("not json".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> malformed = post("/x", garbage.body(), "x-twitter-webhooks-signature", garbage.signature());
    HttpResponse<String> unknown = post("/myspace", genuine.body());
    HttpResponse<String> oversized = post("/instagram", new byte[20_000]);
    String staleMeta = instagram.removeApp(i.grant().account().userId()).signedRequest();
    clock.advance(Duration.ofMinutes(20));
    HttpResponse<String> stale = post("/instagram", ("signed_request=" + staleMeta).getBytes(StandardCharsets.US_ASCII),
        "Content-Type", "application/x-www-form-urlencoded");
    for (HttpResponse<String> r : List.of(forged, replayed, unsigned, malformed, unknown, oversized, stale)) {
      answers.add(r.statusCode() + " " + r.body());
    }

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(state(t.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(state(i.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(state(xl.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(socialink.grants().list(OWNER)).hasSize(3);
    assertThat(heard).isEmpty();

    // a genuine revocation, delivered twice: acted on once
    XEmulator.WebhookDelivery revoke = x.revokeApp(xl.grant().account().userId());
    assertThat(revoke.deliverTo(at("/x"))).isEqualTo(200);
    Link relinked = linkX().link();
    assertThat(revoke.deliverTo(at("/x"))).isEqualTo(200);
    assertThat(state(xl.link())).isEqualTo(LinkState.REVOKED);
    assertThat(state(relinked)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).hasSize(1);

    String logged = log.sinceMark();
    assertThat(logged).contains("callback refused: POST /tiktok -> 401")
        .contains("callback refused: POST /x -> 400").contains("callback refused: POST (unknown route) -> 404")
        .contains("callback refused: POST /instagram -> 413").contains("stale or replayed");
    String everything = logged + "\n" + String.join("\n", answers);
    for (String secret : List.of(TikTokEmulator.CLIENT_SECRET, InstagramEmulator.APP_SECRET, XEmulator.CONSUMER_SECRET,
        XEmulator.CLIENT_SECRET, VERIFY_TOKEN, genuine.signature().substring(genuine.signature().indexOf("s=") + 2),
        forgedSig.substring(forgedSig.indexOf("s=") + 2), staleMeta.substring(0, staleMeta.indexOf('.')),
        revoke.signature().substring("sha256=".length()), t.grant().accessToken().reveal(),
        i.grant().accessToken().reveal(), xl.grant().accessToken().reveal())) {
      assertThat(everything).doesNotContain(secret);
    }
    assertThat(new CallbackServlet(socialink.callbacks()).toString()).isEqualTo("CallbackServlet");
    assertThat(socialink.callbacks().settings().toString()).doesNotContain(VERIFY_TOKEN);
  }

  @Test
  void aDeclaredOversizedBodyIs413WithoutReadingIt() throws Exception {
    int port = base.getPort();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /callbacks/tiktok HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
    }
  }
}
