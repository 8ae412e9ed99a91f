package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkStep;
import io.socialink.auth.AppCredentials;
import io.socialink.spi.Revocation;
import io.socialink.testkit.PlatformProviderContractTest;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider contract, through the public Socialink API, for Facebook Login for Business against the
 * Instagram emulator: the Meta app's credentials, the login dialog, the code and long-lived exchanges,
 * the Instagram account behind the user's Page, and Facebook's documented revocation, after which the
 * old token is refused. Facebook issues no refresh token, so no refresh is checked; Instagram publishes
 * from public URLs, so the generic publish step is skipped (publishing through this scheme is covered
 * by {@link InstagramFacebookLoginEmulatorTest}).
 */
class InstagramFacebookLoginContractTest extends PlatformProviderContractTest {
  static final TestClock CLOCK = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  static InstagramEmulator ig;

  @BeforeAll
  static void startEmulator() {
    ig = InstagramEmulator.builder().clock(CLOCK).start();
  }

  @AfterAll
  static void stopEmulator() {
    ig.close();
  }

  @Override
  protected Socialink newSocialink() {
    return Socialink.builder().clock(CLOCK).sleeper(CLOCK::advance)
        .register(InstagramProvider.builder().facebookEndpoints(FacebookLoginEndpoints.of(ig.facebookDialogUri(),
            ig.facebookGraphBaseUri())).build())
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.FACEBOOK_LOGIN.id(),
            InstagramEmulator.META_APP_ID, Secret.of(InstagramEmulator.META_APP_SECRET),
            InstagramEmulator.FACEBOOK_REDIRECT_URI))
        .build();
  }

  @Override
  protected String platformId() {
    return InstagramProvider.ID;
  }

  @Override
  protected String schemeId() {
    return InstagramProvider.FACEBOOK_LOGIN.id();
  }

  @Override
  protected List<String> scopes() {
    return List.of("instagram_basic", "pages_show_list", "instagram_content_publish");
  }

  @Override
  protected URI consent(URI authorizationUrl) {
    return ig.consentOnFacebook(authorizationUrl);
  }

  @Override
  protected long tokenRequests() {
    return ig.count("GET", "/v25.0/oauth/access_token");
  }

  @Override
  protected boolean refreshes() {
    return false;
  }

  @Override
  protected boolean publishes() {
    return false;
  }

  /**
   * The plan of the grant's link revokes through the API; the revocation is Facebook's, and the
   * emulator's grant for the Facebook user is gone.
   */
  @Override
  protected void endAccess(Grant grant) {
    assertThat(grant.account().userId()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    String linkId = socialink().links().list(OWNER).stream().filter(l -> l.grantIds().contains(grant.id()))
        .findFirst().orElseThrow().id();
    assertThat(socialink().unlinking().plan(OWNER, linkId).steps()).anyMatch(UnlinkStep.RevokeGrant.class::isInstance);
    assertThat(ig.facebookAuthorized(InstagramEmulator.DEFAULT_FACEBOOK_USER_ID)).isTrue();

    super.endAccess(grant);

    assertThat(ig.facebookAuthorized(InstagramEmulator.DEFAULT_FACEBOOK_USER_ID)).isFalse();
    assertThat(socialink().client(InstagramFacebookLoginClient.class).isTokenDead(grant)).isTrue();
  }

  /** Revoking again is safe: the dead token debugs as invalid, so nothing is deleted twice. */
  @Override
  protected void endAccessAgain(Grant grant) {
    long deletes = ig.count("DELETE", "/v25.0/" + InstagramEmulator.DEFAULT_FACEBOOK_USER_ID + "/permissions");
    assertThat(socialink().grants().revoke(OWNER, grant.id())).isEqualTo(Revocation.ALREADY_REVOKED);
    assertThat(ig.count("DELETE", "/v25.0/" + InstagramEmulator.DEFAULT_FACEBOOK_USER_ID + "/permissions"))
        .isEqualTo(deletes);
  }
}
