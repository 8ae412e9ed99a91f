package io.socialink.tiktok;

import io.socialink.testsupport.LogCapture;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static io.socialink.tiktok.TikTokWireMock.json;
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
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.webhook.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Planted secrets (access and refresh tokens of both schemes, the client secret, the Business app
 * secret, the authorization code) never appear in a toString, an exception message or a log line,
 * through linking, refreshing, failing answers that echo them, revocation, publishing and webhooks.
 */
class TikTokSecretCanaryTest {
  static final String ACCESS = "act.CANARYaccess7f3a9c";
  static final String REFRESH = "rft.CANARYrefresh2b8e41";
  static final String BIZ_ACCESS = "act.CANARYbizaccess0d1e";
  static final String BIZ_REFRESH = "rft.CANARYbizrefresh77aa";
  static final String CLIENT_SECRET = "CANARY-CLIENT-SECRET-c0ffee";
  static final String APP_SECRET = "CANARY-APP-SECRET-5eed";
  static final String CODE = "CANARYcode-9f8e7d";
  static final List<String> CANARIES = List.of(ACCESS, REFRESH, BIZ_ACCESS, BIZ_REFRESH, CLIENT_SECRET, APP_SECRET, CODE);

  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  @Test
  void secretsStayHidden() {
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).withRequestBody(containing("grant_type=authorization_code"))
        .willReturn(json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":86400,\"open_id\":\"o-1\","
            + "\"refresh_expires_in\":31536000,\"refresh_token\":\"" + REFRESH + "\",\"scope\":\"user.info.basic\","
            + "\"token_type\":\"Bearer\"}")));
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(json(200, "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token " + REFRESH
            + " is invalid.\",\"log_id\":\"2026\"}")));
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(200, "v2/user-info-profile.json")));
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).willReturn(json(200,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client secret is invalid for token " + ACCESS
            + ".\",\"log_id\":\"2027\"}")));
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/inbox/video/init/")).willReturn(fixture(403,
        "post/spam-risk-too-many-posts.json")));
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/")).willReturn(json(200,
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r1\",\"data\":{\"access_token\":\"" + BIZ_ACCESS
            + "\",\"expires_in\":86400,\"open_id\":\"openid\",\"refresh_token\":\"" + BIZ_REFRESH
            + "\",\"refresh_token_expires_in\":31536000,\"scope\":\"user.info.basic\",\"token_type\":\"Bearer\"}}")));
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/tt_user/token_info/get/")).willReturn(fixture(200,
        "business/token-info-ok.json")));
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/refresh_token/")).willReturn(json(200,
        "{\"code\":40107,\"message\":\"Refresh token " + BIZ_REFRESH + " is invalid.\",\"request_id\":\"r2\",\"data\":{}}")));
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/bc/asset/admin/delete/")).willReturn(json(200,
        "{\"code\":40001,\"message\":\"No permission for access token " + BIZ_ACCESS + "\",\"request_id\":\"r3\",\"data\":{}}")));
    AppCredentials loginKit = AppCredentials.confidential("tiktok", "login-kit", TikTokWireMock.CLIENT_KEY,
        Secret.of(CLIENT_SECRET), TikTokWireMock.REDIRECT);
    AppCredentials business = AppCredentials.confidential("tiktok", "business-accounts", TikTokWireMock.APP_ID,
        Secret.of(APP_SECRET), TikTokWireMock.REDIRECT);
    List<String> seen = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try (LogCapture logs = LogCapture.start()) {
      Socialink s = Socialink.builder().register(TikTokWireMock.provider(wm).build())
          .credentials(loginKit).credentials(business).clock(TikTokWireMock.clock()).build();
      TikTokClient tiktok = s.client(TikTokClient.class);
      TikTokBusinessClient biz = s.client(TikTokBusinessClient.class);
      AuthorizationStart start = s.linking().authorize("owner-1", "tiktok", "login-kit", List.of("user.info.basic"));
      AuthorizationResult linked = s.linking().complete("owner-1",
          CallbackParameters.fromUri(URI.create(TikTokWireMock.REDIRECT + "?code=" + CODE + "&state=" + start.state())));
      AuthorizationStart bizStart = s.linking().authorize("owner-1", "tiktok", "business-accounts", List.of("user.info.basic"));
      AuthorizationResult bizLinked = s.linking().complete("owner-1",
          CallbackParameters.fromQuery("code=" + CODE + "&state=" + bizStart.state()));
      Grant g = linked.grant();
      Grant bg = bizLinked.grant();
      seen.add(g.toString());
      seen.add(bg.toString());
      seen.add(linked.toString());
      seen.add(bizLinked.toString());
      seen.add(loginKit.toString());
      seen.add(business.toString());
      seen.add(tiktok.toString());
      seen.add(biz.toString());
      seen.add(s.links().list("owner-1").toString());
      seen.add(s.unlinking().plan("owner-1", linked.link().id()).renderText());
      seen.add(s.unlinking().plan("owner-1", bizLinked.link().id()).renderJson());
      seen.add(s.unlinking().planAccountDeletion("owner-1", g.account()).renderText());
      WebhookRequest badHook = new WebhookRequest(HttpMethod.POST, Map.of(),
          Headers.of("TikTok-Signature", "t=1772359200,s=" + "0".repeat(64)),
          ("{\"client_key\":\"" + TikTokWireMock.CLIENT_KEY + "\",\"content\":\"" + ACCESS + "\"}").getBytes(StandardCharsets.UTF_8));
      seen.add(badHook.toString());
      for (Runnable failing : List.<Runnable>of(
          () -> s.grants().refresh("owner-1", g.id()),
          () -> tiktok.revoke(g),
          () -> s.publishing().publish("owner-1", g.id(), new Post("", List.of(MediaContent.ofBytes("video/mp4", new byte[16])))),
          () -> s.grants().refresh("owner-1", bg.id()),
          () -> biz.removeTikTokAccountFromBusinessCenter(bg, "7000", "7100"),
          () -> tiktok.webhookEvent(badHook))) {
        try {
          failing.run();
          seen.add("no failure");
        } catch (RuntimeException e) {
          for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(t.toString());
            if (t instanceof SocialinkException se) {
              seen.add(se.classification().toString());
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

    assertThat(seen).hasSizeGreaterThan(20).doesNotContain("no failure");
    for (String text : seen) {
      for (String canary : CANARIES) {
        assertThat(text).doesNotContain(canary);
      }
    }
    assertThat(String.join("\n", seen)).contains("AUTH_REVOKED").contains("CONFIGURATION").contains("QUOTA_EXHAUSTED")
        .contains("PERMISSION_DENIED").contains("does not match");
  }
}
