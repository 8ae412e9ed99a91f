package io.socialink.testkit.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.internal.emulator.PayloadShapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator answers with Instagram's documented shapes: each answer has the member names and JSON
 * types of the documented payload the Instagram provider's WireMock fixtures serve.
 */
class InstagramEmulatorPayloadTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ME = "/v25.0/me";
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  InstagramEmulator ig;

  @BeforeEach
  void start() {
    ig = InstagramEmulator.builder().clock(clock).containerProcessing(Duration.ofSeconds(30)).start();
  }

  @AfterEach
  void stop() {
    ig.close();
  }

  HttpResponse<String> send(HttpRequest.Builder r) {
    try {
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery, String token) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + pathAndQuery));
    return send(token.isEmpty() ? r : r.header("Authorization", "Bearer " + token));
  }

  HttpResponse<String> post(String pathAndQuery, String token, String json) {
    return send(HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + pathAndQuery))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> exchange(String clientId, String secret, String code) {
    String form = "client_id=" + clientId + "&client_secret=" + enc(secret) + "&grant_type=authorization_code"
        + "&redirect_uri=" + enc(InstagramEmulator.REDIRECT_URI.toString()) + "&code=" + enc(code);
    return send(HttpRequest.newBuilder(URI.create(ig.apiBaseUri() + "/oauth/access_token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  String code() {
    URI callback = ig.consent(URI.create(ig.authorizeUri() + "?client_id=" + InstagramEmulator.APP_ID + "&redirect_uri="
        + enc(InstagramEmulator.REDIRECT_URI.toString()) + "&response_type=code"
        + "&scope=instagram_business_basic,instagram_business_content_publish&state=s1"));
    assertThat(callback.getRawFragment()).isEqualTo("_");
    assertThat(callback.getRawQuery()).endsWith("&state=s1");
    return callback.getRawQuery().replaceAll("^code=([^&]+)&.*$", "$1");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> r) {
    return json(r.body());
  }

  static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sameShape(HttpResponse<String> actual, String payload) {
    assertThat(PayloadShapes.difference(actual.body().getBytes(StandardCharsets.UTF_8),
        InstagramPayloads.bytes(payload))).as(payload + ": " + actual.body()).isEmpty();
  }

  String longLived() {
    String shortLived = json(exchange(InstagramEmulator.APP_ID, InstagramEmulator.APP_SECRET, code()))
        .get("access_token").asText();
    return json(get("/access_token?grant_type=ig_exchange_token&client_secret=" + InstagramEmulator.APP_SECRET
        + "&access_token=" + shortLived, "")).get("access_token").asText();
  }

  @Test
  void instagramLoginAnswers() {
    String code = code();
    HttpResponse<String> exchanged = exchange(InstagramEmulator.APP_ID, InstagramEmulator.APP_SECRET, code);
    sameShape(exchanged, InstagramPayloads.CODE_EXCHANGE);
    assertThat(json(exchanged).get("user_id").asLong()).isEqualTo(Long.parseLong(InstagramEmulator.DEFAULT_USER_ID));
    sameShape(exchange(InstagramEmulator.APP_ID, InstagramEmulator.APP_SECRET, code), InstagramPayloads.TOKEN_CODE_USED);
    sameShape(exchange("1234", InstagramEmulator.APP_SECRET, code()), InstagramPayloads.TOKEN_INVALID_PLATFORM_APP);
    sameShape(exchange(InstagramEmulator.APP_ID, "wrong", code()), InstagramPayloads.TOKEN_INVALID_CLIENT_SECRET);

    String shortLived = json(exchanged).get("access_token").asText();
    sameShape(get("/access_token?grant_type=ig_exchange_token&client_secret=wrong&access_token=" + shortLived, ""),
        InstagramPayloads.CLIENT_SECRET);
    HttpResponse<String> longLived = get("/access_token?grant_type=ig_exchange_token&client_secret="
        + InstagramEmulator.APP_SECRET + "&access_token=" + shortLived, "");
    sameShape(longLived, InstagramPayloads.LONG_LIVED_TOKEN);
    assertThat(json(longLived).get("expires_in").asLong()).isEqualTo(Duration.ofDays(60).toSeconds());

    clock.advance(Duration.ofHours(24));
    HttpResponse<String> refreshed = get("/refresh_access_token?grant_type=ig_refresh_token&access_token="
        + json(longLived).get("access_token").asText(), "");
    sameShape(refreshed, InstagramPayloads.REFRESH_TOKEN);
    sameShape(get(ME + "?fields=user_id", shortLived), InstagramPayloads.ACCESS_TOKEN_EXPIRED);
    sameShape(get(ME + "?fields=user_id", "IGAAnever-issued"), InstagramPayloads.INVALID_TOKEN);
  }

  @Test
  void authorizeRefusesAnUnknownAppOrRedirect() {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ig.authorizeUri() + "?client_id=1&redirect_uri="
        + enc(InstagramEmulator.REDIRECT_URI.toString()) + "&response_type=code&scope=instagram_business_basic")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Invalid platform app");
    HttpResponse<String> scope = send(HttpRequest.newBuilder(URI.create(ig.authorizeUri() + "?client_id="
        + InstagramEmulator.APP_ID + "&redirect_uri=" + enc(InstagramEmulator.REDIRECT_URI.toString())
        + "&response_type=code&scope=user_profile")));
    assertThat(scope.body()).contains("Invalid scopes");
  }

  @Test
  void graphAnswers() {
    String token = longLived();
    String me = json(get(ME + "?fields=user_id", token)).get("user_id").asText();
    sameShape(get(ME + "?fields=user_id,id,username,name,account_type,profile_picture_url,followers_count,"
        + "follows_count,media_count", token), InstagramPayloads.ME);

    HttpResponse<String> created = post("/v25.0/" + me + "/media", token,
        "{\"image_url\":\"https://example.com/a.jpg\",\"caption\":\"#BronzFonz\"}");
    sameShape(created, InstagramPayloads.CONTAINER_CREATED);
    String container = json(created).get("id").asText();
    sameShape(get("/v25.0/" + container + "?fields=status_code,status", token), InstagramPayloads.CONTAINER_IN_PROGRESS);
    sameShape(post("/v25.0/" + me + "/media_publish", token, "{\"creation_id\":\"" + container + "\"}"),
        InstagramPayloads.MEDIA_NOT_READY);
    clock.advance(Duration.ofSeconds(30));
    sameShape(get("/v25.0/" + container + "?fields=status_code,status", token), InstagramPayloads.CONTAINER_FINISHED);
    sameShape(post("/v25.0/" + me + "/media_publish", token, "{\"creation_id\":\"" + container + "\"}"),
        InstagramPayloads.MEDIA_PUBLISH);
    sameShape(get("/v25.0/" + container + "?fields=status_code", token), InstagramPayloads.CONTAINER_PUBLISHED);
    sameShape(get("/v25.0/" + me + "/content_publishing_limit?fields=quota_usage,config", token),
        InstagramPayloads.CONTENT_PUBLISHING_LIMIT);
    assertThat(get("/v25.0/" + me + "/content_publishing_limit", token).body())
        .isEqualTo("{\"data\":[{\"quota_usage\":1}]}");
    sameShape(post("/v25.0/" + me + "/media", token, "{\"caption\":\"no media\"}"), InstagramPayloads.INVALID_PARAMETER);
    sameShape(get("/v25.0/17841499999999999/media", token), InstagramPayloads.OBJECT_MISSING);

    for (int i = 0; i < 2; i++) {
      String c = json(post("/v25.0/" + me + "/media", token, "{\"image_url\":\"https://example.com/b.jpg\"}"))
          .get("id").asText();
      clock.advance(Duration.ofSeconds(30));
      post("/v25.0/" + me + "/media_publish", token, "{\"creation_id\":\"" + c + "\"}");
    }
    HttpResponse<String> page = get(ME + "/media?fields=id,caption,media_type,permalink,timestamp&limit=1", token);
    assertThat(json(page).get("data")).hasSize(1);
    assertThat(json(page).at("/paging/next").asText()).contains("/v25.0/" + me + "/media?limit=1&after=");
    HttpResponse<String> last = get(ME + "/media?fields=id,caption,media_type,permalink,timestamp&limit=2&after="
        + json(page).at("/paging/cursors/after").asText(), token);
    assertThat(json(last).get("data")).hasSize(2);
    assertThat(json(last).at("/paging/next").isMissingNode()).isTrue();
    assertThat(json(last).at("/data/1/caption").asText()).isEqualTo("#BronzFonz");
    sameShape(get(ME + "/media?fields=id,caption,media_type,permalink,timestamp&after=bogus", token),
        InstagramPayloads.INVALID_PARAMETER);

    sameShape(send(HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + "/v25.0/me/subscribed_apps"))
        .header("Authorization", "Bearer " + token).DELETE()), InstagramPayloads.SUBSCRIBED_APPS);
    assertThat(ig.subscribed(me)).isFalse();
    sameShape(send(HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + "/me/permissions"))
        .header("Authorization", "Bearer " + token).DELETE()), InstagramPayloads.INVALID_PARAMETER);
  }

  @Test
  void faultsAndThrottlesAreGraphErrors() {
    String token = longLived();
    ig.failNext(1, 503);
    HttpResponse<String> down = get(ME + "?fields=user_id", token);
    assertThat(down.statusCode()).isEqualTo(503);
    sameShape(down, InstagramPayloads.API_SERVICE);
    ig.throttleNext(1);
    HttpResponse<String> throttled = get(ME + "?fields=user_id", token);
    sameShape(throttled, InstagramPayloads.INSTAGRAM_BUC);
    assertThat(throttled.headers().firstValue("x-app-usage").orElseThrow()).contains("\"call_count\":100");
    assertThat(get(ME + "?fields=user_id", token).statusCode()).isEqualTo(200);
    ig.removeApp(InstagramEmulator.DEFAULT_USER_ID);
    sameShape(get(ME + "?fields=user_id", token), InstagramPayloads.APP_NOT_INSTALLED);
  }

  @Test
  void theSignedRequestIsTheDocumentedPayloadSignedWithTheAppSecret() throws Exception {
    InstagramEmulator.Callback c = ig.removeApp(InstagramEmulator.DEFAULT_USER_ID);
    String[] parts = c.signedRequest().split("\\.", 2);
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);

    assertThat(PayloadShapes.difference(payload, InstagramPayloads.bytes(InstagramPayloads.SIGNED_REQUEST_PAYLOAD)))
        .isEmpty();
    JsonNode p = MAPPER.readTree(payload);
    assertThat(p.get("user_id").asText()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    assertThat(p.get("issued_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(InstagramEmulator.APP_SECRET.getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"));
    assertThat(Base64.getUrlDecoder().decode(parts[0])).isEqualTo(mac.doFinal(parts[1].getBytes(StandardCharsets.US_ASCII)));
    assertThat(new String(c.body(), StandardCharsets.US_ASCII)).startsWith("signed_request=");
    assertThat(ig.installed(InstagramEmulator.DEFAULT_USER_ID)).isFalse();
  }

  @Test
  void anotherAccountConsentsAndTheBuilderRefusesNonsense() {
    ig.addAccount("17841400000000042", "second");
    URI url = URI.create(ig.authorizeUri() + "?client_id=" + InstagramEmulator.APP_ID + "&redirect_uri="
        + enc(InstagramEmulator.REDIRECT_URI.toString()) + "&response_type=code&scope=instagram_business_basic");
    String code = ig.consentAs(url, "17841400000000042").getRawQuery().replaceAll("^code=([^&]+).*$", "$1");
    assertThat(json(exchange(InstagramEmulator.APP_ID, InstagramEmulator.APP_SECRET, code)).get("user_id").asText())
        .isEqualTo("17841400000000042");
    assertThatThrownBy(() -> ig.consentAs(url, "17841400000000099")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("no account 17841400000000099");
    assertThat(ig.deny(url).getRawQuery()).startsWith("error=access_denied&error_reason=user_denied");

    assertThatThrownBy(() -> InstagramEmulator.builder().containerProcessing(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InstagramEmulator.builder().publishingQuota(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InstagramEmulator.builder().callsPerHour(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ig.throttleNext(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ig.failNextContainers(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ig.addAccount("not-digits", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ig.removeApp("17841400000000099")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no account");
  }

  String facebookCode(String user) {
    URI url = URI.create(ig.facebookDialogUri() + "?client_id=" + InstagramEmulator.META_APP_ID + "&redirect_uri="
        + enc(InstagramEmulator.FACEBOOK_REDIRECT_URI.toString()) + "&response_type=code"
        + "&scope=instagram_basic,pages_show_list,instagram_content_publish&state=f1");
    URI callback = user.isEmpty() ? ig.consentOnFacebook(url) : ig.consentOnFacebookAs(url, user);
    assertThat(callback.getRawQuery()).endsWith("&state=f1");
    return callback.getRawQuery().replaceAll("^code=([^&]+)&.*$", "$1");
  }

  HttpResponse<String> facebookToken(String query) {
    return get("/v25.0/oauth/access_token?" + query, "");
  }

  String facebookLongLived(String code) {
    String shortLived = json(facebookToken("client_id=" + InstagramEmulator.META_APP_ID + "&redirect_uri="
        + enc(InstagramEmulator.FACEBOOK_REDIRECT_URI.toString()) + "&client_secret=" + InstagramEmulator.META_APP_SECRET
        + "&code=" + code)).get("access_token").asText();
    return json(facebookToken("grant_type=fb_exchange_token&client_id=" + InstagramEmulator.META_APP_ID
        + "&client_secret=" + InstagramEmulator.META_APP_SECRET + "&fb_exchange_token=" + shortLived))
        .get("access_token").asText();
  }

  HttpResponse<String> debug(String token) {
    return get("/v25.0/debug_token?input_token=" + enc(token) + "&access_token="
        + enc(InstagramEmulator.META_APP_ID + "|" + InstagramEmulator.META_APP_SECRET), "");
  }

  @Test
  void facebookLoginAnswers() {
    String code = facebookCode("");
    String base = "client_id=" + InstagramEmulator.META_APP_ID + "&redirect_uri="
        + enc(InstagramEmulator.FACEBOOK_REDIRECT_URI.toString()) + "&code=" + code;
    sameShape(facebookToken(base + "&client_secret=" + InstagramEmulator.APP_SECRET), InstagramPayloads.CLIENT_SECRET);
    HttpResponse<String> exchanged = facebookToken(base + "&client_secret=" + InstagramEmulator.META_APP_SECRET);
    sameShape(exchanged, InstagramPayloads.FACEBOOK_CODE_EXCHANGE);
    assertThat(json(exchanged).get("access_token").asText()).startsWith("EAA");
    sameShape(facebookToken(base + "&client_secret=" + InstagramEmulator.META_APP_SECRET), InstagramPayloads.INVALID_PARAMETER);
    String shortLived = json(exchanged).get("access_token").asText();
    HttpResponse<String> longLived = facebookToken("grant_type=fb_exchange_token&client_id=" + InstagramEmulator.META_APP_ID
        + "&client_secret=" + InstagramEmulator.META_APP_SECRET + "&fb_exchange_token=" + shortLived);
    sameShape(longLived, InstagramPayloads.FACEBOOK_LONG_LIVED_TOKEN);
    assertThat(json(longLived).get("expires_in").asLong()).isEqualTo(Duration.ofDays(60).toSeconds());
    String token = json(longLived).get("access_token").asText();

    HttpResponse<String> debugged = debug(token);
    sameShape(debugged, InstagramPayloads.FACEBOOK_DEBUG_TOKEN);
    assertThat(json(debugged).at("/data/user_id").asText()).isEqualTo(InstagramEmulator.DEFAULT_FACEBOOK_USER_ID);
    assertThat(json(debugged).at("/data/is_valid").asBoolean()).isTrue();
    sameShape(get("/v25.0/debug_token?input_token=" + token + "&access_token=" + InstagramEmulator.META_APP_ID + "%7Cwrong",
        ""), InstagramPayloads.CLIENT_SECRET);
    sameShape(get(ME + "?fields=id,name", token), InstagramPayloads.FACEBOOK_ME);
    HttpResponse<String> pages = get("/v25.0/me/accounts?fields=" + enc("id,name,instagram_business_account{id,username}"),
        token);
    assertThat(json(pages).at("/data/0").has("instagram_business_account")).isFalse();
    assertThat(json(pages).at("/data/1/instagram_business_account/id").asText())
        .isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    String node = "/v25.0/" + InstagramEmulator.DEFAULT_USER_ID;
    sameShape(get(node + "?fields=id,username,name,profile_picture_url,followers_count,follows_count,media_count", token),
        InstagramPayloads.FACEBOOK_IG_USER);
    HttpResponse<String> media = get(node + "/media?fields=id", token);
    assertThat(media.statusCode()).isEqualTo(200);
    assertThat(json(media.headers().firstValue("x-business-use-case-usage").orElseThrow()
        ).has(InstagramEmulator.DEFAULT_USER_ID)).as("usage is counted per Instagram account").isTrue();
    sameShape(get("/v25.0/17841400000000999?fields=id", token), InstagramPayloads.OBJECT_MISSING);

    sameShape(send(HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + "/v25.0/"
        + InstagramEmulator.DEFAULT_FACEBOOK_USER_ID + "/permissions")).header("Authorization", "Bearer " + token)
        .DELETE()), InstagramPayloads.FACEBOOK_PERMISSIONS_DELETED);
    assertThat(ig.facebookAuthorized(InstagramEmulator.DEFAULT_FACEBOOK_USER_ID)).isFalse();
    sameShape(get(node + "?fields=id", token), InstagramPayloads.APP_NOT_INSTALLED);
    HttpResponse<String> dead = debug(token);
    sameShape(dead, InstagramPayloads.FACEBOOK_DEBUG_TOKEN_INVALID);
    assertThat(json(dead).at("/data/is_valid").asBoolean()).isFalse();
    assertThat(json(debug("EAAunknown")).at("/data/is_valid").asBoolean()).isFalse();
  }

  @Test
  void facebookPagesArePagedAndAnInstagramTokenHasNoPages() {
    ig.addFacebookUser("10158000000000002", "Many Pages");
    for (int i = 0; i < 30; i++) {
      ig.addPage("10158000000000002", String.valueOf(300000000000000L + i), "Page " + i, Optional.empty());
    }
    ig.addAccount("17841400000000123", "late");
    ig.addPage("10158000000000002", "399999999999999", "Last", Optional.of("17841400000000123"));
    String token = facebookLongLived(facebookCode("10158000000000002"));
    String fields = "?fields=" + enc("id,name,instagram_business_account{id,username}") + "&limit=25";
    JsonNode first = json(get("/v25.0/me/accounts" + fields, token));
    assertThat(first.get("data")).hasSize(25);
    assertThat(first.at("/paging/next").isMissingNode()).isFalse();
    JsonNode second = json(get("/v25.0/me/accounts" + fields + "&after=" + first.at("/paging/cursors/after").asText(),
        token));
    assertThat(second.get("data")).hasSize(6);
    assertThat(second.at("/paging/next").isMissingNode()).isTrue();
    assertThat(second.at("/data/5/instagram_business_account/username").asText()).isEqualTo("late");

    sameShape(get("/v25.0/me/accounts" + fields, longLived()), InstagramPayloads.INVALID_PARAMETER);
  }
}
