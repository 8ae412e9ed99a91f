package io.socialink.testkit.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Raw HTTP against an emulator, as X's own clients would speak to X. */
final class EmulatorHttp extends RawHttp {
  static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9EXAMPLE-verifier-0123456789abcdef";

  final XEmulator x;

  EmulatorHttp(XEmulator x) {
    this.x = x;
  }

  static String challenge(String verifier) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  URI authorizeUrl(String clientId, String scope, String state) {
    return URI.create(x.authorizeUri() + "?" + form(fields("response_type", "code", "client_id", clientId,
        "redirect_uri", XEmulator.REDIRECT_URI.toString(), "scope", scope, "state", state,
        "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256")));
  }

  /** Consents and returns the code. */
  String code(String clientId, String scope) {
    URI callback = x.consent(authorizeUrl(clientId, scope, "st"));
    String q = callback.getRawQuery();
    for (String p : q.split("&")) {
      if (p.startsWith("code=")) {
        return java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no code in " + callback);
  }

  HttpResponse<String> get(URI uri, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(x.apiBaseUri() + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType)
        .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
    return post(path, "application/x-www-form-urlencoded", form(fields).getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> postJson(String path, String json, String accessToken) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + accessToken);
  }

  /** Exchanges a code for the default confidential client. */
  HttpResponse<String> exchange(String code, String verifier) {
    return postForm("/2/oauth2/token", fields("code", code, "grant_type", "authorization_code",
        "client_id", XEmulator.CLIENT_ID, "redirect_uri", XEmulator.REDIRECT_URI.toString(), "code_verifier", verifier),
        "Authorization", basic(XEmulator.CLIENT_ID, XEmulator.CLIENT_SECRET));
  }

  /** Links the default user and returns the token answer. */
  JsonNode tokens(String scope) {
    HttpResponse<String> r = exchange(code(XEmulator.CLIENT_ID, scope), VERIFIER);
    if (r.statusCode() != 200) {
      throw new AssertionError("exchange failed: " + r.statusCode() + " " + r.body());
    }
    return json(r);
  }

  static JsonNode payload(String name) {
    try {
      return JSON.readTree(XPayloads.bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shape of a JSON value: member names and JSON types, recursively; arrays by their first element. */
  static Object shape(JsonNode n) {
    return io.socialink.testkit.internal.emulator.PayloadShapes.shape(n);
  }
}
