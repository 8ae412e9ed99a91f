package io.socialink.x;

import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.testkit.PlatformProviderContractTest;
import io.socialink.testkit.x.XEmulator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provider contract, through the public Socialink API, against the X emulator. */
class XEmulatorContractTest extends PlatformProviderContractTest {
  static XEmulator x;

  @BeforeAll
  static void startEmulator() {
    x = XEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    x.close();
  }

  @Override
  protected Socialink newSocialink() {
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
        .credentials(AppCredentials.confidential(XProvider.ID, XProvider.OAUTH2.id(), XEmulator.CLIENT_ID,
            Secret.of(XEmulator.CLIENT_SECRET), XEmulator.REDIRECT_URI))
        .build();
  }

  @Override
  protected String platformId() {
    return XProvider.ID;
  }

  @Override
  protected String schemeId() {
    return XProvider.OAUTH2.id();
  }

  @Override
  protected List<String> scopes() {
    return XScopes.POSTING;
  }

  @Override
  protected URI consent(URI authorizationUrl) {
    return x.consent(authorizationUrl);
  }

  @Override
  protected long tokenRequests() {
    return x.count("POST", "/2/oauth2/token");
  }
}
