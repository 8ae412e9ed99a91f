package io.socialink.auth;

import io.socialink.http.SafeText;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters a platform sent to the redirect URI: {@code state} and {@code code} on
 * success, {@code error} and {@code error_description} when the user declined. {@link #toString()}
 * hides the code.
 *
 * <p>Everything here arrives from a browser, so anyone can send anything. The platform's
 * {@code error} and {@code error_description} are therefore kept only in a safe form: one line (control
 * characters, line separators and bidirectional overrides become spaces), at most
 * {@link #MAX_ERROR_LENGTH} and {@link #MAX_DESCRIPTION_LENGTH} characters. They are still the
 * platform's words, never Socialink's; quote them as such.
 *
 * @param state the state, when present
 * @param code the authorization code, when present
 * @param error the platform's error code, when present, in safe form
 * @param errorDescription the platform's error description, when present, in safe form
 */
public record CallbackParameters(
    Optional<String> state, Optional<io.socialink.Secret> code, Optional<String> error, Optional<String> errorDescription) {

  /** The longest query {@link #fromQuery} reads, in characters: 16 KiB, twice what browsers and servers pass. */
  public static final int MAX_QUERY_LENGTH = 16 * 1024;

  /** The most parameters {@link #fromQuery} reads. */
  public static final int MAX_PARAMETERS = 100;

  /** The longest {@link #error()} kept, in characters, before an ellipsis. */
  public static final int MAX_ERROR_LENGTH = 100;

  /** The longest {@link #errorDescription()} kept, in characters, before an ellipsis. */
  public static final int MAX_DESCRIPTION_LENGTH = 500;

  /** The parameters Socialink reads; one of them sent twice is a sign of a forged callback. */
  private static final Set<String> READ = Set.of("state", "code", "error", "error_description");

  /** Validates the components and keeps the error texts in safe form. */
  public CallbackParameters {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(errorDescription, "errorDescription");
    error = error.map(e -> SafeText.oneLine(e, MAX_ERROR_LENGTH)).filter(e -> !e.isEmpty());
    errorDescription = errorDescription.map(d -> SafeText.oneLine(d, MAX_DESCRIPTION_LENGTH)).filter(d -> !d.isEmpty());
  }

  /**
   * Reads the parameters from a raw query string, such as {@code state=abc&code=xyz}. Only
   * {@code state}, {@code code}, {@code error} and {@code error_description} are kept. Any of those four
   * sent twice is refused, as a sign of a forged callback; other parameters may repeat (they may be
   * the application's own, from its redirect URI) and are ignored.
   *
   * @param rawQuery the query without {@code ?}
   * @return the parameters
   * @throws IllegalArgumentException if one of the four parameters appears twice, the query is longer
   *     than {@link #MAX_QUERY_LENGTH} or has more than {@link #MAX_PARAMETERS} parameters, or the value of
   *     one of the four is not valid percent-encoding; the message never quotes a value
   */
  public static CallbackParameters fromQuery(String rawQuery) {
    Objects.requireNonNull(rawQuery, "rawQuery");
    if (rawQuery.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException("the callback query has " + rawQuery.length()
          + " characters; more than " + MAX_QUERY_LENGTH + " is not a platform's callback");
    }
    Map<String, String> params = new HashMap<>();
    int count = 0;
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > MAX_PARAMETERS) {
        throw new IllegalArgumentException("the callback query has more than " + MAX_PARAMETERS + " parameters");
      }
      int eq = pair.indexOf('=');
      Optional<String> name = decoded(eq < 0 ? pair : pair.substring(0, eq));
      if (name.isEmpty() || !READ.contains(name.get())) {
        continue;
      }
      String value = eq < 0 ? "" : decoded(pair.substring(eq + 1)).orElseThrow(() -> new IllegalArgumentException(
          "the callback query has invalid percent-encoding in the value of '" + name.get() + "'"));
      if (params.put(name.get(), value) != null) {
        throw new IllegalArgumentException("callback parameter '" + name.get() + "' appears more than once");
      }
    }
    return new CallbackParameters(
        nonBlank(params.get("state")),
        nonBlank(params.get("code")).map(io.socialink.Secret::of),
        nonBlank(params.get("error")),
        nonBlank(params.get("error_description")));
  }

  /**
   * Reads the parameters from the full redirect URI the browser arrived at; see {@link #fromQuery}.
   *
   * @param redirect the URI
   * @return the parameters
   * @throws IllegalArgumentException as {@link #fromQuery} does
   */
  public static CallbackParameters fromUri(URI redirect) {
    String q = Objects.requireNonNull(redirect, "redirect").getRawQuery();
    return fromQuery(q == null ? "" : q);
  }

  private static Optional<String> decoded(String raw) {
    try {
      return Optional.of(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
