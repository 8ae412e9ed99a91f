package io.socialink.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.APP_ID;
import static io.socialink.tiktok.TikTokWireMock.APP_SECRET;
import static io.socialink.tiktok.TikTokWireMock.NOW;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static io.socialink.tiktok.TikTokWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.MalformedPayloadException;
import io.socialink.spi.Revocation;
import io.socialink.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TikTok API for Business against WireMock: Accounts API ({@code tt_user}) OAuth, token info, Marketing
 * API advertiser revocation and Business Center removal.
 *
 * <p>Unverified facts (fact sheet §8, sources {@code [code]} or third-party): the {@code tt_user} OAuth
 * endpoints and bodies, token info, the Business Center endpoints and bodies, the numeric codes, and
 * whether the advertiser revocation needs the {@code Access-Token} header. The tests pin what the
 * provider sends and reads; they cannot confirm TikTok behaves so.
 */
class TikTokBusinessWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  static final String TOKEN_PATH = "/open_api/v1.3/tt_user/oauth2/token/";
  static final String REFRESH_PATH = "/open_api/v1.3/tt_user/oauth2/refresh_token/";
  static final String REVOKE_PATH = "/open_api/v1.3/tt_user/oauth2/revoke/";
  static final String INFO_PATH = "/open_api/v1.3/tt_user/token_info/get/";

  final TestClock clock = TikTokWireMock.clock();

  Socialink socialink() {
    return TikTokWireMock.socialink(TikTokWireMock.provider(wm).build(), clock,
        TikTokWireMock.business());
  }

  AuthorizationResult link(Socialink s) {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(fixture(200, "business/token-ok.json")));
    wm.stubFor(post(urlPathEqualTo(INFO_PATH)).willReturn(fixture(200, "business/token-info-ok.json")));
    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(),
        List.of("user.info.basic", "video.publish", "video.list"));
    return s.linking().complete("owner-1", CallbackParameters.fromQuery("code=biz-code-1&state=" + start.state()));
  }

  static LoggedRequest only(String path) {
    List<LoggedRequest> r = wm.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  @Test
  void authorizationUrlIsTikToksPageWithTheBusinessAppKeyAndNoPkce() {
    Socialink s = TikTokWireMock.socialink(new TikTokProvider(), clock, TikTokWireMock.business());

    AuthorizationStart start = s.linking().authorize("owner-1", TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(),
        List.of("user.info.basic", "video.publish"));

    URI url = start.url();
    assertThat(url.getScheme() + "://" + url.getHost() + url.getPath()).isEqualTo("https://www.tiktok.com/v2/auth/authorize/");
    assertThat(url.getRawQuery()).contains("scope=user.info.basic%2Cvideo.publish");
    assertThat(TikTokWireMock.query(url.getRawQuery())).containsEntry("client_key", APP_ID)
        .containsEntry("response_type", "code").containsEntry("state", start.state())
        .containsEntry("redirect_uri", TikTokWireMock.REDIRECT.toString())
        .doesNotContainKeys("code_challenge", "code_challenge_method", "client_secret");
  }

  @Test
  void codeExchangeSendsJsonWithClientIdSecretAndAuthCodeAndReadsRefreshTokenExpiresIn() {
    Socialink s = socialink();

    AuthorizationResult linked = link(s);

    LoggedRequest token = only(TOKEN_PATH);
    assertThat(token.getHeader("Content-Type")).startsWith("application/json");
    assertThat(token.containsHeader("Access-Token")).isFalse();
    wm.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(equalToJson("{\"client_id\":\"" + APP_ID
        + "\",\"client_secret\":\"" + APP_SECRET + "\",\"grant_type\":\"authorization_code\",\"auth_code\":\"biz-code-1\","
        + "\"redirect_uri\":\"" + TikTokWireMock.REDIRECT + "\"}")));
    Grant g = linked.grant();
    assertThat(g.accessToken().reveal()).isEqualTo("act.token");
    assertThat(g.refreshToken().orElseThrow().reveal()).isEqualTo("rft.token");
    assertThat(g.expiresAt()).contains(NOW.plusSeconds(86_400));
    assertThat(g.refreshExpiresAt()).contains(NOW.plusSeconds(31_536_000));
    assertThat(g.account().userId()).isEqualTo("openid");
    assertThat(g.scopes()).contains("video.publish", "user.info.basic");
    assertThat(linked.missingScopes()).containsExactly("video.list");
    wm.verify(postRequestedFor(urlPathEqualTo(INFO_PATH)).withRequestBody(equalToJson(
        "{\"app_id\":\"" + APP_ID + "\",\"access_token\":\"act.token\"}")));
  }

  @Test
  void refreshRotatesBothTokensWithJson() {
    Socialink s = socialink();
    Grant g = link(s).grant();
    wm.stubFor(post(urlPathEqualTo(REFRESH_PATH)).willReturn(fixture(200, "business/refresh-ok.json")));
    clock.advance(Duration.ofHours(1));

    Grant renewed = s.grants().refresh("owner-1", g.id());

    wm.verify(postRequestedFor(urlPathEqualTo(REFRESH_PATH)).withRequestBody(equalToJson("{\"client_id\":\"" + APP_ID
        + "\",\"client_secret\":\"" + APP_SECRET + "\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"rft.token\"}")));
    assertThat(renewed.accessToken().reveal()).isEqualTo("act.token2");
    assertThat(renewed.refreshToken().orElseThrow().reveal()).isEqualTo("rft.token2");
    assertThat(renewed.refreshExpiresAt()).contains(NOW.plus(Duration.ofHours(1)).plusSeconds(31_527_314));

    wm.stubFor(post(urlPathEqualTo(REFRESH_PATH)).willReturn(fixture(200, "business/code-40107-refresh-token-invalid.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> s.grants().refresh("owner-1", g.id()));
    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
  }

  @Test
  void revokeSendsTheAccessTokenAndTreatsADeadTokenAsAlreadyRevoked() {
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);
    wm.stubFor(post(urlPathEqualTo(REVOKE_PATH)).willReturn(fixture(200, "business/revoke-ok.json")));

    assertThat(s.grants().revoke("owner-1", g.id())).isEqualTo(Revocation.REVOKED);
    wm.verify(postRequestedFor(urlPathEqualTo(REVOKE_PATH)).withRequestBody(equalToJson("{\"client_id\":\"" + APP_ID
        + "\",\"client_secret\":\"" + APP_SECRET + "\",\"access_token\":\"act.token\"}")));

    for (String dead : List.of("business/code-40105-access-token-incorrect.json",
        "business/code-40102-access-token-expired.json")) {
      wm.stubFor(post(urlPathEqualTo(REVOKE_PATH)).willReturn(fixture(200, dead)));
      assertThat(client.revoke(g)).as(dead).isEqualTo(Revocation.ALREADY_REVOKED);
    }
    for (String error : List.of("business/code-40101-app-secret-mismatch.json", "business/code-40104-access-token-null.json")) {
      wm.stubFor(post(urlPathEqualTo(REVOKE_PATH)).willReturn(fixture(200, error)));
      assertThatThrownBy(() -> client.revoke(g)).as(error).isInstanceOf(SocialinkException.class);
    }
  }

  @Test
  void tokenInfoAndTheProbe() {
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);

    TikTokBusinessTokenInfo info = client.tokenInfo(g);
    assertThat(info.appId()).isEqualTo("app_id");
    assertThat(info.creatorId()).isEqualTo("openid");
    assertThat(info.scopes()).contains("user.info.username", "video.publish").hasSize(10);
    assertThat(client.isTokenDead(g)).isFalse();

    wm.stubFor(post(urlPathEqualTo(INFO_PATH)).willReturn(fixture(200, "business/code-40105-access-token-incorrect.json")));
    assertThat(client.isTokenDead(g)).isTrue();
    wm.stubFor(post(urlPathEqualTo(INFO_PATH)).willReturn(fixture(200, "business/code-40100-too-many-requests.json")));
    assertThatThrownBy(() -> client.isTokenDead(g)).isInstanceOfSatisfying(SocialinkException.class,
        e -> assertThat(e.category()).as("40100 is the rate limit, not a dead token").isEqualTo(ErrorCategory.RATE_LIMITED));
  }

  @Test
  void malformedBusinessEnvelopesAreTypedErrors() {
    Socialink s = socialink();
    Grant g = link(s).grant();
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);
    for (String body : List.of("{\"message\":\"OK\",\"data\":{\"app_id\":\"a\",\"creator_id\":\"c\"}}",
        "{\"code\":0,\"message\":\"OK\"}", "{\"code\":0,\"data\":{\"creator_id\":\"c\"}}", "<html>",
        "{\"code\":\"zero\",\"data\":{}}")) {
      wm.stubFor(post(urlPathEqualTo(INFO_PATH)).willReturn(json(200, body)));
      assertThatThrownBy(() -> client.tokenInfo(g)).as(body).isInstanceOf(MalformedPayloadException.class)
          .hasMessageContaining("token info answer");
    }
    wm.stubFor(post(urlPathEqualTo(REFRESH_PATH)).willReturn(json(200, "{\"code\":0,\"data\":{\"expires_in\":1}}")));
    assertThatThrownBy(() -> client.refresh(g)).isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("access_token");
    wm.stubFor(post(urlPathEqualTo(REFRESH_PATH)).willReturn(json(200,
        "{\"code\":0,\"data\":{\"access_token\":\"act.x\",\"expires_in\":\"soon\"}}")));
    assertThatThrownBy(() -> client.refresh(g)).isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("expires_in");
  }

  @Test
  void advertiserRevocationReportsWhichAdvertisersLostAccess() {
    TikTokBusinessClient client = socialink().client(TikTokBusinessClient.class);
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/oauth2/revoke_token/")).willReturn(fixture(200,
        "business/advertiser-revoke-ok.json")));

    TikTokAdvertiserRevocation r = client.revokeAdvertiserAuthorization(Secret.of("marketing-token-1"));

    assertThat(r.appId()).isEqualTo("app_id");
    assertThat(r.advertiserIds()).containsExactly("7012345678901234567", "7012345678901234568");
    wm.verify(postRequestedFor(urlPathEqualTo("/open_api/v1.3/oauth2/revoke_token/"))
        .withHeader("Access-Token", equalTo("marketing-token-1"))
        .withRequestBody(equalToJson("{\"app_id\":\"" + APP_ID + "\",\"secret\":\"" + APP_SECRET
            + "\",\"access_token\":\"marketing-token-1\"}")));
  }

  @Test
  void businessCenterRemovalsSendTheAdminsAccessTokenHeaderAndTheDocumentedBodies() {
    Socialink s = socialink();
    Grant admin = link(s).grant();
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);
    for (String p : List.of("asset/admin/delete/", "asset/unassign/", "member/delete/", "partner/asset/delete/")) {
      wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/bc/" + p)).willReturn(fixture(200, "business/bc-ok.json")));
    }

    client.removeTikTokAccountFromBusinessCenter(admin, "7000000000000000001", "7100000000000000001");
    client.unassignMemberAsset(admin, "7000000000000000001", "6900000000000000001", TikTokBusinessAssetType.TT_ACCOUNT,
        "7100000000000000001");
    client.removeMember(admin, "7000000000000000001", "6900000000000000001");
    client.stopSharingWithPartner(admin, "7000000000000000001", "7200000000000000001", TikTokBusinessAssetType.ADVERTISER,
        "7300000000000000001");

    Map<String, String> bodies = Map.of(
        "asset/admin/delete/", "{\"bc_id\":\"7000000000000000001\",\"asset_type\":\"TT_ACCOUNT\",\"asset_ids\":[\"7100000000000000001\"]}",
        "asset/unassign/", "{\"bc_id\":\"7000000000000000001\",\"user_id\":\"6900000000000000001\",\"asset_type\":\"TT_ACCOUNT\",\"asset_id\":\"7100000000000000001\"}",
        "member/delete/", "{\"bc_id\":\"7000000000000000001\",\"user_id\":\"6900000000000000001\"}",
        "partner/asset/delete/", "{\"bc_id\":\"7000000000000000001\",\"partner_id\":\"7200000000000000001\",\"asset_type\":\"ADVERTISER\",\"asset_ids\":[\"7300000000000000001\"]}");
    bodies.forEach((p, body) -> wm.verify(postRequestedFor(urlPathEqualTo("/open_api/v1.3/bc/" + p))
        .withHeader("Access-Token", equalTo("act.token")).withRequestBody(equalToJson(body))));
    assertThat(only("/open_api/v1.3/bc/member/delete/").containsHeader("Authorization")).isFalse();
  }

  @Test
  void aNonAdminIsToldThatABusinessCenterAdminMustDoIt() {
    Socialink s = socialink();
    Grant member = link(s).grant();
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/bc/asset/admin/delete/")).willReturn(fixture(200,
        "business/code-40001-no-permission.json")));

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> s.client(TikTokBusinessClient.class)
        .removeTikTokAccountFromBusinessCenter(member, "7000000000000000001", "7100000000000000001"));

    assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
    assertThat(e.platformCode()).contains("40001");
    assertThat(e.classification().remediation()).contains("Business Center admin");
    assertThat(e.requestId()).contains("20260301100501A1B2C3D4E5F607180001");
  }

  @Test
  void anUnlinkPlanOfABusinessGrantVerifiesWithTokenInfo() {
    Socialink s = socialink();
    AuthorizationResult linked = link(s);

    UnlinkPlan plan = s.unlinking().plan("owner-1", linked.link().id());

    assertThat(plan.steps()).filteredOn(UnlinkStep.Verify.class::isInstance).singleElement()
        .satisfies(v -> assertThat(((UnlinkStep.Verify) v).probe()).isEqualTo(TikTokProvider.BUSINESS_VERIFY_PROBE));
  }
}
