package io.socialink.spi;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.auth.TokenResponse;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.util.Optional;

/**
 * A platform's API for one application credential and one authorization scheme. Created by
 * {@link PlatformProvider#createClient(ProviderContext)}; every HTTP call goes through
 * {@link ProviderContext#calls()}. Implementations are thread-safe and hold no user state: grants
 * come in as arguments.
 */
public interface PlatformClient {
  /**
   * The credentials the client was made with.
   *
   * @return the credentials
   */
  AppCredentials credentials();

  /**
   * The PKCE pair for a verifier, in the platform's form. Standard S256 unless the platform differs.
   *
   * @param verifier the verifier core minted
   * @return the pair
   */
  default Pkce pkce(Secret verifier) {
    return Pkce.s256(verifier);
  }

  /**
   * Renders the authorization URL.
   *
   * @param request the state, PKCE pair, scopes and redirect URI
   * @return the URL to send the user's browser to
   */
  URI authorizationUrl(AuthorizationRequest request);

  /**
   * Exchanges an authorization code for tokens.
   *
   * @param exchange the code, redirect URI and PKCE verifier
   * @return the tokens
   * @throws io.socialink.error.SocialinkException the classified failure
   */
  TokenResponse exchangeCode(CodeExchange exchange);

  /**
   * Refreshes a grant's access token. On platforms that rotate refresh tokens the response carries
   * the new refresh token; it must be stored before anything else.
   *
   * @param grant the grant
   * @return the new tokens
   * @throws io.socialink.error.SocialinkException the classified failure ({@code AUTH_REVOKED} when
   *     the refresh token is dead)
   */
  TokenResponse refresh(Grant grant);

  /**
   * What the platform does with a refresh token when it refreshes: decides what happens after a
   * refresh was interrupted between the platform's answer and the store write.
   *
   * @return the rotation; {@link RefreshRotation#ROTATING_LENIENT} unless the platform says otherwise
   */
  default RefreshRotation refreshRotation() {
    return RefreshRotation.ROTATING_LENIENT;
  }

  /**
   * Revokes a grant at the platform. Idempotent: a grant already dead is {@link Revocation#ALREADY_REVOKED}.
   *
   * @param grant the grant
   * @return what happened
   * @throws io.socialink.error.SocialinkException the classified failure
   */
  Revocation revoke(Grant grant);

  /**
   * Makes one of the provider's own unlink calls, a {@link io.socialink.UnlinkStep.PlatformAction} the
   * provider's {@link UnlinkContributor} put in a plan (such as removing an account from a business
   * tool with an admin's grant). Must be safe to repeat: an action whose effect is already there
   * answers {@link Revocation#ALREADY_REVOKED}. The executor treats {@code NOT_FOUND} as already done,
   * a retryable failure as to be tried again, and any other failure (such as
   * {@code PERMISSION_DENIED}: the grant is not an admin's) as the step's failure.
   *
   * @param grant the grant the step names, made fresh
   * @param action the step's action
   * @param arguments the step's arguments
   * @return {@link Revocation#REVOKED} when the call released the link now,
   *     {@link Revocation#ALREADY_REVOKED} when it was already released
   * @throws io.socialink.error.SocialinkException the classified failure; by default a configuration
   *     error, as a client offers no actions unless it says so
   */
  default Revocation unlinkAction(Grant grant, String action, java.util.Map<String, String> arguments) {
    throw Unsupported.operation(credentials().platformId(), "the unlink action '" + action + "'");
  }

  /**
   * Reads the grant's account.
   *
   * @param grant the grant
   * @return the account
   * @throws io.socialink.error.SocialinkException the classified failure
   */
  Account profile(Grant grant);

  /**
   * Publishes a post. Publishing is never retried blindly.
   *
   * @param grant the grant
   * @param post the post
   * @return the published post
   * @throws io.socialink.error.SocialinkException the classified failure
   */
  default PublishedPost publish(Grant grant, Post post) {
    throw Unsupported.operation(credentials().platformId(), "publishing");
  }

  /**
   * The verifier of the platform's webhooks and callbacks for this application, if it has any.
   *
   * @return the verifier
   */
  default Optional<WebhookVerifier> webhooks() {
    return Optional.empty();
  }
}
