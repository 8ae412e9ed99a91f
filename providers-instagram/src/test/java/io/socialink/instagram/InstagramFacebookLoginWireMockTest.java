package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.instagram.InstagramWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.PermissionException;
import io.socialink.error.SocialinkException;
import io.socialink.publish.PublishedPost;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Facebook Login for Business against WireMock and the documented payloads: the dialog URL; linking
 * (code exchange, long-lived exchange, token debug, the Instagram accounts behind the user's Pages);
 * the profile, media and publishing on {@code graph.facebook.com} with the Instagram account id; the
 * revocation; and malformed answers as typed errors.
 */
class InstagramFacebookLoginWireMockTest {
  static final String META_APP_ID = "1234567890";
  static final String META_SECRET = "planted-meta-app-secret-0a0a";
  static final String USER = "10158000000000001";
  static final String IG = "17841405822304914";
  static final String PAGE = "134895793791914";
  static final String SHORT = "EAAGm0PX4ZCpsBAFbtoken";
  static final String LONG = "EAAGm0PX4ZCpsBAlonglivedtoken";
  static final Instant NOW = InstagramWireMock.NOW;

  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final Socialink s = socialink(AppCredentials.confidential("instagram", "facebook-login", META_APP_ID,
      Secret.of(META_SECRET), URI.create("https://app.example/fb/cb")), Optional.empty());

  static Socialink socialink(AppCredentials credentials,
      Optional<Function<List<InstagramPageAccount>, InstagramPageAccount>> chooser) {
    InstagramProvider.Builder b = InstagramProvider.builder()
        .facebookEndpoints(FacebookLoginEndpoints.of(URI.create(wm.baseUrl() + "/v25.0/dialog/oauth"),
            URI.create(wm.baseUrl())));
    chooser.ifPresent(b::facebookAccountChooser);
    return Socialink.builder().register(b.build()).clock(InstagramWireMock.clock())
        .sleeper(new InstagramWireMock.RecordingSleeper())
        .resilience(ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled())
            .withCircuitBreaker(CircuitBreakerPolicy.disabled()))
        .credentials(credentials).build();
  }

  /** The documented answers of a link whose user shares two Pages on two pages of answers. */
  static void stubLink(String longLivedFixture) {
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("code", equalTo("fbcode"))
        .willReturn(fixture(200, "facebook/oauth-access-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("grant_type", equalTo("fb_exchange_token"))
        .willReturn(fixture(200, longLivedFixture)));
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(fixture(200, "facebook/debug-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).withQueryParam("after", absent())
        .willReturn(fixture(200, "facebook/me-accounts.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).withQueryParam("after", equalTo("QVFIUmFfYWZ0ZXI"))
        .willReturn(fixture(200, "facebook/me-accounts-last-page.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG)).willReturn(fixture(200, "facebook/ig-user.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/17841400000000777")).willReturn(InstagramWireMock.json(200,
        "{\"id\":\"17841400000000777\",\"username\":\"fonzrecords\",\"name\":\"Fonz Records\"}")));
  }

  AuthorizationResult link() {
    stubLink("facebook/long-lived-token.json");
    return complete(s);
  }

  static AuthorizationResult complete(Socialink socialink) {
    AuthorizationStart start = socialink.linking().authorize("owner-1", "instagram", "facebook-login",
        List.of("instagram_basic", "pages_show_list", "instagram_content_publish"));
    return socialink.linking().complete("owner-1", CallbackParameters.fromQuery("code=fbcode&state=" + start.state()));
  }

  @Test
  void theDialogIsFacebooksWithCommaScopes() {
    AuthorizationStart start = s.linking().authorize("owner-1", "instagram", "facebook-login",
        List.of("instagram_basic", "pages_show_list"));
    assertThat(start.url().getPath()).isEqualTo("/v25.0/dialog/oauth");
    assertThat(InstagramWireMock.query(start.url().getRawQuery())).containsEntry("client_id", META_APP_ID)
        .containsEntry("response_type", "code").containsEntry("scope", "instagram_basic,pages_show_list")
        .containsEntry("state", start.state());
    assertThat(FacebookLoginEndpoints.defaults().dialogUri().toString())
        .isEqualTo("https://www.facebook.com/v25.0/dialog/oauth");
  }

  @Test
  void linkingExchangesForALongLivedTokenDebugsItAndKeysTheGrantByTheInstagramAccount() {
    AuthorizationResult r = link();

    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("client_id", equalTo(META_APP_ID))
        .withQueryParam("client_secret", equalTo(META_SECRET)).withQueryParam("code", equalTo("fbcode"))
        .withQueryParam("redirect_uri", equalTo("https://app.example/fb/cb")));
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token"))
        .withQueryParam("grant_type", equalTo("fb_exchange_token")).withQueryParam("client_id", equalTo(META_APP_ID))
        .withQueryParam("client_secret", equalTo(META_SECRET)).withQueryParam("fb_exchange_token", equalTo(SHORT)));
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/debug_token")).withQueryParam("input_token", equalTo(LONG))
        .withQueryParam("access_token", equalTo(META_APP_ID + "|" + META_SECRET)));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v25.0/me/accounts"))
        .withQueryParam("fields", equalTo("id,name,instagram_business_account{id,username}"))
        .withQueryParam("limit", equalTo("25")).withHeader("Authorization", equalTo("Bearer " + LONG)));
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/" + IG)).withQueryParam("fields",
        equalTo(InstagramFacebookLoginClient.PROFILE_FIELDS)));
    Grant g = r.grant();
    assertThat(g.account()).isEqualTo(Account.of("instagram", IG));
    assertThat(g.account().handle()).contains("bronzfonz");
    assertThat(g.account().displayName()).contains("Bronz Fonz");
    assertThat(g.accessToken().reveal()).isEqualTo(LONG);
    assertThat(g.refreshToken()).isEmpty();
    assertThat(g.expiresAt()).contains(NOW.plusSeconds(5183944));
    assertThat(g.schemeId()).isEqualTo("facebook-login");
    assertThat(g.scopes()).containsExactlyInAnyOrder("instagram_basic", "pages_show_list");
    assertThat(r.missingScopes()).containsExactly("instagram_content_publish");
    assertThat(r.link().to()).isEqualTo(io.socialink.LinkEnd.account(Account.of("instagram", IG)));
    FacebookTokenInfo info = s.client(InstagramFacebookLoginClient.class).debugToken(Secret.of(LONG));
    assertThat(info.valid()).isTrue();
    assertThat(info.type()).contains("USER");
    assertThat(info.userId()).contains(USER);
    assertThat(info.expiresAt()).contains(Instant.ofEpochSecond(1777777777));
  }

  @Test
  void everyInstagramAccountBehindThePagesIsListedAndPagesWithoutOneAreSkipped() {
    Grant g = link().grant();
    InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);

    assertThat(fb.instagramAccounts(g)).containsExactly(
        new InstagramPageAccount(IG, Optional.of("bronzfonz"), PAGE, Optional.of("Bronz Fonz Studio")),
        new InstagramPageAccount("17841400000000777", Optional.of("fonzrecords"), "202020202020202",
            Optional.of("Fonz Records")));
    FacebookLinkedAccount ids = fb.linkedAccount(g);
    assertThat(ids.facebookUserId()).isEqualTo(USER);
    assertThat(ids.account().instagramAccountId()).isEqualTo(IG);
    assertThat(ids.account().pageId()).isEqualTo(PAGE);
  }

  @Test
  void anAccountReachedThroughTwoPagesIsListedOnceWithTheFirst() {
    Grant g = link().grant();
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).willReturn(InstagramWireMock.json(200, "{\"data\":["
        + "{\"id\":\"1\",\"name\":\"A\",\"instagram_business_account\":{\"id\":\"" + IG + "\"}},"
        + "{\"id\":\"2\",\"name\":\"B\",\"instagram_business_account\":{\"id\":\"" + IG + "\"}}]}")));

    assertThat(s.client(InstagramFacebookLoginClient.class).instagramAccounts(g))
        .containsExactly(new InstagramPageAccount(IG, Optional.empty(), "1", Optional.of("A")));
  }

  @Test
  void aGrantWhoseAccountLeftTheUsersPagesIsNotFoundAndARefreshAsksForANewLogin() {
    Grant g = link().grant();
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).willReturn(fixture(200, "facebook/me-accounts-no-instagram.json")));
    int before = wm.getAllServeEvents().size();

    assertThat(catchThrowableOfType(SocialinkException.class,
        () -> s.client(InstagramFacebookLoginClient.class).linkedAccount(g)).category()).isEqualTo(ErrorCategory.NOT_FOUND);
    SocialinkException refresh = catchThrowableOfType(SocialinkException.class, () -> s.grants().refresh("owner-1", g.id()));
    assertThat(refresh.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(refresh.remediation()).contains("link the account again");
    assertThat(wm.getAllServeEvents().size() - before).as("requests: the debug and the Pages, no refresh").isEqualTo(2);
  }

  @Test
  void theChooserPicksAnotherAccountAndAChooserPickingNoneOfferedIsAConfigurationError() {
    stubLink("facebook/long-lived-token.json");
    Socialink second = socialink(AppCredentials.confidential("instagram", "facebook-login", META_APP_ID,
        Secret.of(META_SECRET), URI.create("https://app.example/fb/cb")), Optional.of(all -> all.get(all.size() - 1)));
    assertThat(complete(second).grant().account().userId()).isEqualTo("17841400000000777");

    Socialink foreign = socialink(AppCredentials.confidential("instagram", "facebook-login", META_APP_ID,
        Secret.of(META_SECRET), URI.create("https://app.example/fb/cb")), Optional.of(all ->
            new InstagramPageAccount("1", Optional.empty(), "2", Optional.empty())));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> complete(foreign));
    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(foreign.grants().list("owner-1")).isEmpty();
  }

  @Test
  void theFacebookUserTheTokenDebugsAsIsKeptWithTheGrant() {
    Grant g = link().grant();

    assertThat(g.attributes()).isEqualTo(java.util.Map.of(InstagramFacebookLoginClient.FACEBOOK_USER_ID, USER));
    assertThat(s.grants().find("owner-1", g.id()).orElseThrow().attribute(InstagramFacebookLoginClient.FACEBOOK_USER_ID))
        .contains(USER);
    assertThat(g.account().userId()).as("the account stays the Instagram account").isEqualTo(IG);
  }

  @Test
  void aTokenDebugWithoutAUsableUserIdLinksWithoutTheAttribute() {
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(InstagramWireMock.json(200,
        "{\"data\":{\"app_id\":\"" + META_APP_ID + "\",\"is_valid\":true,\"scopes\":[\"instagram_basic\"]}}")));
    assertThat(complete(s).grant().attributes()).isEmpty();

    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(InstagramWireMock.json(200,
        "{\"data\":{\"is_valid\":true,\"user_id\":\"not digits\"}}")));
    assertThat(complete(s).grant().attributes()).isEmpty();
  }

  @Test
  void withoutExpiresInTheExpiryIsTheDebugsExpiresAt() {
    stubLink("facebook/long-lived-token-no-expiry.json");
    assertThat(complete(s).grant().expiresAt()).contains(Instant.ofEpochSecond(1777777777));
  }

  @Test
  void pagesWithoutAnInstagramAccountFailTheLinkSayingWhatToDo() {
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).willReturn(fixture(200, "facebook/me-accounts-no-instagram.json")));

    InstagramAccountNotConnectedException e = catchThrowableOfType(InstagramAccountNotConnectedException.class,
        () -> complete(s));

    assertThat(e).isInstanceOf(PermissionException.class);
    assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
    assertThat(e.getMessage()).contains("Instagram professional account");
    assertThat(e.remediation()).contains("Connect an Instagram professional").contains("Facebook Page");
    assertThat(s.grants().list("owner-1")).isEmpty();
    assertThat(s.links().list("owner-1")).isEmpty();
  }

  @Test
  void aTokenThatDebugsInvalidIsNotLinked() {
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(fixture(200, "facebook/debug-token-invalid.json")));
    AuthorizationStart start = s.linking().authorize("owner-1", "instagram", "facebook-login", List.of("instagram_basic"));
    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> s.linking().complete("owner-1", CallbackParameters.fromQuery("code=fbcode&state=" + start.state())));
    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(s.links().list("owner-1")).isEmpty();
  }

  @Test
  void aWrongMetaSecretAtTheLongLivedExchangeIsAConfigurationError() {
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("grant_type", equalTo("fb_exchange_token"))
        .willReturn(fixture(400, "errors/1-client-secret.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> complete(s));
    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(s.grants().list("owner-1")).isEmpty();
  }

  @Test
  void documentedErrorsOfEachLinkingCallFailTheLinkWithTheirCategory() {
    record Failing(String path, String fixture, ErrorCategory category) {}
    for (Failing f : List.of(
        new Failing("/v25.0/me/accounts", "errors/200-permission.json", ErrorCategory.INSUFFICIENT_SCOPE),
        new Failing("/v25.0/me/accounts", "errors/190-463-session-expired.json", ErrorCategory.AUTH_EXPIRED),
        new Failing("/v25.0/debug_token", "errors/1-client-secret.json", ErrorCategory.CONFIGURATION),
        new Failing("/v25.0/" + IG, "errors/10-permission.json", ErrorCategory.CONFIGURATION))) {
      wm.resetAll();
      stubLink("facebook/long-lived-token.json");
      wm.stubFor(get(urlPathEqualTo(f.path())).atPriority(1).willReturn(fixture(400, f.fixture())));
      SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> complete(s));
      assertThat(e).as(f.fixture()).isNotNull();
      assertThat(e.category()).as(f.fixture()).isEqualTo(f.category());
    }
    wm.resetAll();
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("code", equalTo("fbcode")).atPriority(1)
        .willReturn(fixture(400, "errors/100-invalid-parameter.json")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> complete(s)).category())
        .isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(s.grants().list("owner-1")).isEmpty();
  }

  @Test
  void aFailureOfTheAppsCredentialsAtTheDebugIsNeverTakenForAlreadyRevoked() {
    AuthorizationResult r = link();
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(fixture(400, "errors/1-client-secret.json")));

    assertThat(catchThrowableOfType(SocialinkException.class, () -> s.grants().revoke("owner-1", r.grant().id()))
        .category()).isEqualTo(ErrorCategory.CONFIGURATION);
    wm.verify(0, deleteRequestedFor(urlPathEqualTo("/v25.0/" + USER + "/permissions")));
  }

  @Test
  void revocationDebugsTheTokenForTheFacebookUserThenDeletesItsPermissions() {
    AuthorizationResult r = link();
    wm.stubFor(delete(urlPathEqualTo("/v25.0/" + USER + "/permissions")).willReturn(aResponse().withStatus(200)
        .withBody(InstagramWireMock.text("facebook/permissions-delete-true.txt"))));
    assertThat(s.grants().revoke("owner-1", r.grant().id())).isEqualTo(Revocation.REVOKED);
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v25.0/" + USER + "/permissions"))
        .withHeader("Authorization", equalTo("Bearer " + LONG)));
    wm.stubFor(delete(urlPathEqualTo("/v25.0/" + USER + "/permissions")).willReturn(fixture(200,
        "facebook/permissions-delete-success.json")));
    assertThat(s.grants().revoke("owner-1", r.grant().id())).isEqualTo(Revocation.REVOKED);
    wm.stubFor(delete(urlPathEqualTo("/v25.0/" + USER + "/permissions")).willReturn(fixture(400,
        "errors/190-467-invalid-token.json")));
    assertThat(s.grants().revoke("owner-1", r.grant().id())).isEqualTo(Revocation.ALREADY_REVOKED);
    wm.stubFor(delete(urlPathEqualTo("/v25.0/" + USER + "/permissions")).willReturn(InstagramWireMock.json(200, "false")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> s.grants().revoke("owner-1", r.grant().id()))
        .category()).isEqualTo(ErrorCategory.UNKNOWN);
  }

  @Test
  void aTokenThatDebugsInvalidIsAlreadyRevokedWithoutADelete() {
    AuthorizationResult r = link();
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(fixture(200, "facebook/debug-token-invalid.json")));

    assertThat(s.grants().revoke("owner-1", r.grant().id())).isEqualTo(Revocation.ALREADY_REVOKED);

    wm.verify(0, deleteRequestedFor(urlPathEqualTo("/v25.0/" + USER + "/permissions")));
  }

  @Test
  void theUnlinkPlanRevokesThroughTheApiThenVerifies() {
    AuthorizationResult r = link();

    UnlinkPlan plan = s.unlinking().plan("owner-1", r.link().id());

    List<UnlinkStep> steps = plan.steps();
    int revoke = indexOf(steps, UnlinkStep.RevokeGrant.class);
    int verify = indexOf(steps, UnlinkStep.Verify.class);
    assertThat(revoke).isGreaterThanOrEqualTo(0).isLessThan(verify);
    assertThat(((UnlinkStep.RevokeGrant) steps.get(revoke)).grantId()).isEqualTo(r.grant().id());
    assertThat(((UnlinkStep.Verify) steps.get(verify)).probe()).isEqualTo(InstagramProvider.FACEBOOK_VERIFY_PROBE);
    assertThat(plan.renderJson().toString()).contains("revoke-grant");
  }

  private static int indexOf(List<UnlinkStep> steps, Class<? extends UnlinkStep> type) {
    for (int i = 0; i < steps.size(); i++) {
      if (type.isInstance(steps.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void theOldTokenIsVerifiedDeadOnTheInstagramAccount() {
    Grant g = link().grant();
    InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);
    assertThat(fb.isTokenDead(g)).isFalse();
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG)).willReturn(fixture(400, "errors/190-458-app-not-installed.json")));
    assertThat(fb.isTokenDead(g)).isTrue();
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG)).willReturn(fixture(400, "errors/4-app-rate-limit.json")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> fb.isTokenDead(g)).category())
        .isEqualTo(ErrorCategory.RATE_LIMITED);
  }

  @Test
  void profileMediaAndPublishingUseGraphFacebookComWithTheInstagramAccountId() {
    Grant g = link().grant();
    InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG + "/media")).willReturn(fixture(200, "success/media-list.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG + "/media")).willReturn(fixture(200, "success/container-created.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/17889455560051444")).willReturn(fixture(200,
        "success/container-status-finished.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG + "/content_publishing_limit")).willReturn(fixture(200,
        "success/content-publishing-limit.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG + "/media_publish")).willReturn(fixture(200,
        "success/media-publish.json")));

    InstagramUser user = fb.user(g);
    assertThat(user.userId()).isEqualTo(IG);
    assertThat(user.appScopedId()).isEmpty();
    assertThat(user.followersCount()).hasValue(1200);
    assertThat(s.grants().profile("owner-1", g.id())).isEqualTo(g.account());
    InstagramMediaPage page = s.grants().withGrant("owner-1", g.id(), InstagramFacebookLoginClient.class,
        (c, fresh) -> c.media(fresh, Optional.empty(), 25));
    assertThat(page.media()).isNotEmpty();
    assertThat(page.after()).isPresent();
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/" + IG + "/media"))
        .withQueryParam("fields", equalTo(InstagramClient.MEDIA_FIELDS)).withHeader("Authorization", equalTo("Bearer " + LONG)));
    PublishedPost post = fb.publishImage(g, URI.create("https://cdn.example/a.jpg"), Optional.of("hello"));
    assertThat(post.postId()).isNotBlank();
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG + "/media_publish")));
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/" + IG + "/content_publishing_limit")));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/v25.0/me/media")));
  }

  @Test
  void malformedAnswersAreTypedErrorsNeverASuccess() {
    stubLink("facebook/long-lived-token.json");
    for (String body : List.of("not json", "{}", "{\"data\":{}}", "{\"data\":[1]}",
        "{\"data\":[{\"name\":\"no id\"}]}",
        "{\"data\":[{\"id\":\"1\",\"instagram_business_account\":{\"username\":\"no id\"}}]}",
        "{\"data\":[{\"id\":\"1\",\"instagram_business_account\":{\"id\":\"x1\"}}]}",
        "{\"data\":[],\"paging\":{\"next\":\"https://graph.facebook.com/next\"}}")) {
      wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).willReturn(InstagramWireMock.json(200, body)));
      SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> complete(s));
      assertThat(e).as(body).isNotNull();
      assertThat(e.category()).as(body).isEqualTo(ErrorCategory.UNKNOWN);
    }
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).willReturn(InstagramWireMock.json(200,
        "{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"same\"},\"next\":\"https://graph.facebook.com/n\"}}")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> complete(s)).getMessage()).contains("repeats");
    assertThat(s.grants().list("owner-1")).isEmpty();
  }

  @Test
  void malformedTokenDebugAndExchangeAnswersAreTypedErrors() {
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(InstagramWireMock.json(200,
        "{\"data\":{\"user_id\":\"1\"}}")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> complete(s)).category())
        .isEqualTo(ErrorCategory.UNKNOWN);
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("grant_type", equalTo("fb_exchange_token"))
        .willReturn(InstagramWireMock.json(200, "{\"token_type\":\"bearer\"}")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> complete(s)).category())
        .isEqualTo(ErrorCategory.UNKNOWN);
    stubLink("facebook/long-lived-token.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG)).willReturn(InstagramWireMock.json(200, "{\"id\":\"42\"}")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> complete(s)).category())
        .isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(s.grants().list("owner-1")).isEmpty();
  }

  @Test
  void facebookLoginCredentialsWithoutTheMetaSecretAreRefused() {
    Socialink pub = socialink(AppCredentials.publicClient("instagram", "facebook-login", META_APP_ID,
        URI.create("https://app.example/fb/cb")), Optional.empty());
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> pub.linking().authorize("o", "instagram", "facebook-login", List.of("instagram_basic")));
    assertThat(e.remediation()).contains("App settings > Basic");
  }
}
