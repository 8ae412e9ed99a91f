package io.socialink.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query parameters a platform sent to the redirect URI: {@code state} and {@code code} on
 * success, {@code error} and {@code error_description} when the user declined. {@link #toString()}
 * hides the code.
 *
 * @param state the state, when present
 * @param code the authorization code, when present
 * @param error the error code, when present
 * @param errorDescription the error description, when present
 */
public record CallbackParameters(
    Optional<String> state, Optional<io.socialink.Secret> code, Optional<String> error, Optional<String> errorDescription) {

  /** Validates the components. */
  public CallbackParameters {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(errorDescription, "errorDescription");
  }

  /**
   * Reads the parameters from a raw query string, such as {@code state=abc&code=xyz}.
   *
   * @param rawQuery the query without {@code ?}
   * @return the parameters
   * @throws IllegalArgumentException if a parameter appears twice (a sign of a forged callback)
   */
  public static CallbackParameters fromQuery(String rawQuery) {
    Objects.requireNonNull(rawQuery, "rawQuery");
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (params.put(name, value) != null) {
        throw new IllegalArgumentException("callback parameter '" + name + "' appears more than once");
      }
    }
    return new CallbackParameters(
        nonBlank(params.get("state")),
        nonBlank(params.get("code")).map(io.socialink.Secret::of),
        nonBlank(params.get("error")),
        nonBlank(params.get("error_description")));
  }

  /**
   * Reads the parameters from the full redirect URI the browser arrived at.
   *
   * @param redirect the URI
   * @return the parameters
   */
  public static CallbackParameters fromUri(URI redirect) {
    String q = redirect.getRawQuery();
    return fromQuery(q == null ? "" : q);
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
