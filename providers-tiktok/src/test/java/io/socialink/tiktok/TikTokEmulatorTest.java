package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.webhook.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TikTok provider against the TikTok emulator, through the public API, on a test clock shared by
 * both: rotation, expiry, the emulator's throttling as the provider classifies it, fault switches and a
 * signed webhook delivery.
 */
class TikTokEmulatorTest {
  static final String OWNER = "owner-1";
  static final List<String> LOGIN_KIT_SCOPES = List.of("user.info.basic", "user.info.profile");
  static final List<String> BUSINESS_SCOPES = List.of("user.info.basic", "video.list");

  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final List<Duration> waits = new ArrayList<>();
  TikTokEmulator tiktok;

  @AfterEach
  void stop() {
    if (tiktok != null) {
      tiktok.close();
    }
  }

  Socialink socialink(TikTokEmulator.Builder emulator, RetryPolicy retry) {
    tiktok = emulator.clock(clock).start();
    return Socialink.builder()
        .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
            tiktok.apiBaseUri())).build())
        .clock(clock).sleeper(waits::add)
        .resilience(ResilienceSettings.ofDefaults().withRetry(retry).withCircuitBreaker(CircuitBreakerPolicy.disabled()))
        .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
            TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(),
            TikTokEmulator.BUSINESS_APP_ID, Secret.of(TikTokEmulator.BUSINESS_APP_SECRET), TikTokEmulator.REDIRECT_URI))
        .build();
  }

  Socialink socialink() {
    return socialink(TikTokEmulator.builder(), RetryPolicy.disabled());
  }

  Grant link(Socialink s, String scheme, List<String> scopes) {
    AuthorizationStart start = s.linking().authorize(OWNER, TikTokProvider.ID, scheme, scopes);
    return s.linking().complete(OWNER, CallbackParameters.fromUri(tiktok.consent(start.url()))).grant();
  }

  static void assertCategory(Runnable call, ErrorCategory category) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(SocialinkException.class,
        e -> assertThat(e.category()).isEqualTo(category));
  }

  @Test
  void aRotatedRefreshTokenIsRefusedAsRevokedEvenWhenTheErrorComesInAnHttp200() {
    Socialink s = socialink(TikTokEmulator.builder().oauthErrorsInHttp200(), RetryPolicy.disabled());
    Grant before = link(s, TikTokProvider.LOGIN_KIT.id(), LOGIN_KIT_SCOPES);

    Grant after = s.grants().refresh(OWNER, before.id());

    assertThat(after.refreshToken()).isPresent().isNotEqualTo(before.refreshToken());
    assertThat(after.expiresAt()).contains(clock.instant().plus(Duration.ofHours(2)));
    assertThat(after.refreshExpiresAt()).contains(clock.instant().plus(Duration.ofDays(180)));
    assertCategory(() -> s.client(TikTokClient.class).refresh(before), ErrorCategory.AUTH_REVOKED);
    assertThat(s.client(TikTokClient.class).profile(after).userId()).isEqualTo(TikTokEmulator.DEFAULT_USER.openId());
  }

  @Test
  void aBusinessRefreshRotatesAndTheSpentTokenIsRevoked() {
    Socialink s = socialink();
    Grant before = link(s, TikTokProvider.BUSINESS_ACCOUNTS.id(), BUSINESS_SCOPES);

    Grant after = s.grants().refresh(OWNER, before.id());

    assertThat(after.refreshExpiresAt()).contains(clock.instant().plus(Duration.ofDays(365)));
    assertCategory(() -> s.client(TikTokBusinessClient.class).refresh(before), ErrorCategory.AUTH_REVOKED);
    assertThat(s.client(TikTokBusinessClient.class).tokenInfo(after).scopes())
        .containsExactlyInAnyOrderElementsOf(BUSINESS_SCOPES);
  }

  @Test
  void anAccessTokenExpiresOnTheSharedClockAndARefreshRevivesTheGrant() {
    Socialink s = socialink();
    Grant grant = link(s, TikTokProvider.LOGIN_KIT.id(), LOGIN_KIT_SCOPES);
    clock.advance(Duration.ofHours(2));

    assertCategory(() -> s.client(TikTokClient.class).profile(grant), ErrorCategory.AUTH_EXPIRED);
    Grant refreshed = s.grants().refresh(OWNER, grant.id());
    assertThat(s.client(TikTokClient.class).profile(refreshed).handle()).contains("catvideos");
  }

  @Test
  void userInfoThrottlingHoldsTheClientUntilTheWindowHasPassed() {
    Socialink s = socialink();
    Grant grant = link(s, TikTokProvider.LOGIN_KIT.id(), LOGIN_KIT_SCOPES);
    long before = tiktok.count("GET", "/v2/user/info/");
    tiktok.rateLimit("user.info", 2, Duration.ofMinutes(1));
    TikTokClient client = s.client(TikTokClient.class);

    client.profile(grant);
    clock.advance(Duration.ofSeconds(30));
    client.profile(grant);
    assertCategory(() -> client.profile(grant), ErrorCategory.RATE_LIMITED);
    assertThat(tiktok.count("GET", "/v2/user/info/") - before).isEqualTo(3);

    // TikTok announces no reset, so the client holds the budget for the window's length after the 429,
    // and sends nothing meanwhile; by then both counted calls have left the emulator's sliding window.
    clock.advance(Duration.ofSeconds(30));
    assertCategory(() -> client.profile(grant), ErrorCategory.RATE_LIMITED);
    assertThat(tiktok.count("GET", "/v2/user/info/") - before).isEqualTo(3);
    clock.advance(Duration.ofSeconds(30));
    assertThat(client.profile(grant).userId()).isEqualTo(TikTokEmulator.DEFAULT_USER.openId());
    assertThat(tiktok.count("GET", "/v2/user/info/") - before).isEqualTo(4);
  }

  @Test
  void businessThrottlingIsA40100InAnHttp200AndClassifiedAsRateLimited() {
    Socialink s = socialink();
    Grant grant = link(s, TikTokProvider.BUSINESS_ACCOUNTS.id(), BUSINESS_SCOPES);
    tiktok.rateLimit("business.token_info", 1, Duration.ofMinutes(1));
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);

    client.tokenInfo(grant);
    assertCategory(() -> client.tokenInfo(grant), ErrorCategory.RATE_LIMITED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(client.tokenInfo(grant).creatorId()).isEqualTo(TikTokEmulator.DEFAULT_USER.openId());
  }

  @Test
  void aServerErrorIsTransientAndARetryGetsThrough() {
    Socialink noRetry = socialink();
    Grant grant = link(noRetry, TikTokProvider.LOGIN_KIT.id(), LOGIN_KIT_SCOPES);
    tiktok.failNext(1, 503);

    assertCategory(() -> noRetry.client(TikTokClient.class).profile(grant), ErrorCategory.TRANSIENT);
    assertThat(noRetry.client(TikTokClient.class).profile(grant).userId()).isEqualTo(grant.account().userId());
  }

  @Test
  void withRetriesAnInjectedFailureAndADroppedConnectionAreRetriedThroughTheSleeper() {
    Socialink s = socialink(TikTokEmulator.builder(), RetryPolicy.ofDefaults());
    Grant grant = link(s, TikTokProvider.LOGIN_KIT.id(), LOGIN_KIT_SCOPES);
    long before = tiktok.count("GET", "/v2/user/info/");
    tiktok.failNext(1, 500);

    assertThat(s.client(TikTokClient.class).profile(grant).userId()).isEqualTo(grant.account().userId());
    tiktok.resetNext(1);
    assertThat(s.client(TikTokClient.class).profile(grant).userId()).isEqualTo(grant.account().userId());

    assertThat(tiktok.count("GET", "/v2/user/info/") - before).isEqualTo(4);
    assertThat(waits).hasSize(2);
  }

  @Test
  void anAdvertiserAuthorizationIsRevokedAndAnsweredWithItsAdvertisers() {
    Socialink s = socialink();
    String token = tiktok.authorizeAdvertisers("7012345678901234567");
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);

    TikTokAdvertiserRevocation revoked = client.revokeAdvertiserAuthorization(Secret.of(token));

    assertThat(revoked.advertiserIds()).containsExactly("7012345678901234567");
    assertThat(tiktok.count("POST", "/open_api/v1.3/oauth2/revoke_token/")).isEqualTo(1);
    assertCategory(() -> client.revokeAdvertiserAuthorization(Secret.of(token)), ErrorCategory.AUTH_REVOKED);
  }

  @Test
  void businessCenterCallsGoThroughWithAnAdminsGrantAndAreRefusedOtherwise() {
    Socialink s = socialink();
    Grant admin = link(s, TikTokProvider.BUSINESS_ACCOUNTS.id(), BUSINESS_SCOPES);
    TikTokBusinessClient client = s.client(TikTokBusinessClient.class);

    client.removeMember(admin, "bc-1", "member-1");
    tiktok.refuseBusinessCenterCalls(true);

    assertCategory(() -> client.removeTikTokAccountFromBusinessCenter(admin, "bc-1", "tt-1"),
        ErrorCategory.PERMISSION_DENIED);
    assertThat(tiktok.count("POST", "/open_api/v1.3/bc/member/delete/")).isEqualTo(1);
  }

  @Test
  void aDirectPostIsUploadedInChunksAndPublished() {
    Socialink s = socialink();
    Grant grant = link(s, TikTokProvider.LOGIN_KIT.id(), List.of("user.info.basic", "video.publish"));
    TikTokClient client = s.client(TikTokClient.class);
    // floor(25,000,000 / 10,000,000) = 2 chunks of the provider's default size; the final one takes the remainder.
    byte[] video = new byte[25_000_000];

    String publishId = client.directPost(grant, TikTokPostInfo.privatePost("#cat"),
        io.socialink.publish.MediaContent.ofBytes("video/mp4", video));
    TikTokPublishStatus status = client.awaitPublish(grant, publishId);

    assertThat(status.status()).isEqualTo("PUBLISH_COMPLETE");
    assertThat(status.publicPostIds()).hasSize(1);
    assertThat(tiktok.count("PUT", "/upload/video/")).isEqualTo(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void theUsersRemovalOfTheAppKillsTheTokenAndItsSignedWebhookVerifies() {
    Socialink s = socialink();
    Grant grant = link(s, TikTokProvider.LOGIN_KIT.id(), LOGIN_KIT_SCOPES);
    TikTokClient client = s.client(TikTokClient.class);
    clock.advance(Duration.ofSeconds(5));

    TikTokEmulator.WebhookDelivery delivery = tiktok.removeAuthorization(grant.account().userId());

    TikTokWebhookEvent event = client.webhookEvent(new WebhookRequest(HttpMethod.POST, Map.of(),
        Headers.of(TikTokEmulator.SIGNATURE_HEADER, delivery.signature()), delivery.body()));
    assertThat(event.isDeauthorization()).isTrue();
    assertThat(event.userOpenId()).isEqualTo(grant.account().userId());
    assertThat(event.createTime()).isEqualTo(clock.instant());
    assertThat(client.isTokenDead(grant)).isTrue();
    assertCategory(() -> client.refresh(grant), ErrorCategory.AUTH_REVOKED);
  }

  @Test
  void aTamperedDeliveryIsRefused() {
    Socialink s = socialink();
    TikTokEmulator.WebhookDelivery delivery = tiktok.webhookDelivery("post.publish.complete",
        TikTokEmulator.DEFAULT_USER.openId(), "{\"publish_id\":\"v_pub_1\",\"publish_type\":\"DIRECT_PUBLISH\"}");
    byte[] body = delivery.body();
    body[body.length - 3] ^= 1;

    TikTokClient client = s.client(TikTokClient.class);
    assertThat(client.webhookEvent(new WebhookRequest(HttpMethod.POST, Map.of(),
        Headers.of(TikTokEmulator.SIGNATURE_HEADER, delivery.signature()), delivery.body())).publishId())
        .contains("v_pub_1");
    assertThatThrownBy(() -> client.webhookEvent(new WebhookRequest(HttpMethod.POST, Map.of(),
        Headers.of(TikTokEmulator.SIGNATURE_HEADER, delivery.signature()), body)))
        .isInstanceOf(io.socialink.webhook.WebhookRejectedException.class);
  }
}
