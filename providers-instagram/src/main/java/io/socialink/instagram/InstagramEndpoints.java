package io.socialink.instagram;

import java.net.URI;
import java.util.Objects;

/**
 * Where the Instagram API with Instagram Login lives: the authorization window on
 * {@code www.instagram.com}, the code exchange on {@code api.instagram.com} (unversioned), and the
 * Graph API on {@code graph.instagram.com}, whose token endpoints are unversioned and whose other
 * paths carry {@link #graphVersion()}.
 *
 * @param authorizeUri the authorization window
 * @param apiBaseUri the host of {@code /oauth/access_token} (code exchange)
 * @param graphBaseUri the host of the Graph API ({@code /access_token}, {@code /refresh_access_token},
 *     {@code /<version>/me}, ...)
 * @param graphVersion the Graph API version, such as {@code v25.0}
 */
public record InstagramEndpoints(URI authorizeUri, URI apiBaseUri, URI graphBaseUri, String graphVersion) {
  /** The authorization window, {@code https://www.instagram.com/oauth/authorize}. */
  public static final URI DEFAULT_AUTHORIZE_URI = URI.create("https://www.instagram.com/oauth/authorize");
  /** The code-exchange host, {@code https://api.instagram.com}. */
  public static final URI DEFAULT_API_BASE_URI = URI.create("https://api.instagram.com");
  /** The Graph API host, {@code https://graph.instagram.com}. */
  public static final URI DEFAULT_GRAPH_BASE_URI = URI.create("https://graph.instagram.com");
  /** The Graph API version of the 2026 documentation, {@code v25.0}. */
  public static final String DEFAULT_GRAPH_VERSION = "v25.0";

  /** Validates the components. */
  public InstagramEndpoints {
    absolute(authorizeUri, "authorizeUri");
    absolute(apiBaseUri, "apiBaseUri");
    absolute(graphBaseUri, "graphBaseUri");
    Objects.requireNonNull(graphVersion, "graphVersion");
    if (!graphVersion.matches("v\\d{1,3}\\.\\d{1,3}")) {
      throw new IllegalArgumentException("graphVersion must look like v25.0; got '" + graphVersion + "'");
    }
  }

  /**
   * Instagram's own hosts and {@value #DEFAULT_GRAPH_VERSION}.
   *
   * @return the endpoints
   */
  public static InstagramEndpoints defaults() {
    return new InstagramEndpoints(DEFAULT_AUTHORIZE_URI, DEFAULT_API_BASE_URI, DEFAULT_GRAPH_BASE_URI,
        DEFAULT_GRAPH_VERSION);
  }

  /**
   * Endpoints on other hosts (an emulator, WireMock), with {@value #DEFAULT_GRAPH_VERSION}.
   *
   * @param authorizeUri the authorization window
   * @param apiBaseUri the code-exchange host
   * @param graphBaseUri the Graph API host
   * @return the endpoints
   */
  public static InstagramEndpoints of(URI authorizeUri, URI apiBaseUri, URI graphBaseUri) {
    return new InstagramEndpoints(authorizeUri, apiBaseUri, graphBaseUri, DEFAULT_GRAPH_VERSION);
  }

  /**
   * A path on the code-exchange host.
   *
   * @param path the path without a leading slash, such as {@code oauth/access_token}
   * @return the URI
   */
  public URI api(String path) {
    return join(apiBaseUri, path);
  }

  /**
   * An unversioned path on the Graph host (the token endpoints).
   *
   * @param path the path without a leading slash, such as {@code refresh_access_token}
   * @return the URI
   */
  public URI graphUnversioned(String path) {
    return join(graphBaseUri, path);
  }

  /**
   * A versioned path on the Graph host.
   *
   * @param path the path without a leading slash, such as {@code me/media}
   * @return the URI, such as {@code https://graph.instagram.com/v25.0/me/media}
   */
  public URI graph(String path) {
    return join(graphBaseUri, graphVersion + "/" + path);
  }

  private static URI join(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b : b + "/") + Objects.requireNonNull(path, "path"));
  }

  private static void absolute(URI uri, String name) {
    Objects.requireNonNull(uri, name);
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException(name + " must be absolute; got " + uri);
    }
  }
}
