package io.socialink.auth;

import io.socialink.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An application's credentials for one authorization scheme of one platform.
 *
 * <p>A confidential client has a client secret; a public client (a native or single-page app) has
 * none. Platform-specific extras, such as X's consumer secret for webhooks, go in {@link #secrets()}.
 * {@link #toString()} never reveals a secret.
 *
 * @param platformId the platform
 * @param schemeId the authorization scheme, see {@link io.socialink.spi.AuthorizationScheme}
 * @param clientId the client id (or TikTok client key)
 * @param clientSecret the client secret, for confidential clients
 * @param redirectUri the registered redirect URI
 * @param secrets other named secrets the provider documents
 */
public record AppCredentials(
    String platformId,
    String schemeId,
    String clientId,
    Optional<Secret> clientSecret,
    URI redirectUri,
    Map<String, Secret> secrets) {

  /** Validates and copies the components. */
  public AppCredentials {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(clientId, "clientId");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (!redirectUri.isAbsolute()) {
      throw new IllegalArgumentException("redirectUri must be absolute; got " + redirectUri);
    }
    if (redirectUri.getFragment() != null) {
      throw new IllegalArgumentException("redirectUri must not have a fragment");
    }
    secrets = Map.copyOf(Objects.requireNonNull(secrets, "secrets"));
  }

  /**
   * Credentials of a confidential client.
   *
   * @param platformId the platform
   * @param schemeId the scheme
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param redirectUri the redirect URI
   * @return the credentials
   */
  public static AppCredentials confidential(
      String platformId, String schemeId, String clientId, Secret clientSecret, URI redirectUri) {
    return new AppCredentials(platformId, schemeId, clientId, Optional.of(clientSecret), redirectUri, Map.of());
  }

  /**
   * Credentials of a public client (no secret).
   *
   * @param platformId the platform
   * @param schemeId the scheme
   * @param clientId the client id
   * @param redirectUri the redirect URI
   * @return the credentials
   */
  public static AppCredentials publicClient(String platformId, String schemeId, String clientId, URI redirectUri) {
    return new AppCredentials(platformId, schemeId, clientId, Optional.empty(), redirectUri, Map.of());
  }

  /**
   * Returns a copy with one more named secret.
   *
   * @param name the name the provider documents
   * @param value the secret
   * @return the copy
   */
  public AppCredentials withSecret(String name, Secret value) {
    Map<String, Secret> m = new java.util.HashMap<>(secrets);
    m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new AppCredentials(platformId, schemeId, clientId, clientSecret, redirectUri, m);
  }

  /**
   * Answers whether this is a confidential client.
   *
   * @return true if it has a secret
   */
  public boolean isConfidential() {
    return clientSecret.isPresent();
  }

  /**
   * A named secret.
   *
   * @param name the name
   * @return the secret, or empty
   */
  public Optional<Secret> secret(String name) {
    return Optional.ofNullable(secrets.get(name));
  }
}
