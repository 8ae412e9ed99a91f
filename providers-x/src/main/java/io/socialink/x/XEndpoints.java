package io.socialink.x;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the X provider sends the browser and its API calls. The defaults are X's documented hosts;
 * tests point the provider at WireMock or the X emulator of {@code socialink-testkit} instead.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * XEndpoints local = XEndpoints.of(URI.create("http://127.0.0.1:8089/i/oauth2/authorize"),
 *     URI.create("http://127.0.0.1:8089"));
 * Socialink socialink = Socialink.builder().register(XProvider.withEndpoints(local)).credentials(...).build();
 * }</pre>
 *
 * @param authorizeUri the authorization page, {@code https://x.com/i/oauth2/authorize} by default
 *     (not twitter.com, whose page misses the user's x.com session)
 * @param apiBaseUri the API's base, {@code https://api.x.com} by default; paths such as
 *     {@code /2/oauth2/token} are resolved against it
 */
public record XEndpoints(URI authorizeUri, URI apiBaseUri) {
  /** X's authorization page. */
  public static final URI DEFAULT_AUTHORIZE_URI = URI.create("https://x.com/i/oauth2/authorize");
  /** X's API host. */
  public static final URI DEFAULT_API_BASE_URI = URI.create("https://api.x.com");

  /** Validates the components: absolute http(s) URIs without query or fragment; the API base without a path. */
  public XEndpoints {
    check(authorizeUri, "authorizeUri");
    check(apiBaseUri, "apiBaseUri");
    String path = apiBaseUri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("apiBaseUri must be a bare origin such as https://api.x.com; got path '"
          + path + "'");
    }
    String base = apiBaseUri.toString();
    apiBaseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  /**
   * X's documented hosts.
   *
   * @return the defaults
   */
  public static XEndpoints defaults() {
    return new XEndpoints(DEFAULT_AUTHORIZE_URI, DEFAULT_API_BASE_URI);
  }

  /**
   * Custom endpoints.
   *
   * @param authorizeUri the authorization page
   * @param apiBaseUri the API origin
   * @return the endpoints
   */
  public static XEndpoints of(URI authorizeUri, URI apiBaseUri) {
    return new XEndpoints(authorizeUri, apiBaseUri);
  }

  /**
   * {@code POST /2/oauth2/token}: code exchange and refresh.
   *
   * @return the URI
   */
  public URI tokenUri() {
    return api("/2/oauth2/token");
  }

  /**
   * {@code POST /2/oauth2/revoke}.
   *
   * @return the URI
   */
  public URI revokeUri() {
    return api("/2/oauth2/revoke");
  }

  /**
   * {@code GET /2/users/me}.
   *
   * @return the URI
   */
  public URI usersMeUri() {
    return api("/2/users/me");
  }

  /**
   * {@code POST /2/tweets}.
   *
   * @return the URI
   */
  public URI tweetsUri() {
    return api("/2/tweets");
  }

  /**
   * {@code GET /2/users/:id/tweets}: a user's posts, newest first.
   *
   * @param userId the user id (digits)
   * @return the URI, without a query
   * @throws IllegalArgumentException if the id is not 1-19 digits
   */
  public URI userTweetsUri(String userId) {
    if (!userId.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("an X user id is 1-19 digits; got '" + userId + "'");
    }
    return api("/2/users/" + userId + "/tweets");
  }

  /**
   * {@code /2/media/upload}: the one-shot upload, and the status query.
   *
   * @return the URI
   */
  public URI mediaUploadUri() {
    return api("/2/media/upload");
  }

  /**
   * {@code POST /2/media/upload/initialize}.
   *
   * @return the URI
   */
  public URI mediaInitializeUri() {
    return api("/2/media/upload/initialize");
  }

  /**
   * {@code POST /2/media/upload/{id}/append}.
   *
   * @param mediaId the media id from initialize
   * @return the URI
   */
  public URI mediaAppendUri(String mediaId) {
    return api("/2/media/upload/" + checkMediaId(mediaId) + "/append");
  }

  /**
   * {@code POST /2/media/upload/{id}/finalize}.
   *
   * @param mediaId the media id from initialize
   * @return the URI
   */
  public URI mediaFinalizeUri(String mediaId) {
    return api("/2/media/upload/" + checkMediaId(mediaId) + "/finalize");
  }

  /**
   * {@code GET /2/media/upload?command=STATUS&media_id={id}}.
   *
   * @param mediaId the media id
   * @return the URI
   */
  public URI mediaStatusUri(String mediaId) {
    return api("/2/media/upload?command=STATUS&media_id=" + checkMediaId(mediaId));
  }

  private URI api(String pathAndQuery) {
    return URI.create(apiBaseUri + pathAndQuery);
  }

  private static String checkMediaId(String mediaId) {
    Objects.requireNonNull(mediaId, "mediaId");
    if (!mediaId.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("an X media id is 1-19 digits; got '" + mediaId + "'");
    }
    return mediaId;
  }

  private static void check(URI uri, String field) {
    Objects.requireNonNull(uri, field);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(field + " must be absolute with a host; got " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(field + " must be http or https; got " + uri);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(field + " must have no query or fragment; got " + uri);
    }
  }
}
