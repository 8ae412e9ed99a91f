package io.socialink.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.CLIENT_KEY;
import static io.socialink.tiktok.TikTokWireMock.NOW;
import static io.socialink.tiktok.TikTokWireMock.OPEN_ID;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static io.socialink.tiktok.TikTokWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.MalformedPayloadException;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Content Posting against WireMock: creator info, Direct Post and inbox upload, chunked PUTs, status polling. */
class TikTokPostingWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  static final long MIB = 1024 * 1024;
  static final String TOKEN = "act.posting12345Posting12345Posting";

  final TikTokWireMock.RecordingSleeper sleeper = new TikTokWireMock.RecordingSleeper();

  static Grant grant() {
    return new Grant("g-1", "owner-1", Account.of(TikTokProvider.ID, OPEN_ID), TikTokProvider.LOGIN_KIT.id(), CLIENT_KEY,
        Secret.of(TOKEN), Optional.empty(), Set.of("user.info.basic", "video.publish", "video.upload"), "Bearer", NOW,
        Optional.empty(), Optional.empty(), 0);
  }

  Socialink socialink(TikTokProvider.Builder provider) {
    return TikTokWireMock.socialink(provider.build(), TikTokWireMock.clock(), sleeper, TikTokWireMock.loginKit());
  }

  TikTokClient client() {
    return socialink(TikTokWireMock.provider(wm).uploadChunkBytes(5 * MIB)).client(TikTokClient.class);
  }

  /** A fixture whose upload_url points at WireMock instead of open-upload.tiktokapis.com. */
  static String local(String fixture) {
    return TikTokWireMock.text(fixture).replace("https://open-upload.tiktokapis.com", wm.baseUrl());
  }

  static byte[] bytes(long size) {
    byte[] b = new byte[(int) size];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  void stubUpload() {
    wm.stubFor(put(urlPathEqualTo("/video/")).willReturn(aResponse().withStatus(206)));
  }

  @Test
  void creatorInfoIsAskedWithAnEmptyPostAndGivesThePrivacyOptions() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(fixture(200, "post/creator-info-ok.json")));

    TikTokCreatorInfo info = client().creatorInfo(grant());

    LoggedRequest r = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/post/publish/creator_info/query/"))).get(0);
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(info.privacyLevelOptions()).containsExactly("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
    assertThat(info.allows("PUBLIC_TO_EVERYONE")).isFalse();
    assertThat(info.username()).contains("catvideos");
    assertThat(info.maxVideoPostDurationSec()).contains(300L);
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(json(200,
        "{\"data\":{\"creator_username\":\"x\"},\"error\":{\"code\":\"ok\"}}")));
    assertThatThrownBy(() -> client().creatorInfo(grant())).isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("privacy_level_options");
  }

  @Test
  void directPostOfAFileInitializesThenPutsEachChunkInOrderWithContentRange() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(json(200, local("post/video-init-ok.json"))));
    wm.stubFor(put(urlPathEqualTo("/video/")).withHeader("Content-Range", containing("bytes 0-"))
        .willReturn(aResponse().withStatus(206)));
    wm.stubFor(put(urlPathEqualTo("/video/")).withHeader("Content-Range", containing("bytes 5242880-"))
        .willReturn(aResponse().withStatus(201)));
    long size = 11 * MIB;
    byte[] video = bytes(size);
    AtomicInteger opened = new AtomicInteger();
    MediaContent media = new MediaContent("video/mp4", size, () -> {
      opened.incrementAndGet();
      return new ByteArrayInputStream(video);
    });

    String publishId = client().directPost(grant(), new TikTokPostInfo("this will be a funny #cat video on your @tiktok #fyp",
        "MUTUAL_FOLLOW_FRIENDS", false, true, false, Optional.of(1000L)), media);

    assertThat(publishId).isEqualTo("v_pub_file~v2-1.123456789");
    wm.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withRequestBody(equalToJson("{\"post_info\":{\"title\":\"this will be a funny #cat video on your @tiktok #fyp\","
            + "\"privacy_level\":\"MUTUAL_FOLLOW_FRIENDS\",\"disable_duet\":false,\"disable_comment\":true,"
            + "\"disable_stitch\":false,\"video_cover_timestamp_ms\":1000},\"source_info\":{\"source\":\"FILE_UPLOAD\","
            + "\"video_size\":11534336,\"chunk_size\":5242880,\"total_chunk_count\":2}}")));
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo("/video/")));
    assertThat(puts).hasSize(2);
    assertThat(puts.get(0).getHeader("Content-Range")).isEqualTo("bytes 0-5242879/11534336");
    assertThat(puts.get(1).getHeader("Content-Range")).isEqualTo("bytes 5242880-11534335/11534336");
    assertThat(puts.get(0).queryParameter("upload_id").firstValue()).isEqualTo("67890");
    assertThat(puts.get(0).getHeader("Content-Type")).isEqualTo("video/mp4");
    assertThat(puts.get(0).getBody()).hasSize((int) (5 * MIB));
    assertThat(puts.get(1).getBody()).hasSize((int) (6 * MIB)).as("the final chunk carries the remainder");
    assertThat(puts.get(1).getBody()[0]).isEqualTo(video[(int) (5 * MIB)]);
    assertThat(puts.get(0).containsHeader("Authorization")).as("the upload URL carries its own token").isFalse();
    assertThat(opened).hasValue(1);
  }

  @Test
  void aVideoSmallerThanAChunkGoesWhole() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/inbox/video/init/")).willReturn(json(200, local("post/inbox-init-ok.json"))));
    stubUpload();

    String publishId = client().uploadToInbox(grant(), MediaContent.ofBytes("video/mp4", bytes(1000)));

    assertThat(publishId).isEqualTo("v_inbox_file~v2.123456789");
    wm.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/inbox/video/init/")).withRequestBody(equalToJson(
        "{\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":1000,\"chunk_size\":1000,\"total_chunk_count\":1}}")));
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo("/video/")));
    assertThat(puts).singleElement().satisfies(p -> assertThat(p.getHeader("Content-Range")).isEqualTo("bytes 0-999/1000"));
  }

  @Test
  void aSourceShorterOrLongerThanItsSizeIsRefused() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/inbox/video/init/")).willReturn(json(200, local("post/inbox-init-ok.json"))));
    stubUpload();
    MediaContent shorter = new MediaContent("video/mp4", 2000, () -> new ByteArrayInputStream(bytes(1500)));
    MediaContent longer = new MediaContent("video/mp4", 2000, () -> new ByteArrayInputStream(bytes(2500)));

    for (MediaContent m : List.of(shorter, longer)) {
      SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> client().uploadToInbox(grant(), m));
      assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.getMessage()).contains("size");
    }
  }

  @Test
  void pullFromUrlSendsTheUrlAndNoUpload() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(fixture(200, "post/url-init-ok.json")));

    String id = client().directPostFromUrl(grant(), TikTokPostInfo.privatePost("cat"), URI.create("https://cdn.example/x.mp4"));

    assertThat(id).isEqualTo("v_pub_url~v2.123456789");
    wm.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")).withRequestBody(equalToJson(
        "{\"post_info\":{\"title\":\"cat\",\"privacy_level\":\"SELF_ONLY\",\"disable_duet\":false,\"disable_comment\":false,"
            + "\"disable_stitch\":false},\"source_info\":{\"source\":\"PULL_FROM_URL\",\"video_url\":\"https://cdn.example/x.mp4\"}}")));
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo("/video/")))).isEmpty();
    assertThatThrownBy(() -> client().directPostFromUrl(grant(), TikTokPostInfo.privatePost("cat"),
        URI.create("http://cdn.example/x.mp4"))).isInstanceOf(SocialinkException.class).hasMessageContaining("https");
  }

  @Test
  void aFileUploadInitWithoutUploadUrlIsATypedError() {
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(fixture(200, "post/url-init-ok.json")));

    assertThatThrownBy(() -> client().directPost(grant(), TikTokPostInfo.privatePost("cat"),
        MediaContent.ofBytes("video/mp4", bytes(10)))).isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("upload_url");
  }

  @Test
  void nonVideosAndUnknownPrivacyLevelsAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> client().directPost(grant(), TikTokPostInfo.privatePost("x"),
        MediaContent.ofBytes("image/jpeg", bytes(10)))).isInstanceOfSatisfying(SocialinkException.class,
        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST));
    assertThatThrownBy(() -> new TikTokPostInfo("x", "EVERYONE", false, false, false, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void awaitPublishPollsThroughTheSleeperUntilTikTokIsDone() {
    String path = "/v2/post/publish/status/fetch/";
    wm.stubFor(post(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(fixture(200, "post/status-processing-upload.json")).willSetStateTo("2"));
    wm.stubFor(post(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs("2")
        .willReturn(fixture(200, "post/status-processing-download.json")).willSetStateTo("3"));
    wm.stubFor(post(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs("3")
        .willReturn(fixture(200, "post/status-publish-complete.json")));

    TikTokPublishStatus done = client().awaitPublish(grant(), "v_pub_file~v2-1.123456789");

    assertThat(done.status()).isEqualTo("PUBLISH_COMPLETE");
    assertThat(done.publicPostIds()).containsExactly("7304895727592032520");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    wm.verify(3, postRequestedFor(urlPathEqualTo(path))
        .withRequestBody(equalToJson("{\"publish_id\":\"v_pub_file~v2-1.123456789\"}")));
  }

  @Test
  void awaitPublishGivesUpAfterTheLongestWaitAndReportsFailures() {
    String path = "/v2/post/publish/status/fetch/";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(fixture(200, "post/status-processing-upload.json")));
    TikTokClient client = socialink(TikTokWireMock.provider(wm).maxPublishWait(Duration.ofSeconds(12)))
        .client(TikTokClient.class);

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> client.awaitPublish(grant(), "p-1"));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.getMessage()).contains("p-1").contains("PROCESSING_UPLOAD");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    wm.verify(3, postRequestedFor(urlPathEqualTo(path)));

    wm.stubFor(post(urlPathEqualTo(path)).willReturn(fixture(200, "post/status-failed.json")));
    TikTokPublishStatus failed = client.awaitPublish(grant(), "p-1");
    assertThat(failed.failed()).isTrue();
    assertThat(failed.failReason()).contains("file_format_check_failed");
  }

  @Test
  void publishThroughSocialinkUploadsTheVideoToTheInboxAndWaitsForDelivery() {
    wm.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(fixture(200, "oauth/token-ok.json")));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v2/user/info/"))
        .willReturn(fixture(200, "v2/user-info-profile.json")));
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/inbox/video/init/")).willReturn(json(200, local("post/inbox-init-ok.json"))));
    stubUpload();
    wm.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).willReturn(fixture(200, "post/status-send-to-user-inbox.json")));
    Socialink s = socialink(TikTokWireMock.provider(wm));
    var start = s.linking().authorize("owner-1", "tiktok", "login-kit", List.of("user.info.basic", "video.upload"));
    var linked = s.linking().complete("owner-1", io.socialink.auth.CallbackParameters.fromQuery("code=c&state=" + start.state()));

    PublishedPost published = s.publishing().publish("owner-1", linked.grant().id(),
        new Post("ignored caption", List.of(MediaContent.ofBytes("video/mp4", bytes(64)))));

    assertThat(published.postId()).isEqualTo("v_inbox_file~v2.123456789");
    assertThat(sleeper.waits).isEmpty();
    assertThatThrownBy(() -> s.publishing().publish("owner-1", linked.grant().id(), Post.text("text only")))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST));
  }
}
