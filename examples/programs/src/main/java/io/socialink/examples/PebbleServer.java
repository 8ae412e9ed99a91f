package io.socialink.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local server for Pebble, the fictional platform of the example provider: consent that redirects
 * at once, PKCE-checked code exchange, rotating refresh tokens, revocation and a profile endpoint.
 * Listens on a loopback port; thread-safe.
 */
public final class PebbleServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
  private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

  private record CodeGrant(String challenge, String redirectUri, String scope) {}

  private PebbleServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @return the running server
   * @throws IOException if no port can be bound
   */
  public static PebbleServer start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PebbleServer s = new PebbleServer(http);
    http.createContext("/oauth/authorize", s::authorize);
    http.createContext("/oauth/token", s::token);
    http.createContext("/oauth/revoke", s::revoke);
    http.createContext("/api/me", s::me);
    http.start();
    return s;
  }

  /**
   * The server's base URI.
   *
   * @return e.g. {@code http://127.0.0.1:54321/}
   */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = params(ex.getRequestURI().getRawQuery());
    if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null || q.get("state") == null) {
      send(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = "code-" + UUID.randomUUID();
    codes.put(code, new CodeGrant(q.get("code_challenge"), q.get("redirect_uri"), q.getOrDefault("scope", "")));
    String location = q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state");
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private void token(HttpExchange ex) throws IOException {
    Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String user;
    String scope;
    if ("authorization_code".equals(form.get("grant_type"))) {
      CodeGrant grant = codes.remove(String.valueOf(form.get("code")));
      if (grant == null || !grant.challenge().equals(s256(String.valueOf(form.get("code_verifier"))))
          || !grant.redirectUri().equals(form.get("redirect_uri"))) {
        send(ex, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      user = "1001";
      scope = grant.scope();
    } else if ("refresh_token".equals(form.get("grant_type"))) {
      user = refreshTokens.remove(String.valueOf(form.get("refresh_token")));
      if (user == null) {
        send(ex, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      scope = "profile";
    } else {
      send(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    String access = "pat-" + UUID.randomUUID();
    String refresh = "prt-" + UUID.randomUUID();
    accessTokens.put(access, user);
    refreshTokens.put(refresh, user);
    send(ex, 200, "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
        + "\",\"expires_in\":3600,\"scope\":\"" + scope + "\",\"user_id\":\"" + user + "\"}");
  }

  private void revoke(HttpExchange ex) throws IOException {
    Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String token = String.valueOf(form.get("token"));
    accessTokens.remove(token);
    refreshTokens.remove(token);
    send(ex, 200, "{}");
  }

  private void me(HttpExchange ex) throws IOException {
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    String user = auth.startsWith("Bearer ") ? accessTokens.get(auth.substring(7)) : null;
    if (user == null) {
      send(ex, 401, "{\"error\":\"invalid_token\"}");
      return;
    }
    send(ex, 200, "{\"id\":\"" + user + "\",\"handle\":\"pebble_fan\",\"name\":\"Pebble Fan\"}");
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String s256(String verifier) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
  }
}
