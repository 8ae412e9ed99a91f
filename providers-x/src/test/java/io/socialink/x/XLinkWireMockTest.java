package io.socialink.x;

import io.socialink.testsupport.LogCapture;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.x.XWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.auth.Pkce;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.spi.Revocation;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XPayloads;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Linking, refreshing and revoking against WireMock fixtures made of X's documented payloads. */
class XLinkWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = XWireMock.extension();

  static final String CODE = "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hsRDJqMnpz";
  static final Secret VERIFIER = Secret.of("dBjftJeZ4CVP-mJ92K9EXAMPLE-verifier-0123456789abcdef");

  TestClock clock = XWireMock.clock();

  @BeforeEach
  void profileStub() {
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(fixture(200, XPayloads.USERS_ME)));
  }

  XClient client(Socialink s) {
    return s.client(XClient.class);
  }

  AuthorizationResult link(Socialink s, List<String> scopes) {
    AuthorizationStart start = s.linking().authorize("owner-1", XProvider.ID, XProvider.OAUTH2.id(), scopes);
    return s.linking().complete("owner-1", CallbackParameters.fromQuery("state=" + start.state() + "&code=" + CODE));
  }

  // ---- authorization URL ----------------------------------------------------------------

  @Test
  void authorizationUrlIsOnXComWithS256PkceStateAndSpaceSeparatedScopes() {
    Socialink s = XWireMock.socialink(new XProvider(), XWireMock.confidential(), clock);

    AuthorizationStart start = s.linking().authorize("owner-1", XProvider.ID, XProvider.OAUTH2.id(), XScopes.POSTING);

    URI url = start.url();
    assertThat(url.getScheme() + "://" + url.getHost() + url.getPath()).isEqualTo("https://x.com/i/oauth2/authorize");
    assertThat(url.getRawQuery()).contains("scope=tweet.read%20tweet.write%20users.read%20offline.access%20media.write");
    Map<String, String> q = XWireMock.query(url.getRawQuery());
    assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", XWireMock.CLIENT_ID)
        .containsEntry("redirect_uri", XWireMock.REDIRECT.toString()).containsEntry("state", start.state())
        .containsEntry("code_challenge_method", "S256").doesNotContainKey("code_verifier");
    assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(start.state()).hasSizeLessThanOrEqualTo(500);
  }

  @Test
  void theChallengeIsTheS256DigestOfTheVerifierSentAtExchange() throws Exception {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    AuthorizationStart start = s.linking().authorize("owner-1", XProvider.ID, XProvider.OAUTH2.id(), XScopes.POSTING);

    s.linking().complete("owner-1", CallbackParameters.fromQuery("state=" + start.state() + "&code=" + CODE));

    String verifier = XWireMock.form(tokenRequest()).get("code_verifier");
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    assertThat(XWireMock.query(start.url().getRawQuery()).get("code_challenge"))
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
  }

  @Test
  void badPkceAndStateAreRefusedWhenBuildingTheUrl() {
    XClient x = client(XWireMock.socialink(wm, XWireMock.confidential(), clock));
    Pkce good = Pkce.s256(VERIFIER);
    Pkce plain = new Pkce(VERIFIER, VERIFIER.reveal(), "plain");
    Pkce mismatched = new Pkce(VERIFIER, Pkce.s256(Secret.of("another-verifier-0123456789-abcdefghijklmnopq")).challenge(), "S256");

    assertThatThrownBy(() -> x.authorizationUrl(request("s", plain, Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S256");
    assertThatThrownBy(() -> x.authorizationUrl(request("s", mismatched, Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digest of the verifier");
    assertThatThrownBy(() -> x.authorizationUrl(request("s".repeat(501), good, Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500");
    assertThatThrownBy(() -> x.authorizationUrl(request("s", good, Map.of("code_challenge", "x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code_challenge");
    assertThatThrownBy(() -> new Pkce(Secret.of("too-short"), "c", "S256")).isInstanceOf(IllegalArgumentException.class);
    assertThat(x.authorizationUrl(request("s".repeat(500), good, Map.of("force_login", "true"))).getRawQuery())
        .contains("force_login=true");
  }

  static AuthorizationRequest request(String state, Pkce pkce, Map<String, String> extra) {
    return new AuthorizationRequest(XWireMock.REDIRECT, XScopes.POSTING, state, pkce, extra);
  }

  // ---- state ------------------------------------------------------------------------------

  @Test
  void forgedReusedAndExpiredStatesAreRefusedWithoutATokenRequest() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    Socialink s = Socialink.builder().register(XProvider.withEndpoints(XWireMock.endpoints(wm)))
        .credentials(XWireMock.confidential()).clock(clock).authorizationTimeout(Duration.ofMinutes(5)).build();
    AuthorizationStart first = s.linking().authorize("owner-1", XProvider.ID, XProvider.OAUTH2.id(), XScopes.POSTING);
    AuthorizationStart second = s.linking().authorize("owner-1", XProvider.ID, XProvider.OAUTH2.id(), XScopes.POSTING);

    assertThatThrownBy(() -> s.linking().complete("owner-1", CallbackParameters.fromQuery("state=forged&code=" + CODE)))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.UNKNOWN_STATE));
    assertThatThrownBy(() -> s.linking().complete("owner-1", CallbackParameters.fromQuery("code=" + CODE)))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.MISSING_STATE));
    clock.advance(Duration.ofMinutes(6));
    assertThatThrownBy(() -> s.linking().complete("owner-1",
        CallbackParameters.fromQuery("state=" + second.state() + "&code=" + CODE)))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.EXPIRED));
    wm.verify(0, postRequestedFor(urlEqualTo("/2/oauth2/token")));

    clock.set(first.expiresAt().minusSeconds(400));
    CallbackParameters callback = CallbackParameters.fromQuery("state=" + first.state() + "&code=" + CODE);
    s.linking().complete("owner-1", callback);
    assertThatThrownBy(() -> s.linking().complete("owner-1", callback))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.UNKNOWN_STATE));
    wm.verify(1, postRequestedFor(urlEqualTo("/2/oauth2/token")));
  }

  // ---- code exchange ----------------------------------------------------------------------

  @Test
  void confidentialClientsSendHttpBasicAndClientIdButNeverTheSecretInTheBody() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);

    AuthorizationResult result = link(s, XScopes.POSTING);

    LoggedRequest r = tokenRequest();
    assertThat(r.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        (XWireMock.CLIENT_ID + ":" + XWireMock.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = XWireMock.form(r);
    assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", CODE)
        .containsEntry("client_id", XWireMock.CLIENT_ID).containsEntry("redirect_uri", XWireMock.REDIRECT.toString())
        .containsKey("code_verifier").doesNotContainKey("client_secret");
    assertThat(r.getBodyAsString()).doesNotContain(XWireMock.CLIENT_SECRET);
    Grant g = result.grant();
    assertThat(g.accessToken()).isEqualTo(Secret.of("UTBtWXd...OmF0OjE"));
    assertThat(g.refreshToken()).contains(Secret.of("TmttM...OnJ0OjE"));
    assertThat(g.expiresAt()).contains(clock.instant().plusSeconds(7200));
    assertThat(g.scopes()).containsExactly("tweet.read", "users.read", "tweet.write", "offline.access");
    assertThat(g.account()).isEqualTo(io.socialink.Account.of("x", "2244994945"));
    assertThat(g.account().handle()).contains("XDevelopers");
  }

  @Test
  void publicClientsSendClientIdOnly() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.publicClient(), clock);

    link(s, XScopes.POSTING);

    LoggedRequest r = tokenRequest();
    assertThat(r.containsHeader("Authorization")).isFalse();
    assertThat(XWireMock.form(r)).containsEntry("client_id", XWireMock.CLIENT_ID).doesNotContainKey("client_secret");
  }

  @Test
  void aConfidentialClientIdWithAColonIsRefused() {
    Socialink s = XWireMock.socialink(wm, io.socialink.auth.AppCredentials.confidential(XProvider.ID,
        XProvider.OAUTH2.id(), "id:with:colons", Secret.of(XWireMock.CLIENT_SECRET), XWireMock.REDIRECT), clock);

    assertThatThrownBy(() -> s.client(XProvider.ID, XProvider.OAUTH2.id()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
  }

  @Test
  void missingScopesAreReported() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);

    AuthorizationResult result = link(s, XScopes.POSTING);

    assertThat(result.missingScopes()).containsExactly("media.write");
    assertThat(XScopes.missing(XScopes.POSTING, result.grant().scopes())).containsExactly("media.write");
  }

  @Test
  void withoutOfflineAccessTheGrantHasNoRefreshTokenAndEndsWithItsAccessToken() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN_WITHOUT_OFFLINE_ACCESS)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    List<String> scopes = List.of("tweet.read", "users.read", "tweet.write");

    try (LogCapture logs = LogCapture.start()) {
      Grant g = link(s, scopes).grant();

      assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("offline.access").contains("two hours"));
      assertThat(g.refreshToken()).isEmpty();
      assertThat(g.canRefresh(clock)).isFalse();
      assertThat(XScopes.endsWithAccessToken(g)).isTrue();
      assertThat(g.expiresAt()).contains(clock.instant().plus(Duration.ofHours(2)));
      assertThat(XScopes.lifetimeNote(scopes)).isPresent();
      assertThat(XScopes.lifetimeNote(XScopes.POSTING)).isEmpty();
      assertThatThrownBy(() -> s.grants().refresh("owner-1", g.id()))
          .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED));
    }
  }

  @Test
  void aUsedOrExpiredCodeMeansLinkingAgain() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(400, XPayloads.ERROR_INVALID_CODE)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);

    assertThatThrownBy(() -> link(s, XScopes.POSTING)).isInstanceOfSatisfying(SocialinkException.class, e -> {
      // No grant exists at a code exchange, so nothing is revoked: the link starts again (was AUTH_REVOKED).
      assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.platformCode()).contains("invalid_request");
      assertThat(e.remediation()).contains("30 seconds");
    });
  }

  @Test
  void unauthorizedClientIsAConfigurationError() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(401, XPayloads.ERROR_UNAUTHORIZED_CLIENT)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);

    assertThatThrownBy(() -> link(s, XScopes.POSTING)).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
      assertThat(e.remediation()).contains("HTTP Basic");
    });
  }

  // ---- refresh ----------------------------------------------------------------------------

  @Test
  void refreshReturnsTheRotatedRefreshTokenWithTheAccessToken() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("rotation").whenScenarioStateIs("Started")
        .willReturn(fixture(200, XPayloads.TOKEN)).willSetStateTo("linked"));
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("rotation").whenScenarioStateIs("linked")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(XPayloads.text(XPayloads.TOKEN).replace("UTBtWXd...OmF0OjE", "second-access")
                .replace("TmttM...OnJ0OjE", "second-refresh"))));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    Grant first = link(s, XScopes.POSTING).grant();
    clock.advance(Duration.ofMinutes(119));

    Grant fresh = s.grants().fresh("owner-1", first.id());

    Map<String, String> form = XWireMock.form(wm.findAll(postRequestedFor(urlEqualTo("/2/oauth2/token"))).get(1));
    assertThat(form).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "TmttM...OnJ0OjE")
        .containsEntry("client_id", XWireMock.CLIENT_ID);
    assertThat(fresh.accessToken()).isEqualTo(Secret.of("second-access"));
    assertThat(fresh.refreshToken()).contains(Secret.of("second-refresh"));
    assertThat(s.grants().fresh("owner-1", first.id()).refreshToken()).contains(Secret.of("second-refresh"));
  }

  @Test
  void aSpentRefreshTokenMeansTheUserRevokedAccess() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("spent").whenScenarioStateIs("Started")
        .willReturn(fixture(200, XPayloads.TOKEN)).willSetStateTo("linked"));
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("spent").whenScenarioStateIs("linked")
        .willReturn(fixture(400, XPayloads.ERROR_INVALID_TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    AuthorizationResult linked = link(s, XScopes.POSTING);

    assertThatThrownBy(() -> s.grants().refresh("owner-1", linked.grant().id())).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
      assertThat(e.category()).isNotEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.retryable()).isFalse();
    });
    assertThat(s.links().list("owner-1")).extracting(l -> l.state()).containsExactly(io.socialink.LinkState.REVOKED);
  }

  @Test
  void aRefreshAnswerWithoutANewRefreshTokenIsAFailureNotASilentSuccess() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("no-rotation").whenScenarioStateIs("Started")
        .willReturn(fixture(200, XPayloads.TOKEN)).willSetStateTo("linked"));
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).inScenario("no-rotation").whenScenarioStateIs("linked")
        .willReturn(fixture(200, XPayloads.TOKEN_WITHOUT_OFFLINE_ACCESS)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    Grant linked = link(s, XScopes.POSTING).grant();

    assertThatThrownBy(() -> s.grants().refresh("owner-1", linked.id())).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
      assertThat(e.getMessage()).contains("no new refresh token").contains("spent");
      assertThat(e.remediation()).contains("link");
      assertThat(e.getMessage()).doesNotContain("TmttM").doesNotContain("UTBtWXd");
    });
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/2/oauth2/token")))).hasSize(2);
    assertThat(s.links().list("owner-1")).extracting(l -> l.state()).containsExactly(io.socialink.LinkState.ACTIVE);
  }

  // ---- revoke -----------------------------------------------------------------------------

  @Test
  void revokeSendsTheRefreshTokenThenTheAccessTokenWithHints() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    wm.stubFor(post(urlEqualTo("/2/oauth2/revoke")).willReturn(fixture(200, XPayloads.REVOKE)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    Grant g = link(s, XScopes.POSTING).grant();

    assertThat(s.grants().revoke("owner-1", g.id())).isEqualTo(Revocation.REVOKED);

    List<LoggedRequest> revokes = wm.findAll(postRequestedFor(urlEqualTo("/2/oauth2/revoke")));
    assertThat(revokes).hasSize(2);
    assertThat(XWireMock.form(revokes.get(0))).containsEntry("token", "TmttM...OnJ0OjE")
        .containsEntry("token_type_hint", "refresh_token").containsEntry("client_id", XWireMock.CLIENT_ID);
    assertThat(XWireMock.form(revokes.get(1))).containsEntry("token", "UTBtWXd...OmF0OjE")
        .containsEntry("token_type_hint", "access_token");
    assertThat(revokes.get(1).getHeader("Authorization")).startsWith("Basic ");
  }

  @Test
  void alreadyInvalidTokensCountAsAlreadyRevoked() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    wm.stubFor(post(urlEqualTo("/2/oauth2/revoke")).willReturn(fixture(400, XPayloads.ERROR_INVALID_TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    Grant g = link(s, XScopes.POSTING).grant();

    assertThat(s.grants().revoke("owner-1", g.id())).isEqualTo(Revocation.ALREADY_REVOKED);
  }

  @Test
  void aRefusedClientFailsTheRevocation() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    wm.stubFor(post(urlEqualTo("/2/oauth2/revoke")).willReturn(fixture(401, XPayloads.ERROR_UNAUTHORIZED_CLIENT)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    Grant g = link(s, XScopes.POSTING).grant();

    assertThatThrownBy(() -> s.grants().revoke("owner-1", g.id()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION));
  }

  @Test
  void verificationProbesUsersMeWithTheOldToken() {
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    Socialink s = XWireMock.socialink(wm, XWireMock.confidential(), clock);
    Grant g = link(s, XScopes.POSTING).grant();
    XClient x = client(s);
    assertThat(x.isTokenDead(g)).isFalse();

    wm.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(fixture(401, XPayloads.UNAUTHORIZED)));
    assertThat(x.isTokenDead(g)).isTrue();
    wm.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/2/users/me"))
        .withHeader("Authorization", equalTo("Bearer UTBtWXd...OmF0OjE")));

    wm.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(fixture(503, XPayloads.SERVICE_UNAVAILABLE)));
    assertThatThrownBy(() -> x.isTokenDead(g))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT));
  }

  LoggedRequest tokenRequest() {
    List<LoggedRequest> all = wm.findAll(postRequestedFor(urlEqualTo("/2/oauth2/token")));
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
