package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SourceMedia;
import io.socialink.instagram.internal.InstagramSourceItems;
import io.socialink.spi.CrossPostSource;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instagram as a cross-post source: {@code /me/media} read as items, against the emulator. */
class InstagramCrossPostSourceTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final InstagramEmulator ig = InstagramEmulator.builder().clock(clock).start();
  final Socialink s = Socialink.builder().clock(clock).sleeper(clock::advance)
      .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(ig.authorizeUri(), ig.apiBaseUri(),
          ig.graphBaseUri())).build())
      .credentials(AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(),
          InstagramEmulator.APP_ID, Secret.of(InstagramEmulator.APP_SECRET), InstagramEmulator.REDIRECT_URI))
      .build();

  @AfterEach
  void stop() {
    ig.close();
  }

  Grant link() {
    AuthorizationStart start = s.linking().authorize("owner-1", InstagramProvider.ID);
    return s.linking().complete("owner-1", CallbackParameters.fromUri(ig.consent(start.url()))).grant();
  }

  @Test
  void theClientIsASourceListingItemsNewestFirstWithTheirTypesCaptionsAndFiles() throws Exception {
    Grant g = link();
    String user = InstagramEmulator.DEFAULT_USER_ID;
    String image = ig.addMedia(user, "IMAGE", "FEED", Optional.of("a sunset #art"), Optional.of(new byte[] {1, 2, 3}));
    clock.advance(Duration.ofMinutes(1));
    String video = ig.addMedia(user, "VIDEO", "FEED", Optional.empty(), Optional.of(new byte[] {4}));
    clock.advance(Duration.ofMinutes(1));
    String reel = ig.addMedia(user, "VIDEO", "REELS", Optional.of("dance"), Optional.of(new byte[] {5}));
    clock.advance(Duration.ofMinutes(1));
    String album = ig.addMedia(user, "CAROUSEL_ALBUM", "FEED", Optional.of("trip"), Optional.of(new byte[] {6}));
    clock.advance(Duration.ofMinutes(1));
    String story = ig.addMedia(user, "IMAGE", "STORY", Optional.of("today"), Optional.of(new byte[] {7}));
    clock.advance(Duration.ofMinutes(1));
    String copyrighted = ig.addMedia(user, "VIDEO", "REELS", Optional.of("song"), Optional.empty());

    List<SourceItem> items = s.grants().withGrant("owner-1", g.id(), CrossPostSource.class,
        (c, grant) -> c.recentItems(grant, 10));

    assertThat(items).extracting(SourceItem::id).containsExactly(copyrighted, story, album, reel, video, image);
    assertThat(items).extracting(SourceItem::type).containsExactly(ContentType.REEL, ContentType.STORY,
        ContentType.CAROUSEL, ContentType.REEL, ContentType.VIDEO, ContentType.IMAGE);
    SourceItem first = items.get(5);
    assertThat(first.caption()).contains("a sunset #art");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(first.permalink()).contains(URI.create("https://www.instagram.com/p/" + image + "/"));
    assertThat(first.media()).singleElement().extracting(SourceMedia::mimeType).isEqualTo("image/jpeg");
    assertThat(items.get(4).caption()).isEmpty();
    assertThat(items.get(4).media()).singleElement().extracting(SourceMedia::mimeType).isEqualTo("video/mp4");
    assertThat(items.get(0).media()).isEmpty();
    HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(first.media().get(0).url()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.body()).containsExactly(1, 2, 3);
    assertThat(file.headers().firstValue("content-type")).contains("image/jpeg");
  }

  @Test
  void pagesAreFollowedWithinOneCallUpToTheLimit() {
    Grant g = link();
    for (int i = 0; i < 7; i++) {
      ig.addMedia(InstagramEmulator.DEFAULT_USER_ID, "IMAGE", "FEED", Optional.of("n" + i), Optional.of(new byte[] {1}));
      clock.advance(Duration.ofSeconds(1));
    }
    InstagramClient client = s.client(InstagramClient.class);
    List<Integer> asked = new ArrayList<>();

    List<SourceItem> items = InstagramSourceItems.recent((after, n) -> {
      asked.add(n);
      return client.media(g, after, Math.min(n, 3));
    }, 5);

    assertThat(items).extracting(i -> i.caption().orElse("")).containsExactly("n6", "n5", "n4", "n3", "n2");
    assertThat(asked).containsExactly(5, 2);
  }
}
