package io.socialink.x.internal;

import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.oauth2.clientauthentication.ClientAuthentication;
import com.github.scribejava.core.oauth2.clientauthentication.HttpBasicAuthenticationScheme;
import io.socialink.x.XEndpoints;
import java.util.Objects;

/**
 * X's OAuth 2.0 endpoints for ScribeJava, which ships no X OAuth 2.0 class: authorization on x.com,
 * token, refresh and revoke on the API host. Client authentication follows X's rule: a confidential
 * client sends HTTP Basic (client id and secret) and also {@code client_id} in the body; a public
 * client sends {@code client_id} only. The secret never goes in the body. Thread-safe.
 */
final class XOAuth2Api extends DefaultApi20 {
  private final XEndpoints endpoints;

  XOAuth2Api(XEndpoints endpoints) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
  }

  @Override
  public String getAccessTokenEndpoint() {
    return endpoints.tokenUri().toString();
  }

  @Override
  public String getRefreshTokenEndpoint() {
    return endpoints.tokenUri().toString();
  }

  @Override
  public String getRevokeTokenEndpoint() {
    return endpoints.revokeUri().toString();
  }

  @Override
  protected String getAuthorizationBaseUrl() {
    return endpoints.authorizeUri().toString();
  }

  @Override
  public ClientAuthentication getClientAuthentication() {
    return (request, apiKey, apiSecret) -> {
      if (apiSecret != null) {
        HttpBasicAuthenticationScheme.instance().addClientAuthentication(request, apiKey, apiSecret);
      }
      request.addParameter("client_id", apiKey);
    };
  }
}
