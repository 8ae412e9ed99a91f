package io.socialink.tiktok;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the TikTok provider sends the browser and its API calls. The defaults are TikTok's documented
 * hosts; tests point the provider at WireMock (or an emulator) instead. Immutable and thread-safe.
 *
 * <pre>{@code
 * TikTokEndpoints local = TikTokEndpoints.of(URI.create("http://127.0.0.1:8089/v2/auth/authorize/"),
 *     URI.create("http://127.0.0.1:8089"), URI.create("http://127.0.0.1:8089"));
 * Socialink socialink = Socialink.builder()
 *     .register(TikTokProvider.builder().endpoints(local).build())
 *     .credentials(...).build();
 * }</pre>
 *
 * @param authorizeUri the authorization page, {@code https://www.tiktok.com/v2/auth/authorize/} by
 *     default; TikTok API for Business accounts ({@code tt_user}) are authorized on the same page
 * @param openApiBaseUri the origin of Login Kit, Display and Content Posting,
 *     {@code https://open.tiktokapis.com} by default
 * @param businessApiBaseUri the origin of TikTok API for Business,
 *     {@code https://business-api.tiktok.com} by default
 */
public record TikTokEndpoints(URI authorizeUri, URI openApiBaseUri, URI businessApiBaseUri) {
  /** TikTok's authorization page (Login Kit v2). */
  public static final URI DEFAULT_AUTHORIZE_URI = URI.create("https://www.tiktok.com/v2/auth/authorize/");
  /** TikTok's Open API host. */
  public static final URI DEFAULT_OPEN_API_BASE_URI = URI.create("https://open.tiktokapis.com");
  /** TikTok API for Business host. */
  public static final URI DEFAULT_BUSINESS_API_BASE_URI = URI.create("https://business-api.tiktok.com");

  /**
   * Validates the components: absolute http(s) URIs with a host and no query or fragment; the two API
   * bases are bare origins (a trailing slash is dropped).
   */
  public TikTokEndpoints {
    check(authorizeUri, "authorizeUri");
    openApiBaseUri = origin(openApiBaseUri, "openApiBaseUri");
    businessApiBaseUri = origin(businessApiBaseUri, "businessApiBaseUri");
  }

  /**
   * TikTok's documented hosts.
   *
   * @return the defaults
   */
  public static TikTokEndpoints defaults() {
    return new TikTokEndpoints(DEFAULT_AUTHORIZE_URI, DEFAULT_OPEN_API_BASE_URI, DEFAULT_BUSINESS_API_BASE_URI);
  }

  /**
   * Custom endpoints.
   *
   * @param authorizeUri the authorization page
   * @param openApiBaseUri the Open API origin
   * @param businessApiBaseUri the TikTok API for Business origin
   * @return the endpoints
   */
  public static TikTokEndpoints of(URI authorizeUri, URI openApiBaseUri, URI businessApiBaseUri) {
    return new TikTokEndpoints(authorizeUri, openApiBaseUri, businessApiBaseUri);
  }

  /**
   * An Open API v2 address, such as {@code openApi("oauth/token/")} for
   * {@code https://open.tiktokapis.com/v2/oauth/token/}.
   *
   * @param path the path under {@code /v2/}, with TikTok's trailing slash
   * @return the URI
   */
  public URI openApi(String path) {
    return URI.create(openApiBaseUri + "/v2/" + checkPath(path));
  }

  /**
   * A TikTok API for Business address, such as {@code businessApi("tt_user/oauth2/token/")} for
   * {@code https://business-api.tiktok.com/open_api/v1.3/tt_user/oauth2/token/}.
   *
   * @param path the path under {@code /open_api/v1.3/}, with TikTok's trailing slash (a missing one
   *     gives a 404)
   * @return the URI
   */
  public URI businessApi(String path) {
    return URI.create(businessApiBaseUri + "/open_api/v1.3/" + checkPath(path));
  }

  private static String checkPath(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.matches("[a-z0-9_/]+/(\\?[A-Za-z0-9_=,&%.-]*)?")) {
      throw new IllegalArgumentException("a TikTok API path is lowercase segments ending in '/'; got '" + path + "'");
    }
    return path;
  }

  private static URI origin(URI uri, String field) {
    check(uri, field);
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException(field + " must be a bare origin such as https://open.tiktokapis.com; got path '"
          + path + "'");
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
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
