package io.socialink.auth;

import io.socialink.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * What a provider needs to exchange an authorization code for tokens.
 *
 * @param code the authorization code from the callback
 * @param redirectUri the redirect URI used in the authorization URL
 * @param pkce the PKCE pair minted for the authorization
 */
public record CodeExchange(Secret code, URI redirectUri, Pkce pkce) {
  /** Validates the components. */
  public CodeExchange {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(pkce, "pkce");
  }
}
