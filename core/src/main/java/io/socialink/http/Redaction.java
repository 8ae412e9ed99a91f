package io.socialink.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from URIs, form bodies and free text before they reach a log line or an exception
 * message. Query and form parameters whose names carry tokens or secrets are replaced by
 * {@code ****}, as are {@code Bearer} and {@code Basic} credentials in text.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {
  /** Parameter names whose values are always hidden (lowercase). */
  public static final Set<String> SECRET_PARAMETERS = Set.of(
      "access_token", "refresh_token", "client_secret", "code", "code_verifier", "token", "input_token",
      "fb_exchange_token", "id_token", "password", "secret", "app_secret", "appsecret_proof", "signed_request",
      "oauth_token", "oauth_token_secret", "oauth_verifier", "crc_token", "api_key", "key");

  /** Header names whose values are always hidden (lowercase). */
  public static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "access-token");

  /** A {@code name=value} pair starting the text or following any character that cannot be part of a name. */
  private static final Pattern PARAM =
      Pattern.compile("(^|[^A-Za-z0-9._~%-])([A-Za-z0-9._~%-]+)=([^&;#\\s\"',)]*)");
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(bearer|basic|oauth)\\s+[A-Za-z0-9._~+/=%-]{8,}");

  private Redaction() {}

  /**
   * A URI as text with secret query parameters hidden.
   *
   * @param uri the URI
   * @return the redacted text
   */
  public static String uri(URI uri) {
    String raw = uri.toString();
    int q = raw.indexOf('?');
    if (q < 0) {
      return raw;
    }
    return raw.substring(0, q) + "?" + params(raw.substring(q + 1));
  }

  /**
   * A form body or query string with secret parameters hidden.
   *
   * @param formOrQuery {@code a=b&c=d} text
   * @return the redacted text
   */
  public static String params(String formOrQuery) {
    Matcher m = PARAM.matcher(formOrQuery);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8)
          .toLowerCase(Locale.ROOT);
      String value = SECRET_PARAMETERS.contains(name) ? "****" : m.group(3);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Free text with {@code Bearer}, {@code Basic} and {@code OAuth} credentials and secret
   * {@code name=value} parameters hidden.
   *
   * @param text the text
   * @return the redacted text
   */
  public static String text(String text) {
    String noAuth = AUTH_SCHEME.matcher(text).replaceAll("$1 ****");
    return params(noAuth);
  }

  /**
   * Answers whether a header's value must never be shown.
   *
   * @param name the header name
   * @return true if secret
   */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
