package io.socialink.spi;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a platform's standard OAuth 2.0 endpoints are: the authorization page the user's browser
 * visits, the token endpoint (code exchange and refresh), and the RFC 7009 revocation endpoint when
 * the platform has one. Used by {@link StandardOAuth2}. Immutable and thread-safe.
 *
 * @param authorize the authorization endpoint; may carry fixed query parameters of its own
 * @param token the token endpoint
 * @param revoke the revocation endpoint, when the platform offers one
 */
public record OAuth2Endpoints(URI authorize, URI token, Optional<URI> revoke) {
  /** Validates the components: each an absolute {@code http} or {@code https} URI with a host and no fragment. */
  public OAuth2Endpoints {
    check(authorize, "authorize");
    check(token, "token");
    Objects.requireNonNull(revoke, "revoke").ifPresent(u -> check(u, "revoke"));
  }

  /**
   * Endpoints of a platform that can revoke tokens.
   *
   * @param authorize the authorization endpoint
   * @param token the token endpoint
   * @param revoke the revocation endpoint
   * @return the endpoints
   */
  public static OAuth2Endpoints of(URI authorize, URI token, URI revoke) {
    return new OAuth2Endpoints(authorize, token, Optional.of(Objects.requireNonNull(revoke, "revoke")));
  }

  /**
   * Endpoints of a platform without a revocation endpoint.
   *
   * @param authorize the authorization endpoint
   * @param token the token endpoint
   * @return the endpoints
   */
  public static OAuth2Endpoints withoutRevocation(URI authorize, URI token) {
    return new OAuth2Endpoints(authorize, token, Optional.empty());
  }

  private static void check(URI uri, String name) {
    Objects.requireNonNull(uri, name);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(name + " endpoint must be an absolute http(s) URI with a host; got " + uri);
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException(name + " endpoint must not have a fragment; got " + uri);
    }
  }
}
