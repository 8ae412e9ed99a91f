package io.socialink.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.socialink.x.XWireMock.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XPayloads;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Profile, posts and media against WireMock fixtures made of X's documented payloads. */
class XPublishWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = XWireMock.extension();

  TestClock clock = XWireMock.clock();
  List<Duration> waits = new ArrayList<>();
  Socialink socialink;
  Grant grant;

  @BeforeEach
  void link() {
    XProvider provider = XProvider.builder().endpoints(XWireMock.endpoints(wm)).mediaChunkBytes(1024)
        .maxProcessingWait(Duration.ofSeconds(5)).build();
    socialink = Socialink.builder().register(provider).credentials(XWireMock.confidential()).clock(clock)
        .sleeper(waits::add).build();
    wm.stubFor(post(urlEqualTo("/2/oauth2/token")).willReturn(fixture(200, XPayloads.TOKEN)));
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(fixture(200, XPayloads.USERS_ME)));
    AuthorizationStart start = socialink.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);
    grant = socialink.linking().complete("owner-1", CallbackParameters.fromQuery("state=" + start.state() + "&code=c"))
        .grant();
    wm.resetRequests();
  }

  XClient x() {
    return socialink.client(XClient.class);
  }

  @Test
  void profileIsTheTokensUser() {
    Account me = socialink.grants().profile("owner-1", grant.id());

    assertThat(me).isEqualTo(Account.of("x", "2244994945"));
    assertThat(me.handle()).contains("XDevelopers");
    assertThat(me.displayName()).contains("X Developers");
    wm.verify(getRequestedFor(urlEqualTo("/2/users/me"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer UTBtWXd...OmF0OjE")));
  }

  @Test
  void partialErrorsComeBackWithTheData() {
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(fixture(200, XPayloads.USERS_ME_PARTIAL)));

    XUser me = x().me(grant);

    assertThat(me.id()).isEqualTo("2244994945");
    assertThat(me.partialErrors()).singleElement().satisfies(p -> {
      assertThat(p.type()).endsWith("/resource-not-found");
      assertThat(p.resourceId()).contains("456");
    });
  }

  @Test
  void aTextPostIsOneJsonRequest() {
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(201, XPayloads.TWEET_CREATED)));

    PublishedPost post = socialink.publishing().publish("owner-1", grant.id(), Post.text("Hello from the X API!"));

    assertThat(post.postId()).isEqualTo("1445880548472328192");
    LoggedRequest r = wm.findAll(postRequestedFor(urlEqualTo("/2/tweets"))).get(0);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(r.getBodyAsString()).isEqualTo("{\"text\":\"Hello from the X API!\"}");
  }

  @Test
  void textTooLongForXIsRefusedBeforeSending() {
    assertThatThrownBy(() -> socialink.publishing().publish("owner-1", grant.id(), Post.text("\u7530".repeat(141))))
        .isInstanceOfSatisfying(SocialinkException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("282");
          assertThat(e.remediation()).contains("fit");
        });
    assertThatThrownBy(() -> x().post(grant, "five", List.of("1", "2", "3", "4", "5")))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST));
    assertThatThrownBy(() -> x().post(grant, "bad id", List.of("abc")))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST));
    wm.verify(0, postRequestedFor(urlPathMatching("/2/.*")));
  }

  @Test
  void aCharacterXRefusesIsNotCalledTooLong() {
    assertThatThrownBy(() -> socialink.publishing().publish("owner-1", grant.id(), Post.text("\uFEFFHello from a pasted file")))
        .isInstanceOfSatisfying(SocialinkException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("U+FEFF");
          assertThat(e.remediation()).contains("U+FEFF").doesNotContain("Shorten");
        });
    assertThatThrownBy(() -> x().post(grant, "", List.of()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.remediation()).doesNotContain("Shorten"));
    wm.verify(0, postRequestedFor(urlPathMatching("/2/.*")));
  }

  @Test
  void duplicateContentAndCapsAreClassified() {
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(403, XPayloads.DUPLICATE_CONTENT)));
    assertThatThrownBy(() -> x().post(grant, "again", List.of()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.DUPLICATE));

    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(429, XPayloads.USAGE_CAPPED)));
    assertThatThrownBy(() -> x().post(grant, "capped", List.of()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED));

    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(403, XPayloads.V1_LOCKED)));
    assertThatThrownBy(() -> x().post(grant, "locked", List.of()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.ACCOUNT_RESTRICTED));

    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(403, XPayloads.CLIENT_FORBIDDEN)));
    assertThatThrownBy(() -> x().post(grant, "forbidden", List.of()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
          assertThat(e.remediation()).contains("client-not-enrolled");
        });
    wm.verify(4, postRequestedFor(urlEqualTo("/2/tweets")));
  }

  @Test
  void aSpentDailyPostingCapHoldsPostingButNotTheOtherCalls() {
    long tomorrow = clock.instant().plus(Duration.ofHours(24)).getEpochSecond();
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(201, XPayloads.TWEET_CREATED)
        .withHeader("x-user-limit-24hour-limit", "300")
        .withHeader("x-user-limit-24hour-remaining", "0")
        .withHeader("x-user-limit-24hour-reset", Long.toString(tomorrow))
        .withHeader("x-app-limit-24hour-limit", "10000")
        .withHeader("x-app-limit-24hour-remaining", "0")
        .withHeader("x-app-limit-24hour-reset", Long.toString(tomorrow))));
    wm.stubFor(post(urlEqualTo("/2/oauth2/revoke")).willReturn(fixture(200, XPayloads.REVOKE)));

    socialink.publishing().publish("owner-1", grant.id(), Post.text("the last post of the day"));
    assertThatThrownBy(() -> socialink.publishing().publish("owner-1", grant.id(), Post.text("one more")))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED));

    assertThat(socialink.grants().profile("owner-1", grant.id()).handle()).contains("XDevelopers");
    assertThat(x().isTokenDead(grant)).isFalse();
    assertThat(socialink.grants().revoke("owner-1", grant.id())).isEqualTo(io.socialink.spi.Revocation.REVOKED);
    wm.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
    wm.verify(2, getRequestedFor(urlEqualTo("/2/users/me")));
    wm.verify(2, postRequestedFor(urlEqualTo("/2/oauth2/revoke")));
  }

  @Test
  void aPostIsNeverRepeatedOnAServerError() {
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(503, XPayloads.SERVICE_UNAVAILABLE)));

    assertThatThrownBy(() -> socialink.publishing().publish("owner-1", grant.id(), Post.text("once")))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT));
    wm.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
  }

  @Test
  void imagesGoInOneMultipartUpload() {
    wm.stubFor(post(urlEqualTo("/2/media/upload")).willReturn(fixture(200, XPayloads.MEDIA_UPLOAD)));
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(201, XPayloads.TWEET_CREATED)));
    byte[] png = "\u0089PNG fake image bytes".getBytes(StandardCharsets.ISO_8859_1);

    socialink.publishing().publish("owner-1", grant.id(), new Post("with image", List.of(MediaContent.ofBytes("image/png", png))));

    LoggedRequest upload = wm.findAll(postRequestedFor(urlEqualTo("/2/media/upload"))).get(0);
    assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = new String(upload.getBody(), StandardCharsets.ISO_8859_1);
    assertThat(body).contains("name=\"media_category\"\r\n\r\ntweet_image\r\n")
        .contains("name=\"media\"; filename=\"media\"\r\nContent-Type: image/png\r\n\r\n" + new String(png, StandardCharsets.ISO_8859_1));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/2/tweets"))).get(0).getBodyAsString())
        .isEqualTo("{\"text\":\"with image\",\"media\":{\"media_ids\":[\"1880028106020515840\"]}}");
  }

  @Test
  void videosGoInChunksReadFromTheSourceThenWaitForProcessing() {
    wm.stubFor(post(urlEqualTo("/2/media/upload/initialize")).willReturn(fixture(200, XPayloads.MEDIA_INITIALIZE)));
    wm.stubFor(post(urlEqualTo("/2/media/upload/1880028106020515840/append")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(post(urlEqualTo("/2/media/upload/1880028106020515840/finalize"))
        .willReturn(fixture(200, XPayloads.MEDIA_FINALIZE_PENDING)));
    wm.stubFor(get(urlPathEqualTo("/2/media/upload")).inScenario("processing").whenScenarioStateIs("Started")
        .willReturn(fixture(200, XPayloads.MEDIA_STATUS_IN_PROGRESS)).willSetStateTo("done"));
    wm.stubFor(get(urlPathEqualTo("/2/media/upload")).inScenario("processing").whenScenarioStateIs("done")
        .willReturn(fixture(200, XPayloads.MEDIA_STATUS_SUCCEEDED)));
    wm.stubFor(post(urlEqualTo("/2/tweets")).willReturn(fixture(201, XPayloads.TWEET_CREATED)));
    int chunk = 1024;
    long size = 20L * chunk + 512; // more than any read-everything buffer (8 or 16 KiB) would take at once
    AtomicInteger opens = new AtomicInteger();
    List<ChunkGuard> streams = new ArrayList<>();
    MediaContent media = new MediaContent("video/mp4", size, () -> {
      opens.incrementAndGet();
      ChunkGuard in = new ChunkGuard(size, chunk,
          () -> wm.countRequestsMatching(postRequestedFor(urlEqualTo("/2/media/upload/1880028106020515840/append"))
              .build()).getCount());
      streams.add(in);
      return in;
    });

    socialink.publishing().publish("owner-1", grant.id(), new Post("", List.of(media)));

    assertThat(opens).hasValue(1);
    assertThat(streams.get(0).largestRead).isLessThanOrEqualTo(chunk);
    assertThat(streams.get(0).mostHeld).as("bytes read but not yet sent to X").isLessThanOrEqualTo(chunk);
    assertThat(size).isGreaterThan(8L * streams.get(0).mostHeld);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/2/media/upload/initialize"))).get(0).getBodyAsString())
        .isEqualTo("{\"media_type\":\"video/mp4\",\"total_bytes\":20992,\"media_category\":\"tweet_video\"}");
    List<LoggedRequest> appends = wm.findAll(postRequestedFor(urlEqualTo("/2/media/upload/1880028106020515840/append")));
    assertThat(appends).hasSize(21);
    for (int i = 0; i < appends.size(); i++) {
      String body = new String(appends.get(i).getBody(), StandardCharsets.ISO_8859_1);
      assertThat(body).contains("name=\"segment_index\"\r\n\r\n" + i + "\r\n");
      byte[] expected = ChunkGuard.content(i * (long) chunk, (int) Math.min(chunk, size - i * (long) chunk));
      assertThat(body).contains("\r\n\r\n" + new String(expected, StandardCharsets.ISO_8859_1) + "\r\n--");
    }
    assertThat(appends.get(20).getBody().length).isLessThan(appends.get(0).getBody().length);
    wm.verify(2, getRequestedFor(urlEqualTo("/2/media/upload?command=STATUS&media_id=1880028106020515840")));
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/2/tweets"))).get(0).getBodyAsString())
        .isEqualTo("{\"media\":{\"media_ids\":[\"1880028106020515840\"]}}");
  }

  @Test
  void failedProcessingAndEndlessProcessingAreReported() {
    wm.stubFor(post(urlEqualTo("/2/media/upload/initialize")).willReturn(fixture(200, XPayloads.MEDIA_INITIALIZE)));
    wm.stubFor(post(urlPathMatching("/2/media/upload/1880028106020515840/append")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(post(urlEqualTo("/2/media/upload/1880028106020515840/finalize"))
        .willReturn(fixture(200, XPayloads.MEDIA_FINALIZE_PENDING)));
    wm.stubFor(get(urlPathEqualTo("/2/media/upload")).willReturn(fixture(200, XPayloads.MEDIA_STATUS_FAILED)));
    MediaContent gif = MediaContent.ofBytes("image/gif", new byte[10]);

    assertThatThrownBy(() -> x().uploadMedia(grant, gif)).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.getMessage()).contains("Unsupported video format");
    });
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/2/media/upload/initialize"))).get(0).getBodyAsString())
        .contains("\"media_category\":\"tweet_gif\"");

    wm.stubFor(get(urlPathEqualTo("/2/media/upload")).willReturn(fixture(200, XPayloads.MEDIA_STATUS_IN_PROGRESS)));
    assertThatThrownBy(() -> x().uploadMedia(grant, gif))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT));
    assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void absurdProcessingAnswersNeitherOverflowNorForgeMessages() {
    wm.stubFor(post(urlEqualTo("/2/media/upload/initialize")).willReturn(fixture(200, XPayloads.MEDIA_INITIALIZE)));
    wm.stubFor(post(urlPathMatching("/2/media/upload/1880028106020515840/append")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(post(urlEqualTo("/2/media/upload/1880028106020515840/finalize"))
        .willReturn(fixture(200, XPayloads.MEDIA_FINALIZE_PENDING)));
    MediaContent gif = MediaContent.ofBytes("image/gif", new byte[10]);

    wm.stubFor(get(urlPathEqualTo("/2/media/upload")).willReturn(aResponse().withStatus(200)
        .withHeader("content-type", "application/json").withBody("{\"data\":{\"id\":\"1880028106020515840\","
            + "\"processing_info\":{\"state\":\"in_progress\",\"check_after_secs\":9223372036854775807}}}")));
    assertThatThrownBy(() -> x().uploadMedia(grant, gif))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT));

    wm.stubFor(get(urlPathEqualTo("/2/media/upload")).willReturn(aResponse().withStatus(200)
        .withHeader("content-type", "application/json").withBody("{\"data\":{\"id\":\"1880028106020515840\","
            + "\"processing_info\":{\"state\":\"failed\",\"error\":{\"message\":\"bad\\r\\nINFO forged "
            + "x".repeat(5_000) + "\"}}}}")));
    assertThatThrownBy(() -> x().uploadMedia(grant, gif)).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.getMessage()).contains("bad INFO forged").doesNotContain("\r", "\n").hasSizeLessThan(1_000);
    });
  }

  @Test
  void mediaXDoesNotTakeIsRefusedBeforeUploading() {
    MediaContent pdf = MediaContent.ofBytes("application/pdf", new byte[3]);
    MediaContent huge = new MediaContent("image/jpeg", 6L * 1024 * 1024, InputStream::nullInputStream);
    MediaContent lying = new MediaContent("image/png", 10, () -> new ByteArrayInputStream(new byte[4]));

    for (MediaContent m : List.of(pdf, huge)) {
      assertThatThrownBy(() -> x().uploadMedia(grant, m))
          .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST));
    }
    assertThatThrownBy(() -> x().uploadMedia(grant, lying)).hasMessageContaining("4 bytes");
    wm.verify(0, postRequestedFor(urlPathMatching("/2/media/.*")));
  }

  @Test
  void secretsOfTheGrantAreSentOnlyAsBearer() {
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(fixture(401, XPayloads.UNAUTHORIZED)));
    Grant revoked = new Grant(grant.id(), grant.ownerId(), grant.account(), grant.schemeId(), grant.clientId(),
        Secret.of("planted-dead-token"), grant.refreshToken(), grant.scopes(), grant.tokenType(), grant.issuedAt(),
        grant.expiresAt(), grant.refreshExpiresAt(), grant.version());

    assertThatThrownBy(() -> x().me(revoked)).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
      assertThat(e.getMessage()).doesNotContain("planted-dead-token");
    });
  }

  /**
   * A video source that makes its bytes as they are read. It fails a single read that asks for more
   * than a chunk, as {@code readAllBytes()} or {@code transferTo} would, and records the most bytes
   * it has handed out beyond those X has received in appends (a chunk's worth each).
   */
  static final class ChunkGuard extends InputStream {
    final long size;
    final int chunk;
    final java.util.function.LongSupplier appendsReceived;
    long position;
    int largestRead;
    long mostHeld;

    ChunkGuard(long size, int chunk, java.util.function.LongSupplier appendsReceived) {
      this.size = size;
      this.chunk = chunk;
      this.appendsReceived = appendsReceived;
    }

    static byte[] content(long from, int length) {
      byte[] b = new byte[length];
      for (int i = 0; i < length; i++) {
        b[i] = (byte) ((from + i) % 251);
      }
      return b;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len > chunk) {
        throw new AssertionError("a single read asked for " + len + " bytes; the upload must read one chunk of "
            + chunk + " at a time");
      }
      largestRead = Math.max(largestRead, len);
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      System.arraycopy(content(position, n), 0, b, off, n);
      position += n;
      mostHeld = Math.max(mostHeld, position - appendsReceived.getAsLong() * chunk);
      return n;
    }
  }
}
