package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.testkit.PlatformProviderContractTest;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider contract, through the public Socialink API, against the Instagram emulator. Instagram
 * refreshes only tokens at least 24 hours old, so the shared clock moves a day before each refresh; it
 * keeps one token (the long-lived one is its own refresh token), so no rotation is checked; it
 * publishes from public URLs, not Socialink's uploaded bytes, so the generic publish step is skipped
 * (publishing is covered by {@link InstagramEmulatorTest}); and an app cannot revoke an Instagram
 * Login grant, so ending access is the best-effort attempts, reported as such, and then the user's
 * removal of the app simulated on the emulator, whose signed deauthorize callback the provider verifies.
 */
class InstagramEmulatorContractTest extends PlatformProviderContractTest {
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
        .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
            ig.graphBaseUri())).build())
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
        .build();
  }

  @Override
  protected String platformId() {
    return InstagramProvider.ID;
  }

  @Override
  protected String schemeId() {
    return InstagramProvider.INSTAGRAM_LOGIN.id();
  }

  @Override
  protected List<String> scopes() {
    return List.of("instagram_business_basic", "instagram_business_content_publish");
  }

  @Override
  protected URI consent(URI authorizationUrl) {
    return ig.consent(authorizationUrl);
  }

  @Override
  protected long tokenRequests() {
    return ig.count("POST", "/oauth/access_token");
  }

  @Override
  protected boolean rotatesRefreshTokens() {
    return false;
  }

  @Override
  protected boolean publishes() {
    return false;
  }

  @Override
  protected void beforeRefresh() {
    CLOCK.advance(Duration.ofHours(24));
  }

  /** The best-effort calls are made and reported, never as a revocation; then the user removes the app. */
  @Override
  protected void endAccess(Grant grant) {
    InstagramRevocationUnsupportedException e = catchThrowableOfType(InstagramRevocationUnsupportedException.class,
        () -> socialink().grants().revoke(OWNER, grant.id()));
    assertThat(e.bestEffortAttempts()).extracting(InstagramRevocationAttempt::accepted).containsExactly(true, false);
    assertThat(ig.subscribed(grant.account().userId())).isFalse();

    InstagramEmulator.Callback deauthorize = ig.removeApp(grant.account().userId());

    InstagramSignedRequest verified = socialink().client(InstagramClient.class)
        .callback(deauthorize.webhookRequest(), InstagramSignedRequest.Kind.DEAUTHORIZE);
    assertThat(verified.userId()).isEqualTo(grant.account().userId());
    assertThat(ig.installed(grant.account().userId())).isFalse();
  }

  /** The user removes the app in Instagram's settings, as the plan's manual step asks. */
  @Override
  protected void userFollowsManualSteps(Grant grant) {
    ig.removeApp(grant.account().userId());
  }

  /** Trying again is safe: the attempts fail on the dead token, and nothing is reported revoked. */
  @Override
  protected void endAccessAgain(Grant grant) {
    InstagramRevocationUnsupportedException e = catchThrowableOfType(InstagramRevocationUnsupportedException.class,
        () -> socialink().grants().revoke(OWNER, grant.id()));
    assertThat(e.bestEffortAttempts()).extracting(InstagramRevocationAttempt::accepted).containsExactly(false, false);
  }
}
