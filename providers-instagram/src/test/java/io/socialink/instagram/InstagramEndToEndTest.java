package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.instagram.InstagramWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Socialink;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiCall;
import io.socialink.http.Idempotency;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through {@link Socialink} against WireMock: authorize, complete (short-lived then long-lived
 * exchange), profile, refresh refused under 24 hours then allowed once the clock has moved, a media
 * page, best-effort revocation reported as such, and the unlink plan. Every call is seen by an
 * interceptor with its endpoint group, idempotency, app key and user key.
 */
class InstagramEndToEndTest {
  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final List<ApiCall> seen = new CopyOnWriteArrayList<>();
  final TestClock clock = InstagramWireMock.clock();
  final Socialink s = Socialink.builder().register(InstagramWireMock.provider(wm)).clock(clock)
      .sleeper(new InstagramWireMock.RecordingSleeper())
      .resilience(ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled())
          .withCircuitBreaker(CircuitBreakerPolicy.disabled()))
      .addInterceptor(chain -> {
        seen.add(chain.call());
        return chain.proceed(chain.call());
      })
      .credentials(InstagramWireMock.credentials()).build();

  @Test
  void linkUseRefreshListRevokeAndPlan() {
    wm.stubFor(post(urlPathEqualTo("/oauth/access_token")).willReturn(fixture(200, "success/code-exchange-flat.json")));
    wm.stubFor(get(urlPathEqualTo("/access_token")).willReturn(fixture(200, "success/long-lived-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(fixture(200, "success/me.json")));
    wm.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(fixture(200, "success/refresh-token.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/media")).willReturn(fixture(200, "success/media-list.json")));
    wm.stubFor(delete(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(fixture(200, "success/subscribed-apps.json")));
    wm.stubFor(delete(urlPathEqualTo("/me/permissions")).willReturn(fixture(400, "errors/100-invalid-parameter.json")));

    AuthorizationStart start = s.linking().authorize("owner-1", InstagramProvider.ID);
    assertThat(start.url().getRawQuery()).contains("scope=instagram_business_basic");
    AuthorizationResult r = s.linking().complete("owner-1", CallbackParameters.fromQuery("code=AQBx-code%23_&state="
        + start.state()));
    Grant g = r.grant();
    assertThat(g.account().userId()).isEqualTo(InstagramWireMock.IG_ID);
    assertThat(g.accessToken().reveal()).isEqualTo("EAACEdEose0...");
    assertThat(g.expiresAt()).contains(InstagramWireMock.NOW.plusSeconds(5183944));
    assertThat(r.missingScopes()).isEmpty();

    Account account = s.grants().profile("owner-1", g.id());
    assertThat(account.handle()).contains("bronzfonz");

    clock.advance(Duration.ofHours(12));
    InstagramRefreshRefusedException young = catchThrowableOfType(InstagramRefreshRefusedException.class,
        () -> s.grants().refresh("owner-1", g.id()));
    assertThat(young.reason()).isEqualTo(InstagramRefreshRefusedException.Reason.TOO_YOUNG);
    wm.verify(0, getRequestedFor(urlPathEqualTo("/refresh_access_token")));
    clock.advance(Duration.ofHours(12));
    Grant renewed = s.grants().refresh("owner-1", g.id());
    assertThat(renewed.accessToken().reveal()).isEqualTo("IGAAlongLivedRefreshedToken0001");
    assertThat(renewed.version()).isEqualTo(g.version() + 1);

    InstagramMediaPage page = s.grants().withGrant("owner-1", g.id(), InstagramClient.class,
        (ig, grant) -> ig.media(grant, Optional.empty(), 25));
    assertThat(page.media()).hasSize(1);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v25.0/me/media"))).get(0).getHeader("Authorization"))
        .isEqualTo("Bearer IGAAlongLivedRefreshedToken0001");

    InstagramRevocationUnsupportedException revoke = catchThrowableOfType(InstagramRevocationUnsupportedException.class,
        () -> s.grants().revoke("owner-1", g.id()));
    assertThat(revoke.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(revoke.getMessage()).contains("no revocation").contains("best-effort");
    assertThat(revoke.remediation()).contains("Apps and websites");
    assertThat(revoke.bestEffortAttempts()).extracting(InstagramRevocationAttempt::call)
        .containsExactly("DELETE /me/subscribed_apps", "DELETE /me/permissions");
    assertThat(revoke.bestEffortAttempts().get(0).accepted()).isTrue();
    assertThat(revoke.bestEffortAttempts().get(0).describe()).contains("best-effort");
    assertThat(revoke.bestEffortAttempts().get(1).accepted()).isFalse();
    assertThat(revoke.bestEffortAttempts().get(1).error().orElseThrow().category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v25.0/me/subscribed_apps")));

    UnlinkPlan plan = s.unlinking().plan("owner-1", r.link().id());
    assertThat(plan.steps()).noneMatch(UnlinkStep.RevokeGrant.class::isInstance);
    assertThat(plan.steps()).anySatisfy(st -> assertThat(st).isInstanceOfSatisfying(UnlinkStep.Verify.class,
        v -> assertThat(v.probe()).isEqualTo(InstagramProvider.VERIFY_PROBE)));
    assertThat(plan.steps()).anySatisfy(st -> assertThat(st).isInstanceOfSatisfying(UnlinkStep.ManualStep.class, m -> {
      assertThat(m.procedure()).isEqualTo(InstagramProvider.REMOVE_APP_ACCESS);
      assertThat(m.reason()).contains("no way for an app to revoke");
    }));

    assertThat(seen).extracting(ApiCall::endpointGroup).containsExactly(
        InstagramEndpointGroups.OAUTH_TOKEN, InstagramEndpointGroups.OAUTH_EXCHANGE, InstagramEndpointGroups.ME,
        InstagramEndpointGroups.ME, InstagramEndpointGroups.OAUTH_REFRESH, InstagramEndpointGroups.MEDIA_LIST,
        InstagramEndpointGroups.SUBSCRIBED_APPS, InstagramEndpointGroups.PERMISSIONS);
    assertThat(seen).allSatisfy(c -> {
      assertThat(c.platformId()).isEqualTo("instagram");
      assertThat(c.appKey()).isEqualTo(InstagramWireMock.APP_ID);
    });
    assertThat(seen.subList(0, 2)).allSatisfy(c -> {
      assertThat(c.idempotency()).isEqualTo(Idempotency.NON_IDEMPOTENT);
      assertThat(c.userKey()).isEmpty();
    });
    assertThat(seen.get(4).idempotency()).isEqualTo(Idempotency.NON_IDEMPOTENT);
    assertThat(seen.subList(3, seen.size())).allSatisfy(c ->
        assertThat(c.userKey()).contains("instagram:" + InstagramWireMock.IG_ID));
    assertThat(seen.get(5).idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
  }
}
