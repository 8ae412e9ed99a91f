package io.socialink.examples.readme;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.OAuth2Endpoints;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.StandardOAuth2;
import io.socialink.spi.StandardOAuth2Client;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The README's provider skeleton, compiled: a platform with standard OAuth 2.0 and a profile call. */
public final class AcmeProvider extends AbstractPlatformProvider {
  public static final AuthorizationScheme OAUTH2 =
      new AuthorizationScheme("oauth2", "Acme OAuth 2.0", List.of("profile"), "Acme accounts");
  static final URI BASE = URI.create("https://acme.example/");

  public AcmeProvider() {
    super(Platform.of("acme", "Acme", Set.of(Capability.PROFILE, Capability.TOKEN_REFRESH, Capability.TOKEN_REVOCATION)),
        List.of(OAUTH2), ResponseInterpreter.generic());
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    scheme(context);                                  // refuses credentials for a scheme Acme does not offer
    return new AcmeClient(StandardOAuth2.newBuilder(context, OAuth2Endpoints.of(BASE.resolve("oauth/authorize"),
        BASE.resolve("oauth/token"), BASE.resolve("oauth/revoke"))).build());
  }

  static final class AcmeClient extends StandardOAuth2Client {
    AcmeClient(StandardOAuth2 oauth) {
      super(oauth);                                   // authorization URL, code exchange, refresh, revocation
    }

    @Override
    public Account profile(Grant grant) {
      Map<String, Object> me = oauth().readObject(oauth().get("me", BASE.resolve("api/me"), grant), "Acme's profile");
      return Account.of("acme", String.valueOf(me.get("id")));
    }
  }
}
