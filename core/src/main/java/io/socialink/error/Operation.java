package io.socialink.error;

/**
 * What a call was doing when it failed, which a verdict can depend on: the same answer means different
 * things on different calls. OAuth's {@code invalid_grant} on a {@link #CODE_EXCHANGE} says the
 * authorization code is bad, used or expired (no grant exists yet, so nothing is revoked: the link
 * starts again), while on a {@link #TOKEN_REFRESH} it says the refresh token is dead
 * ({@link ErrorCategory#AUTH_REVOKED}). An "invalid or expired token" answer to an OAuth 1.0a
 * {@link #REQUEST_TOKEN} call is about the app's own key and secret, since no user token is involved.
 *
 * <p>Every {@link io.socialink.http.ApiCall} carries one (providers set it on their token calls;
 * {@link io.socialink.spi.StandardOAuth2} does so for its own), the pipeline gives it to the provider's
 * {@link io.socialink.spi.ResponseInterpreter}, and
 * {@link io.socialink.platform.Platforms#classify(String, Operation, int, java.util.Map, byte[])} takes it
 * for calls made outside the pipeline. After the platform's interpreter, core applies the
 * platform-independent part with {@link DefaultErrorClassifier#forOperation(Operation, Classification)}:
 *
 * <table>
 * <caption>What each operation changes</caption>
 * <tr><th>operation</th><th>an authorization verdict ({@code AUTH_*}, {@code INSUFFICIENT_SCOPE}) becomes</th></tr>
 * <tr><td>{@link #API_CALL}</td><td>unchanged</td></tr>
 * <tr><td>{@link #CODE_EXCHANGE}</td><td>{@link ErrorCategory#INVALID_REQUEST}: the authorization is not
 *     usable, start the link again</td></tr>
 * <tr><td>{@link #TOKEN_REFRESH}</td><td>{@code AUTH_EXPIRED} becomes {@link ErrorCategory#AUTH_REVOKED}:
 *     a refresh that fails for authorization cannot be fixed by another refresh</td></tr>
 * <tr><td>{@link #TOKEN_REVOKE}</td><td>unchanged (a revocation takes a dead token for already revoked)</td></tr>
 * <tr><td>{@link #REQUEST_TOKEN}, {@link #APP_TOKEN}</td><td>{@link ErrorCategory#CONFIGURATION}: only
 *     the app's own credentials were sent</td></tr>
 * </table>
 *
 * <p>On every operation but {@link #API_CALL}, a bare HTTP 401 (no platform code) is
 * {@link ErrorCategory#CONFIGURATION}: a token endpoint answers 401 when the client's own
 * authentication fails.
 *
 * <p>Platforms' interpreters may refine further (a specific code that means something else on a
 * given operation); each provider documents what it does.
 */
public enum Operation {
  /** An ordinary API call made with a user's or the app's token. */
  API_CALL,
  /**
   * Turning an authorization into the grant's first tokens: the OAuth 2.0 code exchange, the OAuth 1.0a
   * access-token step (verifier exchange), and a platform's immediate follow-up exchange of the fresh
   * short-lived token for a long-lived one (Instagram, Facebook Login). No grant exists yet.
   */
  CODE_EXCHANGE,
  /** Refreshing a grant's tokens with its refresh token (or a long-lived token that refreshes itself). */
  TOKEN_REFRESH,
  /** Revoking a token (RFC 7009 or the platform's own revocation). */
  TOKEN_REVOKE,
  /** The OAuth 1.0a request-token step, signed with the app's consumer key and secret only. */
  REQUEST_TOKEN,
  /** Getting an app-only token with the app's own credentials (OAuth 2.0 client credentials). */
  APP_TOKEN;

  /**
   * Answers whether this operation sends only the app's own credentials, so that any authorization
   * failure is the app's configuration.
   *
   * @return true for {@link #REQUEST_TOKEN} and {@link #APP_TOKEN}
   */
  public boolean appCredentialsOnly() {
    return this == REQUEST_TOKEN || this == APP_TOKEN;
  }

  /**
   * Answers whether this operation talks to a token endpoint rather than the platform's API.
   *
   * @return true for every operation but {@link #API_CALL}
   */
  public boolean tokenEndpoint() {
    return this != API_CALL;
  }
}
