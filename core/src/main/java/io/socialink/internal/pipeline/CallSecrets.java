package io.socialink.internal.pipeline;

import io.socialink.Secret;
import io.socialink.http.ApiRequest;
import io.socialink.http.Redaction;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The secret values one call carries, and the text they are scrubbed from. Pattern-based
 * {@link Redaction} cannot see a bare token a platform echoes in free text; the call knows its own
 * secrets, so their exact occurrences are replaced too.
 *
 * <p>Found in a request: the credential of the {@code Authorization} and {@code Proxy-Authorization}
 * headers (a Bearer token; Basic credentials as sent, as {@code id:secret} and the secret alone), query
 * and form values of parameters {@link Redaction#isSecretParameter secret by name}, and the values
 * declared with {@link ApiRequest.Builder#secret(Secret)}. Each is scrubbed as it is and URL-encoded.
 * Values shorter than {@value #MIN_LENGTH} characters are left alone: scrubbing them would mangle
 * ordinary text, and no real credential is that short.
 *
 * <p>Derived only when a message is about to be produced (failures and DEBUG lines), so a successful
 * call pays nothing. Immutable and thread-safe.
 */
final class CallSecrets {
  static final int MIN_LENGTH = 6;
  private static final String MASK = "****";
  static final CallSecrets NONE = new CallSecrets(new String[0]);

  private final String[] forms;

  private CallSecrets(String[] forms) {
    this.forms = forms;
  }

  /**
   * The secrets of some requests (the call's own, and any a user interceptor sent instead).
   *
   * @param requests the requests
   * @return the secrets
   */
  static CallSecrets of(List<ApiRequest> requests) {
    Set<String> values = new LinkedHashSet<>();
    for (ApiRequest r : requests) {
      collect(r, values);
    }
    Set<String> forms = new LinkedHashSet<>();
    for (String v : values) {
      if (v.length() < MIN_LENGTH) {
        continue;
      }
      forms.add(v);
      forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
      forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    List<String> sorted = new ArrayList<>(forms);
    // Longest first, so that a form containing another is replaced whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted.isEmpty() ? NONE : new CallSecrets(sorted.toArray(new String[0]));
  }

  private static void collect(ApiRequest r, Set<String> out) {
    for (Secret s : r.declaredSecrets()) {
      out.add(s.reveal());
    }
    r.headers().map().forEach((name, values) -> {
      if (Redaction.isSecretHeader(name)) {
        for (String v : values) {
          credential(v.trim(), out);
        }
      }
    });
    String query = r.uri().getRawQuery();
    if (query != null) {
      params(query, out);
    }
    String fragment = r.uri().getRawFragment();
    if (fragment != null) {
      params(fragment, out);
    }
    if (r.bodyLength() > 0 && r.contentType().map(t -> t.toLowerCase(Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded")).orElse(false)) {
      params(new String(r.body(), StandardCharsets.UTF_8), out);
    }
  }

  private static void credential(String value, Set<String> out) {
    int space = value.indexOf(' ');
    if (space < 0) {
      out.add(value);
      return;
    }
    String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
    String credential = value.substring(space + 1).trim();
    out.add(credential);
    if (scheme.equals("basic")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        out.add(decoded);
        int colon = decoded.indexOf(':');
        if (colon >= 0) {
          // The id half is a client id, not a secret; the secret half is.
          out.add(decoded.substring(colon + 1));
        }
      } catch (IllegalArgumentException notBase64) {
        // Not Basic credentials after all; the value itself is already collected.
      }
    }
  }

  private static void params(String formOrQuery, Set<String> out) {
    for (String pair : formOrQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || !Redaction.isSecretParameter(pair.substring(0, eq))) {
        continue;
      }
      String raw = pair.substring(eq + 1);
      out.add(raw);
      try {
        out.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // keep the raw form only
      }
    }
  }

  /**
   * Answers whether the text holds any of the secrets.
   *
   * @param text the text
   * @return true if a secret occurs in it
   */
  boolean occursIn(String text) {
    for (String f : forms) {
      if (text.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text with every occurrence of the call's secrets masked, and nothing else changed.
   *
   * @param text the text
   * @return the scrubbed text; the same instance when nothing was found
   */
  String scrubExact(String text) {
    String out = text;
    for (String f : forms) {
      if (out.contains(f)) {
        out = out.replace(f, MASK);
      }
    }
    return out;
  }

  /**
   * The text with pattern-based redaction applied and every occurrence of the call's secrets masked.
   *
   * @param text the text
   * @return the scrubbed text; the same instance when nothing was found
   */
  String scrub(String text) {
    String out = Redaction.text(text);
    for (String f : forms) {
      if (out.contains(f)) {
        out = out.replace(f, MASK);
      }
    }
    return out.equals(text) ? text : out;
  }
}
