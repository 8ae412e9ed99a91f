package io.socialink.http;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

import io.socialink.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * An HTTP request to a platform. Immutable and thread-safe. {@link #toString()} shows the method and
 * the redacted URI only: header values and the body never appear.
 *
 * <p>The pipeline knows which secret values a request carries and scrubs their exact occurrences (as
 * they are, URL-encoded, and in their Basic-auth form) from every message, cause and log line the call
 * produces, even where a platform echoes a bare token in free text. It finds them in the
 * {@code Authorization} header (a Bearer token; Basic credentials), and in query and form values of
 * parameters named as in {@link Redaction#SECRET_PARAMETERS}. A secret the request carries elsewhere
 * (a JSON body, a custom header) is declared with {@link Builder#secret(Secret)}.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.newBuilder(HttpMethod.POST, URI.create("https://api.x.com/2/oauth2/revoke"))
 *     .form(Map.of("token", token.reveal(), "client_id", clientId))
 *     .build();
 * }</pre>
 */
public final class ApiRequest {
  /** The body of a request without one; never handed out to be written into. */
  private static final byte[] NO_BODY = new byte[0];

  private final HttpMethod method;
  private final URI uri;
  private final Headers headers;
  private final byte[] body;
  private final List<Secret> secrets;
  private final @Nullable Path bodyTarget;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = b.headers.headers();
    this.body = b.body.length == 0 ? NO_BODY : b.body.clone();
    this.secrets = b.secrets == null ? List.of() : List.copyOf(b.secrets);
    this.bodyTarget = b.bodyTarget;
  }

  /**
   * Starts a request.
   *
   * @param method the method
   * @param uri the absolute URI
   * @return a builder
   */
  public static Builder newBuilder(HttpMethod method, URI uri) {
    return new Builder(method, uri);
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(method, uri);
    headers.map().forEach(b.headers::set);
    b.body = body;
    if (!secrets.isEmpty()) {
      b.secrets = new ArrayList<>(secrets);
    }
    b.bodyTarget = bodyTarget;
    return b;
  }

  /**
   * The secret values declared with {@link Builder#secret(Secret)}, beyond those the pipeline finds in
   * the headers, query and form by itself.
   *
   * @return the declared secrets
   */
  public List<Secret> declaredSecrets() {
    return secrets;
  }

  /**
   * The method.
   *
   * @return the method
   */
  public HttpMethod method() {
    return method;
  }

  /**
   * The URI; may hold secret query parameters, see {@link Redaction#uri(URI)}.
   *
   * @return the URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * The headers.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * A copy of the body; empty when there is none.
   *
   * @return the body bytes
   */
  public byte[] body() {
    return body.length == 0 ? body : body.clone();
  }

  /**
   * The body length in bytes.
   *
   * @return the length
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * The content type, when set.
   *
   * @return the content type
   */
  public Optional<String> contentType() {
    return headers.first("content-type");
  }

  /**
   * Where a successful response's body is to be streamed instead of being held in memory; see
   * {@link Builder#streamBodyTo(Path)}.
   *
   * @return the file, if the body is to be streamed
   */
  public Optional<Path> bodyTarget() {
    return Optional.ofNullable(bodyTarget);
  }

  /** The method and redacted URI. */
  @Override
  public String toString() {
    return method + " " + Redaction.uri(uri);
  }

  /** Builds an {@link ApiRequest}; not thread-safe. */
  public static final class Builder {
    private final HttpMethod method;
    private final URI uri;
    private final Headers.Fields headers = new Headers.Fields();
    private byte[] body = NO_BODY;
    private @Nullable List<Secret> secrets;
    private @Nullable Path bodyTarget;

    private Builder(HttpMethod method, URI uri) {
      this.method = Objects.requireNonNull(method, "method");
      this.uri = Objects.requireNonNull(uri, "uri");
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException("uri must be absolute with a host; got " + Redaction.uri(uri));
      }
      String scheme = uri.getScheme();
      if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
        throw new IllegalArgumentException("uri scheme must be http or https; got "
            + scheme.toLowerCase(java.util.Locale.ROOT));
      }
    }

    /**
     * Sets a header, replacing earlier values.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.set(name, List.of(value));
      return this;
    }

    /**
     * Sets a raw body with its content type.
     *
     * @param contentType the content type
     * @param bytes the body
     * @return this builder
     */
    public Builder body(String contentType, byte[] bytes) {
      header("Content-Type", contentType);
      this.body = Objects.requireNonNull(bytes, "bytes").clone();
      return this;
    }

    /**
     * Sets an {@code application/x-www-form-urlencoded} body, keeping the map's order.
     *
     * @param fields the form fields
     * @return this builder
     */
    public Builder form(Map<String, String> fields) {
      return body("application/x-www-form-urlencoded", formEncode(fields).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets a JSON body.
     *
     * @param json the JSON bytes
     * @return this builder
     */
    public Builder json(byte[] json) {
      return body("application/json", json);
    }

    /**
     * Asks for a successful (2xx) response's body to be streamed into a file rather than held in
     * memory, for downloads larger than {@link TransportOptions#maxResponseBytes()}. A transport that
     * can (the default one) writes the body to {@code file}, creating or truncating it and never
     * holding the whole body, and answers with an empty body; it still reads a JSON body (which
     * carries an error, even with a 2xx status) or a failure's body into memory, within the limit, so
     * the platform's interpreter can read it. A transport that cannot answers as usual, with the body in
     * memory; so a caller writes a non-empty answered body to the file itself. The file is written by
     * each attempt afresh: callers give a temporary file and move it into place once the call succeeds.
     *
     * @param file the file
     * @return this builder
     */
    public Builder streamBodyTo(Path file) {
      this.bodyTarget = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Declares a secret value the request carries where the pipeline would not find it by itself (a
     * JSON body, a custom header): its exact occurrences, URL-encoded or not, are scrubbed from every
     * message, cause and log line the call produces.
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder secret(Secret secret) {
      Objects.requireNonNull(secret, "secret");
      if (secrets == null) {
        secrets = new ArrayList<>(2);
      }
      secrets.add(secret);
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ApiRequest build() {
      if (method == HttpMethod.GET && body.length > 0) {
        throw new IllegalStateException("a GET request cannot have a body");
      }
      return new ApiRequest(this);
    }
  }

  /**
   * Encodes fields as {@code application/x-www-form-urlencoded}.
   *
   * @param fields the fields, in order
   * @return the encoded text
   */
  public static String formEncode(Map<String, String> fields) {
    StringJoiner joiner = new StringJoiner("&");
    fields.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(Objects.requireNonNull(v, k), StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiRequest r && r.method == method && r.uri.equals(uri) && r.headers.equals(headers)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, Arrays.hashCode(body));
  }
}
