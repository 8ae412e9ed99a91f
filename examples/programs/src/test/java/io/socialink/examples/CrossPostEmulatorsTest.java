package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostFailure;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncReport;
import io.socialink.error.ErrorCategory;
import io.socialink.instagram.InstagramEndpoints;
import io.socialink.instagram.InstagramProvider;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.testkit.x.XEmulator;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cross-posting through the real providers against the emulators: revoked access, rate limits, TikTok as a target. */
class CrossPostEmulatorsTest {
  static final String OWNER = "owner-1";
  static final byte[] FILE = new byte[] {1, 2, 3, 4};

  final TestClock clock = TestClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  final List<Duration> sleeps = new ArrayList<>();
  final InstagramEmulator ig = InstagramEmulator.builder().clock(clock).start();
  final XEmulator x = XEmulator.builder().clock(clock).start();
  final TikTokEmulator tiktok = TikTokEmulator.builder().clock(clock).start();
  volatile Runnable afterSleep = () -> { };
  final List<CrossPostFailure> failures = new ArrayList<>();
  final List<Link> broken = new ArrayList<>();
  final CrossPostListener listener = new CrossPostListener() {
    @Override
    public void failed(CrossPostFailure failure) {
      failures.add(failure);
    }

    @Override
    public void linkBroken(Link link, CrossPostFailure cause) {
      broken.add(link);
    }
  };
  final Socialink socialink = Socialink.builder()
      .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
      .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
          ig.graphBaseUri())).build())
      .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
          tiktok.apiBaseUri())).build())
      .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
          XEmulator.REDIRECT_URI))
      .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
          InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
      .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
          TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
      .resilience(ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled()))
      .clock(clock)
      .sleeper(d -> {
        sleeps.add(d);
        clock.advance(d);
        afterSleep.run();
      })
      .build();

  @AfterEach
  void stop() {
    ig.close();
    x.close();
    tiktok.close();
  }

  Grant instagram() {
    AuthorizationStart start = socialink.linking().authorize(OWNER, InstagramProvider.ID);
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(ig.consent(start.url()))).grant();
  }

  Grant xAccount() {
    AuthorizationStart start = socialink.linking().authorize(OWNER, "x", "oauth2", XScopes.POSTING);
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(x.consent(start.url()))).grant();
  }

  Grant tiktokAccount() {
    AuthorizationStart start = socialink.linking().authorize(OWNER, TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
        List.of("user.info.basic", "video.upload"));
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(tiktok.consent(start.url()))).grant();
  }

  String post(String type, String product, String caption) {
    clock.advance(Duration.ofMinutes(1));
    return ig.addMedia(InstagramEmulator.DEFAULT_USER_ID, type, product, Optional.of(caption), Optional.of(FILE));
  }

  @Test
  void removingTheAppOnInstagramMarksTheLinkBrokenAndTheLoopEnds() {
    Link link = socialink.crossPosting().link(OWNER, instagram().id(), xAccount().id(), CrossPostRules.ofDefaults());
    socialink.crossPosting().syncNow(OWNER, link.id(), listener);
    post("IMAGE", "FEED", "posted before the removal");
    ig.removeApp(InstagramEmulator.DEFAULT_USER_ID);
    sleeps.clear();

    SyncReport report = socialink.crossPosting().sync(OWNER, link.id(), listener).run(Duration.ofMinutes(5));

    assertThat(report.stopped()).isTrue();
    assertThat(sleeps).isEmpty();
    assertThat(x.posts()).isEmpty();
    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
      assertThat(f.message()).contains("reading the source").contains("link the account again");
    });
    assertThat(broken).singleElement().extracting(Link::state).isEqualTo(LinkState.BROKEN);
    assertThat(socialink.links().find(OWNER, link.id())).get().extracting(Link::state).isEqualTo(LinkState.BROKEN);
  }

  @Test
  void aRateLimitOnXIsWaitedOutAndEveryItemIsPostedOnce() {
    Link link = socialink.crossPosting().link(OWNER, instagram().id(), xAccount().id(), CrossPostRules.ofDefaults());
    socialink.crossPosting().syncNow(OWNER, link.id(), listener);
    x.rateLimit("tweets.create", 1, Duration.ofMinutes(15));
    post("IMAGE", "FEED", "first");
    post("IMAGE", "FEED", "second");
    post("IMAGE", "FEED", "third");
    io.socialink.crosspost.CrossPostSync sync = socialink.crossPosting().sync(OWNER, link.id(), listener);
    afterSleep = () -> {
      if (x.posts().size() == 3) {
        sync.stop();
      }
    };
    sleeps.clear();

    SyncReport report = sync.run(Duration.ofMinutes(5));

    assertThat(x.posts()).extracting(XEmulator.PostRecord::text)
        .satisfiesExactly(t -> assertThat(t).startsWith("first"), t -> assertThat(t).startsWith("second"),
            t -> assertThat(t).startsWith("third"));
    assertThat(failures).isNotEmpty().allSatisfy(f -> assertThat(f.category()).isEqualTo(ErrorCategory.RATE_LIMITED));
    assertThat(broken).isEmpty();
    assertThat(socialink.crossPosting().journal(OWNER, link.id())).extracting(CrossPostEntry::state)
        .containsOnly(CrossPostEntry.State.POSTED);
    assertThat(report.posted()).hasSize(3);
    // The loop waited for X's announced reset, longer than its 5-minute interval, instead of polling into 429s.
    assertThat(sleeps).anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(5)));
    assertThat(failures).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void tikTokTakesReelsAsInboxDraftsAndSkipsImagesWithAReason() {
    Link link = socialink.crossPosting().link(OWNER, instagram().id(), tiktokAccount().id(),
        CrossPostRules.ofDefaults());
    socialink.crossPosting().syncNow(OWNER, link.id(), listener);
    String reel = post("VIDEO", "REELS", "dance #fyp");
    String image = post("IMAGE", "FEED", "still life");

    SyncReport report = socialink.crossPosting().syncNow(OWNER, link.id(), listener);

    assertThat(report.posted()).singleElement().satisfies(e -> {
      assertThat(e.sourceItemId()).isEqualTo(reel);
      assertThat(e.targetPostId()).get().asString().startsWith("v_inbox_file~");
      assertThat(e.text()).isEmpty(); // an inbox draft carries no caption
    });
    assertThat(report.skipped()).singleElement().satisfies(e -> {
      assertThat(e.sourceItemId()).isEqualTo(image);
      assertThat(e.reason()).get().asString().contains("TikTok takes one video");
    });
    assertThat(tiktok.count("POST", "/v2/post/publish/inbox/video/init/")).isEqualTo(1);
  }
}
