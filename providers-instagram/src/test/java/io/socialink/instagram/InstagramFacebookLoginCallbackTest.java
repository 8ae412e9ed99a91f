package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.http.Headers;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testsupport.LogCapture;
import io.socialink.webhook.CallbackListener;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.DataDeletion;
import io.socialink.webhook.WebhookResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's deauthorize and data-deletion callbacks for the Meta app of Facebook Login, end to end: an
 * Instagram account linked through the emulator's Facebook Login keeps the Facebook user id with its
 * grant, and a callback naming that Facebook user, signed with the Meta app's secret, reaches the
 * grant through the callback intake.
 */
class InstagramFacebookLoginCallbackTest {
  static final String OWNER = "owner-1";
  static final String FB_USER = InstagramEmulator.DEFAULT_FACEBOOK_USER_ID;

  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final List<Object> heard = new CopyOnWriteArrayList<>();
  InstagramEmulator ig;
  Socialink s;

  @BeforeEach
  void start() {
    ig = InstagramEmulator.builder().clock(clock).start();
    s = Socialink.builder().clock(clock).sleeper(clock::advance)
        .register(InstagramProvider.builder()
            .endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(), ig.graphBaseUri()))
            .facebookEndpoints(FacebookLoginEndpoints.of(ig.facebookDialogUri(), ig.facebookGraphBaseUri())).build())
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.FACEBOOK_LOGIN.id(),
            InstagramEmulator.META_APP_ID, Secret.of(InstagramEmulator.META_APP_SECRET),
            InstagramEmulator.FACEBOOK_REDIRECT_URI))
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
        .callbacks(CallbackSettings.ofDefaults().withDeletionStatusUrl(URI.create("https://app.example/deletion"))
            .withListener(new CallbackListener() {
              @Override
              public void deauthorized(Deauthorization d) {
                heard.add(d);
              }

              @Override
              public void dataDeletionRequested(DataDeletion d) {
                heard.add(d);
              }
            }))
        .build();
  }

  @AfterEach
  void stop() {
    ig.close();
  }

  AuthorizationResult linkWithFacebook(String owner) {
    AuthorizationStart start = s.linking().authorize(owner, InstagramProvider.ID, InstagramProvider.FACEBOOK_LOGIN.id(),
        List.of("instagram_basic", "pages_show_list"));
    return s.linking().complete(owner, CallbackParameters.fromUri(ig.consentOnFacebook(start.url())));
  }

  /** A {@code signed_request} as Meta makes it: HMAC-SHA256 of the base64url payload with the app's secret. */
  String signedRequest(String secret, String userId) {
    String json = "{\"algorithm\":\"HMAC-SHA256\",\"expires\":" + (clock.instant().getEpochSecond() + 3600)
        + ",\"issued_at\":" + clock.instant().getEpochSecond() + ",\"user_id\":\"" + userId + "\"}";
    return InstagramCallbackTest.signed(secret, json);
  }

  WebhookResponse post(String path, String signedRequest) {
    byte[] body = ("signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.US_ASCII);
    return s.callbacks().handle("POST", path, Headers.of("Content-Type", "application/x-www-form-urlencoded"), body);
  }

  LinkState state(Link l) {
    return s.links().find(l.ownerId(), l.id()).orElseThrow().state();
  }

  @Test
  void theFacebookUserIdIsKeptWithTheGrantAndReadsBackFromTheStore() {
    AuthorizationResult r = linkWithFacebook(OWNER);
    Grant g = r.grant();

    assertThat(g.account().userId()).as("the account stays the Instagram account")
        .isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    assertThat(g.attribute(InstagramFacebookLoginClient.FACEBOOK_USER_ID)).contains(FB_USER);
    assertThat(s.grants().find(OWNER, g.id()).orElseThrow().attributes()).isEqualTo(g.attributes());
    assertThat(s.client(InstagramFacebookLoginClient.class).linkedAccount(g).facebookUserId())
        .isEqualTo(g.attribute(InstagramFacebookLoginClient.FACEBOOK_USER_ID).orElseThrow());
    assertThat(g.toString()).contains(InstagramFacebookLoginClient.FACEBOOK_USER_ID).doesNotContain(FB_USER)
        .doesNotContain(g.accessToken().reveal());
  }

  @Test
  void aDeauthorizationNamingTheFacebookUserRevokesTheLinkAndForgetsTheGrant() {
    AuthorizationResult alice = linkWithFacebook(OWNER);
    AuthorizationResult bob = linkWithFacebook("owner-2");
    clock.advance(Duration.ofMinutes(1));
    String signed = signedRequest(InstagramEmulator.META_APP_SECRET, FB_USER);

    WebhookResponse r;
    try (LogCapture logs = LogCapture.start()) {
      r = post("/instagram/facebook-login", signed);
      String all = String.join("\n", logs.messages());
      assertThat(all).contains("callback received").doesNotContain(alice.grant().accessToken().reveal())
          .doesNotContain(bob.grant().accessToken().reveal()).doesNotContain(signed.substring(0, 20))
          .doesNotContain(InstagramEmulator.META_APP_SECRET);
    }

    assertThat(r.status()).isEqualTo(200);
    assertThat(state(alice.link())).isEqualTo(LinkState.REVOKED);
    assertThat(state(bob.link())).isEqualTo(LinkState.REVOKED);
    assertThat(s.grants().list(OWNER)).isEmpty();
    assertThat(s.grants().list("owner-2")).isEmpty();
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class, d -> {
      assertThat(d.event().userAttribute()).contains(InstagramFacebookLoginClient.FACEBOOK_USER_ID);
      assertThat(d.forgottenGrantIds()).containsExactlyInAnyOrder(alice.grant().id(), bob.grant().id());
    });

    // Meta delivers the same callback again after the user linked anew: nothing changes.
    AuthorizationResult again = linkWithFacebook(OWNER);
    assertThat(post("/instagram/facebook-login", signed).status()).isEqualTo(200);
    assertThat(state(again.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).hasSize(1);
  }

  @Test
  void thePlatformRouteFindsTheMetaAppsVerifierAmongTheSchemes() {
    AuthorizationResult r = linkWithFacebook(OWNER);

    assertThat(post("/instagram", signedRequest(InstagramEmulator.META_APP_SECRET, FB_USER)).status()).isEqualTo(200);

    assertThat(state(r.link())).isEqualTo(LinkState.REVOKED);
  }

  @Test
  void aDataDeletionNamingTheFacebookUserIsTrackedForItsOwnersAndAnsweredAsMetaExpects() {
    linkWithFacebook(OWNER);

    WebhookResponse r = post("/instagram/facebook-login?callback=data-deletion",
        signedRequest(InstagramEmulator.META_APP_SECRET, FB_USER));

    assertThat(r.status()).isEqualTo(200);
    assertThat(InstagramEmulator.dataDeletionReplyDifference(r.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(heard).singleElement().isInstanceOfSatisfying(DataDeletion.class, d -> {
      assertThat(d.userId()).isEqualTo(FB_USER);
      assertThat(d.ownerIds()).containsExactly(OWNER);
    });
  }

  @Test
  void forgedUnsignedAndWronglyKeyedCallbacksChangeNothing() {
    AuthorizationResult r = linkWithFacebook(OWNER);

    assertThat(post("/instagram/facebook-login", signedRequest("guessed-secret", FB_USER)).status()).isEqualTo(401);
    assertThat(post("/instagram/facebook-login", signedRequest(InstagramEmulator.APP_SECRET, FB_USER)).status())
        .as("the Instagram App Secret does not sign the Meta app's callbacks").isEqualTo(401);
    assertThat(post("/instagram", signedRequest("guessed-secret", FB_USER)).status()).isEqualTo(401);
    String genuine = signedRequest(InstagramEmulator.META_APP_SECRET, FB_USER);
    String tampered = genuine.substring(0, genuine.indexOf('.') + 1) + InstagramCallbackTest.signed("x",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":" + clock.instant().getEpochSecond() + ",\"user_id\":\"" + FB_USER
            + "\"}").substring(genuine.indexOf('.') + 1);
    assertThat(post("/instagram/facebook-login", tampered).status()).isEqualTo(401);
    assertThat(s.callbacks().handle("POST", "/instagram/facebook-login", Headers.empty(), new byte[0]).status())
        .isEqualTo(401);

    assertThat(state(r.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(s.grants().find(OWNER, r.grant().id())).contains(r.grant());
    assertThat(heard).isEmpty();
  }

  @Test
  void aCallbackForAnUnknownFacebookUserChangesNothingAndIsAnswered200() {
    AuthorizationResult r = linkWithFacebook(OWNER);

    assertThat(post("/instagram/facebook-login", signedRequest(InstagramEmulator.META_APP_SECRET, "10158999999999999"))
        .status()).isEqualTo(200);

    assertThat(state(r.link())).isEqualTo(LinkState.ACTIVE);
    assertThat(s.grants().find(OWNER, r.grant().id())).contains(r.grant());
  }
}
