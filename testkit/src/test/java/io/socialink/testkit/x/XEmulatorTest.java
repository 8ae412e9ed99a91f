package io.socialink.testkit.x;

import static io.socialink.testkit.x.EmulatorHttp.basic;
import static io.socialink.testkit.x.EmulatorHttp.fields;
import static io.socialink.testkit.x.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.TestClock;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XEmulatorTest {
  static final String ALL = "tweet.read tweet.write users.read offline.access media.write";

  TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  XEmulator x;
  EmulatorHttp h;

  @BeforeEach
  void start() {
    x = XEmulator.builder().clock(clock).start();
    h = new EmulatorHttp(x);
  }

  @AfterEach
  void stop() {
    x.close();
  }

  @Test
  void listensOnLoopback() {
    assertThat(x.apiBaseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(x.authorizeUri().getPath()).isEqualTo("/i/oauth2/authorize");
  }

  @Test
  void consentRedirectsToTheRedirectUriWithStateAndCode() {
    URI callback = x.consent(h.authorizeUrl(XEmulator.CLIENT_ID, ALL, "s-1"));

    assertThat(callback.toString()).startsWith(XEmulator.REDIRECT_URI + "?state=s-1&code=");
  }

  @Test
  void deniedConsentRedirectsWithAccessDenied() {
    x.denyNextConsent();

    assertThat(x.consent(h.authorizeUrl(XEmulator.CLIENT_ID, ALL, "s-2")).getRawQuery())
        .isEqualTo("error=access_denied&state=s-2");
  }

  @Test
  void authorizeRefusesBadRequests() {
    assertThatThrownBy(() -> x.consent(h.authorizeUrl("nobody", ALL, "s"))).hasMessageContaining("unknown client_id");
    assertThatThrownBy(() -> x.consent(h.authorizeUrl(XEmulator.CLIENT_ID, ALL, "s".repeat(501))))
        .hasMessageContaining("state");
    URI noPkce = URI.create(x.authorizeUri() + "?response_type=code&client_id=" + XEmulator.CLIENT_ID
        + "&redirect_uri=" + XEmulator.REDIRECT_URI + "&scope=tweet.read&state=s");
    assertThatThrownBy(() -> x.consent(noPkce)).hasMessageContaining("PKCE");
    URI otherRedirect = URI.create(h.authorizeUrl(XEmulator.CLIENT_ID, ALL, "s").toString()
        .replace("x%2Fcallback", "elsewhere"));
    assertThatThrownBy(() -> x.consent(otherRedirect)).hasMessageContaining("redirect_uri");
  }

  @Test
  void exchangeIssuesTwoHourTokensWithARefreshTokenForOfflineAccess() {
    JsonNode t = h.tokens(ALL);

    assertThat(t.get("token_type").asText()).isEqualTo("bearer");
    assertThat(t.get("expires_in").asLong()).isEqualTo(7200);
    assertThat(t.get("scope").asText()).isEqualTo(ALL);
    assertThat(t.hasNonNull("refresh_token")).isTrue();
  }

  @Test
  void noRefreshTokenWithoutOfflineAccess() {
    JsonNode t = h.tokens("tweet.read users.read");

    assertThat(t.has("refresh_token")).isFalse();
  }

  @Test
  void withheldScopesAreLeftOut() {
    x.withholdScopes("media.write");

    assertThat(h.tokens(ALL).get("scope").asText()).isEqualTo("tweet.read tweet.write users.read offline.access");
  }

  @Test
  void wrongPkceVerifierIsRefusedAndSpendsTheCode() {
    String code = h.code(XEmulator.CLIENT_ID, ALL);

    HttpResponse<String> wrong = h.exchange(code, EmulatorHttp.VERIFIER + "x");
    HttpResponse<String> retry = h.exchange(code, EmulatorHttp.VERIFIER);

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_INVALID_CODE));
    assertThat(retry.statusCode()).isEqualTo(400);
  }

  @Test
  void aCodeIsSingleUse() {
    String code = h.code(XEmulator.CLIENT_ID, ALL);

    assertThat(h.exchange(code, EmulatorHttp.VERIFIER).statusCode()).isEqualTo(200);
    HttpResponse<String> again = h.exchange(code, EmulatorHttp.VERIFIER);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_INVALID_CODE));
  }

  @Test
  void aCodeLivesThirtySeconds() {
    String fresh = h.code(XEmulator.CLIENT_ID, ALL);
    String stale = h.code(XEmulator.CLIENT_ID, ALL);

    clock.advance(Duration.ofSeconds(29));
    assertThat(h.exchange(fresh, EmulatorHttp.VERIFIER).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> late = h.exchange(stale, EmulatorHttp.VERIFIER);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(json(late)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_INVALID_CODE));
  }

  @Test
  void confidentialClientsNeedHttpBasic() {
    String code = h.code(XEmulator.CLIENT_ID, ALL);
    Map<String, String> body = fields("code", code, "grant_type", "authorization_code", "client_id",
        XEmulator.CLIENT_ID, "redirect_uri", XEmulator.REDIRECT_URI.toString(), "code_verifier", EmulatorHttp.VERIFIER);

    HttpResponse<String> none = h.postForm("/2/oauth2/token", body);
    HttpResponse<String> wrong = h.postForm("/2/oauth2/token", body, "Authorization", basic(XEmulator.CLIENT_ID, "nope"));
    Map<String, String> secretInBody = new java.util.LinkedHashMap<>(body);
    secretInBody.put("client_secret", XEmulator.CLIENT_SECRET);
    HttpResponse<String> inBody = h.postForm("/2/oauth2/token", secretInBody);

    for (HttpResponse<String> r : java.util.List.of(none, wrong, inBody)) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(json(r)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_UNAUTHORIZED_CLIENT));
    }
  }

  @Test
  void clientIdIsAlwaysRequired() {
    String code = h.code(XEmulator.CLIENT_ID, ALL);

    HttpResponse<String> r = h.postForm("/2/oauth2/token", fields("code", code, "grant_type", "authorization_code",
        "redirect_uri", XEmulator.REDIRECT_URI.toString(), "code_verifier", EmulatorHttp.VERIFIER),
        "Authorization", basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_MISSING_CLIENT_ID));
  }

  @Test
  void publicClientsSendClientIdOnly() {
    String code = h.code(XEmulator.PUBLIC_CLIENT_ID, ALL);

    HttpResponse<String> r = h.postForm("/2/oauth2/token", fields("code", code, "grant_type", "authorization_code",
        "client_id", XEmulator.PUBLIC_CLIENT_ID, "redirect_uri", XEmulator.REDIRECT_URI.toString(),
        "code_verifier", EmulatorHttp.VERIFIER));

    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void refreshTokensAreSingleUse() {
    String first = h.tokens(ALL).get("refresh_token").asText();
    Map<String, String> refresh = fields("refresh_token", first, "grant_type", "refresh_token", "client_id", XEmulator.CLIENT_ID);
    String auth = basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET);

    HttpResponse<String> rotated = h.postForm("/2/oauth2/token", refresh, "Authorization", auth);
    HttpResponse<String> replay = h.postForm("/2/oauth2/token", refresh, "Authorization", auth);

    assertThat(rotated.statusCode()).isEqualTo(200);
    assertThat(json(rotated).get("refresh_token").asText()).isNotEqualTo(first);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(json(replay)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_INVALID_TOKEN));
  }

  @Test
  void revokedAndExpiredAccessTokensAreRefused() {
    String access = h.tokens(ALL).get("access_token").asText();
    String other = h.tokens(ALL).get("access_token").asText();
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");
    assertThat(h.get(me, "Authorization", "Bearer " + access).statusCode()).isEqualTo(200);

    HttpResponse<String> revoked = h.postForm("/2/oauth2/revoke", fields("token", access, "token_type_hint",
        "access_token", "client_id", XEmulator.CLIENT_ID), "Authorization", basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));
    HttpResponse<String> again = h.postForm("/2/oauth2/revoke", fields("token", access, "client_id", XEmulator.CLIENT_ID),
        "Authorization", basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));
    HttpResponse<String> after = h.get(me, "Authorization", "Bearer " + access);
    clock.advance(Duration.ofHours(2));
    HttpResponse<String> expired = h.get(me, "Authorization", "Bearer " + other);

    assertThat(json(revoked)).isEqualTo(EmulatorHttp.payload(XPayloads.REVOKE));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(json(after)).isEqualTo(EmulatorHttp.payload(XPayloads.UNAUTHORIZED));
    assertThat(expired.statusCode()).isEqualTo(401);
  }

  @Test
  void aConfidentialRevokeMayNameItsClientByHttpBasicAlone() {
    JsonNode tokens = h.tokens(ALL);
    String access = tokens.get("access_token").asText();
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");

    HttpResponse<String> wrongSecret = h.postForm("/2/oauth2/revoke", fields("token", access),
        "Authorization", basic(XEmulator.CLIENT_ID, "nope"));
    HttpResponse<String> unknownClient = h.postForm("/2/oauth2/revoke", fields("token", access),
        "Authorization", basic("nobody", "nope"));
    HttpResponse<String> noClientAtAll = h.postForm("/2/oauth2/revoke", fields("token", access));
    HttpResponse<String> stillAlive = h.get(me, "Authorization", "Bearer " + access);
    HttpResponse<String> revoked = h.postForm("/2/oauth2/revoke", fields("token", access),
        "Authorization", basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));
    HttpResponse<String> after = h.get(me, "Authorization", "Bearer " + access);

    assertThat(json(wrongSecret)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_UNAUTHORIZED_CLIENT));
    assertThat(json(unknownClient)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_INVALID_CLIENT));
    assertThat(json(noClientAtAll)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_MISSING_CLIENT_ID));
    assertThat(stillAlive.statusCode()).isEqualTo(200);
    assertThat(json(revoked)).isEqualTo(EmulatorHttp.payload(XPayloads.REVOKE));
    assertThat(after.statusCode()).isEqualTo(401);

    // The token endpoint still wants client_id in the body (clientIdIsAlwaysRequired).
    HttpResponse<String> refresh = h.postForm("/2/oauth2/token", fields("refresh_token",
        tokens.get("refresh_token").asText(), "grant_type", "refresh_token"),
        "Authorization", basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));
    assertThat(json(refresh)).isEqualTo(EmulatorHttp.payload(XPayloads.ERROR_MISSING_CLIENT_ID));
  }

  @Test
  void missingScopeIsForbidden() {
    String access = h.tokens("tweet.read users.read offline.access").get("access_token").asText();

    HttpResponse<String> r = h.postJson("/2/tweets", "{\"text\":\"hi\"}", access);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r)).isEqualTo(EmulatorHttp.payload(XPayloads.FORBIDDEN));
  }

  @Test
  void rateLimitHeadersCountDownAndA429FollowsUntilTheWindowResets() {
    String access = h.tokens(ALL).get("access_token").asText();
    x.rateLimit("users.me", 2, Duration.ofMinutes(15));
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");
    long reset = clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();

    HttpResponse<String> first = h.get(me, "Authorization", "Bearer " + access);
    HttpResponse<String> second = h.get(me, "Authorization", "Bearer " + access);
    HttpResponse<String> third = h.get(me, "Authorization", "Bearer " + access);
    clock.advance(Duration.ofMinutes(15));
    HttpResponse<String> later = h.get(me, "Authorization", "Bearer " + access);

    assertThat(first.headers().firstValue("x-rate-limit-limit")).hasValue("2");
    assertThat(first.headers().firstValue("x-rate-limit-remaining")).hasValue("1");
    assertThat(first.headers().firstValue("x-rate-limit-reset")).hasValue(Long.toString(reset));
    assertThat(second.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
    assertThat(json(third)).isEqualTo(EmulatorHttp.payload(XPayloads.TOO_MANY_REQUESTS));
    assertThat(later.statusCode()).isEqualTo(200);
  }

  @Test
  void aWindowOpenedWithinASecondResetsAtTheSecondItAnnounces() {
    String access = h.tokens(ALL).get("access_token").asText();
    x.rateLimit("users.me", 1, Duration.ofMinutes(15));
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");
    clock.advance(Duration.ofMillis(999));

    HttpResponse<String> first = h.get(me, "Authorization", "Bearer " + access);
    HttpResponse<String> refused = h.get(me, "Authorization", "Bearer " + access);
    long reset = Long.parseLong(refused.headers().firstValue("x-rate-limit-reset").orElseThrow());
    clock.set(Instant.ofEpochSecond(reset).minusMillis(1));
    HttpResponse<String> justBefore = h.get(me, "Authorization", "Bearer " + access);
    clock.set(Instant.ofEpochSecond(reset));
    HttpResponse<String> atReset = h.get(me, "Authorization", "Bearer " + access);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("x-rate-limit-reset")).hasValue(Long.toString(reset));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(justBefore.statusCode()).isEqualTo(429);
    assertThat(atReset.statusCode()).isEqualTo(200);
    assertThat(Long.parseLong(atReset.headers().firstValue("x-rate-limit-reset").orElseThrow())).isGreaterThan(reset);
  }

  @Test
  void duplicatePostsAreRefused() {
    String access = h.tokens(ALL).get("access_token").asText();

    HttpResponse<String> first = h.postJson("/2/tweets", "{\"text\":\"same\"}", access);
    HttpResponse<String> second = h.postJson("/2/tweets", "{\"text\":\"same\"}", access);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(403);
    assertThat(json(second)).isEqualTo(EmulatorHttp.payload(XPayloads.DUPLICATE_CONTENT));
    assertThat(x.posts()).extracting(XEmulator.PostRecord::text).containsExactly("same");
  }

  /** A 400 in X's invalid-request shape, the documented payload's type, title and detail, naming the parameter. */
  static void assertInvalidRequest(HttpResponse<String> r, String parameter) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = json(r);
    JsonNode documented = EmulatorHttp.payload(XPayloads.INVALID_REQUEST);
    for (String member : java.util.List.of("type", "title", "detail")) {
      assertThat(body.get(member)).as(member).isEqualTo(documented.get(member));
    }
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.at("/errors/0/parameters").has(parameter)).as(r.body()).isTrue();
    assertThat(body.at("/errors/0/message").asText()).isNotBlank();
  }

  static String textBody(String text) {
    return EmulatorHttp.JSON.createObjectNode().put("text", text).toString();
  }

  @Test
  void postsOverXsWeightedLimitAreRefused() {
    String access = h.tokens(ALL).get("access_token").asText();

    assertInvalidRequest(h.postJson("/2/tweets", textBody("a".repeat(281)), access), "text");
    assertInvalidRequest(h.postJson("/2/tweets", textBody("\u7530".repeat(141)), access), "text");
    assertThat(x.posts()).isEmpty();

    assertThat(h.postJson("/2/tweets", textBody("a".repeat(280)), access).statusCode()).isEqualTo(201);
    assertThat(h.postJson("/2/tweets", textBody("\u7530".repeat(140)), access).statusCode()).isEqualTo(201);
    assertThat(h.postJson("/2/tweets", textBody("see https://example.com/" + "p".repeat(300)), access).statusCode())
        .isEqualTo(201);
  }

  @Test
  void postBodiesAreCheckedAgainstXsSchema() {
    String access = h.tokens(ALL).get("access_token").asText();

    assertInvalidRequest(h.postJson("/2/tweets", "{\"text\":\"hi\",\"bogus\":true}", access), "bogus");
    assertInvalidRequest(h.postJson("/2/tweets", "{\"text\":\"hi\",\"media\":{\"media_ids\":[]}}", access),
        "media.media_ids");
    assertInvalidRequest(h.postJson("/2/tweets", "{\"text\":\"hi\",\"media\":{}}", access), "media.media_ids");
    assertInvalidRequest(h.postJson("/2/tweets", "{\"text\":\"hi\",\"media\":{\"media_ids\":[\"12a\"]}}", access),
        "media.media_ids");
    assertInvalidRequest(h.postJson("/2/tweets",
        "{\"text\":\"hi\",\"media\":{\"media_ids\":[1880028106020515840]}}", access), "media.media_ids");
    assertInvalidRequest(h.postJson("/2/tweets",
        "{\"text\":\"hi\",\"media\":{\"media_ids\":[\"12345678901234567890\"]}}", access), "media.media_ids");
    assertInvalidRequest(h.postJson("/2/tweets", "{\"text\":7}", access), "text");
    assertThat(x.posts()).isEmpty();

    assertThat(h.postJson("/2/tweets", "{\"text\":\"hi\",\"reply_settings\":\"following\"}", access).statusCode())
        .isEqualTo(201);
  }

  @Test
  void chunkedUploadProcessesBeforeThePostMayUseIt() {
    String access = h.tokens(ALL).get("access_token").asText();
    String bearer = "Bearer " + access;

    JsonNode init = json(h.postJson("/2/media/upload/initialize",
        "{\"media_type\":\"video/mp4\",\"total_bytes\":5,\"media_category\":\"tweet_video\"}", access));
    String id = init.at("/data/id").asText();
    HttpResponse<String> a0 = h.post("/2/media/upload/" + id + "/append", "multipart/form-data; boundary=b",
        multipart("0", "abc"), "Authorization", bearer);
    HttpResponse<String> a1 = h.post("/2/media/upload/" + id + "/append", "multipart/form-data; boundary=b",
        multipart("1", "de"), "Authorization", bearer);
    JsonNode fin = json(h.post("/2/media/upload/" + id + "/finalize", "application/json", new byte[0], "Authorization", bearer));
    HttpResponse<String> early = h.postJson("/2/tweets", "{\"text\":\"v\",\"media\":{\"media_ids\":[\"" + id + "\"]}}", access);
    URI status = URI.create(x.apiBaseUri() + "/2/media/upload?command=STATUS&media_id=" + id);
    JsonNode s1 = json(h.get(status, "Authorization", bearer));
    JsonNode s2 = json(h.get(status, "Authorization", bearer));
    HttpResponse<String> post = h.postJson("/2/tweets", "{\"text\":\"v\",\"media\":{\"media_ids\":[\"" + id + "\"]}}", access);

    assertThat(a0.statusCode()).isEqualTo(204);
    assertThat(a1.statusCode()).isEqualTo(204);
    assertThat(fin.at("/data/processing_info/state").asText()).isEqualTo("pending");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(s1.at("/data/processing_info/state").asText()).isEqualTo("in_progress");
    assertThat(s2.at("/data/processing_info/state").asText()).isEqualTo("succeeded");
    assertThat(post.statusCode()).isEqualTo(201);
    assertThat(x.posts().get(0).mediaIds()).containsExactly(id);
  }

  static String initialize(String mediaType, long totalBytes, String category) {
    return "{\"media_type\":\"" + mediaType + "\",\"total_bytes\":" + totalBytes
        + (category == null ? "" : ",\"media_category\":\"" + category + "\"") + "}";
  }

  @Test
  void chunkedUploadsNeedAMediaCategoryAndKeepToItsSizeLimit() {
    String access = h.tokens(ALL).get("access_token").asText();
    long mb = 1024L * 1024;

    assertInvalidRequest(h.postJson("/2/media/upload/initialize", initialize("video/mp4", 5, null), access), "media_category");
    assertInvalidRequest(h.postJson("/2/media/upload/initialize", initialize("video/mp4", 5, "tweet_podcast"), access),
        "media_category");
    assertInvalidRequest(h.postJson("/2/media/upload/initialize", initialize("image/jpeg", 5 * mb + 1, "tweet_image"), access),
        "total_bytes");
    assertInvalidRequest(h.postJson("/2/media/upload/initialize", initialize("image/gif", 15 * mb + 1, "tweet_gif"), access),
        "total_bytes");
    assertInvalidRequest(h.postJson("/2/media/upload/initialize", initialize("video/mp4", 512 * mb + 1, "tweet_video"), access),
        "total_bytes");
    assertInvalidRequest(h.postJson("/2/media/upload/initialize", initialize("video/mp4", 512 * mb + 1, "amplify_video"), access),
        "total_bytes");

    assertThat(h.postJson("/2/media/upload/initialize", initialize("image/jpeg", 5 * mb, "tweet_image"), access).statusCode())
        .isEqualTo(200);
    assertThat(h.postJson("/2/media/upload/initialize", initialize("image/gif", 15 * mb, "tweet_gif"), access).statusCode())
        .isEqualTo(200);
    assertThat(h.postJson("/2/media/upload/initialize", initialize("video/mp4", 512 * mb, "tweet_video"), access).statusCode())
        .isEqualTo(200);
    assertThat(h.postJson("/2/media/upload/initialize", initialize("video/mp4", 512 * mb, "amplify_video"), access).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aOneShotImageKeepsToFiveMegabytes() {
    String bearer = "Bearer " + h.tokens(ALL).get("access_token").asText();
    byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"media_category\"\r\n\r\ntweet_image\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"media\"; filename=\"m\"\r\nContent-Type: image/jpeg\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
    int limit = 5 * 1024 * 1024;

    for (int size : new int[] {limit + 1, limit}) {
      byte[] body = new byte[head.length + size + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      java.util.Arrays.fill(body, head.length, head.length + size, (byte) 'x');
      System.arraycopy(tail, 0, body, head.length + size, tail.length);

      HttpResponse<String> r = h.post("/2/media/upload", "multipart/form-data; boundary=b", body, "Authorization", bearer);

      if (size > limit) {
        assertInvalidRequest(r, "media");
      } else {
        assertThat(r.statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void appendsOutOfOrderAreRefused() {
    String access = h.tokens(ALL).get("access_token").asText();
    String id = json(h.postJson("/2/media/upload/initialize",
        "{\"media_type\":\"video/mp4\",\"total_bytes\":5,\"media_category\":\"tweet_video\"}", access)).at("/data/id").asText();

    HttpResponse<String> r = h.post("/2/media/upload/" + id + "/append", "multipart/form-data; boundary=b",
        multipart("1", "abc"), "Authorization", "Bearer " + access);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("type").asText()).endsWith("/invalid-request");
  }

  @Test
  void failNextAnswersWithTheStatus() {
    x.failNext(2, 503);
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");

    assertThat(h.get(me).statusCode()).isEqualTo(503);
    assertThat(json(h.get(me))).isEqualTo(EmulatorHttp.payload(XPayloads.SERVICE_UNAVAILABLE));
    assertThat(h.get(me).statusCode()).isEqualTo(401);
  }

  @Test
  void resetNextDropsTheConnection() {
    x.resetNext(1);
    URI me = URI.create(x.apiBaseUri() + "/2/users/me");

    assertThatThrownBy(() -> h.get(me)).isInstanceOf(UncheckedIOException.class);
    assertThat(h.get(me).statusCode()).isEqualTo(401);
  }

  @Test
  void delayNextHoldsTheAnswerBack() {
    x.delayNext(1, Duration.ofMillis(400));
    HttpRequest request = HttpRequest.newBuilder(URI.create(x.apiBaseUri() + "/2/users/me"))
        .timeout(Duration.ofMillis(100)).GET().build();

    assertThatThrownBy(() -> h.http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void recordsRequests() {
    h.get(URI.create(x.apiBaseUri() + "/2/users/me"));

    assertThat(x.count("GET", "/2/users/me")).isEqualTo(1);
    assertThat(x.requests()).extracting(XEmulator.Request::at).containsOnly(clock.instant());
  }

  static byte[] multipart(String segment, String content) {
    String body = "--b\r\nContent-Disposition: form-data; name=\"segment_index\"\r\n\r\n" + segment + "\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"media\"; filename=\"m\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + content + "\r\n--b--\r\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
