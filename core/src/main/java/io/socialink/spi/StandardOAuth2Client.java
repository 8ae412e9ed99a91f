package io.socialink.spi;

import io.socialink.Grant;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import java.net.URI;
import java.util.Objects;

/**
 * A {@link PlatformClient} whose authorization is the standard OAuth 2.0 flow of a
 * {@link StandardOAuth2}: the authorization URL, code exchange, refresh and revocation are done by
 * it, and a subclass writes only the platform's own API, at least {@link #profile(Grant)}. A
 * subclass may still override any of them where its platform departs from the standard (and
 * {@link #pkce(io.socialink.Secret)} for a non-standard challenge).
 *
 * <pre>{@code
 * final class PebbleClient extends StandardOAuth2Client {
 *   private final URI base;
 *
 *   PebbleClient(ProviderContext context, URI base) {
 *     super(StandardOAuth2.newBuilder(context, OAuth2Endpoints.of(base.resolve("oauth/authorize"),
 *         base.resolve("oauth/token"), base.resolve("oauth/revoke"))).accountIdField("user_id").build());
 *     this.base = base;
 *   }
 *
 *   public Account profile(Grant grant) {
 *     Map<String, Object> me = oauth().readObject(oauth().get("me", base.resolve("api/me"), grant), "the profile request");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe when the subclass is.
 */
public abstract class StandardOAuth2Client implements PlatformClient {
  private final StandardOAuth2 oauth;

  /**
   * A client on a configured flow.
   *
   * @param oauth the flow
   */
  protected StandardOAuth2Client(StandardOAuth2 oauth) {
    this.oauth = Objects.requireNonNull(oauth, "oauth");
  }

  /**
   * The flow, for the subclass's own calls ({@link StandardOAuth2#get}, {@link StandardOAuth2#call},
   * {@link StandardOAuth2#readObject}).
   *
   * @return the flow
   */
  protected final StandardOAuth2 oauth() {
    return oauth;
  }

  @Override
  public AppCredentials credentials() {
    return oauth.credentials();
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return oauth.authorizationUrl(request);
  }

  @Override
  public TokenResponse exchangeCode(CodeExchange exchange) {
    return oauth.exchangeCode(exchange);
  }

  @Override
  public TokenResponse refresh(Grant grant) {
    return oauth.refresh(grant);
  }

  @Override
  public Revocation revoke(Grant grant) {
    return oauth.revoke(grant);
  }
}
