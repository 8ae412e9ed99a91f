package io.socialink.testkit.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.testkit.internal.HttpForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Raw HTTP against the TikTok emulator, as TikTok's own clients would speak to TikTok. */
final class TikTokHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9WgXIkP_9K9HRXxENkeCrBpGA-tiktok-verifier";
  static final String LOGIN_KIT_SCOPES = "user.info.basic,user.info.profile,user.info.stats,video.list";
  static final String B = "/open_api/v1.3/";

  final TikTokEmulator t;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

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

  static String form(Map<String, String> fields) {
    StringJoiner j = new StringJoiner("&");
    fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
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
    try {
      return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
