package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.instagram.InstagramWireMock.IG_ID;
import static io.socialink.instagram.InstagramWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The profile, media listing and content publishing against WireMock. */
class InstagramUseWireMockTest {
  static final String CONTAINER = "17889455560051444";

  @RegisterExtension
  static WireMockExtension wm = InstagramWireMock.extension();

  final TestClock clock = InstagramWireMock.clock();
  final InstagramWireMock.RecordingSleeper sleeper = new InstagramWireMock.RecordingSleeper();
  final Socialink s = InstagramWireMock.socialink(InstagramWireMock.provider(wm), clock, sleeper,
      InstagramWireMock.credentials());
  final InstagramClient ig = s.client(InstagramClient.class);
  final Grant grant = new Grant("g1", "owner-1", Account.of("instagram", IG_ID), "instagram-login",
      InstagramWireMock.APP_ID, Secret.of("IGAAusertoken0123456789"), Optional.of(Secret.of("IGAAusertoken0123456789")),
      Set.of("instagram_business_basic", "instagram_business_content_publish"), "bearer", InstagramWireMock.NOW,
      Optional.of(InstagramWireMock.NOW.plus(Duration.ofDays(60))), Optional.empty(), 0);

  @Test
  void theProfileKeepsBothIdsApartAndBecomesTheAccount() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(fixture(200, "success/me.json")));
    InstagramUser u = ig.user(grant);
    assertThat(u.userId()).isEqualTo(IG_ID);
    assertThat(u.appScopedId()).contains("7000000000000001");
    assertThat(u.username()).contains("bronzfonz");
    assertThat(u.name()).contains("Bronz Fonz");
    assertThat(u.accountType()).contains("BUSINESS");
    assertThat(u.followersCount()).hasValue(1200);
    assertThat(u.followsCount()).hasValue(80);
    assertThat(u.mediaCount()).hasValue(42);
    assertThat(u.profilePictureUrl()).isPresent();
    Account a = ig.profile(grant);
    assertThat(a).isEqualTo(Account.of("instagram", IG_ID));
    assertThat(a.handle()).contains("bronzfonz");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v25.0/me"))).get(0).queryParameter("fields").firstValue())
        .isEqualTo(InstagramClient.PROFILE_FIELDS);
  }

  @Test
  void aProfileWithoutUserIdIsMalformed() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(InstagramWireMock.json(200, "{\"id\":\"1\"}")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> ig.user(grant));
    assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(e.getMessage()).contains("user_id");
  }

  @Test
  void mediaPagesFollowTheAfterCursorUntilNextIsAbsent() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/media")).withQueryParam("after", equalTo("QVFIUnZ"))
        .willReturn(fixture(200, "success/media-list-last-page.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/me/media")).withQueryParam("limit", equalTo("25")).atPriority(10)
        .willReturn(fixture(200, "success/media-list.json")));
    InstagramMediaPage first = ig.media(grant, Optional.empty(), 25);
    assertThat(first.media()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("17895695668004550");
      assertThat(m.caption()).contains("error handling, explained");
      assertThat(m.mediaType()).contains("IMAGE");
      assertThat(m.timestamp()).contains(Instant.parse("2026-01-01T12:00:00Z"));
      assertThat(m.permalink()).contains(URI.create("https://www.instagram.com/p/C0DEabc123/"));
    });
    assertThat(first.after()).contains("QVFIUnZ");
    InstagramMediaPage last = ig.media(grant, first.after(), 25);
    assertThat(last.hasNext()).isFalse();
    assertThat(last.media()).singleElement().satisfies(m -> {
      assertThat(m.caption()).isEmpty();
      assertThat(m.mediaProductType()).contains("REELS");
    });
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v25.0/me/media"))).get(0).queryParameter("fields")
        .firstValue()).isEqualTo(InstagramClient.MEDIA_FIELDS);
  }

  @Test
  void anImageIsContainedPolledThroughTheSleeperCheckedAgainstTheLiveQuotaThenPublished() {
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).willReturn(fixture(200, "success/container-created.json")));
    stubStatus("success/container-status-in-progress.json", "success/container-status-finished.json");
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ID + "/content_publishing_limit"))
        .willReturn(fixture(200, "success/content-publishing-limit.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")).willReturn(fixture(200, "success/media-publish.json")));
    PublishedPost p = ig.publishImage(grant, URI.create("https://www.example.com/images/bronz-fonz.jpg"),
        Optional.of("#BronzFonz"));
    assertThat(p.postId()).isEqualTo("17920238422030506");
    assertThat(sleeper.waits).containsExactly(Duration.ofMinutes(1));
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).withRequestBody(equalToJson(
        "{\"image_url\":\"https://www.example.com/images/bronz-fonz.jpg\",\"caption\":\"#BronzFonz\"}")));
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish"))
        .withRequestBody(equalToJson("{\"creation_id\":\"" + CONTAINER + "\"}")));
    wm.verify(getRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/content_publishing_limit"))
        .withQueryParam("fields", equalTo("quota_usage,config")));
  }

  @Test
  void aReachedQuotaPublishesNothing() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-finished.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ID + "/content_publishing_limit"))
        .willReturn(fixture(200, "success/content-publishing-limit-reached.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> ig.publishContainer(grant, CONTAINER));
    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(e.getMessage()).contains("50 of 50");
    wm.verify(0, postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")));
  }

  @Test
  void aContainerInErrorOrAlreadyPublishedIsNeverPublished() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-error.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> ig.publishContainer(grant, CONTAINER));
    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("ERROR").contains("2207003");
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-published.json")));
    assertThat(catchThrowableOfType(SocialinkException.class, () -> ig.publishContainer(grant, CONTAINER)).category())
        .isEqualTo(ErrorCategory.DUPLICATE);
    wm.verify(0, postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")));
  }

  @Test
  void theWaitForAContainerIsBoundedAndTransient() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-in-progress.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> ig.awaitContainer(grant, CONTAINER));
    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(sleeper.waits).hasSize(5).allMatch(Duration.ofMinutes(1)::equals);
    wm.verify(6, getRequestedFor(urlPathEqualTo("/v25.0/" + CONTAINER)));
  }

  @Test
  void aCarouselMakesChildrenThenTheParentAndAReelSendsReels() {
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).willReturn(fixture(200, "success/container-created.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-finished.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ID + "/content_publishing_limit"))
        .willReturn(fixture(200, "success/content-publishing-limit.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")).willReturn(fixture(200, "success/media-publish.json")));
    ig.publishCarousel(grant, List.of(InstagramCarouselItem.image(URI.create("https://e.example/a.jpg")),
        InstagramCarouselItem.video(URI.create("https://e.example/b.mp4"))), Optional.of("two"));
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).withRequestBody(equalToJson(
        "{\"is_carousel_item\":true,\"image_url\":\"https://e.example/a.jpg\"}")));
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).withRequestBody(equalToJson(
        "{\"is_carousel_item\":true,\"media_type\":\"VIDEO\",\"video_url\":\"https://e.example/b.mp4\"}")));
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).withRequestBody(equalToJson(
        "{\"media_type\":\"CAROUSEL\",\"children\":\"" + CONTAINER + "," + CONTAINER + "\",\"caption\":\"two\"}")));
    ig.publishReel(grant, URI.create("https://e.example/r.mp4"), Optional.empty(), true);
    wm.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).withRequestBody(equalToJson(
        "{\"media_type\":\"REELS\",\"video_url\":\"https://e.example/r.mp4\",\"share_to_feed\":true}")));
    wm.verify(2, postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")));
  }

  @Test
  void aCarouselOutside2To10ItemsAndAPostOfBytesAreRefusedWithoutARequest() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ig.publishCarousel(grant,
        List.of(InstagramCarouselItem.image(URI.create("https://e.example/a.jpg"))), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> ig.publish(grant, Post.text("hi")));
    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.remediation()).contains("publishImage");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aGraphErrorOnPublishIsClassifiedByItsCodes() {
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-finished.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ID + "/content_publishing_limit"))
        .willReturn(fixture(200, "success/content-publishing-limit.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")).willReturn(fixture(400,
        "errors/9-2207042-publish-quota.json")));
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> ig.publishContainer(grant, CONTAINER));
    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(e.platformCode()).contains("9/2207042");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")));
  }

  @Test
  void everyUseCallCarriesItsGroupIdempotencyAppKeyAndUserKey() {
    List<io.socialink.http.ApiCall> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Socialink recording = Socialink.builder().register(InstagramWireMock.provider(wm)).clock(clock).sleeper(sleeper)
        .resilience(io.socialink.resilience.ResilienceSettings.ofDefaults()
            .withRetry(io.socialink.resilience.RetryPolicy.disabled())
            .withCircuitBreaker(io.socialink.resilience.CircuitBreakerPolicy.disabled()))
        .addInterceptor(chain -> {
          seen.add(chain.call());
          return chain.proceed(chain.call());
        })
        .credentials(InstagramWireMock.credentials()).build();
    InstagramClient c = recording.client(InstagramClient.class);
    wm.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(fixture(200, "success/me.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media")).willReturn(fixture(200, "success/container-created.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).willReturn(fixture(200, "success/container-status-finished.json")));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ID + "/content_publishing_limit"))
        .willReturn(fixture(200, "success/content-publishing-limit.json")));
    wm.stubFor(post(urlPathEqualTo("/v25.0/" + IG_ID + "/media_publish")).willReturn(fixture(200, "success/media-publish.json")));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/v25.0/me/subscribed_apps"))
        .willReturn(fixture(200, "success/subscribed-apps.json")));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/me/permissions"))
        .willReturn(InstagramWireMock.json(200, "{\"success\":true}")));
    assertThat(c.isTokenDead(grant)).isFalse();
    c.publishImage(grant, URI.create("https://e.example/a.jpg"), Optional.empty());
    assertThat(c.bestEffortRevoke(grant)).allMatch(InstagramRevocationAttempt::accepted);
    assertThat(seen).extracting(io.socialink.http.ApiCall::endpointGroup).containsExactly(InstagramEndpointGroups.ME,
        InstagramEndpointGroups.MEDIA_CONTAINER, InstagramEndpointGroups.CONTAINER_STATUS,
        InstagramEndpointGroups.PUBLISHING_LIMIT, InstagramEndpointGroups.MEDIA_PUBLISH,
        InstagramEndpointGroups.SUBSCRIBED_APPS, InstagramEndpointGroups.PERMISSIONS);
    assertThat(seen).extracting(io.socialink.http.ApiCall::idempotency).containsExactly(
        io.socialink.http.Idempotency.IDEMPOTENT, io.socialink.http.Idempotency.NON_IDEMPOTENT,
        io.socialink.http.Idempotency.IDEMPOTENT, io.socialink.http.Idempotency.IDEMPOTENT,
        io.socialink.http.Idempotency.NON_IDEMPOTENT, io.socialink.http.Idempotency.IDEMPOTENT,
        io.socialink.http.Idempotency.IDEMPOTENT);
    assertThat(seen).allSatisfy(call -> {
      assertThat(call.appKey()).isEqualTo(InstagramWireMock.APP_ID);
      assertThat(call.userKey()).contains("instagram:" + IG_ID);
      assertThat(call.request().declaredSecrets()).extracting(Secret::reveal).contains("IGAAusertoken0123456789");
    });
  }

  void stubStatus(String first, String then) {
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).inScenario("status").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(fixture(200, first)).willSetStateTo("second"));
    wm.stubFor(get(urlPathEqualTo("/v25.0/" + CONTAINER)).inScenario("status").whenScenarioStateIs("second")
        .willReturn(fixture(200, then)));
  }
}
