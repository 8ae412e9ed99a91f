package io.socialink.x.internal;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.revoke.TokenTypeHint;

/**
 * ScribeJava's OAuth 2.0 service, used only to build requests: the token, refresh and revoke request
 * builders are opened up so that the requests can be sent through the Socialink pipeline instead of
 * ScribeJava's own {@code HttpURLConnection} client. No debug stream is set, so ScribeJava logs nothing.
 */
final class XOAuth2Service extends OAuth20Service {
  XOAuth2Service(XOAuth2Api api, String clientId, String clientSecret, String redirectUri) {
    super(api, clientId, clientSecret, redirectUri, null, "code", null, null, null, null);
  }

  OAuthRequest codeExchange(String code, String codeVerifier) {
    return createAccessTokenRequest(AccessTokenRequestParams.create(code).pkceCodeVerifier(codeVerifier));
  }

  OAuthRequest refresh(String refreshToken) {
    return createRefreshTokenRequest(refreshToken, null);
  }

  OAuthRequest revoke(String token, TokenTypeHint hint) {
    return createRevokeTokenRequest(token, hint);
  }
}
