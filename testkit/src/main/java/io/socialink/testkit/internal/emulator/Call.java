package io.socialink.testkit.internal.emulator;

import io.socialink.testkit.internal.HttpForms;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as a handler sees it.
 *
 * @param method the method, upper case
 * @param path the raw path, without the query
 * @param query the decoded query parameters
 * @param headers the headers, lower-case names, first value
 * @param body the body
 * @param params the path parameters the matched route captured ({@code {id}} segments)
 */
public record Call(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
    Map<String, String> params) {
  /** Copies the components. */
  public Call {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body.clone();
    params = Map.copyOf(params);
  }

  /**
   * A copy of the body.
   *
   * @return the bytes
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * This call with path parameters.
   *
   * @param captured the parameters
   * @return the new call
   */
  public Call withParams(Map<String, String> captured) {
    return new Call(method, path, query, headers, body, captured);
  }

  /**
   * A header.
   *
   * @param name the name, any case
   * @return the value, or empty
   */
  public String header(String name) {
    return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
  }

  /**
   * The body as an {@code application/x-www-form-urlencoded} form.
   *
   * @return the decoded fields
   */
  public Map<String, String> form() {
    return HttpForms.parse(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * The token of an {@code Authorization: Bearer} header.
   *
   * @return the token, or empty when there is no such header
   */
  public Optional<String> bearer() {
    String auth = header("authorization");
    return auth.startsWith("Bearer ") ? Optional.of(auth.substring(7)) : Optional.empty();
  }
}
