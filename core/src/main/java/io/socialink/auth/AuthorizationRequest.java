package io.socialink.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider needs to build an authorization URL. Core mints the state and the PKCE pair and
 * stores them; the provider only renders the URL.
 *
 * @param redirectUri the redirect URI
 * @param scopes the scopes to ask for, in order
 * @param state the random state value the callback must return
 * @param pkce the PKCE pair
 * @param extraParameters other query parameters the caller asked for (e.g. {@code force_login})
 */
public record AuthorizationRequest(
    URI redirectUri, List<String> scopes, String state, Pkce pkce, Map<String, String> extraParameters) {

  /** Validates and copies the components. */
  public AuthorizationRequest {
    Objects.requireNonNull(redirectUri, "redirectUri");
    scopes = List.copyOf(Scopes.check(scopes, "scopes"));
    Objects.requireNonNull(state, "state");
    if (state.isBlank()) {
      throw new IllegalArgumentException("state must not be blank");
    }
    Objects.requireNonNull(pkce, "pkce");
    extraParameters = Map.copyOf(Objects.requireNonNull(extraParameters, "extraParameters"));
  }
}
