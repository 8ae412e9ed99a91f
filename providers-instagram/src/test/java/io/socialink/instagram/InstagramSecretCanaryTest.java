package io.socialink.instagram;

import io.socialink.testsupport.LogCapture;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.instagram.InstagramWireMock.fixture;
import static io.socialink.instagram.InstagramWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.SocialinkException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.testkit.TestClock;
import io.socialink.webhook.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Planted secrets (the short-lived, long-lived and refreshed tokens, the Instagram App Secret, the Meta
 * app secret, the webhook verify token and the authorization code) never appear in a toString, an
 * exception message or a log line: through linking, refreshing, failing answers that echo them,
 * best-effort revocation, publishing, and rejected callbacks.
 */
class InstagramSecretCanaryTest {
  static final String SHORT = "IGAACANARYshort7f3a9c0011";
  static final String LONG = "IGAACANARYlong2b8e41aa22";
  static final String APP_SECRET = "CANARY-IG-APP-SECRET-c0ffee";
  static final String META_SECRET = "CANARY-META-SECRET-5eed";
  static final String VERIFY = "CANARY-VERIFY-TOKEN-beef";
  static final String CODE = "CANARYcode-9f8e7d";
  static final List<String> CANARIES = List.of(SHORT, LONG, APP_SECRET, META_SECRET, VERIFY, CODE);

  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  @Test
  void secretsStayHidden() {
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(json(200, "{\"access_token\":\"" + SHORT
        + "\",\"user_id\":27640875392278831,\"permissions\":[\"instagram_business_basic\"]}")));
    wm.stubFor(get(urlPathEqualTo("/access_token")).willReturn(json(200, "{\"access_token\":\"" + LONG
        + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(fixture(200, "success/me.json")));
    wm.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(json(400, "{\"error\":{\"message\":"
        + "\"Error validating access token " + LONG + " for client_secret=" + APP_SECRET + "\",\"type\":\"OAuthException\","
        + "\"code\":190,\"error_subcode\":467,\"fbtrace_id\":\"T1\"}}")));
    wm.stubFor(delete(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(json(400, "{\"error\":{\"message\":"
        + "\"Invalid OAuth access token " + LONG + "\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"T2\"}}")));
    wm.stubFor(delete(urlPathEqualTo("/me/permissions")).willReturn(json(500, "access_token=" + LONG)));
    wm.stubFor(post(urlPathEqualTo("/v25.0/17841400000000000/media")).willReturn(json(400, "{\"error\":{\"message\":"
        + "\"Cannot fetch media for token " + LONG + "\",\"type\":\"OAuthException\",\"code\":-2,\"error_subcode\":2207003,"
        + "\"fbtrace_id\":\"T3\"}}")));
    TestClock clock = InstagramWireMock.clock();
    AppCredentials creds = AppCredentials.confidential("instagram", "instagram-login", InstagramWireMock.APP_ID,
        Secret.of(APP_SECRET), InstagramWireMock.REDIRECT).withSecret(InstagramProvider.META_APP_SECRET, Secret.of(META_SECRET))
        .withSecret(InstagramProvider.WEBHOOK_VERIFY_TOKEN, Secret.of(VERIFY));
    List<String> seen = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try (LogCapture logs = LogCapture.start()) {
      Socialink s = InstagramWireMock.socialink(InstagramWireMock.provider(wm), clock,
          new InstagramWireMock.RecordingSleeper(), creds);
      InstagramClient ig = s.client(InstagramClient.class);
      AuthorizationStart start = s.linking().authorize("owner-1", "instagram");
      AuthorizationResult linked = s.linking().complete("owner-1",
          CallbackParameters.fromUri(URI.create(InstagramWireMock.REDIRECT + "?code=" + CODE + "&state=" + start.state())));
      Grant g = linked.grant();
      assertThat(g.accessToken().reveal()).isEqualTo(LONG);
      seen.add(g.toString());
      seen.add(linked.toString());
      seen.add(creds.toString());
      seen.add(ig.toString());
      seen.add(ig.webhooks().orElseThrow().toString());
      seen.add(s.links().list("owner-1").toString());
      seen.add(s.unlinking().plan("owner-1", linked.link().id()).renderText());
      seen.add(s.unlinking().plan("owner-1", linked.link().id()).renderJson().toString());
      WebhookRequest badHook = new WebhookRequest(HttpMethod.POST, Map.of(), Headers.of("X-Hub-Signature-256",
          "sha256=" + "0".repeat(64)), ("{\"entry\":[],\"token\":\"" + LONG + "\"}").getBytes(StandardCharsets.UTF_8));
      WebhookRequest badChallenge = new WebhookRequest(HttpMethod.GET, Map.of("hub.mode", "subscribe",
          "hub.verify_token", VERIFY + "x", "hub.challenge", "1"), Headers.empty(), new byte[0]);
      WebhookRequest badSigned = new WebhookRequest(HttpMethod.POST, Map.of(), Headers.empty(),
          ("signed_request=AAAA." + LONG).getBytes(StandardCharsets.US_ASCII));
      clock.advance(Duration.ofDays(1));
      for (Runnable failing : List.<Runnable>of(
          () -> s.grants().refresh("owner-1", g.id()),
          () -> s.grants().revoke("owner-1", g.id()),
          () -> ig.publishImage(g, URI.create("https://e.example/a.jpg"), Optional.empty()),
          () -> ig.webhooks().orElseThrow().verify(badHook),
          () -> ig.webhooks().orElseThrow().challenge(badChallenge),
          () -> ig.webhooks().orElseThrow().verify(badSigned))) {
        try {
          failing.run();
          seen.add("no failure");
        } catch (RuntimeException e) {
          for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(t.toString());
            if (t instanceof SocialinkException se) {
              seen.add(se.classification().toString());
            }
            if (t instanceof InstagramRevocationUnsupportedException r) {
              r.bestEffortAttempts().forEach(a -> seen.add(a.toString()));
            }
          }
        }
      }
      List<String> logged = logs.messages();
      assertThat(logged).as("the pipeline's log lines were captured").anyMatch(l -> l.contains("attempt"));
      seen.addAll(logged);
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    seen.add(out.toString(StandardCharsets.UTF_8));

    assertThat(seen).hasSizeGreaterThan(15).doesNotContain("no failure");
    for (String text : seen) {
      for (String canary : CANARIES) {
        assertThat(text).doesNotContain(canary);
      }
    }
    assertThat(String.join("\n", seen)).contains("AUTH_REVOKED").contains("CONFIGURATION").contains("does not match");
    assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlPathEqualTo("/oauth/access_token")).withRequestBody(containing("client_secret=" + APP_SECRET)))).hasSize(1);
  }

  @Test
  void facebookLoginSecretsStayHidden() {
    String fbToken = "EAACANARYfbtoken0042xyz";
    String longToken = "EAACANARYlonglived0077abc";
    String metaSecret = "CANARY-META-LOGIN-SECRET-77";
    wm.stubFor(get(urlPathEqualTo("/fb/v25.0/oauth/access_token")).withQueryParam("code",
        com.github.tomakehurst.wiremock.client.WireMock.matching(".+")).willReturn(json(200, "{\"access_token\":\""
        + fbToken + "\",\"token_type\":\"bearer\",\"expires_in\":5183976}")));
    wm.stubFor(get(urlPathEqualTo("/fb/v25.0/oauth/access_token")).withQueryParam("grant_type",
        com.github.tomakehurst.wiremock.client.WireMock.equalTo("fb_exchange_token")).willReturn(json(200,
        "{\"access_token\":\"" + longToken + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
    wm.stubFor(get(urlPathEqualTo("/fb/v25.0/debug_token")).willReturn(json(200, "{\"data\":{\"app_id\":\"77\","
        + "\"is_valid\":true,\"scopes\":[\"instagram_basic\"],\"user_id\":\"10158000000000009\"}}")));
    wm.stubFor(get(urlPathEqualTo("/fb/v25.0/me/accounts")).willReturn(json(400, "{\"error\":{\"message\":\"Bad token "
        + longToken + " from " + fbToken + " with secret " + metaSecret + "\",\"type\":\"OAuthException\",\"code\":100,"
        + "\"fbtrace_id\":\"T9\"}}")));
    wm.stubFor(delete(urlPathEqualTo("/fb/v25.0/10158000000000009/permissions")).willReturn(json(500,
        "access_token=" + longToken + "&client_secret=" + metaSecret)));
    AppCredentials creds = AppCredentials.confidential("instagram", "facebook-login", "77", Secret.of(metaSecret),
        InstagramWireMock.REDIRECT);
    InstagramProvider provider = InstagramProvider.builder().facebookEndpoints(FacebookLoginEndpoints.of(
        URI.create(wm.baseUrl() + "/dialog"), URI.create(wm.baseUrl() + "/fb"))).build();
    List<String> seen = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      Socialink s = InstagramWireMock.socialink(provider, InstagramWireMock.clock(), new InstagramWireMock.RecordingSleeper(),
          creds);
      InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);
      seen.add(fb.toString());
      AuthorizationStart start = s.linking().authorize("o", "instagram", "facebook-login", List.of("instagram_basic"));
      Grant g = new Grant("g1", "o", io.socialink.Account.of("instagram", "17841400000000000"), "facebook-login", "77",
          Secret.of(longToken), Optional.empty(), java.util.Set.of(), "bearer", InstagramWireMock.NOW, Optional.empty(),
          Optional.empty(), 0);
      seen.add(g.toString());
      for (Runnable failing : List.<Runnable>of(
          () -> s.linking().complete("o", CallbackParameters.fromQuery("code=" + CODE + "&state=" + start.state())),
          () -> fb.instagramAccounts(g),
          () -> fb.revoke(g),
          () -> fb.linkedAccount(g))) {
        try {
          failing.run();
          seen.add("no failure");
        } catch (SocialinkException e) {
          for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(t.toString());
          }
          seen.add(e.classification().toString());
        }
      }
      List<String> logged = logs.messages();
      assertThat(logged).as("the pipeline's log lines were captured").anyMatch(l -> l.contains("attempt"));
      seen.addAll(logged);
    }
    assertThat(seen).doesNotContain("no failure");
    for (String text : seen) {
      assertThat(text).doesNotContain(fbToken).doesNotContain(longToken).doesNotContain(metaSecret).doesNotContain(CODE);
    }
  }
}
