package io.socialink.auth;

import io.socialink.error.ConfigurationException;
import java.util.List;

/**
 * Links accounts: starts an OAuth 2.0 authorization and completes it from the platform's callback.
 * Get it from {@link io.socialink.Socialink#linking()}. Thread-safe.
 *
 * <pre>{@code
 * AuthorizationStart start = socialink.linking().authorize(userId, "x");   // redirect to start.url()
 * // ... the platform calls back:
 * AuthorizationResult linked = socialink.linking().complete(userId, CallbackParameters.fromUri(callbackUri));
 * }</pre>
 */
public interface Linking {
  /**
   * Starts linking an account with the platform's default scheme (the first with credentials) and
   * its default scopes.
   *
   * @param ownerId the application's user
   * @param platformId the platform
   * @return where to send the user's browser
   * @throws ConfigurationException if the platform is unknown or has no credentials
   */
  AuthorizationStart authorize(String ownerId, String platformId);

  /**
   * Starts linking an account: mints a state and a PKCE pair, stores them for the callback, and
   * renders the platform's authorization URL.
   *
   * @param ownerId the application's user
   * @param platformId the platform
   * @param schemeId the authorization scheme
   * @param scopes the scopes to ask for
   * @return where to send the user's browser
   * @throws ConfigurationException if no credentials are configured for the platform and scheme
   */
  AuthorizationStart authorize(String ownerId, String platformId, String schemeId, List<String> scopes);

  /**
   * Completes linking from the platform's callback: checks the state (known, unused, unexpired, same
   * owner) before any token request, exchanges the code at once, reads the profile, and stores the
   * grant and an {@link io.socialink.LinkKind#APP_AUTHORIZATION} link.
   *
   * @param ownerId the application's user the callback arrived for
   * @param callback the callback's query parameters
   * @return the link, grant and any requested scopes not granted
   * @throws CallbackRejectedException if the callback is forged, reused, expired or declined
   */
  AuthorizationResult complete(String ownerId, CallbackParameters callback);
}
