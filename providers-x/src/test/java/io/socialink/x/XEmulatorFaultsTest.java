package io.socialink.x;

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
import io.socialink.http.TransportOptions;
import io.socialink.resilience.RetryPolicy;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider under the emulator's faults, limits and clock. */
class XEmulatorFaultsTest {
  TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  XEmulator x;
  Socialink socialink;
  List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() {
    x = XEmulator.builder().clock(clock).mediaProcessingPolls(3).start();
    socialink = Socialink.builder()
        .register(XProvider.builder().endpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())).mediaChunkBytes(1024).build())
        .sleeper(waits::add)
        .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
            XEmulator.REDIRECT_URI))
        .clock(clock)
        .transportOptions(new TransportOptions(Duration.ofSeconds(2), Duration.ofMillis(300)))
        // Each injected fault must surface as one classified failure here; core's pipeline tests cover retrying.
        .resilience(io.socialink.resilience.ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled()))
        .build();
  }

  @AfterEach
  void stop() {
    x.close();
  }

  Grant link() {
    AuthorizationStart start = socialink.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);
    return socialink.linking().complete("owner-1", CallbackParameters.fromUri(x.consent(start.url()))).grant();
  }

  SocialinkException failure(Runnable r) {
    try {
      r.run();
    } catch (SocialinkException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void serverErrorsResetsAndSlowAnswersAreTransient() {
    Grant g = link();

    x.failNext(1, 503);
    assertThat(failure(() -> socialink.grants().profile("owner-1", g.id())).category()).isEqualTo(ErrorCategory.TRANSIENT);
    x.resetNext(1);
    assertThat(failure(() -> socialink.grants().profile("owner-1", g.id())).category()).isEqualTo(ErrorCategory.TRANSIENT);
    x.delayNext(1, Duration.ofMillis(700));
    assertThat(failure(() -> socialink.grants().profile("owner-1", g.id())).category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(socialink.grants().profile("owner-1", g.id()).userId()).isEqualTo(XEmulator.DEFAULT_USER.id());
  }

  @Test
  void aSpentLimitIsRateLimitedUntilTheWindowResets() {
    Grant g = link();
    x.rateLimit("users.me", 1, Duration.ofMinutes(15));
    socialink.grants().profile("owner-1", g.id());

    SocialinkException e = failure(() -> socialink.grants().profile("owner-1", g.id()));

    assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(e.retryAt()).contains(clock.instant().plus(Duration.ofMinutes(15)));
  }

  @Test
  void aCodeOlderThanThirtySecondsMeansLinkingAgain() {
    AuthorizationStart start = socialink.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);
    CallbackParameters callback = CallbackParameters.fromUri(x.consent(start.url()));
    clock.advance(Duration.ofSeconds(31));

    assertThatThrownBy(() -> socialink.linking().complete("owner-1", callback))
        // A code exchange has no grant to revoke: the link starts again (was AUTH_REVOKED).
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category())
            .isEqualTo(ErrorCategory.INVALID_REQUEST));
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceThenUsed() {
    Grant g = link();
    clock.advance(Duration.ofHours(2));

    assertThat(socialink.grants().profile("owner-1", g.id()).userId()).isEqualTo(XEmulator.DEFAULT_USER.id());
    assertThat(x.count("POST", "/2/oauth2/token")).isEqualTo(2);
  }

  @Test
  void aVideoIsUploadedInChunksAndPostedOnceProcessed() {
    Grant g = link();
    byte[] video = new byte[3000];

    socialink.publishing().publish("owner-1", g.id(), new Post("a video", List.of(MediaContent.ofBytes("video/mp4", video))));

    assertThat(x.count("POST", "/2/media/upload/1880028106020515840/append")).isEqualTo(3);
    assertThat(waits).hasSize(3);
    assertThat(x.posts()).singleElement().satisfies(p -> assertThat(p.mediaIds()).containsExactly("1880028106020515840"));
  }

  @Test
  void whoConsentedIsWhoIsLinked() {
    x.consentAs(new XEmulator.User("1111111111111111111", "someone", "Some One"));

    assertThat(link().account().handle()).contains("someone");
  }

  @Test
  void withheldScopesAreReportedMissing() {
    x.withholdScopes("media.write");
    AuthorizationStart start = socialink.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);

    assertThat(socialink.linking().complete("owner-1", CallbackParameters.fromUri(x.consent(start.url())))
        .missingScopes()).containsExactly("media.write");
  }

  @Test
  void aDeclinedConsentIsRefusedWithoutATokenRequest() {
    x.denyNextConsent();
    AuthorizationStart start = socialink.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);

    assertThatThrownBy(() -> socialink.linking().complete("owner-1", CallbackParameters.fromUri(x.consent(start.url()))))
        .hasMessageContaining("access_denied");
    assertThat(x.count("POST", "/2/oauth2/token")).isZero();
  }
}
