package io.socialink.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from URIs, form bodies and free text before they reach a log line or an exception
 * message. Values of parameters whose names carry tokens or secrets are replaced by {@code ****}
 * wherever they stand: {@code name=value} in a query, fragment or form, {@code name: value} or
 * {@code name = "value"} in prose, and {@code "name":"value"} in JSON. Dotted names are judged by
 * their last segment ({@code hub.verify_token}). User info in a URI and {@code Bearer}, {@code Basic}
 * and {@code OAuth} credentials in text are hidden too.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {
  /** Parameter names whose values are always hidden (lowercase). */
  public static final Set<String> SECRET_PARAMETERS = Set.of(
      "access_token", "refresh_token", "client_secret", "code", "code_verifier", "token", "input_token",
      "fb_exchange_token", "id_token", "password", "secret", "app_secret", "appsecret_proof", "signed_request",
      "oauth_token", "oauth_token_secret", "oauth_verifier", "crc_token", "api_key", "key", "verify_token",
      "auth_code", "client_assertion", "session_key");

  /** Header names whose values are always hidden (lowercase). */
  public static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "access-token");

  private static final String MASK = "****";

  /**
   * A name, optionally quoted, then {@code =} or {@code :} with optional spaces, then the value's
   * opening quote if any. The name must start the text or follow a character no name contains
   * (looked at, not consumed, so that a value can be searched again for a pair inside it).
   */
  private static final Pattern PARAM = Pattern.compile(
      "(?<![A-Za-z0-9._~%-])([\"']?)([A-Za-z0-9._~%-]+)\\1(\\s*[=:]\\s*)([\"']?)");
  /** A value: everything up to a separator, a quote or a closing bracket. */
  private static final Pattern VALUE = Pattern.compile("[^&;#?\\s\"',)}\\]]*");
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(bearer|basic|oauth)\\s+[A-Za-z0-9._~+/=%-]{8,}");

  private Redaction() {}

  /**
   * A URI as text with user info and secret query and fragment parameters hidden.
   *
   * @param uri the URI
   * @return the redacted text
   */
  public static String uri(URI uri) {
    String raw = uri.toString();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      raw = raw.replace(userInfo + "@", MASK + "@");
    }
    int start = raw.indexOf('?');
    int hash = raw.indexOf('#');
    if (start < 0 || (hash >= 0 && hash < start)) {
      start = hash;
    }
    return start < 0 ? raw : raw.substring(0, start + 1) + params(raw.substring(start + 1));
  }

  /**
   * A form body or query string with secret parameters hidden.
   *
   * @param formOrQuery {@code a=b&c=d} text
   * @return the redacted text
   */
  public static String params(String formOrQuery) {
    Matcher m = PARAM.matcher(formOrQuery).useTransparentBounds(true).useAnchoringBounds(false);
    Matcher v = null;
    StringBuilder out = null;
    int copied = 0;
    int pos = 0;
    int length = formOrQuery.length();
    while (pos < length) {
      m.region(pos, length);
      if (!m.find()) {
        break;
      }
      int valueStart = m.end();
      pos = valueStart; // by default the value is searched again: "error: access_token=..." hides a pair
      if (!isSecretParameter(m.group(2))) {
        continue;
      }
      if (v == null) {
        v = VALUE.matcher(formOrQuery);
      }
      v.region(valueStart, length);
      int valueEnd = v.lookingAt() ? v.end() : valueStart;
      // "code: 100" in prose or {"code":190} in JSON is an error code, not a credential: with a colon,
      // a value of digits alone is shown.
      boolean errorNumber = m.group(3).contains(":") && allDigits(formOrQuery, valueStart, valueEnd);
      if (valueEnd > valueStart && !errorNumber) {
        if (out == null) {
          out = new StringBuilder(length);
        }
        out.append(formOrQuery, copied, valueStart).append(MASK);
        copied = valueEnd;
        pos = valueEnd;
      }
    }
    if (out == null) {
      return formOrQuery;
    }
    return out.append(formOrQuery, copied, length).toString();
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Free text with {@code Bearer}, {@code Basic} and {@code OAuth} credentials and secret
   * parameters hidden.
   *
   * @param text the text
   * @return the redacted text
   */
  public static String text(String text) {
    String noAuth = AUTH_SCHEME.matcher(text).replaceAll("$1 " + MASK);
    return params(noAuth);
  }

  /**
   * Answers whether a parameter's value must never be shown: its name, URL-decoded and lowercased,
   * or the last dotted segment of it, is one of {@link #SECRET_PARAMETERS}.
   *
   * @param name the parameter name as it appears
   * @return true if secret
   */
  public static boolean isSecretParameter(String name) {
    String decoded;
    try {
      decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      decoded = name;
    }
    String lower = decoded.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return SECRET_PARAMETERS.contains(lower) || (dot >= 0 && SECRET_PARAMETERS.contains(lower.substring(dot + 1)));
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
