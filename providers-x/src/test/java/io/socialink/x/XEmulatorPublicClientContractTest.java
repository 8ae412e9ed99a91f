package io.socialink.x;

import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.testkit.x.XEmulator;

/** The provider contract for a public client (no secret: {@code client_id} only, no HTTP Basic). */
class XEmulatorPublicClientContractTest extends XEmulatorContractTest {
  @Override
  protected Socialink newSocialink() {
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
        .credentials(AppCredentials.publicClient(XProvider.ID, XProvider.OAUTH2.id(), XEmulator.PUBLIC_CLIENT_ID,
            XEmulator.REDIRECT_URI))
        .build();
  }
}
