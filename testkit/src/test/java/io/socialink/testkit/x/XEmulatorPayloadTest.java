package io.socialink.testkit.x;

import static io.socialink.testkit.x.EmulatorHttp.fields;
import static io.socialink.testkit.x.EmulatorHttp.json;
import static io.socialink.testkit.x.EmulatorHttp.payload;
import static io.socialink.testkit.x.EmulatorHttp.shape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator answers with X's shapes: each answer has the member names and JSON types of the
 * documented payload the X provider's WireMock fixtures serve (and, for errors, the same texts).
 */
class XEmulatorPayloadTest {
  static final String ALL = "tweet.read tweet.write users.read offline.access media.write";

  XEmulator x;
  EmulatorHttp h;

  @BeforeEach
  void start() {
    x = XEmulator.start();
    h = new EmulatorHttp(x);
  }

  @AfterEach
  void stop() {
    x.close();
  }

  static void sameShape(HttpResponse<String> actual, String fixture) {
    assertThat(shape(json(actual))).as(fixture).isEqualTo(shape(payload(fixture)));
  }

  static void same(HttpResponse<String> actual, String fixture) {
    assertThat(json(actual)).as(fixture).isEqualTo(payload(fixture));
  }

  @Test
  void oauthAnswers() {
    String code = h.code(XEmulator.CLIENT_ID, "tweet.read tweet.write users.read offline.access");
    HttpResponse<String> token = h.exchange(code, EmulatorHttp.VERIFIER);
    sameShape(token, XPayloads.TOKEN);
    sameShape(h.exchange(h.code(XEmulator.CLIENT_ID, "tweet.read users.read tweet.write"), EmulatorHttp.VERIFIER),
        XPayloads.TOKEN_WITHOUT_OFFLINE_ACCESS);
    same(h.exchange(code, EmulatorHttp.VERIFIER), XPayloads.ERROR_INVALID_CODE);
    String refresh = json(token).get("refresh_token").asText();
    String auth = EmulatorHttp.basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET);
    h.postForm("/2/oauth2/token", fields("refresh_token", refresh, "grant_type", "refresh_token", "client_id",
        XEmulator.CLIENT_ID), "Authorization", auth);
    same(h.postForm("/2/oauth2/token", fields("refresh_token", refresh, "grant_type", "refresh_token", "client_id",
        XEmulator.CLIENT_ID), "Authorization", auth), XPayloads.ERROR_INVALID_TOKEN);
    same(h.postForm("/2/oauth2/token", fields("grant_type", "refresh_token", "refresh_token", "r", "client_id",
        XEmulator.CLIENT_ID)), XPayloads.ERROR_UNAUTHORIZED_CLIENT);
    same(h.postForm("/2/oauth2/token", fields("grant_type", "refresh_token", "refresh_token", "r")),
        XPayloads.ERROR_MISSING_CLIENT_ID);
    same(h.postForm("/2/oauth2/token", fields("grant_type", "refresh_token", "refresh_token", "r", "client_id", "unknown")),
        XPayloads.ERROR_INVALID_CLIENT);
    same(h.postForm("/2/oauth2/revoke", fields("token", json(token).get("access_token").asText(), "client_id",
        XEmulator.CLIENT_ID), "Authorization", auth), XPayloads.REVOKE);
  }

  @Test
  void apiAnswers() {
    String access = h.tokens(ALL).get("access_token").asText();
    String bearer = "Bearer " + access;
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");

    same(h.get(me, "Authorization", bearer), XPayloads.USERS_ME);
    same(h.get(me, "Authorization", "Bearer nope"), XPayloads.UNAUTHORIZED);
    sameShape(h.postJson("/2/tweets", "{\"text\":\"shape check\"}", access), XPayloads.TWEET_CREATED);
    same(h.postJson("/2/tweets", "{\"text\":\"shape check\"}", access), XPayloads.DUPLICATE_CONTENT);
    sameShape(h.postJson("/2/tweets", "{\"text\":\"m\",\"media\":{\"media_ids\":[\"1880028106020515841\"]}}", access),
        XPayloads.INVALID_REQUEST);
    same(h.postJson("/2/tweets", "{\"text\":\"no scope\"}",
        h.tokens("tweet.read users.read").get("access_token").asText()), XPayloads.FORBIDDEN);

    String image = "--b\r\nContent-Disposition: form-data; name=\"media_category\"\r\n\r\ntweet_image\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"media\"; filename=\"m\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b--\r\n";
    sameShape(h.post("/2/media/upload", "multipart/form-data; boundary=b", image.getBytes(StandardCharsets.UTF_8),
        "Authorization", bearer), XPayloads.MEDIA_UPLOAD);
    HttpResponse<String> init = h.postJson("/2/media/upload/initialize",
        "{\"media_type\":\"video/mp4\",\"total_bytes\":3,\"media_category\":\"tweet_video\"}", access);
    sameShape(init, XPayloads.MEDIA_INITIALIZE);
    String id = json(init).at("/data/id").asText();
    h.post("/2/media/upload/" + id + "/append", "multipart/form-data; boundary=b",
        XEmulatorTest.multipart("0", "abc"), "Authorization", bearer);
    sameShape(h.post("/2/media/upload/" + id + "/finalize", "application/json", new byte[0], "Authorization", bearer),
        XPayloads.MEDIA_FINALIZE_PENDING);
    URI status = URI.create(x.apiBaseUri() + "/2/media/upload?command=STATUS&media_id=" + id);
    sameShape(h.get(status, "Authorization", bearer), XPayloads.MEDIA_STATUS_IN_PROGRESS);
    sameShape(h.get(status, "Authorization", bearer), XPayloads.MEDIA_STATUS_SUCCEEDED);
  }

  @Test
  void limitsAndFaults() {
    String access = h.tokens(ALL).get("access_token").asText();
    x.rateLimit("tweets.create", 1, java.time.Duration.ofMinutes(15));
    h.postJson("/2/tweets", "{\"text\":\"one\"}", access);
    same(h.postJson("/2/tweets", "{\"text\":\"two\"}", access), XPayloads.TOO_MANY_REQUESTS);
    x.failNext(1, 503);
    same(h.get(URI.create(x.apiBaseUri() + "/2/users/me")), XPayloads.SERVICE_UNAVAILABLE);
  }

  @Test
  void everyDocumentedPayloadParses() {
    for (String name : XPayloads.names()) {
      JsonNode n = payload(name);
      assertThat(n.isObject()).as(name).isTrue();
    }
    assertThat(XPayloads.names()).contains(XPayloads.TOKEN, XPayloads.WEBHOOK_OAUTH_REVOKE).hasSize(40);
  }
}
