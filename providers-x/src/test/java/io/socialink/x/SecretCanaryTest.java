package io.socialink.x;

import io.socialink.testsupport.LogCapture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import io.socialink.testkit.x.XPayloads;
import io.socialink.webhook.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Planted secrets (access token, refresh token, client secret, consumer secret) never appear in a
 * toString, an exception message or a log line, through linking, refreshing, failing and webhooks.
 */
class SecretCanaryTest {
  static final String ACCESS = "CANARY-ACCESS-7f3a9c";
  static final String REFRESH = "CANARY-REFRESH-2b8e41";
  static final String CLIENT_SECRET = "CANARY-CLIENT-SECRET-c0ffee";
  static final String CONSUMER_SECRET = "CANARY-CONSUMER-SECRET-5eed";
  static final List<String> CANARIES = List.of(ACCESS, REFRESH, CLIENT_SECRET, CONSUMER_SECRET);

  @RegisterExtension
  static WireMockExtension wm = XWireMock.extension();

  @Test
  void secretsStayHidden() {
    String token = "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"" + ACCESS + "\","
        + "\"scope\":\"tweet.read users.read tweet.write offline.access media.write\",\"refresh_token\":\"" + REFRESH + "\"}";
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("c").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(token))
        .willSetStateTo("spent"));
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("c").whenScenarioStateIs("spent")
        .willReturn(XWireMock.fixture(400, XPayloads.ERROR_INVALID_TOKEN)));
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(XWireMock.fixture(200, XPayloads.USERS_ME)));
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(XWireMock.fixture(403, XPayloads.DUPLICATE_CONTENT)));
    // X answers the revoke with the client's Basic credentials echoed in its free text, as a platform
    // sometimes does: the bare secret, its Basic form and its URL-encoded form.
    String basic = java.util.Base64.getEncoder().encodeToString((XWireMock.CLIENT_ID + ":" + CLIENT_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    wm.stubFor(post(urlEqualTo("/2/oauth2/revoke")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"Missing valid authorization header (got "
            + basic + " for " + CLIENT_SECRET + ", " + java.net.URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)
            + ")\"}")));
    AppCredentials creds = AppCredentials.confidential("x", "oauth2", XWireMock.CLIENT_ID, Secret.of(CLIENT_SECRET),
        XWireMock.REDIRECT).withSecret(XProvider.CONSUMER_SECRET, Secret.of(CONSUMER_SECRET));
    List<String> seen = new ArrayList<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (LogCapture logs = LogCapture.start()) {
      Socialink s = XWireMock.socialink(wm, creds, XWireMock.clock());
      XClient x = s.client(XClient.class);
      AuthorizationStart start = s.linking().authorize("owner-1", "x", "oauth2", List.of("tweet.read", "users.read"));
      AuthorizationResult linked = s.linking().complete("owner-1",
          CallbackParameters.fromQuery("state=" + start.state() + "&code=c"));
      Grant g = linked.grant();
      // The 401 echoes the bare access token in its problem detail.
      wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(aResponse().withStatus(401)
          .withHeader("Content-Type", "application/problem+json")
          .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
              + "\"detail\":\"Unauthorized: " + ACCESS + " is not a valid token\"}")));
      seen.add(g.toString());
      seen.add(linked.toString());
      seen.add(creds.toString());
      seen.add(x.toString());
      seen.add(s.links().list("owner-1").toString());
      seen.add(s.unlinking().plan("owner-1", linked.link().id()).renderText());
      seen.add(s.unlinking().plan("owner-1", linked.link().id()).renderJson());
      for (Runnable failing : List.<Runnable>of(
          () -> s.publishing().publish("owner-1", g.id(), io.socialink.publish.Post.text("dup")),
          () -> s.grants().refresh("owner-1", g.id()),
          () -> x.me(g),
          () -> x.revoke(g),
          () -> x.webhooks().orElseThrow().verify(new WebhookRequest(HttpMethod.POST, Map.of(),
              Headers.of("x-twitter-webhooks-signature", "sha256=AAAA"), "{}".getBytes(StandardCharsets.UTF_8))))) {
        try {
          failing.run();
        } catch (RuntimeException e) {
          java.io.StringWriter trace = new java.io.StringWriter();
          e.printStackTrace(new java.io.PrintWriter(trace, true));
          seen.add(trace.toString());
          for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(t.toString());
            if (t instanceof SocialinkException se) {
              seen.add(se.classification().toString());
            }
          }
        }
      }
      seen.add(x.webhooks().orElseThrow().challenge(new WebhookRequest(HttpMethod.GET, Map.of("crc_token", "t"),
          Headers.empty(), new byte[0])).orElseThrow().toString());
      List<String> logged = logs.messages();
      assertThat(logged).as("the pipeline's log lines were captured").anyMatch(l -> l.contains("attempt"));
      seen.addAll(logged);
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    seen.add(err.toString(StandardCharsets.UTF_8));

    assertThat(seen).hasSizeGreaterThan(12);
    for (String text : seen) {
      for (String canary : CANARIES) {
        assertThat(text).doesNotContain(canary);
      }
    }
    assertThat(String.join("\n", seen)).contains("AUTH_REVOKED").contains("CONFIGURATION").contains("DUPLICATE")
        .contains("offline.access");
  }
}
