package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.error.ErrorCategory;
import io.socialink.error.RateLimitedException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.CallExecutor;
import io.socialink.testkit.PipelineProbe;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TikTok's interpreter and limits inside core's real pipeline, built through {@link Socialink#builder()}
 * with a stub transport: a throttling answer in an HTTP 200 fails the call as {@code RATE_LIMITED} and
 * holds further calls of its endpoint group without sending them.
 */
class TikTokPipelineTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final String CLIENT_KEY = "client-key-1";

  /** The transport: answers from a queue and records every request it was given. */
  final Deque<ApiResponse> answers = new ArrayDeque<>();
  final List<ApiRequest> sent = new ArrayList<>();

  CallExecutor calls() {
    Socialink socialink = Socialink.builder()
        .register(PipelineProbe.probing(new TikTokProvider()))
        .credentials(AppCredentials.confidential("tiktok", "login-kit", CLIENT_KEY, Secret.of("client-secret-1"),
            URI.create("https://app.example/tiktok/callback")))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .transport(request -> {
          sent.add(request);
          return answers.removeFirst();
        })
        .build();
    return PipelineProbe.calls(socialink, "tiktok", "login-kit");
  }

  static ApiCall call(String group) {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET,
        URI.create("https://open.tiktokapis.com/v2/" + group.replace('.', '/') + "/")).build();
    return new ApiCall("tiktok", group, request, Idempotency.IDEMPOTENT, CLIENT_KEY, Optional.of("tiktok:open-id-1"));
  }

  @Test
  void businessCode40100InA200IsRateLimitedAndHoldsTheEndpointGroupForAMinute() {
    CallExecutor calls = calls();
    answers.add(ApiResponse.of(200, Headers.empty(),
        "{\"code\":40100,\"message\":\"Too many requests.\",\"request_id\":\"202603011000009E49\",\"data\":{}}"));
    answers.add(ApiResponse.of(200, Headers.empty(), "{\"data\":{\"videos\":[]},\"error\":{\"code\":\"ok\"}}"));

    RateLimitedException first = catchThrowableOfType(RateLimitedException.class,
        () -> calls.execute(call(TikTokEndpointGroups.USER_INFO)));

    assertThat(first.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(first.platformCode()).contains("40100");
    assertThat(first.requestId()).contains("202603011000009E49");
    assertThat(first.retryAt()).as("one minute after receipt").contains(NOW.plusSeconds(60));
    assertThat(first.attempts()).as("a minute is longer than the pipeline waits").isEqualTo(1);
    assertThat(sent).hasSize(1);

    RateLimitedException held = catchThrowableOfType(RateLimitedException.class,
        () -> calls.execute(call(TikTokEndpointGroups.USER_INFO)));

    assertThat(held.retryAt()).contains(NOW.plusSeconds(60));
    assertThat(held.platformCode()).as("failed before sending").isEmpty();
    assertThat(sent).as("the held call was not sent").hasSize(1);

    ApiResponse other = calls.execute(call(TikTokEndpointGroups.VIDEO_LIST));

    assertThat(other.status()).isEqualTo(200);
    assertThat(sent).as("other endpoint groups are not held").hasSize(2);
  }

  @Test
  void anOpenApi429WithRetryAfterHoldsUntilThen() {
    CallExecutor calls = calls();
    answers.add(ApiResponse.of(429, Headers.of("Retry-After", "45", "x-tt-logid", "20260301100000LOG"),
        "{\"data\":{},\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Too many requests\",\"log_id\":\"\"}}"));

    RateLimitedException first = catchThrowableOfType(RateLimitedException.class,
        () -> calls.execute(call(TikTokEndpointGroups.VIDEO_QUERY)));
    RateLimitedException held = catchThrowableOfType(RateLimitedException.class,
        () -> calls.execute(call(TikTokEndpointGroups.VIDEO_QUERY)));

    assertThat(first.platformCode()).contains("rate_limit_exceeded");
    assertThat(first.requestId()).as("an empty log_id falls back to the header").contains("20260301100000LOG");
    assertThat(first.retryAt()).contains(NOW.plusSeconds(45));
    assertThat(held.retryAt()).contains(NOW.plusSeconds(45));
    assertThat(sent).hasSize(1);
  }
}
