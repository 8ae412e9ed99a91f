package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.publish.PublishedPost;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Instagram emulator through the provider: the 24-hour refresh rule and the 60-day expiry, usage
 * headers that climb to the provider's hold, publishing containers moving from {@code IN_PROGRESS} to
 * {@code FINISHED} to {@code PUBLISHED} (or {@code ERROR}, {@code EXPIRED}), the quota, media pages,
 * Meta-shaped errors, the signed deauthorize and data-deletion callbacks delivered to an endpoint (a
 * WireMock server standing for the application) whose received requests the provider verifies, and the fault switches.
 */
class InstagramEmulatorTest {
  /** The application's callback endpoint the emulator delivers to. */
  @RegisterExtension
  static WireMockExtension endpoint = InstagramWireMock.extension();

  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final List<InstagramEmulator> started = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    started.forEach(InstagramEmulator::close);
  }

  InstagramEmulator emulator(InstagramEmulator.Builder b) {
    InstagramEmulator ig = b.clock(clock).start();
    started.add(ig);
    return ig;
  }

  Socialink socialink(InstagramEmulator ig, boolean retries) {
    return socialink(ig, retries, InstagramEmulator.APP_SECRET);
  }

  Socialink socialink(InstagramEmulator ig, boolean retries, String appSecret) {
    ResilienceSettings r = ResilienceSettings.ofDefaults().withCircuitBreaker(CircuitBreakerPolicy.disabled());
    return Socialink.builder().clock(clock).sleeper(clock::advance)
        .resilience(retries ? r : r.withRetry(RetryPolicy.disabled()))
        .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
            ig.graphBaseUri())).build())
        .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
            InstagramEmulator.APP_ID, Secret.of(appSecret), InstagramEmulator.REDIRECT_URI))
        .build();
  }

  static Grant link(Socialink s, InstagramEmulator ig) {
    AuthorizationStart start = s.linking().authorize("owner-1", InstagramProvider.ID);
    return s.linking().complete("owner-1", CallbackParameters.fromUri(ig.consent(start.url()))).grant();
  }

  HttpResponse<String> get(InstagramEmulator ig, String pathAndQuery, Secret token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + pathAndQuery));
    if (token != null) {
      r.header("Authorization", "Bearer " + token.reveal());
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void linkingGivesALongLivedTokenForTheConsentingAccount() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    Socialink s = socialink(ig, false);

    Grant g = link(s, ig);

    assertThat(g.account().userId()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    assertThat(g.accessToken().reveal()).startsWith("IGAA");
    assertThat(g.expiresAt()).contains(clock.instant().plus(Duration.ofDays(60)));
    assertThat(s.grants().profile("owner-1", g.id()).handle()).contains(InstagramEmulator.DEFAULT_USERNAME);
    assertThat(ig.count("POST", "/oauth/access_token")).isEqualTo(1);
    assertThat(ig.count("GET", "/access_token")).isEqualTo(1);
    assertThat(ig.installed(InstagramEmulator.DEFAULT_USER_ID)).isTrue();
  }

  @Test
  void aDeclinedConsentIsADeniedCallback() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    Socialink s = socialink(ig, false);
    AuthorizationStart start = s.linking().authorize("owner-1", InstagramProvider.ID);

    CallbackRejectedException e = catchThrowableOfType(CallbackRejectedException.class,
        () -> s.linking().complete("owner-1", CallbackParameters.fromUri(ig.deny(start.url()))));

    assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.DENIED);
    assertThat(ig.count("POST", "/oauth/access_token")).isZero();
  }

  @Test
  void theEmulatorRefreshesOnlyTokensADayOldAndTheyExpireAfterSixtyDays() throws Exception {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    clock.advance(Duration.ofHours(23));

    HttpResponse<String> young = get(ig, "/refresh_access_token?grant_type=ig_refresh_token&access_token="
        + g.accessToken().reveal(), null);
    assertThat(young.statusCode()).isEqualTo(400);
    assertThat(young.body()).contains("\"code\":100").contains("24 hours");
    assertThat(catchThrowableOfType(InstagramRefreshRefusedException.class, () -> s.grants().refresh("owner-1",
        g.id())).reason()).isEqualTo(InstagramRefreshRefusedException.Reason.TOO_YOUNG);
    assertThat(ig.count("GET", "/refresh_access_token")).isEqualTo(1);

    clock.advance(Duration.ofHours(1));
    Grant renewed = s.grants().refresh("owner-1", g.id());
    assertThat(renewed.accessToken()).isNotEqualTo(g.accessToken());
    assertThat(renewed.expiresAt()).contains(clock.instant().plus(Duration.ofDays(60)));
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(ig.graphBaseUri()
        + "/refresh_access_token?grant_type=ig_refresh_token&access_token=" + renewed.accessToken().reveal()))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.body()).contains("method type");

    clock.advance(Duration.ofDays(60));
    SocialinkException expired = catchThrowableOfType(SocialinkException.class,
        () -> s.client(InstagramClient.class).profile(renewed));
    assertThat(expired.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(expired.platformCode()).contains("190");
  }

  @Test
  void usageHeadersClimbWithTrafficAndHoldAtTheTop() throws Exception {
    InstagramEmulator ig = emulator(InstagramEmulator.builder().callsPerHour(5));
    Grant g = link(socialink(ig, false), ig); // completing the link reads the profile: one call, 20 %

    List<String> usage = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> r = get(ig, "/v25.0/me?fields=user_id", g.accessToken());
      assertThat(r.statusCode()).isEqualTo(200);
      usage.add(r.headers().firstValue("x-app-usage").orElseThrow());
    }
    assertThat(usage).containsExactly("{\"call_count\":40,\"total_time\":40,\"total_cputime\":40}",
        "{\"call_count\":60,\"total_time\":60,\"total_cputime\":60}",
        "{\"call_count\":80,\"total_time\":80,\"total_cputime\":80}",
        "{\"call_count\":100,\"total_time\":100,\"total_cputime\":100}");
    clock.advance(Duration.ofMinutes(10));
    HttpResponse<String> held = get(ig, "/v25.0/me?fields=user_id", g.accessToken());
    assertThat(held.statusCode()).isEqualTo(400);
    assertThat(held.body()).contains("\"code\":80002");
    assertThat(held.headers().firstValue("x-business-use-case-usage").orElseThrow())
        .contains("\"" + InstagramEmulator.DEFAULT_USER_ID + "\"").contains("\"type\":\"instagram\"")
        .contains("\"call_count\":100").contains("\"estimated_time_to_regain_access\":50");

    clock.advance(Duration.ofMinutes(50));
    assertThat(get(ig, "/v25.0/me?fields=user_id", g.accessToken()).headers().firstValue("x-app-usage").orElseThrow())
        .contains("\"call_count\":20");
  }

  @Test
  void theProviderStopsCallingOnceUsageReachesItsHold() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder().callsPerHour(20));
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);

    int served = 0;
    SocialinkException held = null;
    while (held == null && served < 25) {
      try {
        client.profile(g);
        served++;
      } catch (SocialinkException e) {
        held = e;
      }
    }

    assertThat(held).isNotNull();
    assertThat(held.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    // 19 of 20 calls is 95 %, the provider's hold: one while linking, 18 here, and none sent after it.
    assertThat(served).isEqualTo(18);
    assertThat(ig.count("GET", "/v25.0/me")).isEqualTo(19);
  }

  @Test
  void publishingWaitsForTheContainerThenPublishesAndTheMediaIsListed() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder().containerProcessing(Duration.ofSeconds(90)));
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);
    Instant before = clock.instant();
    int linking = ig.requests().size();

    PublishedPost post = client.publishImage(g, URI.create("https://example.com/a.jpg"), Optional.of("first"));

    assertThat(post.postId()).matches("[0-9]+");
    assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofMinutes(2));
    String me = "/v25.0/" + InstagramEmulator.DEFAULT_USER_ID;
    assertThat(ig.requests().subList(linking, ig.requests().size())).extracting(r -> r.method() + " " + r.path())
        .containsExactly("POST " + me + "/media", "GET /v25.0/17889455560051445", "GET /v25.0/17889455560051445",
            "GET /v25.0/17889455560051445", "GET " + me + "/content_publishing_limit", "POST " + me + "/media_publish");
    assertThat(ig.count("POST", "/v25.0/" + InstagramEmulator.DEFAULT_USER_ID + "/media_publish")).isEqualTo(1);
    assertThat(client.publishingLimit(g).quotaUsage()).isEqualTo(1);
    InstagramMediaPage page = client.media(g, Optional.empty(), 25);
    assertThat(page.media()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(post.postId());
      assertThat(m.caption()).contains("first");
      assertThat(m.mediaType()).contains("IMAGE");
    });
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void containersMoveThroughTheirStatuses() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder().containerProcessing(Duration.ofSeconds(30)));
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);
    String id = client.createContainer(g, Map.of("image_url", "https://example.com/a.jpg"));

    assertThat(client.containerStatus(g, id).statusCode()).isEqualTo("IN_PROGRESS");
    clock.advance(Duration.ofSeconds(30));
    assertThat(client.containerStatus(g, id).statusCode()).isEqualTo("FINISHED");
    client.publishContainer(g, id);
    assertThat(client.containerStatus(g, id).statusCode()).isEqualTo("PUBLISHED");
    SocialinkException again = catchThrowableOfType(SocialinkException.class, () -> client.publishContainer(g, id));
    assertThat(again.category()).isEqualTo(ErrorCategory.DUPLICATE);

    String stale = client.createContainer(g, Map.of("image_url", "https://example.com/b.jpg"));
    clock.advance(Duration.ofHours(24));
    assertThat(client.containerStatus(g, stale).statusCode()).isEqualTo("EXPIRED");

    ig.failNextContainers(1);
    String broken = client.createContainer(g, Map.of("image_url", "https://example.com/c.jpg"));
    clock.advance(Duration.ofSeconds(30));
    InstagramContainerStatus error = client.containerStatus(g, broken);
    assertThat(error.statusCode()).isEqualTo("ERROR");
    assertThat(error.status()).contains("Error: 2207003");
    assertThat(catchThrowableOfType(SocialinkException.class, () -> client.publishContainer(g, broken)).category())
        .isEqualTo(ErrorCategory.INVALID_REQUEST);
  }

  @Test
  void theQuotaStopsPublishingAndAnotherAccountsObjectsAreMissing() throws Exception {
    InstagramEmulator ig = emulator(InstagramEmulator.builder().containerProcessing(Duration.ZERO).publishingQuota(1));
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);
    client.publishImage(g, URI.create("https://example.com/a.jpg"), Optional.empty());

    SocialinkException quota = catchThrowableOfType(SocialinkException.class,
        () -> client.publishImage(g, URI.create("https://example.com/b.jpg"), Optional.empty()));

    assertThat(quota.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(ig.count("POST", "/v25.0/" + InstagramEmulator.DEFAULT_USER_ID + "/media_publish")).isEqualTo(1);
    HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(ig.graphBaseUri() + "/v25.0/"
            + InstagramEmulator.DEFAULT_USER_ID + "/media_publish"))
        .header("Authorization", "Bearer " + g.accessToken().reveal()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"creation_id\":\""
            + client.createContainer(g, Map.of("image_url", "https://example.com/c.jpg")) + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(direct.body()).contains("\"code\":9,").contains("\"error_subcode\":2207042");
    assertThat(get(ig, "/v25.0/17841400000000001/content_publishing_limit", g.accessToken()).body())
        .contains("\"error_subcode\":33");
  }

  @Test
  void mediaPagesFollowTheCursor() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder().containerProcessing(Duration.ZERO));
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(0, client.publishImage(g, URI.create("https://example.com/" + i + ".jpg"), Optional.of("n" + i)).postId());
      clock.advance(Duration.ofMinutes(1));
    }

    InstagramMediaPage first = client.media(g, Optional.empty(), 2);
    InstagramMediaPage second = client.media(g, first.after(), 2);

    assertThat(first.media()).extracting(InstagramMedia::id).containsExactlyElementsOf(ids.subList(0, 2));
    assertThat(first.hasNext()).isTrue();
    assertThat(second.media()).extracting(InstagramMedia::id).containsExactly(ids.get(2));
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void removingTheAppKillsTheTokensAndSendsASignedDeauthorizeCallback() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    Socialink s = socialink(ig, false);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);
    String deletionReply = InstagramClient.dataDeletionReply(URI.create("https://app.example/deletion?id=abc123"),
        "abc123").body();
    endpoint.stubFor(post(urlPathEqualTo("/deauthorize")).willReturn(aResponse().withStatus(200)));
    endpoint.stubFor(post(urlPathEqualTo("/deletion")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(deletionReply)));

    InstagramEmulator.Delivery deauthorized = ig.removeApp(g.account().userId())
        .deliverTo(URI.create(endpoint.baseUrl() + "/deauthorize"));
    InstagramEmulator.Delivery deletion = ig.dataDeletionRequest(g.account().userId())
        .deliverTo(URI.create(endpoint.baseUrl() + "/deletion"));

    assertThat(deauthorized.status()).isEqualTo(200);
    assertThat(deletion.status()).isEqualTo(200);
    assertThat(InstagramEmulator.dataDeletionReplyDifference(deletion.body())).isEmpty();
    assertThat(InstagramEmulator.dataDeletionReplyDifference("{\"url\":1}".getBytes(StandardCharsets.UTF_8)))
        .isPresent();
    List<InstagramSignedRequest> received = new ArrayList<>();
    for (LoggedRequest r : endpoint.findAll(postRequestedFor(urlPathMatching("/.*")))) {
      assertThat(r.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
      received.add(client.callback(new WebhookRequest(HttpMethod.POST, Map.of(),
          Headers.of("Content-Type", r.getHeader("Content-Type")), r.getBody()), r.getUrl().equals("/deletion")
          ? InstagramSignedRequest.Kind.DATA_DELETION : InstagramSignedRequest.Kind.DEAUTHORIZE));
    }
    assertThat(received).extracting(InstagramSignedRequest::kind).containsExactly(
        InstagramSignedRequest.Kind.DEAUTHORIZE, InstagramSignedRequest.Kind.DATA_DELETION);
    assertThat(received).allSatisfy(r -> {
      assertThat(r.userId()).isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
      assertThat(r.issuedAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    });
    SocialinkException dead = catchThrowableOfType(SocialinkException.class, () -> client.profile(g));
    assertThat(dead.category().isAuthorization()).isTrue();
    assertThat(dead.platformCode()).contains("190/458");
    assertThat(ig.installed(g.account().userId())).isFalse();

    Grant relinked = link(s, ig);
    assertThat(client.profile(relinked)).isEqualTo(relinked.account());
    assertThat(catchThrowableOfType(SocialinkException.class, () -> client.profile(g)).platformCode())
        .contains("190/458");
  }

  @Test
  void aCallbackSignedWithAnotherSecretOrTooOldIsRejected() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    InstagramEmulator.Callback callback = ig.dataDeletionRequest(InstagramEmulator.DEFAULT_USER_ID);
    InstagramClient other = socialink(ig, false, "another-secret").client(InstagramClient.class);
    InstagramClient mine = socialink(ig, false).client(InstagramClient.class);

    assertThat(catchThrowableOfType(WebhookRejectedException.class,
        () -> other.callback(callback.webhookRequest(), InstagramSignedRequest.Kind.DATA_DELETION)).getMessage())
        .contains("signature");
    assertThat(mine.callback(callback.webhookRequest(), InstagramSignedRequest.Kind.DATA_DELETION).userId())
        .isEqualTo(InstagramEmulator.DEFAULT_USER_ID);
    assertThat(callback.toString()).doesNotContain(callback.signedRequest());
    clock.advance(Duration.ofMinutes(16));
    assertThatRejected(mine, callback);
  }

  @Test
  void theProvidersWebhookVerifierTurnsTheCallbacksIntoEvents() {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    WebhookVerifier webhooks = socialink(ig, false).client(InstagramClient.class).webhooks().orElseThrow();
    WebhookRequest deauthorize = ig.removeApp(InstagramEmulator.DEFAULT_USER_ID).webhookRequest();
    WebhookRequest deletion = ig.dataDeletionRequest(InstagramEmulator.DEFAULT_USER_ID).webhookRequest();
    WebhookRequest deletionUrl = new WebhookRequest(HttpMethod.POST, Map.of("callback", "data-deletion"),
        deletion.headers(), deletion.body());

    assertThat(webhooks.verify(deauthorize)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(WebhookEvent.Type.DEAUTHORIZED);
      assertThat(e.userId()).contains(InstagramEmulator.DEFAULT_USER_ID);
    });
    assertThat(webhooks.verify(deletionUrl)).singleElement().satisfies(e ->
        assertThat(e.type()).isEqualTo(WebhookEvent.Type.DATA_DELETION_REQUESTED));
  }

  static void assertThatRejected(InstagramClient client, InstagramEmulator.Callback callback) {
    assertThat(catchThrowableOfType(WebhookRejectedException.class,
        () -> client.callback(callback.webhookRequest(), InstagramSignedRequest.Kind.DATA_DELETION)).getMessage())
        .contains("issued at");
  }

  @Test
  void faultsAreRetriedOrClassified() throws Exception {
    InstagramEmulator ig = emulator(InstagramEmulator.builder());
    Socialink s = socialink(ig, true);
    Grant g = link(s, ig);
    InstagramClient client = s.client(InstagramClient.class);
    long linking = ig.count("GET", "/v25.0/me");

    ig.failNext(1, 503);
    assertThat(client.profile(g)).isEqualTo(g.account());
    assertThat(ig.count("GET", "/v25.0/me")).isEqualTo(linking + 2);

    ig.resetNext(1);
    assertThat(client.profile(g)).isEqualTo(g.account());
    assertThat(ig.count("GET", "/v25.0/me")).isEqualTo(linking + 4);

    ig.failNext(10, 500);
    SocialinkException down = catchThrowableOfType(SocialinkException.class, () -> client.profile(g));
    assertThat(down.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(down.platformCode()).contains("2");
    assertThat(down.attempts()).isEqualTo(3);
    assertThat(ig.count("GET", "/v25.0/me")).isEqualTo(linking + 4 + 3);
    ig.failNext(0, 500);

    ig.throttleNext(1);
    SocialinkException throttled = catchThrowableOfType(SocialinkException.class,
        () -> socialink(ig, false).client(InstagramClient.class).profile(g));
    assertThat(throttled.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(throttled.platformCode()).contains("80002");
  }
}
