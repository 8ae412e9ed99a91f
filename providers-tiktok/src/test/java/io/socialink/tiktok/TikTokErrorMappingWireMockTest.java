package io.socialink.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.CLIENT_KEY;
import static io.socialink.tiktok.TikTokWireMock.NOW;
import static io.socialink.tiktok.TikTokWireMock.OPEN_ID;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.error.ErrorCategory;
import io.socialink.error.RateLimitedException;
import io.socialink.error.SocialinkException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every documented TikTok error code, served by WireMock from its fixture, reaches the caller of the
 * clients as the right category with TikTok's code and its {@code log_id} / {@code request_id} as the
 * request id.
 */
class TikTokErrorMappingWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  static Grant grant(String scheme, String clientId) {
    return new Grant("g-1", "owner-1", Account.of(TikTokProvider.ID, OPEN_ID), scheme, clientId,
        Secret.of("act.mapping12345"), Optional.of(Secret.of("rft.mapping12345")), Set.of("user.info.basic"), "Bearer",
        NOW, Optional.empty(), Optional.empty(), 0);
  }

  TikTokClient loginKit() {
    return TikTokWireMock.socialink(TikTokWireMock.provider(wm).build(),
        TikTokWireMock.clock(), TikTokWireMock.loginKit()).client(TikTokClient.class);
  }

  TikTokBusinessClient business() {
    return TikTokWireMock.socialink(TikTokWireMock.provider(wm).build(),
        TikTokWireMock.clock(), TikTokWireMock.business()).client(TikTokBusinessClient.class);
  }

  static void check(SocialinkException e, ErrorCategory category, String code, String requestId) {
    assertThat(e).as("a failure is thrown").isNotNull();
    assertThat(e.category()).isEqualTo(category);
    assertThat(e.platformCode()).contains(code);
    assertThat(e.requestId()).contains(requestId);
    assertThat(e.classification().remediation()).isNotBlank();
    if (category == ErrorCategory.RATE_LIMITED) {
      assertThat(e).isInstanceOf(RateLimitedException.class);
      assertThat(e.retryAt()).isPresent();
    }
  }

  @ParameterizedTest(name = "user info {1} at HTTP {0} -> {2}")
  @CsvSource(textBlock = """
      401, v2/access-token-invalid.json, AUTH_EXPIRED, access_token_invalid, 20260301100001A1B2C3D4E5F60718293A
      401, v2/scope-not-authorized.json, INSUFFICIENT_SCOPE, scope_not_authorized, 20260301100002A1B2C3D4E5F60718293B
      400, v2/scope-permission-missed.json, INSUFFICIENT_SCOPE, scope_permission_missed, 20260301100003A1B2C3D4E5F60718293C
      400, v2/invalid-params.json, INVALID_REQUEST, invalid_params, 20260301100004A1B2C3D4E5F60718293D
      400, v2/invalid-file-upload.json, INVALID_REQUEST, invalid_file_upload, 20260301100005A1B2C3D4E5F60718293E
      429, v2/rate-limit-exceeded.json, RATE_LIMITED, rate_limit_exceeded, 20260301100006A1B2C3D4E5F60718293F
      500, v2/internal-error.json, TRANSIENT, internal_error, 20260301100007A1B2C3D4E5F607182930
      401, v2/flat-error-object.json, AUTH_EXPIRED, access_token_invalid, 20260301100008A1B2C3D4E5F607182931
      200, v2/access-token-invalid.json, AUTH_EXPIRED, access_token_invalid, 20260301100001A1B2C3D4E5F60718293A
      """)
  void openApiCodes(int status, String fixture, ErrorCategory category, String code, String logId) {
    wm.stubFor(get(urlPathEqualTo("/v2/user/info/")).willReturn(fixture(status, fixture)));

    check(catchThrowableOfType(SocialinkException.class, () -> loginKit().user(grant("login-kit", CLIENT_KEY))),
        category, code, logId);
  }

  @ParameterizedTest(name = "post init {1} at HTTP {0} -> {2}")
  @CsvSource(textBlock = """
      400, post/invalid-param.json, INVALID_REQUEST, invalid_param, 20260301100200A1B2C3D4E5F607182900
      403, post/spam-risk-too-many-posts.json, QUOTA_EXHAUSTED, spam_risk_too_many_posts, 20260301100201A1B2C3D4E5F607182901
      403, post/spam-risk-user-banned-from-posting.json, ACCOUNT_RESTRICTED, spam_risk_user_banned_from_posting, 20260301100202A1B2C3D4E5F607182902
      403, post/reached-active-user-cap.json, QUOTA_EXHAUSTED, reached_active_user_cap, 20260301100203A1B2C3D4E5F607182903
      403, post/unaudited-client-can-only-post-to-private-accounts.json, CONFIGURATION, unaudited_client_can_only_post_to_private_accounts, 20260301100204A1B2C3D4E5F607182904
      403, post/url-ownership-unverified.json, CONFIGURATION, url_ownership_unverified, 20260301100205A1B2C3D4E5F607182905
      403, post/privacy-level-option-mismatch.json, INVALID_REQUEST, privacy_level_option_mismatch, 20260301100206A1B2C3D4E5F607182906
      """)
  void contentPostingCodes(int status, String fixture, ErrorCategory category, String code, String logId) {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(fixture(status, fixture)));

    check(catchThrowableOfType(SocialinkException.class, () -> loginKit().directPostFromUrl(grant("login-kit", CLIENT_KEY),
        TikTokPostInfo.privatePost("cat"), URI.create("https://cdn.example/cat.mp4"))), category, code, logId);
  }

  @ParameterizedTest(name = "status fetch {1} at HTTP {0} -> {2}")
  @CsvSource(textBlock = """
      400, post/invalid-publish-id.json, NOT_FOUND, invalid_publish_id, 20260301100207A1B2C3D4E5F607182907
      400, post/token-not-authorized-for-specified-publish-id.json, PERMISSION_DENIED, token_not_authorized_for_specified_publish_id, 20260301100208A1B2C3D4E5F607182908
      """)
  void statusCodes(int status, String fixture, ErrorCategory category, String code, String logId) {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).willReturn(fixture(status, fixture)));

    check(catchThrowableOfType(SocialinkException.class, () -> loginKit().publishStatus(grant("login-kit", CLIENT_KEY),
        "v_pub_file~v2-1.1")), category, code, logId);
  }

  @ParameterizedTest(name = "refresh {1} at HTTP {0} -> {2}")
  @CsvSource(textBlock = """
      400, oauth/invalid-request-malformed.json, INVALID_REQUEST, invalid_request, 20260301100300010113006207250000
      200, oauth/invalid-request-malformed.json, INVALID_REQUEST, invalid_request, 20260301100300010113006207250000
      400, oauth/invalid-request-code-verifier.json, INVALID_REQUEST, invalid_request, 20260301100301010113006207250001
      400, oauth/invalid-request-redirect-uri.json, CONFIGURATION, invalid_request, 202206221854370101130062072500FFA2
      400, oauth/access-denied.json, AUTH_REVOKED, access_denied, 20260301100302010113006207250002
      401, oauth/invalid-client.json, CONFIGURATION, invalid_client, 20260301100303010113006207250003
      200, oauth/invalid-client.json, CONFIGURATION, invalid_client, 20260301100303010113006207250003
      400, oauth/invalid-grant.json, AUTH_REVOKED, invalid_grant, 20260301100304010113006207250004
      200, oauth/invalid-grant.json, AUTH_REVOKED, invalid_grant, 20260301100304010113006207250004
      400, oauth/invalid-scope.json, CONFIGURATION, invalid_scope, 20260301100305010113006207250005
      400, oauth/unauthorized-client.json, CONFIGURATION, unauthorized_client, 20260301100306010113006207250006
      400, oauth/unsupported-grant-type.json, INVALID_REQUEST, unsupported_grant_type, 20260301100307010113006207250007
      400, oauth/unsupported-response-type.json, INVALID_REQUEST, unsupported_response_type, 20260301100308010113006207250008
      500, oauth/server-error.json, TRANSIENT, server_error, 20260301100309010113006207250009
      200, oauth/temporarily-unavailable.json, TRANSIENT, temporarily_unavailable, 20260301100310010113006207250010
      """)
  void oauthCodes(int status, String fixture, ErrorCategory category, String code, String logId) {
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(fixture(status, fixture)));

    check(catchThrowableOfType(SocialinkException.class, () -> loginKit().refresh(grant("login-kit", CLIENT_KEY))),
        category, code, logId);
  }

  @ParameterizedTest(name = "Business {0} -> {1}")
  @CsvSource(textBlock = """
      business/code-40000-invalid-parameters.json, INVALID_REQUEST, 40000, 20260301100500A1B2C3D4E5F607180000
      business/code-40001-no-permission.json, PERMISSION_DENIED, 40001, 20260301100501A1B2C3D4E5F607180001
      business/code-40002-parameter-error.json, INVALID_REQUEST, 40002, 20260301100502A1B2C3D4E5F607180002
      business/code-40007-object-does-not-exist.json, NOT_FOUND, 40007, 20260301100503A1B2C3D4E5F607180007
      business/code-40016-too-frequent.json, RATE_LIMITED, 40016, 20260301100504A1B2C3D4E5F607180016
      business/code-40100-too-many-requests.json, RATE_LIMITED, 40100, 20260301100505A1B2C3D4E5F607180100
      business/code-40101-app-secret-mismatch.json, CONFIGURATION, 40101, 20260301100507A1B2C3D4E5F607180101
      business/code-40102-access-token-expired.json, AUTH_EXPIRED, 40102, 20260301100508A1B2C3D4E5F607180102
      business/code-40103-refresh-token-expired.json, AUTH_REVOKED, 40103, 20260301100509A1B2C3D4E5F607180103
      business/code-40104-access-token-null.json, INVALID_REQUEST, 40104, 20260301100402A1B2C3D4E5F6071829AC
      business/code-40105-access-token-incorrect.json, AUTH_REVOKED, 40105, 20260301100510A1B2C3D4E5F607180105
      business/code-40106-core-user-invalid.json, AUTH_REVOKED, 40106, 20260301100511A1B2C3D4E5F607180106
      business/code-40107-refresh-token-invalid.json, AUTH_REVOKED, 40107, 20260301100512A1B2C3D4E5F607180107
      business/code-40108-grant-type-invalid.json, INVALID_REQUEST, 40108, 20260301100513A1B2C3D4E5F607180108
      business/code-40110-auth-code-invalid.json, AUTH_REVOKED, 40110, 20260301100514A1B2C3D4E5F607180110
      business/code-40113-app-blocked.json, CONFIGURATION, 40113, 20260301100515A1B2C3D4E5F607180113
      business/code-40115-auth-timestamp-expired.json, AUTH_REVOKED, 40115, 20260301100516A1B2C3D4E5F607180115
      business/code-40118-not-allowlisted.json, CONFIGURATION, 40118, 20260301100517A1B2C3D4E5F607180118
      business/code-40119-different-company.json, PERMISSION_DENIED, 40119, 20260301100518A1B2C3D4E5F607180119
      business/code-40125-developer-lacks-permission.json, CONFIGURATION, 40125, 20260301100519A1B2C3D4E5F607180125
      business/code-40133-advertiser-too-frequent.json, RATE_LIMITED, 40133, 20260301100506A1B2C3D4E5F607180133
      business/code-40300-advertiser-does-not-exist.json, NOT_FOUND, 40300, 20260301100520A1B2C3D4E5F607180300
      business/code-50002-server-error.json, TRANSIENT, 50002, 20260301100521A1B2C3D4E5F607180002
      business/code-60001-maintenance.json, TRANSIENT, 60001, 20260301100522A1B2C3D4E5F607180001
      business/code-41999-unknown-code.json, UNKNOWN, 41999, 20260301100523A1B2C3D4E5F607181999
      business/message-too-many-requests.json, RATE_LIMITED, 40999, 20260301100600A1B2C3D4E5F607182900
      business/message-access-token-has-expired.json, AUTH_EXPIRED, 40999, 20260301100601A1B2C3D4E5F607182901
      business/message-access-token-is-incorrect.json, AUTH_REVOKED, 40999, 20260301100602A1B2C3D4E5F607182902
      """)
  void businessCodesInAnHttp200(String fixture, ErrorCategory category, String code, String requestId) {
    wm.stubFor(post(urlPathEqualTo("/open_api/v1.3/tt_user/token_info/get/")).willReturn(fixture(200, fixture)));

    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> business().tokenInfo(grant("business-accounts", TikTokWireMock.APP_ID)));

    assertThat(e).isNotNull();
    assertThat(e.category()).isEqualTo(category);
    assertThat(e.platformCode()).contains(code);
    assertThat(e.requestId()).contains(requestId);
  }
}
