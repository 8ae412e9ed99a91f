package io.socialink.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static io.socialink.tiktok.TikTokWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SourceMedia;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.spi.TextRules;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TikTok as a cross-post target against WireMock: inbox drafts by default, Direct Posts with a chosen privacy, title limits. */
class TikTokCrossPostTargetWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  final TikTokWireMock.RecordingSleeper sleeper = new TikTokWireMock.RecordingSleeper();
  static final Post VIDEO = new Post("new #cat video", List.of(MediaContent.ofBytes("video/mp4", new byte[1000])));

  static Grant grant() {
    return new Grant("g-1", "owner-1", Account.of(TikTokProvider.ID, TikTokWireMock.OPEN_ID), TikTokProvider.LOGIN_KIT.id(),
        TikTokWireMock.CLIENT_KEY, Secret.of("act.crosspost12345Crosspost12345"), Optional.empty(),
        Set.of("user.info.basic", "video.publish", "video.upload"), "Bearer", TikTokWireMock.NOW, Optional.empty(),
        Optional.empty(), 0);
  }

  TikTokClient client(TikTokProvider.Builder b) {
    return TikTokWireMock.socialink(b.build(), TikTokWireMock.clock(), sleeper, TikTokWireMock.loginKit())
        .client(TikTokClient.class);
  }

  static String local(String fixture) {
    return TikTokWireMock.text(fixture).replace("https://open-upload.tiktokapis.com", wm.baseUrl());
  }

  @Test
  void withoutAChosenPrivacyACrossPostIsAnInboxDraftWithoutText() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/inbox/video/init/")).willReturn(json(200, local("post/inbox-init-ok.json"))));
    wm.stubFor(put(urlPathEqualTo("/video/")).willReturn(aResponse().withStatus(201)));
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).willReturn(fixture(200, "post/status-send-to-user-inbox.json")));
    TikTokClient client = client(TikTokWireMock.provider(wm));

    assertThat(client.crossPost(grant(), VIDEO).postId()).isEqualTo("v_inbox_file~v2.123456789");
    assertThat(client.sendsText()).isFalse();
    assertThat(client.listsOwnPosts()).isFalse();
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/post/publish/creator_info/query/")))).isEmpty();
  }

  @Test
  void withAChosenPrivacyACrossPostIsADirectPostWithTheCaptionAsTitle() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(fixture(200, "post/creator-info-ok.json")));
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(json(200, local("post/video-init-ok.json"))));
    wm.stubFor(put(urlPathEqualTo("/video/")).willReturn(aResponse().withStatus(201)));
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).willReturn(fixture(200, "post/status-publish-complete.json")));
    TikTokClient client = client(TikTokWireMock.provider(wm).crossPostPrivacy("SELF_ONLY"));

    assertThat(client.crossPost(grant(), VIDEO).postId()).isEqualTo("v_pub_file~v2-1.123456789");
    assertThat(client.sendsText()).isTrue();
    wm.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))
        .withRequestBody(matchingJsonPath("$.post_info.title", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
            "new #cat video")))
        .withRequestBody(matchingJsonPath("$.post_info.privacy_level",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("SELF_ONLY"))));
  }

  @Test
  void aPrivacyTheCreatorMayNotUseIsRefusedBeforeAnyUpload() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(fixture(200, "post/creator-info-ok.json")));
    TikTokClient client = client(TikTokWireMock.provider(wm).crossPostPrivacy("PUBLIC_TO_EVERYONE"));

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> client.crossPost(grant(), VIDEO));

    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("PUBLIC_TO_EVERYONE");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")))).isEmpty();
  }

  @Test
  void onlyASingleVideoIsTaken() {
    TikTokClient client = client(TikTokWireMock.provider(wm));
    SourceMedia mp4 = new SourceMedia(URI.create("https://cdn.test/a.mp4"), "video/mp4");
    SourceMedia jpg = new SourceMedia(URI.create("https://cdn.test/a.jpg"), "image/jpeg");

    assertThat(client.refusal(item(ContentType.REEL, mp4))).isEmpty();
    assertThat(client.refusal(item(ContentType.IMAGE, jpg))).get().asString().contains("PULL_FROM_URL");
    assertThat(client.refusal(item(ContentType.CAROUSEL, mp4, mp4))).get().asString().contains("one video");
  }

  @Test
  void titlesAreLimitedTo2200Utf16Units() {
    TextRules rules = new TikTokProvider().textRules();

    assertThat(rules.maxLength()).isEqualTo(2200);
    assertThat(rules.fits("a".repeat(2200))).isTrue();
    assertThat(rules.fits("\uD83D\uDE00".repeat(1100))).isTrue();
    assertThat(rules.fits("\uD83D\uDE00".repeat(1100) + "a")).isFalse(); // an emoji is two UTF-16 units
  }

  static SourceItem item(ContentType type, SourceMedia... media) {
    return new SourceItem("1", Instant.EPOCH, type, Optional.empty(), Optional.empty(), List.of(media));
  }
}
