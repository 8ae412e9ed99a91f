package io.socialink.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.CLIENT_KEY;
import static io.socialink.tiktok.TikTokWireMock.CLIENT_SECRET;
import static io.socialink.tiktok.TikTokWireMock.NOW;
import static io.socialink.tiktok.TikTokWireMock.OPEN_ID;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static io.socialink.tiktok.TikTokWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.Pkce;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.MalformedPayloadException;
import io.socialink.spi.Revocation;
import io.socialink.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Login Kit v2 against WireMock fixtures made of TikTok's documented payloads, and end to end through Socialink. */
class TikTokLoginKitWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  static final String CODE = "WnWkR4LWhvUx7-Ei_1Ig5dcFDIiGJ4TUkc6AbjP-3zc*!6215.va";
  static final List<String> SCOPES = List.of("user.info.basic", "user.info.profile", "video.list");

  final TestClock clock = TikTokWireMock.clock();
  final TikTokWireMock.RecordingSleeper sleeper = new TikTokWireMock.RecordingSleeper();

  Socialink socialink() {
    return TikTokWireMock.socialink(TikTokWireMock.provider(wm).build(), clock, sleeper, TikTokWireMock.loginKit());
  }

  void stubTokenAndProfile() {
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).withRequestBody(containing("grant_type=authorization_code"))
        .willReturn(fixture(200, "oauth/token-ok.json")));
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(fixture(200, "oauth/refresh-ok.json")));
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(200, "v2/user-info-profile.json")));
  }

  AuthorizationResult link(Socialink s) {
    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), SCOPES);
    return s.linking().complete("owner-1", CallbackParameters.fromQuery("code=" + CODE.replace("*", "%2A")
        .replace("!", "%21") + "&scopes=user.info.basic%2Cvideo.list&state=" + start.state()));
  }

  static LoggedRequest only(List<LoggedRequest> requests) {
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  // ---- PKCE and the authorization URL ------------------------------------------------------

  @Test
  void pkceChallengeIsTheLowercaseHexSha256OfTheVerifierWithTikToksOwnTestVector() {
    TikTokClient client = socialink().client(TikTokClient.class);

    Pkce pkce = client.pkce(Secret.of("gaeCq5mVvbhA8Ce6w5O9XBVIKMkySgv-_9A-rnhm9Ns"));

    assertThat(pkce.challenge()).isEqualTo("e6a178b120743d08509508f269652b0bdf91e29332921bc9e9744fd3dd41bfef");
    assertThat(pkce.method()).isEqualTo("S256");
    assertThat(pkce.challenge()).isNotEqualTo(Pkce.s256(pkce.verifier()).challenge());
  }

  @Test
  void authorizationUrlIsTikToksV2PageWithClientKeyCommaScopesStateAndHexChallenge() {
    Socialink s = TikTokWireMock.socialink(new TikTokProvider(), clock, TikTokWireMock.loginKit());

    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), SCOPES);

    URI url = start.url();
    assertThat(url.getScheme() + "://" + url.getHost() + url.getPath()).isEqualTo("https://www.tiktok.com/v2/auth/authorize/");
    assertThat(url.getRawQuery()).contains("scope=user.info.basic%2Cuser.info.profile%2Cvideo.list");
    Map<String, String> q = TikTokWireMock.query(url.getRawQuery());
    assertThat(q).containsEntry("client_key", CLIENT_KEY).containsEntry("response_type", "code")
        .containsEntry("redirect_uri", TikTokWireMock.REDIRECT.toString()).containsEntry("state", start.state())
        .containsEntry("code_challenge_method", "S256").doesNotContainKeys("client_id", "client_secret", "code_verifier");
    assertThat(q.get("code_challenge")).matches("[0-9a-f]{64}");
  }

  @Test
  void extraParametersSuchAsDisableAutoAuthAreAppended() {
    TikTokClient client = socialink().client(TikTokClient.class);
    Pkce pkce = client.pkce(Secret.of("gaeCq5mVvbhA8Ce6w5O9XBVIKMkySgv-_9A-rnhm9Ns"));

    URI url = client.authorizationUrl(new AuthorizationRequest(TikTokWireMock.REDIRECT, SCOPES, "st", pkce,
        Map.of("disable_auto_auth", "1")));

    assertThat(TikTokWireMock.query(url.getRawQuery())).containsEntry("disable_auto_auth", "1");
    assertThatThrownBy(() -> client.authorizationUrl(new AuthorizationRequest(TikTokWireMock.REDIRECT, SCOPES, "st",
        pkce, Map.of("client_key", "other")))).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- code exchange -----------------------------------------------------------------------

  @Test
  void codeExchangeSendsTheDocumentedFormAndTheVerifierWhoseHexDigestWasTheChallenge() {
    stubTokenAndProfile();
    Socialink s = socialink();
    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), SCOPES);

    s.linking().complete("owner-1", CallbackParameters.fromQuery("code=" + CODE.replace("*", "%2A").replace("!", "%21")
        + "&state=" + start.state()));

    LoggedRequest token = only(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/token/"))));
    assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = TikTokWireMock.form(token);
    assertThat(form.keySet()).containsExactlyInAnyOrder("client_key", "client_secret", "code", "grant_type",
        "redirect_uri", "code_verifier");
    assertThat(form).containsEntry("client_key", CLIENT_KEY).containsEntry("client_secret", CLIENT_SECRET)
        .containsEntry("code", CODE).containsEntry("grant_type", "authorization_code")
        .containsEntry("redirect_uri", TikTokWireMock.REDIRECT.toString());
    String challenge = TikTokWireMock.query(start.url().getRawQuery()).get("code_challenge");
    assertThat(challenge).isEqualTo(HexFormat.of().formatHex(Pkce.sha256(Secret.of(form.get("code_verifier")))));
  }

  @Test
  void lifetimesComeFromTheAnswerAndMissingScopesAreDiffed() {
    stubTokenAndProfile();

    AuthorizationResult linked = link(socialink());

    Grant g = linked.grant();
    assertThat(g.account().userId()).isEqualTo(OPEN_ID);
    assertThat(g.expiresAt()).contains(NOW.plusSeconds(86_400));
    assertThat(g.refreshExpiresAt()).contains(NOW.plusSeconds(31_536_000));
    assertThat(g.scopes()).containsExactlyInAnyOrder("user.info.basic", "video.list");
    assertThat(linked.missingScopes()).containsExactly("user.info.profile");
    assertThat(linked.link().kind()).isEqualTo(LinkKind.APP_AUTHORIZATION);
  }

  @Test
  void anOAuthErrorInAnHttp200IsAFailureWithItsLogId() {
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(fixture(200, "oauth/invalid-client.json")));
    Socialink s = socialink();
    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), SCOPES);

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> s.linking().complete("owner-1",
        CallbackParameters.fromQuery("code=c&state=" + start.state())));

    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(e.platformCode()).contains("invalid_client");
    assertThat(e.requestId()).contains("20260301100303010113006207250003");
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v2/user/info/")))).isEmpty();
  }

  @Test
  void aTokenAnswerWithoutAccessTokenIsATypedFailure() {
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(json(200, "{\"open_id\":\"x\",\"scope\":\"user.info.basic\"}")));
    Socialink s = socialink();
    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), SCOPES);

    assertThatThrownBy(() -> s.linking().complete("owner-1", CallbackParameters.fromQuery("code=c&state=" + start.state())))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN))
        .hasMessageContaining("access_token");
  }

  // ---- refresh -----------------------------------------------------------------------------

  @Test
  void refreshRotatesTheRefreshTokenAndTakesEachAnswersLifetimes() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant first = link(s).grant();
    clock.advance(Duration.ofHours(2));

    Grant second = s.grants().refresh("owner-1", first.id());

    Map<String, String> form = TikTokWireMock.form(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/token/"))
        .withRequestBody(containing("grant_type=refresh_token"))).get(0));
    assertThat(form).containsOnlyKeys("client_key", "client_secret", "grant_type", "refresh_token")
        .containsEntry("refresh_token", "rft.example12345Example12345Example").containsEntry("client_key", CLIENT_KEY);
    assertThat(second.accessToken().reveal()).isEqualTo("act.rotated67890Rotated67890Rotated");
    assertThat(second.refreshToken().orElseThrow().reveal()).isEqualTo("rft.rotated67890Rotated67890Rotated");
    assertThat(second.expiresAt()).contains(NOW.plus(Duration.ofHours(2)).plusSeconds(7_200));
    assertThat(second.refreshExpiresAt()).contains(NOW.plus(Duration.ofHours(2)).plusSeconds(15_552_000));
    assertThat(s.grants().find("owner-1", first.id()).orElseThrow().refreshToken().orElseThrow().reveal())
        .as("the rotated refresh token is stored").isEqualTo("rft.rotated67890Rotated67890Rotated");

    s.grants().refresh("owner-1", first.id());

    List<LoggedRequest> refreshes = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/token/"))
        .withRequestBody(containing("grant_type=refresh_token")));
    assertThat(TikTokWireMock.form(refreshes.get(1))).containsEntry("refresh_token", "rft.rotated67890Rotated67890Rotated");
  }

  @Test
  void aSpentRefreshTokenIsAuthRevoked() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(fixture(200, "oauth/invalid-grant.json")));

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> s.grants().refresh("owner-1", g.id()));

    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(e.platformCode()).contains("invalid_grant");
  }

  // ---- revoke ------------------------------------------------------------------------------

  @Test
  void revokeSendsTheAccessTokenWithTheClientsCredentials() {
    stubTokenAndProfile();
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).willReturn(fixture(200, "oauth/revoke-ok.json")));
    Socialink s = socialink();
    Grant g = link(s).grant();

    assertThat(s.grants().revoke("owner-1", g.id())).isEqualTo(Revocation.REVOKED);

    LoggedRequest revoke = only(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/revoke/"))));
    assertThat(revoke.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(TikTokWireMock.form(revoke)).containsOnlyKeys("client_key", "client_secret", "token")
        .containsEntry("token", "act.example12345Example12345Example").containsEntry("client_secret", CLIENT_SECRET);
  }

  @Test
  void revokingADeadTokenIsAlreadyRevokedButTheAppsOwnCredentialFailureIsAnError() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).willReturn(fixture(400, "oauth/invalid-grant.json")));
    assertThat(s.grants().revoke("owner-1", g.id())).isEqualTo(Revocation.ALREADY_REVOKED);

    wm.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).willReturn(fixture(401, "v2/access-token-invalid.json")));
    assertThat(s.grants().revoke("owner-1", g.id())).isEqualTo(Revocation.ALREADY_REVOKED);

    wm.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).willReturn(fixture(200, "oauth/invalid-client.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> s.grants().revoke("owner-1", g.id()));
    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(e.platformCode()).contains("invalid_client");
  }

  // ---- user info ---------------------------------------------------------------------------

  @Test
  void userInfoAsksForTheFieldsTheScopesAllowAndReadsTheRichUser() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokClient client = s.client(TikTokClient.class);
    Grant wide = new Grant(g.id(), g.ownerId(), g.account(), g.schemeId(), g.clientId(), g.accessToken(),
        g.refreshToken(), Set.of("user.info.basic", "user.info.profile", "user.info.stats"), g.tokenType(),
        g.issuedAt(), g.expiresAt(), g.refreshExpiresAt(), g.version());

    TikTokUser user = client.user(wide);

    List<LoggedRequest> reads = wm.findAll(getRequestedFor(urlPathEqualTo("/v2/user/info/")));
    assertThat(reads.get(0).queryParameter("fields").firstValue()).isEqualTo("open_id,union_id,avatar_url,display_name");
    LoggedRequest last = reads.get(reads.size() - 1);
    assertThat(last.queryParameter("fields").firstValue()).isEqualTo("open_id,union_id,avatar_url,display_name,"
        + "username,bio_description,profile_deep_link,is_verified,follower_count,following_count,likes_count,video_count");
    assertThat(last.getHeader("Authorization")).isEqualTo("Bearer act.example12345Example12345Example");
    assertThat(user.openId()).isEqualTo(OPEN_ID);
    assertThat(user.username()).contains("catvideos");
    assertThat(user.displayName()).contains("Cat Videos");
    assertThat(user.verified()).contains(false);
    assertThat(user.followerCount()).contains(1200L);
    assertThat(user.toAccount()).isEqualTo(Account.of("tiktok", OPEN_ID));
    assertThat(user.toAccount().handle()).contains("catvideos");
  }

  @Test
  void theDocumentedMinimalUserInfoGivesAnAccountWithoutHandle() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(200, "v2/user-info-ok.json")));

    Account a = s.grants().profile("owner-1", g.id());

    assertThat(a.userId()).isEqualTo("723f24d7-e717-40f8-a2b6-cb8464cd23b4");
    assertThat(a.handle()).isEmpty();
    assertThat(a.displayName()).isEmpty();
  }

  @Test
  void malformedEnvelopesAndMissingFieldsAreTypedErrors() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokClient client = s.client(TikTokClient.class);
    for (String body : List.of("{\"data\":{\"user\":{\"open_id\":\"x\"}}}", "not json", "[]",
        "{\"data\":{},\"error\":{\"code\":\"ok\"}}", "{\"data\":{\"user\":{\"display_name\":\"x\"}},\"error\":{\"code\":\"ok\"}}",
        "{\"error\":{\"code\":\"ok\"}}", "{\"data\":{\"user\":{\"open_id\":\"x\"}},\"error\":{\"message\":\"\"}}")) {
      wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(json(200, body)));

      assertThatThrownBy(() -> client.user(g)).as(body).isInstanceOf(MalformedPayloadException.class)
          .hasMessageContaining("user info answer")
          .satisfies(e -> assertThat(((SocialinkException) e).category()).isEqualTo(ErrorCategory.UNKNOWN));
    }
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(json(200, "")));
    assertThatThrownBy(() -> client.user(g)).isInstanceOf(MalformedPayloadException.class);
  }

  @Test
  void anErrorCodeOtherThanOkInAnHttp200IsClassified() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(200, "v2/scope-not-authorized.json")));

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> s.client(TikTokClient.class).user(g));

    assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    assertThat(e.requestId()).contains("20260301100002A1B2C3D4E5F60718293B");
  }

  // ---- video list --------------------------------------------------------------------------

  @Test
  void videoListPostsMaxCountAndCursorAndReadsThePage() {
    stubTokenAndProfile();
    wm.stubFor(post(urlPathEqualTo("/v2/video/list/")).willReturn(fixture(200, "v2/video-list-ok.json")));
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokClient client = s.client(TikTokClient.class);

    TikTokVideoPage first = client.videos(g, java.util.Optional.empty(), 20);
    TikTokVideoPage next = client.videos(g, java.util.Optional.of(first.cursor()), 10);

    List<LoggedRequest> calls = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/video/list/")));
    assertThat(calls.get(0).queryParameter("fields").firstValue()).isEqualTo("id,title,cover_image_url");
    assertThat(calls.get(0).getBodyAsString()).isEqualTo("{\"max_count\":20}");
    assertThat(calls.get(1).getBodyAsString()).isEqualTo("{\"max_count\":10,\"cursor\":1643332803000}");
    assertThat(calls.get(0).getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(first.videos()).extracting(TikTokVideo::id).containsExactly("7080217258529732870", "7080213458555737986");
    assertThat(first.videos().get(1).title()).isEmpty();
    assertThat(first.hasMore()).isTrue();
    assertThat(next.cursor()).isEqualTo(1643332803000L);
    assertThatThrownBy(() -> client.videos(g, java.util.Optional.empty(), 21)).isInstanceOf(IllegalArgumentException.class);
    wm.stubFor(post(urlPathEqualTo("/v2/video/list/")).willReturn(json(200,
        "{\"data\":{\"videos\":[]},\"error\":{\"code\":\"ok\"}}")));
    assertThatThrownBy(() -> client.videos(g, java.util.Optional.empty(), 5)).isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("has_more");
  }

  // ---- end to end --------------------------------------------------------------------------

  @Test
  void endToEndThroughSocialinkAuthorizeCompleteProfileRefreshRevokeAndProbe() {
    stubTokenAndProfile();
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).willReturn(fixture(200, "oauth/revoke-ok.json")));
    Socialink s = socialink();

    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID);
    assertThat(start.url().toString()).startsWith(wm.baseUrl() + "/v2/auth/authorize/?");
    AuthorizationResult linked = s.linking().complete("owner-1", CallbackParameters.fromUri(URI.create(
        TikTokWireMock.REDIRECT + "?code=" + CODE.replace("*", "%2A").replace("!", "%21")
            + "&scopes=user.info.basic&state=" + start.state())));
    Account me = s.grants().profile("owner-1", linked.grant().id());
    clock.advance(Duration.ofHours(24));
    Grant fresh = s.grants().fresh("owner-1", linked.grant().id());
    Revocation revoked = s.grants().revoke("owner-1", fresh.id());
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(401, "v2/access-token-invalid.json")));
    boolean dead = s.grants().withGrant("owner-1", fresh.id(), TikTokClient.class, (t, g) -> t.isTokenDead(g));
    UnlinkPlan plan = s.unlinking().plan("owner-1", linked.link().id());

    assertThat(me.userId()).isEqualTo(OPEN_ID);
    assertThat(fresh.accessToken().reveal()).as("refreshed once expired").isEqualTo("act.rotated67890Rotated67890Rotated");
    assertThat(fresh.version()).isEqualTo(1);
    assertThat(revoked).isEqualTo(Revocation.REVOKED);
    assertThat(TikTokWireMock.form(only(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/revoke/"))))))
        .containsEntry("token", "act.rotated67890Rotated67890Rotated");
    assertThat(dead).isTrue();
    assertThat(plan.steps()).extracting(UnlinkStep::id).containsSubsequence("revoke:tiktok:" + fresh.id(),
        "manual:tiktok:remove-app-access:" + linked.link().id(), "verify:tiktok:" + fresh.id(), "forget:" + fresh.id());
    assertThat(plan.steps()).filteredOn(UnlinkStep.Verify.class::isInstance).singleElement()
        .satisfies(v -> assertThat(((UnlinkStep.Verify) v).probe()).isEqualTo(TikTokProvider.VERIFY_PROBE));
  }

  @Test
  void theProbeSaysAliveWhileTikTokAcceptsTheTokenAndRethrowsOtherFailures() {
    stubTokenAndProfile();
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokClient client = s.client(TikTokClient.class);

    assertThat(client.isTokenDead(g)).isFalse();
    assertThat(only(wm.findAll(getRequestedFor(urlPathEqualTo("/v2/user/info/"))
        .withQueryParam("fields", com.github.tomakehurst.wiremock.client.WireMock.equalTo("open_id")))))
        .isNotNull();

    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(500, "v2/internal-error.json")));
    assertThatThrownBy(() -> client.isTokenDead(g)).isInstanceOfSatisfying(SocialinkException.class,
        e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT));
  }
}
