package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.instagram.InstagramWireMock.fixture;
import static io.socialink.instagram.InstagramWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Linking with Instagram Login against WireMock: authorization URL, both code-exchange shapes, the long-lived exchange, refresh rules and errors. */
class InstagramLinkWireMockTest {
  static final List<String> SCOPES = List.of("instagram_business_basic", "instagram_business_content_publish");

  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final TestClock clock = InstagramWireMock.clock();
  final InstagramWireMock.RecordingSleeper sleeper = new InstagramWireMock.RecordingSleeper();
  final Socialink s = InstagramWireMock.socialink(InstagramWireMock.provider(wm), clock, sleeper,
      InstagramWireMock.credentials());

  void stubLink(String codeExchangeFixture) {
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(fixture(200, codeExchangeFixture)));
    wm.stubFor(get(urlPathEqualTo("/access_token")).willReturn(fixture(200, "success/long-lived-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(fixture(200, "success/me.json")));
  }

  AuthorizationResult link(String code) {
    AuthorizationStart start = s.linking().authorize("owner-1", InstagramProvider.ID,
        InstagramProvider.INSTAGRAM_LOGIN.id(), SCOPES);
    return s.linking().complete("owner-1", CallbackParameters.fromQuery("code=" + code + "&state=" + start.state()));
  }

  @Test
  void theAuthorizationUrlIsInstagramsWithCommaScopesAndStateAndNoPkce() {
    AuthorizationStart start = s.linking().authorize("owner-1", InstagramProvider.ID,
        InstagramProvider.INSTAGRAM_LOGIN.id(), SCOPES);
    assertThat(start.url().getPath()).isEqualTo("/oauth/authorize");
    Map<String, String> q = InstagramWireMock.query(start.url().getRawQuery());
    assertThat(q).containsEntry("client_id", InstagramWireMock.APP_ID)
        .containsEntry("redirect_uri", "https://my.m.redirect.net/")
        .containsEntry("response_type", "code")
        .containsEntry("scope", "instagram_business_basic,instagram_business_content_publish")
        .containsEntry("state", start.state())
        .doesNotContainKeys("code_challenge", "code_challenge_method");
    InstagramClient ig = s.client(InstagramClient.class);
    assertThat(ig.endpoints().authorizeUri().toString()).endsWith("/oauth/authorize");
    assertThat(InstagramEndpoints.defaults().authorizeUri()).isEqualTo(URI.create("https://www.instagram.com/oauth/authorize"));
  }

  @Test
  void completingExchangesTheCodeThenForALongLivedTokenAndKeysTheAccountByMeUserId() {
    stubLink("success/code-exchange-documented.json");
    AuthorizationResult r = link("abcdef%23_");
    LoggedRequest exchange = wm.findAll(postRequestedFor(urlPathEqualTo("/oauth/access_token"))).get(0);
    assertThat(InstagramWireMock.form(exchange)).containsEntry("client_id", InstagramWireMock.APP_ID)
        .containsEntry("client_secret", InstagramWireMock.APP_SECRET)
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("redirect_uri", "https://my.m.redirect.net/")
        .containsEntry("code", "abcdef");
    LoggedRequest longLived = wm.findAll(getRequestedFor(urlPathEqualTo("/access_token"))).get(0);
    assertThat(InstagramWireMock.query(longLived.getUrl().substring(longLived.getUrl().indexOf('?') + 1)))
        .containsEntry("grant_type", "ig_exchange_token")
        .containsEntry("client_secret", InstagramWireMock.APP_SECRET)
        .containsEntry("access_token", "EAACEdEose0...");
    LoggedRequest me = wm.findAll(getRequestedFor(urlPathEqualTo("/v25.0/me"))).get(0);
    assertThat(me.getHeader("Authorization")).isEqualTo("Bearer EAACEdEose0...");
    Grant g = r.grant();
    assertThat(g.account().userId()).isEqualTo(InstagramWireMock.IG_ID);
    assertThat(g.account().handle()).contains("bronzfonz");
    assertThat(g.expiresAt()).contains(InstagramWireMock.NOW.plusSeconds(5183944));
    assertThat(g.refreshToken()).isPresent();
    assertThat(g.scopes()).contains("instagram_business_basic", "instagram_business_manage_messages",
        "instagram_business_manage_comments", "instagram_business_content_publish");
    assertThat(r.missingScopes()).isEmpty();
  }

  @Test
  void theFlatShapeWithAPermissionsArrayAndAnIdBeyond2To53IsReadExactly() {
    stubLink("success/code-exchange-flat.json");
    InstagramClient ig = s.client(InstagramClient.class);
    var tokens = ig.exchangeCode(new io.socialink.auth.CodeExchange(Secret.of("c"), InstagramWireMock.REDIRECT,
        io.socialink.auth.Pkce.s256(Secret.of("v".repeat(43)))));
    assertThat(tokens.accountId()).contains("27640875392278831");
    assertThat(tokens.scopes()).contains(java.util.Set.of("instagram_business_basic"));
    assertThat(tokens.accessToken().reveal()).isEqualTo("EAACEdEose0...");
    LoggedRequest longLived = wm.findAll(getRequestedFor(urlPathEqualTo("/access_token"))).get(0);
    assertThat(longLived.getUrl()).contains("access_token=IGAA2e0uoy3ZAZABZA...");
    AuthorizationResult r = link("c2");
    assertThat(r.missingScopes()).containsExactly("instagram_business_content_publish");
  }

  @Test
  void aUsedCodeIsTheTokenEndpointsFlatErrorAndNoLongLivedExchangeFollows() {
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(fixture(400, "token/code-used.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> link("used"));
    // A code exchange has no grant to revoke: the link starts again (was AUTH_REVOKED).
    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.platformCode()).contains("OAuthException");
    assertThat(e.getMessage()).contains("Matching code was not found or was already used");
    wm.verify(0, getRequestedFor(urlPathEqualTo("/access_token")));
  }

  @Test
  void theMetaAppsCredentialsGiveAConfigurationErrorNamingTheInstagramAppSecret() {
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(fixture(400, "token/invalid-platform-app.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> link("c"));
    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(e.remediation()).contains("Instagram App Secret");
  }

  @Test
  void aWrongSecretAtEitherExchangeIsAConfigurationErrorNotATransientOne() {
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(fixture(400, "token/invalid-client-secret.json")));
    SocialinkException flat = catchThrowableOfType(SocialinkException.class, () -> link("c"));
    assertThat(flat.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(flat.remediation()).contains("Instagram App Secret");
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(fixture(200, "success/code-exchange-flat.json")));
    wm.stubFor(get(urlPathEqualTo("/access_token")).willReturn(fixture(400, "errors/1-client-secret.json")));
    SocialinkException graph = catchThrowableOfType(SocialinkException.class, () -> link("c"));
    assertThat(graph.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(graph.retryable()).isFalse();
    assertThat(graph.platformCode()).contains("1");
    assertThat(graph.remediation()).contains("Instagram App Secret");
  }

  @Test
  void credentialsWithoutTheInstagramAppSecretOrWithTheMetaSecretInItsPlaceAreRefused() {
    TestClock c = InstagramWireMock.clock();
    Socialink pub = InstagramWireMock.socialink(InstagramWireMock.provider(wm), c, sleeper,
        AppCredentials.publicClient("instagram", "instagram-login", "1", InstagramWireMock.REDIRECT));
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> pub.linking().authorize("o", "instagram", "instagram-login", SCOPES));
    assertThat(e.getMessage()).contains("Instagram App Secret");
    Socialink same = InstagramWireMock.socialink(InstagramWireMock.provider(wm), c, sleeper,
        InstagramWireMock.credentials().withSecret(InstagramProvider.META_APP_SECRET, Secret.of(InstagramWireMock.APP_SECRET)));
    ConfigurationException e2 = catchThrowableOfType(ConfigurationException.class,
        () -> same.linking().authorize("o", "instagram", "instagram-login", SCOPES));
    assertThat(e2.getMessage()).contains("meta_app_secret").doesNotContain(InstagramWireMock.APP_SECRET);
    assertThat(e2.remediation()).contains("Business login settings");
  }

  @Test
  void refreshIsRefusedWithoutARequestUntilTheTokenIs24HoursOldThenSentAsAGet() {
    stubLink("success/code-exchange-documented.json");
    wm.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(fixture(200, "success/refresh-token.json")));
    Grant g = link("c").grant();
    clock.advance(Duration.ofHours(23));
    InstagramRefreshRefusedException young = catchThrowableOfType(InstagramRefreshRefusedException.class,
        () -> s.grants().refresh("owner-1", g.id()));
    assertThat(young.reason()).isEqualTo(InstagramRefreshRefusedException.Reason.TOO_YOUNG);
    assertThat(young.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(young.refreshableFrom()).contains(InstagramWireMock.NOW.plus(Duration.ofHours(24)));
    assertThat(young.retryAt()).contains(InstagramWireMock.NOW.plus(Duration.ofHours(24)));
    wm.verify(0, anyRequestedFor(urlPathEqualTo("/refresh_access_token")));
    assertThat(s.grants().find("owner-1", g.id()).orElseThrow().version()).isEqualTo(g.version());

    clock.advance(Duration.ofHours(1));
    Grant renewed = s.grants().refresh("owner-1", g.id());
    LoggedRequest refresh = wm.findAll(getRequestedFor(urlPathEqualTo("/refresh_access_token"))).get(0);
    assertThat(refresh.getUrl()).contains("grant_type=ig_refresh_token").contains("access_token=EAACEdEose0...");
    assertThat(renewed.accessToken().reveal()).isEqualTo("IGAAlongLivedRefreshedToken0001");
    assertThat(renewed.refreshToken().orElseThrow().reveal()).isEqualTo("IGAAlongLivedRefreshedToken0001");
    assertThat(renewed.expiresAt()).contains(clock.instant().plusSeconds(5184000));
    assertThat(renewed.scopes()).isEqualTo(g.scopes());

    clock.advance(Duration.ofHours(2));
    InstagramRefreshRefusedException again = catchThrowableOfType(InstagramRefreshRefusedException.class,
        () -> s.grants().refresh("owner-1", g.id()));
    assertThat(again.reason()).isEqualTo(InstagramRefreshRefusedException.Reason.TOO_YOUNG);
  }

  @Test
  void anExpiredOrShortLivedTokenIsRefusedWithoutARequest() {
    InstagramClient ig = s.client(InstagramClient.class);
    Grant expired = new Grant("g1", "o", io.socialink.Account.of("instagram", "1"), "instagram-login", "c",
        Secret.of("t"), Optional.of(Secret.of("t")), java.util.Set.of(), "bearer", InstagramWireMock.NOW.minus(Duration.ofDays(61)),
        Optional.of(InstagramWireMock.NOW.minus(Duration.ofDays(1))), Optional.empty(), 0);
    InstagramRefreshRefusedException e = catchThrowableOfType(InstagramRefreshRefusedException.class, () -> ig.refresh(expired));
    assertThat(e.reason()).isEqualTo(InstagramRefreshRefusedException.Reason.EXPIRED);
    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    Grant shortLived = new Grant("g2", "o", io.socialink.Account.of("instagram", "1"), "instagram-login", "c",
        Secret.of("t"), Optional.empty(), java.util.Set.of(), "bearer", InstagramWireMock.NOW.minus(Duration.ofDays(2)),
        Optional.of(InstagramWireMock.NOW.minus(Duration.ofDays(2)).plus(Duration.ofHours(1))), Optional.empty(), 0);
    clock.advance(Duration.ZERO);
    Grant notYetExpired = new Grant("g3", "o", io.socialink.Account.of("instagram", "1"), "instagram-login", "c",
        Secret.of("t"), Optional.empty(), java.util.Set.of(), "bearer", InstagramWireMock.NOW.minus(Duration.ofMinutes(30)),
        Optional.of(InstagramWireMock.NOW.plus(Duration.ofMinutes(30))), Optional.empty(), 0);
    assertThat(catchThrowableOfType(InstagramRefreshRefusedException.class, () -> ig.refresh(notYetExpired)).reason())
        .isEqualTo(InstagramRefreshRefusedException.Reason.NOT_LONG_LIVED);
    assertThat(catchThrowableOfType(InstagramRefreshRefusedException.class, () -> ig.refresh(shortLived)).reason())
        .isEqualTo(InstagramRefreshRefusedException.Reason.EXPIRED);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
