package io.socialink.testkit.tiktok;

import static io.socialink.testkit.tiktok.TikTokHttp.B;
import static io.socialink.testkit.tiktok.TikTokHttp.LOGIN_KIT_SCOPES;
import static io.socialink.testkit.tiktok.TikTokHttp.VERIFIER;
import static io.socialink.testkit.tiktok.TikTokHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.internal.emulator.PayloadShapes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator answers with TikTok's documented shapes: each answer has the member names and JSON types
 * of the documented payload the TikTok provider's WireMock fixtures serve.
 */
class TikTokEmulatorPayloadTest {
  TikTokEmulator t;
  TikTokHttp h;

  @BeforeEach
  void start() {
    t = TikTokEmulator.start();
    h = new TikTokHttp(t);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  static void sameShape(HttpResponse<String> actual, String payload) {
    assertThat(PayloadShapes.difference(actual.body().getBytes(StandardCharsets.UTF_8), TikTokPayloads.bytes(payload)))
        .as(payload).isEmpty();
  }

  static void sameShape(byte[] actual, String payload) {
    assertThat(PayloadShapes.difference(actual, TikTokPayloads.bytes(payload))).as(payload).isEmpty();
  }

  @Test
  void loginKitAnswers() {
    String code = h.code(LOGIN_KIT_SCOPES);
    HttpResponse<String> token = h.exchange(code, VERIFIER);
    sameShape(token, TikTokPayloads.TOKEN);
    sameShape(h.exchange(code, VERIFIER), TikTokPayloads.OAUTH_INVALID_GRANT);
    sameShape(h.exchange(h.code(LOGIN_KIT_SCOPES), "wrong-verifier-0123456789012345678901234567890"),
        TikTokPayloads.OAUTH_INVALID_CODE_VERIFIER);
    HttpResponse<String> refreshed = h.refresh(json(token).get("refresh_token").asText());
    sameShape(refreshed, TikTokPayloads.REFRESH);
    sameShape(h.postForm("/v2/oauth/token/", TikTokHttp.fields("client_key", "x", "client_secret", "y")),
        TikTokPayloads.OAUTH_INVALID_CLIENT);
    sameShape(h.postForm("/v2/oauth/token/", TikTokHttp.fields("client_key", TikTokEmulator.CLIENT_KEY,
        "client_secret", TikTokEmulator.CLIENT_SECRET, "grant_type", "password")), TikTokPayloads.OAUTH_UNSUPPORTED_GRANT_TYPE);

    String access = json(refreshed).get("access_token").asText();
    sameShape(h.userInfo(access, "open_id,union_id,avatar_url,display_name,username,bio_description,"
        + "profile_deep_link,is_verified,follower_count,following_count,likes_count,video_count"), TikTokPayloads.USER_INFO);
    sameShape(h.postJson("/v2/video/list/?fields=cover_image_url,id,title", "{\"max_count\":20}", "Authorization",
        "Bearer " + access), TikTokPayloads.VIDEO_LIST);
    sameShape(h.userInfo(access, "open_id,nope"), TikTokPayloads.INVALID_PARAMS);
    sameShape(h.userInfo(h.tokens("user.info.basic").get("access_token").asText(), "username"),
        TikTokPayloads.SCOPE_PERMISSION_MISSED);
    sameShape(h.postJson("/v2/video/list/?fields=id", "{}", "Authorization",
        "Bearer " + h.tokens("user.info.basic").get("access_token").asText()), TikTokPayloads.SCOPE_NOT_AUTHORIZED);
    sameShape(h.postForm("/v2/oauth/revoke/", TikTokHttp.fields("client_key", TikTokEmulator.CLIENT_KEY,
        "client_secret", TikTokEmulator.CLIENT_SECRET, "token", access)), TikTokPayloads.REVOKE);
    sameShape(h.userInfo(access, "open_id"), TikTokPayloads.ACCESS_TOKEN_INVALID);
  }

  @Test
  void contentPostingAnswers() {
    String access = h.tokens("user.info.basic,video.upload,video.publish").get("access_token").asText();
    String bearer = "Bearer " + access;
    String source = "\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":2,\"chunk_size\":2,"
        + "\"total_chunk_count\":1}";
    HttpResponse<String> inbox = h.postJson("/v2/post/publish/inbox/video/init/", "{" + source + "}", "Authorization", bearer);
    sameShape(inbox, TikTokPayloads.POST_INBOX_INIT);
    String inboxId = json(inbox).at("/data/publish_id").asText();
    String status = "/v2/post/publish/status/fetch/";
    sameShape(h.postJson(status, "{\"publish_id\":\"" + inboxId + "\"}", "Authorization", bearer),
        TikTokPayloads.POST_STATUS_PROCESSING_UPLOAD);
    h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(json(inbox).at("/data/upload_url").asText()))
        .header("Content-Range", "bytes 0-1/2").PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[2])));
    sameShape(h.postJson(status, "{\"publish_id\":\"" + inboxId + "\"}", "Authorization", bearer),
        TikTokPayloads.POST_STATUS_SEND_TO_USER_INBOX);
    HttpResponse<String> direct = h.postJson("/v2/post/publish/video/init/",
        "{\"post_info\":{\"privacy_level\":\"SELF_ONLY\"}," + source + "}", "Authorization", bearer);
    sameShape(direct, TikTokPayloads.POST_VIDEO_INIT);
    h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(json(direct).at("/data/upload_url").asText()))
        .header("Content-Range", "bytes 0-1/2").PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[2])));
    sameShape(h.postJson(status, "{\"publish_id\":\"" + json(direct).at("/data/publish_id").asText() + "\"}",
        "Authorization", bearer), TikTokPayloads.POST_STATUS_PUBLISH_COMPLETE);
    sameShape(h.postJson(status, "{\"publish_id\":\"nope\"}", "Authorization", bearer),
        TikTokPayloads.POST_INVALID_PUBLISH_ID);
    sameShape(h.postJson("/v2/post/publish/video/init/", "{" + source + "}", "Authorization", bearer),
        TikTokPayloads.POST_INVALID_PARAM);
  }

  @Test
  void limitsAndFaults() {
    String access = h.tokens(LOGIN_KIT_SCOPES).get("access_token").asText();
    t.rateLimit("user.info", 1, Duration.ofMinutes(1));
    h.userInfo(access, "open_id");
    sameShape(h.userInfo(access, "open_id"), TikTokPayloads.RATE_LIMIT_EXCEEDED);
    t.failNext(1, 500);
    sameShape(h.userInfo(access, "open_id"), TikTokPayloads.INTERNAL_ERROR);
  }

  @Test
  void businessAnswers() {
    JsonNode tokens = h.businessTokens("user.info.basic,video.list");
    sameShape(tokens.toString().getBytes(StandardCharsets.UTF_8), TikTokPayloads.BUSINESS_TOKEN);
    String creds = "\"client_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"client_secret\":\""
        + TikTokEmulator.BUSINESS_APP_SECRET + "\"";
    String refresh = "{" + creds + ",\"grant_type\":\"refresh_token\",\"refresh_token\":\""
        + tokens.at("/data/refresh_token").asText() + "\"}";
    HttpResponse<String> rotated = h.postJson(B + "tt_user/oauth2/refresh_token/", refresh);
    sameShape(rotated, TikTokPayloads.BUSINESS_REFRESH);
    sameShape(h.postJson(B + "tt_user/oauth2/refresh_token/", refresh), TikTokPayloads.BUSINESS_REFRESH_TOKEN_INVALID);
    String access = json(rotated).at("/data/access_token").asText();
    String info = "{\"app_id\":\"" + TikTokEmulator.BUSINESS_APP_ID + "\",\"access_token\":\"" + access + "\"}";
    sameShape(h.postJson(B + "tt_user/token_info/get/", info), TikTokPayloads.BUSINESS_TOKEN_INFO);
    sameShape(h.postJson(B + "bc/member/delete/", "{\"bc_id\":\"1\",\"user_id\":\"2\"}", "Access-Token", access),
        TikTokPayloads.BUSINESS_CENTER_OK);
    t.rateLimit("business.token_info", 1, Duration.ofMinutes(1));
    h.postJson(B + "tt_user/token_info/get/", info);
    sameShape(h.postJson(B + "tt_user/token_info/get/", info), TikTokPayloads.BUSINESS_TOO_MANY_REQUESTS);
    sameShape(h.postJson(B + "tt_user/oauth2/revoke/", "{" + creds + ",\"access_token\":\"" + access + "\"}"),
        TikTokPayloads.BUSINESS_REVOKE);
    sameShape(h.postJson(B + "tt_user/token_info/get/", info), TikTokPayloads.BUSINESS_ACCESS_TOKEN_INCORRECT);
    sameShape(h.postJson(B + "oauth2/revoke_token/", "{\"app_id\":\"" + TikTokEmulator.BUSINESS_APP_ID
        + "\",\"secret\":\"" + TikTokEmulator.BUSINESS_APP_SECRET + "\",\"access_token\":\""
        + t.authorizeAdvertisers("1", "2") + "\"}"), TikTokPayloads.BUSINESS_ADVERTISER_REVOKE);
  }

  @Test
  void webhookDeliveries() {
    sameShape(t.removeAuthorization(TikTokEmulator.DEFAULT_USER.openId()).body(), TikTokPayloads.WEBHOOK_AUTHORIZATION_REMOVED);
  }

  @Test
  void everyDocumentedPayloadParses() throws Exception {
    for (String name : TikTokPayloads.names()) {
      assertThat(TikTokHttp.JSON.readTree(TikTokPayloads.bytes(name)).isObject()).as(name).isTrue();
    }
    assertThat(TikTokPayloads.names()).hasSize(43);
  }
}
