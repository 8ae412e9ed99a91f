package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.Revocation;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facebook Login for Business end to end against the Instagram emulator, through the public API. */
class InstagramFacebookLoginEmulatorTest {
  static final String OWNER = "owner-1";
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  InstagramEmulator ig;

  @BeforeEach
  void start() {
    ig = InstagramEmulator.builder().clock(clock).containerProcessing(Duration.ofSeconds(30)).start();
  }

  @AfterEach
  void stop() {
    ig.close();
  }

  Socialink socialink(String secret, Optional<Function<List<InstagramPageAccount>, InstagramPageAccount>> chooser) {
    InstagramProvider.Builder b = InstagramProvider.builder().statusPollInterval(Duration.ofSeconds(10))
        .facebookEndpoints(FacebookLoginEndpoints.of(ig.facebookDialogUri(), ig.facebookGraphBaseUri()));
    chooser.ifPresent(b::facebookAccountChooser);
    return Socialink.builder().clock(clock).sleeper(clock::advance).register(b.build())
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.FACEBOOK_LOGIN.id(),
            InstagramEmulator.META_APP_ID, Secret.of(secret), InstagramEmulator.FACEBOOK_REDIRECT_URI))
        .build();
  }

  Socialink socialink() {
    return socialink(InstagramEmulator.META_APP_SECRET, Optional.empty());
  }

  static Grant link(Socialink s, Function<URI, URI> browser) {
    AuthorizationStart start = s.linking().authorize(OWNER, InstagramProvider.ID, InstagramProvider.FACEBOOK_LOGIN.id(),
        List.of("instagram_basic", "pages_show_list", "instagram_content_publish"));
    return s.linking().complete(OWNER, CallbackParameters.fromUri(browser.apply(start.url()))).grant();
  }

  @Test
  void theLinkedAccountIsTheInstagramAccountBehindTheUsersPage() {
    Socialink s = socialink();
    Grant g = link(s, ig::consentOnFacebook);

    assertThat(g.account().userId()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    assertThat(g.account().handle()).contains(InstagramEmulator.DEFAULT_USERNAME);
    assertThat(g.accessToken().reveal()).startsWith("EAA");
    assertThat(g.expiresAt()).contains(clock.instant().plus(Duration.ofDays(60)));
    assertThat(g.refreshToken()).isEmpty();
    assertThat(g.scopes()).contains("instagram_basic", "pages_show_list", "instagram_content_publish");
    assertThat(ig.count("GET", "/v25.0/oauth/access_token")).isEqualTo(2);
    InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);
    assertThat(fb.instagramAccounts(g)).extracting(InstagramPageAccount::pageId)
        .containsExactly(InstagramEmulator.DEFAULT_PAGE_ID);
    FacebookLinkedAccount ids = fb.linkedAccount(g);
    assertThat(ids.facebookUserId()).isEqualTo(InstagramEmulator.DEFAULT_FACEBOOK_USER_ID);
    assertThat(ids.account().instagramAccountId()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    assertThat(s.grants().profile(OWNER, g.id())).isEqualTo(g.account());
  }

  @Test
  void pagesBeyondTheFirstAnswerAreFollowed() {
    ig.addFacebookUser("10158000000000002", "Many Pages");
    for (int i = 0; i < 30; i++) {
      ig.addPage("10158000000000002", String.valueOf(300000000000000L + i), "Page " + i, Optional.empty());
    }
    ig.addAccount("17841400000000123", "late");
    ig.addPage("10158000000000002", "399999999999999", "Last", Optional.of("17841400000000123"));

    Grant g = link(socialink(), url -> ig.consentOnFacebookAs(url, "10158000000000002"));

    assertThat(g.account().userId()).isEqualTo("17841400000000123");
    assertThat(ig.count("GET", "/v25.0/me/accounts")).isEqualTo(2);
  }

  @Test
  void aUserWithoutAnInstagramAccountOnAnyPageIsToldWhatToDo() {
    ig.addFacebookUser("10158000000000003", "No Instagram");
    ig.addPage("10158000000000003", "500000000000001", "Shop", Optional.empty());
    Socialink s = socialink();

    InstagramAccountNotConnectedException e = catchThrowableOfType(InstagramAccountNotConnectedException.class,
        () -> link(s, url -> ig.consentOnFacebookAs(url, "10158000000000003")));

    assertThat(e.remediation()).contains("Connect an Instagram professional");
    assertThat(s.grants().list(OWNER)).isEmpty();
    assertThat(s.links().list(OWNER)).isEmpty();
  }

  @Test
  void withSeveralAccountsTheFirstIsLinkedUnlessTheChooserPicksAnother() {
    ig.addAccount("17841400000000456", "second");
    ig.addPage(InstagramEmulator.DEFAULT_FACEBOOK_USER_ID, "600000000000001", "Second", Optional.of("17841400000000456"));

    assertThat(link(socialink(), ig::consentOnFacebook).account().userId()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    Socialink picky = socialink(InstagramEmulator.META_APP_SECRET, Optional.of(all -> all.stream()
        .filter(a -> a.username().equals(Optional.of("second"))).findFirst().orElseThrow()));
    Grant g = link(picky, ig::consentOnFacebook);
    assertThat(g.account().userId()).isEqualTo("17841400000000456");
    assertThat(picky.client(InstagramFacebookLoginClient.class).instagramAccounts(g)).hasSize(2);
  }

  @Test
  void publishingAndMediaGoThroughTheInstagramAccountOnTheFacebookGraph() {
    Socialink s = socialink();
    Grant g = link(s, ig::consentOnFacebook);

    PublishedPost post = s.grants().withGrant(OWNER, g.id(), InstagramFacebookLoginClient.class,
        (c, fresh) -> c.publishImage(fresh, URI.create("https://cdn.example/a.jpg"), Optional.of("from a Page")));
    InstagramMediaPage page = s.grants().withGrant(OWNER, g.id(), InstagramFacebookLoginClient.class,
        (c, fresh) -> c.media(fresh, Optional.empty(), 10));

    assertThat(page.media()).extracting(InstagramMedia::id).containsExactly(post.postId());
    assertThat(page.media().get(0).caption()).contains("from a Page");
    assertThat(s.client(InstagramFacebookLoginClient.class).publishingLimit(g).quotaUsage()).isEqualTo(1);
    assertThat(ig.count("GET", "/v25.0/me/media")).isZero();
  }

  @Test
  void theInstagramAppSecretIsNotTheMetaAppSecret() {
    Socialink s = socialink(InstagramEmulator.APP_SECRET, Optional.empty());
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> link(s, ig::consentOnFacebook));
    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(s.grants().list(OWNER)).isEmpty();
  }

  @Test
  void aDeclinedDialogIsRefused() {
    Socialink s = socialink();
    CallbackRejectedException e = catchThrowableOfType(CallbackRejectedException.class,
        () -> link(s, ig::denyOnFacebook));
    assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.DENIED);
  }

  @Test
  void afterTheRevocationEveryCallWithTheOldTokenIsRefused() {
    Socialink s = socialink();
    Grant g = link(s, ig::consentOnFacebook);
    InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);

    assertThat(fb.revoke(g)).isEqualTo(Revocation.REVOKED);

    assertThat(fb.debugToken(g.accessToken()).valid()).isFalse();
    assertThat(fb.isTokenDead(g)).isTrue();
    assertThat(catchThrowableOfType(SocialinkException.class, () -> fb.media(g, Optional.empty(), 5)).category())
        .isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(fb.revoke(g)).isEqualTo(Revocation.ALREADY_REVOKED);
    Grant again = link(s, ig::consentOnFacebook);
    assertThat(fb.isTokenDead(again)).isFalse();
  }
}
