package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.instagram.InstagramWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Facebook Login for Business against WireMock: dialog URL, code exchange with token debug, profile, revocation. */
class InstagramFacebookLoginWireMockTest {
  static final String META_APP_ID = "1234567890";
  static final String META_SECRET = "planted-meta-app-secret-0a0a";
  static final String USER = "10158000000000001";

  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final Socialink s = socialink(AppCredentials.confidential("instagram", "facebook-login", META_APP_ID,
      Secret.of(META_SECRET), URI.create("https://app.example/fb/cb")));

  static Socialink socialink(AppCredentials credentials) {
    InstagramProvider provider = InstagramProvider.builder()
        .facebookEndpoints(FacebookLoginEndpoints.of(URI.create(wm.baseUrl() + "/v25.0/dialog/oauth"),
            URI.create(wm.baseUrl()))).build();
    return Socialink.builder().register(provider).clock(InstagramWireMock.clock())
        .resilience(ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled())
            .withCircuitBreaker(CircuitBreakerPolicy.disabled()))
        .credentials(credentials).build();
  }

  AuthorizationResult link() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).willReturn(fixture(200, "facebook/oauth-access-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(fixture(200, "facebook/debug-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(fixture(200, "facebook/me.json")));
    AuthorizationStart start = s.linking().authorize("owner-1", "instagram", "facebook-login",
        List.of("instagram_basic", "pages_show_list", "instagram_content_publish"));
    return s.linking().complete("owner-1", CallbackParameters.fromQuery("code=fbcode&state=" + start.state()));
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
  void linkingExchangesTheCodeThenDebugsTheTokenForScopesAndTheUser() {
    AuthorizationResult r = link();
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("client_id", equalTo(META_APP_ID))
        .withQueryParam("client_secret", equalTo(META_SECRET)).withQueryParam("code", equalTo("fbcode"))
        .withQueryParam("redirect_uri", equalTo("https://app.example/fb/cb")));
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/debug_token"))
        .withQueryParam("input_token", equalTo("EAAGm0PX4ZCpsBAFbtoken"))
        .withQueryParam("access_token", equalTo(META_APP_ID + "|" + META_SECRET)));
    assertThat(r.grant().account().userId()).isEqualTo(USER);
    assertThat(r.grant().account().displayName()).contains("Bronz Fonz");
    assertThat(r.grant().scopes()).containsExactlyInAnyOrder("instagram_basic", "pages_show_list");
    assertThat(r.missingScopes()).containsExactly("instagram_content_publish");
    assertThat(r.grant().refreshToken()).isEmpty();
    InstagramFacebookLoginClient fb = s.client(InstagramFacebookLoginClient.class);
    FacebookTokenInfo info = fb.debugToken(Secret.of("EAAGm0PX4ZCpsBAFbtoken"));
    assertThat(info.valid()).isTrue();
    assertThat(info.type()).contains("USER");
    assertThat(info.expiresAt()).contains(Instant.ofEpochSecond(1777777777));
  }

  @Test
  void aTokenThatDebugsInvalidIsNotLinked() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).willReturn(fixture(200, "facebook/oauth-access-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/debug_token")).willReturn(fixture(200, "facebook/debug-token-invalid.json")));
    AuthorizationStart start = s.linking().authorize("owner-1", "instagram", "facebook-login", List.of("instagram_basic"));
    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> s.linking().complete("owner-1", CallbackParameters.fromQuery("code=c&state=" + start.state())));
    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(s.links().list("owner-1")).isEmpty();
  }

  @Test
  void revocationIsFacebooksDocumentedDeleteOfPermissions() {
    AuthorizationResult r = link();
    wm.stubFor(delete(urlPathEqualTo("/v25.0/" + USER + "/permissions")).willReturn(aResponse().withStatus(200)
        .withBody(InstagramWireMock.text("facebook/permissions-delete-true.txt"))));
    assertThat(s.grants().revoke("owner-1", r.grant().id())).isEqualTo(Revocation.REVOKED);
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v25.0/" + USER + "/permissions"))
        .withHeader("Authorization", equalTo("Bearer EAAGm0PX4ZCpsBAFbtoken")));
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
  void facebookLoginCredentialsWithoutTheMetaSecretAreRefused() {
    Socialink pub = socialink(AppCredentials.publicClient("instagram", "facebook-login", META_APP_ID,
        URI.create("https://app.example/fb/cb")));
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> pub.linking().authorize("o", "instagram", "facebook-login", List.of("instagram_basic")));
    assertThat(e.remediation()).contains("App settings > Basic");
  }
}
