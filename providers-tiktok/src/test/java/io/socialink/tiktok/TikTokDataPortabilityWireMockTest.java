package io.socialink.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.socialink.tiktok.TikTokWireMock.CLIENT_KEY;
import static io.socialink.tiktok.TikTokWireMock.NOW;
import static io.socialink.tiktok.TikTokWireMock.OPEN_ID;
import static io.socialink.tiktok.TikTokWireMock.fixture;
import static io.socialink.tiktok.TikTokWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.socialink.http.TransportOptions;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Data Portability API against WireMock with TikTok's documented payloads: request, status polling
 * through the sleeper, a streamed download larger than the transport's response limit, cancellation,
 * and the errors of an app or user that is not eligible.
 */
class TikTokDataPortabilityWireMockTest {
  @RegisterExtension
  static WireMockExtension wm = TikTokWireMock.extension();

  static final String TOKEN = "act.portability12345Portability12345";
  static final long REQUEST_ID = 123451234512345L;
  static final int MIB = 1024 * 1024;

  final TikTokWireMock.RecordingSleeper sleeper = new TikTokWireMock.RecordingSleeper();
  @TempDir Path dir;

  static Grant grant(String... scopes) {
    return new Grant("g-1", "owner-1", Account.of(TikTokProvider.ID, OPEN_ID), TikTokProvider.LOGIN_KIT.id(), CLIENT_KEY,
        Secret.of(TOKEN), Optional.empty(), Set.of(scopes), "Bearer", NOW, Optional.empty(), Optional.empty(), 0);
  }

  static Grant eligible() {
    return grant("user.info.basic", "portability.postsandprofile.single");
  }

  /** Retries on, as in production, and a 1 MiB response limit so a download must stream. */
  TikTokClient client() {
    Socialink socialink = Socialink.builder().register(TikTokWireMock.provider(wm).build())
        .clock(TikTokWireMock.clock()).sleeper(sleeper)
        .resilience(ResilienceSettings.ofDefaults().withCircuitBreaker(CircuitBreakerPolicy.disabled()))
        .transportOptions(TransportOptions.ofDefaults().withMaxResponseBytes(MIB))
        .credentials(TikTokWireMock.loginKit())
        .build();
    return socialink.client(TikTokClient.class);
  }

  static byte[] archive(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 131 + (i >> 16));
    }
    b[0] = 'P';
    b[1] = 'K';
    return b;
  }

  void stubCheck(String... fixtures) {
    String state = Scenario.STARTED;
    for (int i = 0; i < fixtures.length; i++) {
      String next = i == fixtures.length - 1 ? state : "poll-" + (i + 1);
      wm.stubFor(post(urlPathEqualTo("/v2/user/data/check/")).inScenario("check").whenScenarioStateIs(state)
          .willReturn(fixture(200, fixtures[i])).willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void anExportIsRequestedWithTheFormatAndCategoriesAndGivesTheRequestId() {
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/add/")).willReturn(fixture(200, "portability/add-ok.json")));

    long id = client().requestDataExport(eligible(), TikTokDataFormat.TEXT,
        Set.of(TikTokDataCategory.PROFILE, TikTokDataCategory.VIDEO));

    assertThat(id).isEqualTo(REQUEST_ID);
    LoggedRequest r = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/user/data/add/"))).get(0);
    assertThat(r.getUrl()).isEqualTo("/v2/user/data/add/?fields=request_id");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(r.getBodyAsString()).isEqualToIgnoringWhitespace(
        "{\"data_format\":\"text\",\"category_selection_list\":[\"video\",\"profile\"]}");
  }

  @Test
  void aGrantWithoutAPortabilityScopeIsRefusedBeforeAnythingIsSent() {
    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> client().requestDataExport(
        grant("user.info.basic", "portability.activity.single"), TikTokDataFormat.JSON,
        Set.of(TikTokDataCategory.ACTIVITY, TikTokDataCategory.DIRECT_MESSAGE)));

    assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    assertThat(e.getMessage()).contains("direct_message (portability.directmessages.single or")
        .doesNotContain("activity (");
    assertThat(e.remediation()).contains("approved for it", "EEA or the UK", "Link the user again");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void tikToksRefusalOfAnIneligibleAppOrUserSaysWhatMakesThemEligibleAndIsNotRetried() {
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/add/")).willReturn(fixture(401, "v2/scope-not-authorized.json")));

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> client().requestDataExport(eligible(),
        TikTokDataFormat.TEXT, Set.of(TikTokDataCategory.PROFILE)));

    assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    assertThat(e.platformCode()).contains("scope_not_authorized");
    assertThat(e.remediation()).startsWith(
        "TikTok's Data Portability API serves only apps approved for it").contains("EEA or the UK");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/user/data/add/")));
  }

  @Test
  void awaitingPollsThroughTheSleeperUntilTheExportIsReady() {
    stubCheck("portability/check-pending.json", "portability/check-pending.json", "portability/check-downloading.json");

    TikTokDataExport export = client().awaitDataExport(eligible(), REQUEST_ID, Duration.ofSeconds(30),
        Duration.ofMinutes(10));

    assertThat(export.isReady()).isTrue();
    assertThat(export.status()).isEqualTo(TikTokDataExport.Status.READY);
    assertThat(export.rawStatus()).isEqualTo("downloading");
    assertThat(export.requestId()).isEqualTo(REQUEST_ID);
    assertThat(export.appliedAt()).contains(Instant.ofEpochSecond(1703186989));
    assertThat(export.collectedAt()).contains(Instant.ofEpochSecond(1703187862));
    assertThat(export.dataFormat()).contains("text");
    assertThat(export.categories()).containsExactly("profile", "video", "direct_messages");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    wm.verify(3, postRequestedFor(urlEqualTo("/v2/user/data/check/?fields="
        + "request_id,status,apply_time,collect_time,data_format,category_selection_list"))
        .withRequestBody(equalToJson("{\"request_id\":123451234512345}")));
  }

  @Test
  void awaitingGivesUpAfterTheMaximumWaitWithATransientError() {
    stubCheck("portability/check-pending.json");

    SocialinkException e = catchThrowableOfType(SocialinkException.class, () -> client().awaitDataExport(eligible(),
        REQUEST_ID, Duration.ofSeconds(30), Duration.ofSeconds(90)));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.getMessage()).contains("123451234512345", "after 90 s");
    assertThat(e.remediation()).contains("same request id", "portability.download.ready");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
    wm.verify(4, postRequestedFor(urlPathEqualTo("/v2/user/data/check/")));
  }

  @Test
  void anExpiredExportEndsTheWaitAtOnce() {
    stubCheck("portability/check-expired.json");

    TikTokDataExport export = client().awaitDataExport(eligible(), REQUEST_ID, Duration.ofSeconds(30),
        Duration.ofMinutes(10));

    assertThat(export.status()).isEqualTo(TikTokDataExport.Status.EXPIRED);
    assertThat(export.isReady()).isFalse();
    assertThat(export.categories()).containsExactly("all_data");
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void statusesAreReadAsTikTokDocumentsThem() {
    assertThat(TikTokDataExport.Status.of("pending")).isEqualTo(TikTokDataExport.Status.PENDING);
    assertThat(TikTokDataExport.Status.of("downloading")).isEqualTo(TikTokDataExport.Status.READY);
    assertThat(TikTokDataExport.Status.of("expired")).isEqualTo(TikTokDataExport.Status.EXPIRED);
    assertThat(TikTokDataExport.Status.of("cancelled")).isEqualTo(TikTokDataExport.Status.CANCELLED);
    assertThat(TikTokDataExport.Status.of("processing")).isEqualTo(TikTokDataExport.Status.UNKNOWN);
  }

  @Test
  void theArchiveIsStreamedToTheTargetBeyondTheResponseLimitAndNoPartFileIsLeft() throws Exception {
    byte[] zip = archive(5 * MIB + 123);
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/download/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/zip").withBody(zip)));
    Path target = dir.resolve("export.zip");
    Files.writeString(target, "an older archive");

    Path written = client().downloadDataExport(eligible(), REQUEST_ID, target);

    assertThat(written).isEqualTo(target);
    assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/v2/user/data/download/"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + TOKEN))
        .withRequestBody(equalToJson("{\"request_id\":123451234512345}")));
  }

  @Test
  void aRefusedDownloadLeavesTheTargetAsItWasAndNoPartFile() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/download/")).willReturn(fixture(401, "v2/scope-not-authorized.json")));
    Path target = dir.resolve("export.zip");
    Files.writeString(target, "an older archive");

    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> client().downloadDataExport(eligible(), REQUEST_ID, target));

    assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    assertThat(e.remediation()).contains("EEA or the UK");
    assertThat(Files.readString(target)).isEqualTo("an older archive");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aJsonErrorInA200IsNotTakenForTheArchive() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/download/")).willReturn(json(200,
        "{\"error\":{\"code\":\"scope_not_authorized\",\"message\":\"no\",\"log_id\":\"202603011000000000000000000000AB\"}}")));
    Path target = dir.resolve("export.zip");

    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> client().downloadDataExport(eligible(), REQUEST_ID, target));

    assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_SCOPE);
    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aDownloadIntoAMissingDirectoryIsAConfigurationError() {
    Path target = dir.resolve("missing").resolve("export.zip");

    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> client().downloadDataExport(eligible(), REQUEST_ID, target));

    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(e.remediation()).contains("directory exists");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void anExportIsCancelledWithItsRequestId() {
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/cancel/")).willReturn(fixture(200, "portability/cancel-ok.json")));

    client().cancelDataExport(eligible(), REQUEST_ID);

    wm.verify(1, postRequestedFor(urlEqualTo("/v2/user/data/cancel/"))
        .withRequestBody(equalToJson("{\"request_id\":123451234512345}")));
  }

  @Test
  void aRefusedCancellationIsClassified() {
    wm.stubFor(post(urlPathEqualTo("/v2/user/data/cancel/")).willReturn(fixture(400, "v2/invalid-params.json")));

    SocialinkException e = catchThrowableOfType(SocialinkException.class,
        () -> client().cancelDataExport(eligible(), REQUEST_ID));

    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(List.of(e.remediation())).noneMatch(r -> r.contains("EEA"));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/user/data/cancel/")));
  }
}
