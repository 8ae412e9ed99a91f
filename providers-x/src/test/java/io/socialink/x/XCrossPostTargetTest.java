package io.socialink.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.RecentPost;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SourceMedia;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.CrossPostTarget;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X as a cross-post target against the emulator: posting, recent posts with {@code GET /2/users/:id/tweets}, refusals. */
class XCrossPostTargetTest {
  static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final XEmulator x = XEmulator.builder().clock(clock).start();
  final Socialink socialink = Socialink.builder()
      .register(XProvider.builder().endpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())).build())
      .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID, Secret.of(XEmulator.CLIENT_SECRET),
          XEmulator.REDIRECT_URI))
      .clock(clock).sleeper(clock::advance).build();

  @AfterEach
  void stop() {
    x.close();
  }

  Grant link() {
    AuthorizationStart start = socialink.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);
    return socialink.linking().complete("owner-1", CallbackParameters.fromUri(x.consent(start.url()))).grant();
  }

  <T> T with(Grant g, io.socialink.auth.GrantOperation<CrossPostTarget, T> op) {
    return socialink.grants().withGrant("owner-1", g.id(), CrossPostTarget.class, op);
  }

  @Test
  void crossPostsAndFindsThemAmongRecentPostsNewestFirst() {
    Grant g = link();
    PublishedPost first = with(g, (c, grant) -> c.crossPost(grant, Post.text("first & <best>")));
    clock.advance(Duration.ofMinutes(1));
    PublishedPost second = with(g, (c, grant) -> c.crossPost(grant,
        new Post("second https://www.instagram.com/p/abc/", List.of(MediaContent.ofBytes("image/png", PIXEL)))));

    List<RecentPost> recent = with(g, (c, grant) -> c.recentPosts(grant, 2));

    assertThat(recent).extracting(RecentPost::id).containsExactly(second.postId(), first.postId());
    assertThat(recent.get(0).createdAt()).contains(Instant.parse("2026-03-01T10:01:00Z"));
    assertThat(recent.get(0).text()).matches("second https://t\\.co/\\S{10} https://t\\.co/\\S{10}");
    assertThat(recent.get(1).text()).isEqualTo("first &amp; &lt;best&gt;");
    assertThat(x.count("GET", "/2/users/" + XEmulator.DEFAULT_USER.id() + "/tweets")).isEqualTo(1);
    assertThat(x.requests()).filteredOn(r -> r.path().endsWith("/tweets") && r.method().equals("GET")).hasSize(1);
  }

  @Test
  void sameTextTwiceIsADuplicate() {
    Grant g = link();
    with(g, (c, grant) -> c.crossPost(grant, Post.text("once")));

    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> with(g, (c, grant) -> c.crossPost(grant, Post.text("once"))));

    assertThat(e.category()).isEqualTo(ErrorCategory.DUPLICATE);
    assertThat(x.posts()).hasSize(1);
  }

  @Test
  void refusesWhatAPostCannotCarry() {
    XClient client = socialink.client(XClient.class);
    SourceMedia jpg = new SourceMedia(URI.create("https://cdn.test/a.jpg"), "image/jpeg");
    SourceMedia mp4 = new SourceMedia(URI.create("https://cdn.test/a.mp4"), "video/mp4");
    SourceMedia pdf = new SourceMedia(URI.create("https://cdn.test/a.pdf"), "application/pdf");

    assertThat(client.refusal(item(jpg))).isEmpty();
    assertThat(client.refusal(item(mp4))).isEmpty();
    assertThat(client.refusal(item(jpg, jpg, jpg, jpg))).isEmpty();
    assertThat(client.refusal(item(jpg, jpg, jpg, jpg, jpg))).get().asString().contains("at most 4");
    assertThat(client.refusal(item(mp4, jpg))).get().asString().contains("one video");
    assertThat(client.refusal(item(pdf))).get().asString().contains("application/pdf");
    assertThat(client.sendsText()).isTrue();
    assertThat(client.listsOwnPosts()).isTrue();
  }

  @Test
  void theUserTimelineHasItsOwnPerUserLimit() {
    assertThat(new XProvider().rateLimitPolicies()).contains(io.socialink.resilience.RateLimitPolicy.perUser(
        "tweets.user_timeline", 900, Duration.ofMinutes(15)));
  }

  static SourceItem item(SourceMedia... media) {
    return new SourceItem("1", Instant.EPOCH, ContentType.IMAGE, Optional.empty(), Optional.empty(), List.of(media));
  }
}
