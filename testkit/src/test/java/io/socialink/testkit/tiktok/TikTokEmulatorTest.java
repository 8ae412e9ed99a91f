package io.socialink.testkit.tiktok;

import static io.socialink.testkit.tiktok.TikTokHttp.B;
import static io.socialink.testkit.tiktok.TikTokHttp.LOGIN_KIT_SCOPES;
import static io.socialink.testkit.tiktok.TikTokHttp.VERIFIER;
import static io.socialink.testkit.tiktok.TikTokHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.TestClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokEmulatorTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  TikTokEmulator t;
  TikTokHttp h;

  @BeforeEach
  void start() {
    t = TikTokEmulator.builder().clock(clock).start();
    h = new TikTokHttp(t);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  static String error(HttpResponse<String> r) {
    return json(r).path("error").asText();
  }

  static String envelopeCode(HttpResponse<String> r) {
    return json(r).at("/error/code").asText();
  }

  static long businessCode(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return json(r).get("code").asLong();
  }

  @Test
  void listensOnLoopbackWithTikToksPaths() {
    assertThat(t.apiBaseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(t.authorizeUri().getPath()).isEqualTo("/v2/auth/authorize/");
    assertThat(TikTokEmulator.REDIRECT_URI.getPath()).endsWith("/");
  }

  @Test
  void consentRedirectsWithCodeGrantedScopesAndState() {
    t.withholdScopes("video.list");

    Map<String, String> q = h.callback(TikTokEmulator.CLIENT_KEY, LOGIN_KIT_SCOPES, TikTokHttp.hexChallenge(VERIFIER));

    assertThat(q.keySet()).containsExactly("code", "scopes", "state");
    assertThat(q).containsEntry("scopes", "user.info.basic,user.info.profile,user.info.stats").containsEntry("state", "s-1");
  }

  @Test
  void deniedConsentRedirectsWithAccessDenied() {
    t.denyNextConsent();

    URI callback = t.consent(h.authorizeUrl(TikTokEmulator.CLIENT_KEY, LOGIN_KIT_SCOPES, "s-2", ""));

    assertThat(callback.getRawQuery()).startsWith("error=access_denied&error_description=").endsWith("&state=s-2");
  }

  @Test
  void authorizeRefusesUnknownAppsAndRedirectUris() {
    assertThatThrownBy(() -> t.consent(h.authorizeUrl("nobody", LOGIN_KIT_SCOPES, "s", ""))).hasMessageContaining("client_key");
    URI other = URI.create(h.authorizeUrl(TikTokEmulator.CLIENT_KEY, LOGIN_KIT_SCOPES, "s", "").toString()
        .replace("callback%2F", "elsewhere%2F"));
    assertThatThrownBy(() -> t.consent(other)).hasMessageContaining("redirect_uri");
  }

  @Test
  void theExchangeWantsTheVerifierWhoseHexDigestWasTheChallenge() {
    String rfcChallenge = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(HexFormat.of().parseHex(TikTokHttp.hexChallenge(VERIFIER)));
    String rfcCode = h.callback(TikTokEmulator.CLIENT_KEY, LOGIN_KIT_SCOPES, rfcChallenge).get("code");

    HttpResponse<String> refused = h.exchange(rfcCode, VERIFIER);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused)).isEqualTo("invalid_request");
    assertThat(json(refused).get("error_description").asText()).isEqualTo("Code verifier or code challenge is invalid.");
    assertThat(error(h.exchange(h.code(LOGIN_KIT_SCOPES), VERIFIER + "x"))).isEqualTo("invalid_request");

    JsonNode tokens = json(h.exchange(h.code(LOGIN_KIT_SCOPES), VERIFIER));
    assertThat(tokens.get("access_token").asText()).startsWith("act.");
    assertThat(tokens.get("refresh_token").asText()).startsWith("rft.");
    assertThat(tokens.get("expires_in").asLong()).isEqualTo(7200);
    assertThat(tokens.get("refresh_expires_in").asLong()).isEqualTo(15_552_000);
    assertThat(tokens.get("open_id").asText()).isEqualTo(TikTokEmulator.DEFAULT_USER.openId());
    assertThat(tokens.get("scope").asText()).isEqualTo(LOGIN_KIT_SCOPES);
    assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
  }

  @Test
  void aCodeIsSingleUseAndLivesTenMinutes() {
    String code = h.code(LOGIN_KIT_SCOPES);
    assertThat(h.exchange(code, VERIFIER).statusCode()).isEqualTo(200);
    assertThat(error(h.exchange(code, VERIFIER))).isEqualTo("invalid_grant");

    String late = h.code(LOGIN_KIT_SCOPES);
    clock.advance(Duration.ofMinutes(10));
    assertThat(error(h.exchange(late, VERIFIER))).isEqualTo("invalid_grant");
  }

  @Test
  void theClientMustAuthenticateAndOauthErrorsMayComeInAnHttp200() {
    HttpResponse<String> r = h.postForm("/v2/oauth/token/", TikTokHttp.fields("client_key", TikTokEmulator.CLIENT_KEY,
        "client_secret", "wrong", "grant_type", "refresh_token", "refresh_token", "rft.x"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r)).isEqualTo("invalid_client");
    assertThat(json(r).get("log_id").asText()).matches("20260301100000[0-9A-F]{20}");

    try (TikTokEmulator t200 = TikTokEmulator.builder().oauthErrorsInHttp200().start()) {
      HttpResponse<String> ok = new TikTokHttp(t200).refresh("rft.unknown");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(error(ok)).isEqualTo("invalid_grant");
    }
  }

  @Test
  void aRefreshRotatesAndTheUsedRefreshTokenIsDead() {
    JsonNode first = h.tokens(LOGIN_KIT_SCOPES);
    String used = first.get("refresh_token").asText();

    JsonNode second = json(h.refresh(used));

    assertThat(second.get("refresh_token").asText()).isNotEqualTo(used).startsWith("rft.");
    assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
    assertThat(error(h.refresh(used))).isEqualTo("invalid_grant");
    assertThat(h.refresh(second.get("refresh_token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensExpireOnTheClock() {
    JsonNode tokens = h.tokens(LOGIN_KIT_SCOPES);
    String access = tokens.get("access_token").asText();
    clock.advance(Duration.ofHours(2).minusSeconds(1));
    assertThat(h.userInfo(access, "open_id").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));

    HttpResponse<String> expired = h.userInfo(access, "open_id");

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(envelopeCode(expired)).isEqualTo("access_token_invalid");
    clock.advance(Duration.ofDays(180).minusHours(2));
    assertThat(error(h.refresh(tokens.get("refresh_token").asText()))).isEqualTo("invalid_grant");
  }

  @Test
  void revokeEndsTheWholeAuthorization() {
    JsonNode tokens = h.tokens(LOGIN_KIT_SCOPES);
    String access = tokens.get("access_token").asText();
    Map<String, String> revoke = TikTokHttp.fields("client_key", TikTokEmulator.CLIENT_KEY, "client_secret",
        TikTokEmulator.CLIENT_SECRET, "token", access);

    HttpResponse<String> r = h.postForm("/v2/oauth/revoke/", revoke);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
    assertThat(h.userInfo(access, "open_id").statusCode()).isEqualTo(401);
    assertThat(error(h.refresh(tokens.get("refresh_token").asText()))).isEqualTo("invalid_grant");
    assertThat(error(h.postForm("/v2/oauth/revoke/", revoke))).isEqualTo("invalid_grant");
  }

  @Test
  void userInfoAnswersTheFieldsAskedThatTheScopesAllow() {
    String basicOnly = h.tokens("user.info.basic").get("access_token").asText();
    String all = h.tokens(LOGIN_KIT_SCOPES).get("access_token").asText();

    JsonNode me = json(h.userInfo(all, "open_id,username,display_name,follower_count"));
    assertThat(me.at("/data/user").properties()).extracting(Map.Entry::getKey)
        .containsExactly("open_id", "username", "display_name", "follower_count");
    assertThat(me.at("/data/user/username").asText()).isEqualTo("catvideos");
    assertThat(me.at("/error/code").asText()).isEqualTo("ok");

    HttpResponse<String> missed = h.userInfo(basicOnly, "open_id,username");
    assertThat(missed.statusCode()).isEqualTo(400);
    assertThat(envelopeCode(missed)).isEqualTo("scope_permission_missed");
    assertThat(envelopeCode(h.userInfo(all, "open_id,password"))).isEqualTo("invalid_params");
    assertThat(h.userInfo(basicOnly, "open_id").statusCode()).isEqualTo(200);
  }

  @Test
  void videoListNeedsItsScopeAndAnswersThePage() {
    String noVideo = h.tokens("user.info.basic").get("access_token").asText();
    String all = h.tokens(LOGIN_KIT_SCOPES).get("access_token").asText();
    String path = "/v2/video/list/?fields=id,title";

    HttpResponse<String> refused = h.postJson(path, "{\"max_count\":1}", "Authorization", "Bearer " + noVideo);
    JsonNode page = json(h.postJson(path, "{\"max_count\":1}", "Authorization", "Bearer " + all));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(envelopeCode(refused)).isEqualTo("scope_not_authorized");
    assertThat(page.at("/data/videos")).hasSize(1);
    assertThat(page.at("/data/videos/0").properties()).extracting(Map.Entry::getKey).containsExactly("id", "title");
    assertThat(page.at("/data/has_more").asBoolean()).isFalse();
    assertThat(envelopeCode(h.postJson(path, "{\"max_count\":21}", "Authorization", "Bearer " + all)))
        .isEqualTo("invalid_params");
  }

  @Test
  void userInfoHasASlidingWindowOf600PerMinuteThen429() {
    String access = h.tokens(LOGIN_KIT_SCOPES).get("access_token").asText();
    for (int i = 0; i < 600; i++) {
      if (i == 300) {
        clock.advance(Duration.ofSeconds(30));
      }
      assertThat(h.userInfo(access, "open_id").statusCode()).as("call %d", i).isEqualTo(200);
    }

    HttpResponse<String> limited = h.userInfo(access, "open_id");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(envelopeCode(limited)).isEqualTo("rate_limit_exceeded");
    assertThat(json(limited).has("data")).isFalse();

    clock.advance(Duration.ofSeconds(30)); // the first 300 leave the window, the last 300 stay
    for (int i = 0; i < 300; i++) {
      assertThat(h.userInfo(access, "open_id").statusCode()).isEqualTo(200);
    }
    assertThat(h.userInfo(access, "open_id").statusCode()).isEqualTo(429);
  }

  HttpResponse<String> put(String uploadUrl, String range, byte[] chunk) {
    return h.send(java.net.http.HttpRequest.newBuilder(URI.create(uploadUrl)).header("Content-Type", "video/mp4")
        .header("Content-Range", range).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(chunk)));
  }

  HttpResponse<String> status(String access, String publishId) {
    return h.postJson("/v2/post/publish/status/fetch/", "{\"publish_id\":\"" + publishId + "\"}",
        "Authorization", "Bearer " + access);
  }

  @Test
  void anInboxUploadTakesOrderedChunksAndIsDeliveredOnceComplete() {
    String access = h.tokens("user.info.basic,video.upload").get("access_token").asText();
    String init = "{\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":10,\"chunk_size\":5,"
        + "\"total_chunk_count\":2}}";

    JsonNode started = json(h.postJson("/v2/post/publish/inbox/video/init/", init, "Authorization", "Bearer " + access));
    String publishId = started.at("/data/publish_id").asText();
    String url = started.at("/data/upload_url").asText();

    assertThat(publishId).startsWith("v_inbox_file~v2.");
    assertThat(url).startsWith(t.apiBaseUri() + "/upload/video/?upload_id=");
    assertThat(json(status(access, publishId)).at("/data/status").asText()).isEqualTo("PROCESSING_UPLOAD");
    assertThat(put(url, "bytes 5-9/10", new byte[5]).statusCode()).isEqualTo(416);
    assertThat(put(url, "bytes 0-4/10", new byte[5]).statusCode()).isEqualTo(206);
    assertThat(json(status(access, publishId)).at("/data/uploaded_bytes").asLong()).isEqualTo(5);
    assertThat(put(url, "bytes 5-9/10", new byte[5]).statusCode()).isEqualTo(201);
    assertThat(json(status(access, publishId)).at("/data/status").asText()).isEqualTo("SEND_TO_USER_INBOX");

    String other = h.tokens("user.info.basic,video.upload").get("access_token").asText();
    t.consentAs(new TikTokEmulator.User("someone-else", "else", "Someone Else"));
    String stranger = h.tokens("user.info.basic,video.upload").get("access_token").asText();
    assertThat(envelopeCode(status(other, publishId))).isEqualTo("ok");
    assertThat(envelopeCode(status(stranger, publishId))).isEqualTo("token_not_authorized_for_specified_publish_id");
    assertThat(envelopeCode(status(access, "v_inbox_file~v2.0"))).isEqualTo("invalid_publish_id");
    assertThat(envelopeCode(h.postJson("/v2/post/publish/inbox/video/init/", init.replace("\"total_chunk_count\":2",
        "\"total_chunk_count\":3"), "Authorization", "Bearer " + access))).isEqualTo("invalid_param");
  }

  @Test
  void aDirectPostNeedsAPrivacyLevelAndIsPublished() {
    String access = h.tokens("user.info.basic,video.publish").get("access_token").asText();
    String source = "\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":3,\"chunk_size\":3,"
        + "\"total_chunk_count\":1}";

    HttpResponse<String> noPrivacy = h.postJson("/v2/post/publish/video/init/", "{" + source + "}",
        "Authorization", "Bearer " + access);
    JsonNode started = json(h.postJson("/v2/post/publish/video/init/",
        "{\"post_info\":{\"privacy_level\":\"SELF_ONLY\"}," + source + "}", "Authorization", "Bearer " + access));
    put(started.at("/data/upload_url").asText(), "bytes 0-2/3", new byte[3]);
    JsonNode done = json(status(access, started.at("/data/publish_id").asText()));

    assertThat(envelopeCode(noPrivacy)).isEqualTo("invalid_param");
    assertThat(done.at("/data/status").asText()).isEqualTo("PUBLISH_COMPLETE");
    assertThat(done.at("/data/publicaly_available_post_id/0").isIntegralNumber()).isTrue();
    assertThat(json(status(access, started.at("/data/publish_id").asText())).at("/data/publicaly_available_post_id"))
        .isEqualTo(done.at("/data/publicaly_available_post_id"));
  }

  @Test
  void postingInitsAreSixAMinutePerUser() {
    String access = h.tokens("user.info.basic,video.upload").get("access_token").asText();
    String init = "{\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":1,\"chunk_size\":1,"
        + "\"total_chunk_count\":1}}";
    for (int i = 0; i < 6; i++) {
      assertThat(h.postJson("/v2/post/publish/inbox/video/init/", init, "Authorization", "Bearer " + access)
          .statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = h.postJson("/v2/post/publish/inbox/video/init/", init, "Authorization",
        "Bearer " + access);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(envelopeCode(limited)).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void businessOauthRotatesAndRevokesInTheEnvelope() {
    JsonNode tokens = h.businessTokens("user.info.basic,video.list");
    assertThat(tokens.get("code").asLong()).isZero();
    JsonNode data = tokens.get("data");
    assertThat(data.get("refresh_token_expires_in").asLong()).isEqualTo(31_536_000);
    String creds = "\"client_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"client_secret\":\""
        + TikTokEmulator.BUSINESS_APP_SECRET + "\"";
    String refresh = "{" + creds + ",\"grant_type\":\"refresh_token\",\"refresh_token\":\""
        + data.get("refresh_token").asText() + "\"}";

    JsonNode rotated = json(h.postJson(B + "tt_user/oauth2/refresh_token/", refresh));
    assertThat(rotated.get("code").asLong()).isZero();
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/refresh_token/", refresh))).isEqualTo(40107);

    String access = rotated.at("/data/access_token").asText();
    String info = "{\"app_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"access_token\":\"" + access + "\"}";
    JsonNode tokenInfo = json(h.postJson(B + "tt_user/token_info/get/", info));
    assertThat(tokenInfo.at("/data/creator_id").asText()).isEqualTo(TikTokEmulator.DEFAULT_USER.openId());
    assertThat(tokenInfo.at("/data/scope").asText()).isEqualTo("user.info.basic,video.list");

    String revoke = "{" + creds + ",\"access_token\":\"" + access + "\"}";
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/revoke/", revoke))).isZero();
    assertThat(businessCode(h.postJson(B + "tt_user/token_info/get/", info))).isEqualTo(40105);
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/revoke/", revoke))).isEqualTo(40105);
  }

  @Test
  void businessErrorsAreCodesInAnHttp200() {
    String code = h.businessCode("user.info.basic");
    String wrongSecret = "{\"client_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"client_secret\":\"no\","
        + "\"grant_type\":\"authorization_code\",\"auth_code\":\"" + code + "\",\"redirect_uri\":\""
        + TikTokEmulator.REDIRECT_URI + "\"}";
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/token/", wrongSecret))).isEqualTo(40101);
    String ok = wrongSecret.replace("\"no\"", "\"" + TikTokEmulator.BUSINESS_APP_SECRET + "\"");
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/token/", ok))).isZero();
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/token/", ok))).isEqualTo(40110);
    assertThat(businessCode(h.postJson(B + "tt_user/oauth2/token/", ok.replace("authorization_code", "password"))))
        .isEqualTo(40108);
    assertThat(businessCode(h.postJson(B + "tt_user/token_info/get/",
        "{\"app_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"access_token\":\"\"}"))).isEqualTo(40104);
  }

  @Test
  void aBusinessAccountsWindowIsFortyCallsAMinutePerEndpointThen40100() {
    String access = h.businessTokens("user.info.basic").at("/data/access_token").asText();
    String info = "{\"app_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"access_token\":\"" + access + "\"}";
    for (int i = 0; i < 40; i++) {
      assertThat(businessCode(h.postJson(B + "tt_user/token_info/get/", info))).isZero();
    }

    HttpResponse<String> throttled = h.postJson(B + "tt_user/token_info/get/", info);

    assertThat(businessCode(throttled)).isEqualTo(40100);
    assertThat(json(throttled).get("message").asText()).startsWith("Too many requests");
    clock.advance(Duration.ofMinutes(1));
    assertThat(businessCode(h.postJson(B + "tt_user/token_info/get/", info))).isZero();
  }

  @Test
  void businessCenterCallsNeedALiveAccessTokenHeader() {
    String access = h.businessTokens("user.info.basic").at("/data/access_token").asText();
    String body = "{\"bc_id\":\"bc-1\",\"user_id\":\"u-1\"}";

    assertThat(businessCode(h.postJson(B + "bc/member/delete/", body, "Access-Token", access))).isZero();
    assertThat(businessCode(h.postJson(B + "bc/member/delete/", body))).isEqualTo(40104);
    assertThat(businessCode(h.postJson(B + "bc/member/delete/", body, "Access-Token", "act.dead"))).isEqualTo(40105);
    t.refuseBusinessCenterCalls(true);
    assertThat(businessCode(h.postJson(B + "bc/asset/admin/delete/", body, "Access-Token", access))).isEqualTo(40001);
  }

  @Test
  void anAdvertiserAuthorizationIsRevokedOnceWithTheAppsSecret() {
    String token = t.authorizeAdvertisers("7012345678901234567", "7012345678901234568");
    String body = "{\"app_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"secret\":\""
        + TikTokEmulator.BUSINESS_APP_SECRET + "\",\"access_token\":\"" + token + "\"}";

    assertThat(businessCode(h.postJson(B + "oauth2/revoke_token/", body.replace(TikTokEmulator.BUSINESS_APP_SECRET, "no"))))
        .isEqualTo(40101);
    JsonNode revoked = json(h.postJson(B + "oauth2/revoke_token/", body));
    assertThat(revoked.get("code").asLong()).isZero();
    assertThat(revoked.at("/data/app_id").asText()).isEqualTo(TikTokEmulator.BUSINESS_APP_ID);
    assertThat(revoked.at("/data/advertiser_ids").toString()).isEqualTo("[\"7012345678901234567\",\"7012345678901234568\"]");
    assertThat(businessCode(h.postJson(B + "oauth2/revoke_token/", body))).isEqualTo(40105);
  }

  @Test
  void webhookDeliveriesAreSignedAsTikTokSignsThem() throws Exception {
    clock.advance(Duration.ofSeconds(42));

    TikTokEmulator.WebhookDelivery d = t.webhookDelivery("post.publish.complete", "open-1", "{\"publish_id\":\"p1\"}");

    long ts = clock.instant().getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TikTokEmulator.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
    assertThat(d.signature()).isEqualTo("t=" + ts + ",s=" + HexFormat.of().formatHex(mac.doFinal(d.body())));
    JsonNode envelope = TikTokHttp.JSON.readTree(d.body());
    assertThat(envelope.get("client_key").asText()).isEqualTo(TikTokEmulator.CLIENT_KEY);
    assertThat(envelope.get("create_time").asLong()).isEqualTo(ts);
    assertThat(envelope.get("content").isTextual()).isTrue();
    assertThat(TikTokHttp.JSON.readTree(envelope.get("content").asText()).get("publish_id").asText()).isEqualTo("p1");
    assertThat(d.headers()).containsEntry("TikTok-Signature", d.signature());
    assertThat(d.toString()).doesNotContain(d.signature().substring(d.signature().indexOf(",s=") + 3));
  }

  @Test
  void removingTheAppKillsEveryTokenOfTheUser() {
    JsonNode tokens = h.tokens(LOGIN_KIT_SCOPES);

    TikTokEmulator.WebhookDelivery d = t.removeAuthorization(TikTokEmulator.DEFAULT_USER.openId());

    assertThat(new String(d.body(), StandardCharsets.UTF_8)).contains("\"event\":\"authorization.removed\"",
        "\"content\":\"{\\\"reason\\\": 1 }\"");
    assertThat(h.userInfo(tokens.get("access_token").asText(), "open_id").statusCode()).isEqualTo(401);
    assertThat(error(h.refresh(tokens.get("refresh_token").asText()))).isEqualTo("invalid_grant");
  }

  @Test
  void faultsAnswerInTikToksShapeAndRequestsAreCounted() {
    t.failNext(1, 503);

    HttpResponse<String> failed = h.userInfo("act.x", "open_id");

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(envelopeCode(failed)).isEqualTo("internal_error");
    assertThat(h.userInfo("act.x", "open_id").statusCode()).isEqualTo(401);
    assertThat(t.count("GET", "/v2/user/info/")).isEqualTo(2);
    assertThat(t.requests()).extracting(TikTokEmulator.Request::at).containsOnly(clock.instant());
    t.resetNext(1);
    assertThatThrownBy(() -> h.userInfo("act.x", "open_id")).isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void unknownEndpointsAreRefusedInTheirApisShape() {
    assertThat(h.postJson("/v2/nothing/", "{}").statusCode()).isEqualTo(404);
    assertThat(businessCode(h.postJson(B + "nothing/", "{}"))).isEqualTo(40002);
  }
}
