package io.socialink.testkit.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.RawHttp;
import io.socialink.testkit.internal.HttpForms;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/** Raw HTTP against the TikTok emulator, as TikTok's own clients would speak to TikTok. */
final class TikTokHttp extends RawHttp {
  static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9WgXIkP_9K9HRXxENkeCrBpGA-tiktok-verifier";
  static final String LOGIN_KIT_SCOPES = "user.info.basic,user.info.profile,user.info.stats,video.list";
  static final String B = "/open_api/v1.3/";

  final TikTokEmulator t;

  TikTokHttp(TikTokEmulator t) {
    this.t = t;
  }

  /** TikTok's challenge, computed here independently of the emulator: lowercase hex SHA-256. */
  static String hexChallenge(String verifier) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  URI authorizeUrl(String clientKey, String scope, String state, String challenge) {
    Map<String, String> q = fields("client_key", clientKey, "response_type", "code", "scope", scope,
        "redirect_uri", TikTokEmulator.REDIRECT_URI.toString(), "state", state);
    if (!challenge.isEmpty()) {
      q.put("code_challenge", challenge);
      q.put("code_challenge_method", "S256");
    }
    return URI.create(t.authorizeUri() + "?" + form(q));
  }

  /** Consents and returns the callback's query. */
  Map<String, String> callback(String clientKey, String scope, String challenge) {
    return HttpForms.parse(t.consent(authorizeUrl(clientKey, scope, "s-1", challenge)).getRawQuery());
  }

  String code(String scope) {
    return callback(TikTokEmulator.CLIENT_KEY, scope, hexChallenge(VERIFIER)).get("code");
  }

  HttpResponse<String> exchange(String code, String verifier) {
    return postForm("/v2/oauth/token/", fields("client_key", TikTokEmulator.CLIENT_KEY, "client_secret",
        TikTokEmulator.CLIENT_SECRET, "code", code, "grant_type", "authorization_code", "redirect_uri",
        TikTokEmulator.REDIRECT_URI.toString(), "code_verifier", verifier));
  }

  HttpResponse<String> refresh(String refreshToken) {
    return postForm("/v2/oauth/token/", fields("client_key", TikTokEmulator.CLIENT_KEY, "client_secret",
        TikTokEmulator.CLIENT_SECRET, "grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  JsonNode tokens(String scope) {
    return json(exchange(code(scope), VERIFIER));
  }

  String businessCode(String scope) {
    return callback(TikTokEmulator.BUSINESS_APP_ID, scope, "").get("code");
  }

  JsonNode businessTokens(String scope) {
    return json(postJson(B + "tt_user/oauth2/token/", "{\"client_id\":\"" + TikTokEmulator.BUSINESS_APP_ID
        + "\",\"client_secret\":\"" + TikTokEmulator.BUSINESS_APP_SECRET + "\",\"grant_type\":\"authorization_code\","
        + "\"auth_code\":\"" + businessCode(scope) + "\",\"redirect_uri\":\"" + TikTokEmulator.REDIRECT_URI + "\"}"));
  }

  HttpResponse<String> userInfo(String accessToken, String fields) {
    return send(HttpRequest.newBuilder(URI.create(t.apiBaseUri() + "/v2/user/info/?fields=" + fields))
        .header("Authorization", "Bearer " + accessToken).GET());
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return send(HttpRequest.newBuilder(URI.create(t.apiBaseUri() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
  }

  HttpResponse<String> postJson(String path, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.apiBaseUri() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    return send(b.timeout(Duration.ofSeconds(10)).build());
  }
}
