package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.testkit.PipelineProbe;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TikTok's declared limits in core's real pipeline, on a clock the sleeper moves: a burst across a
 * minute's boundary never puts more than TikTok's limit into any 60-second span of sent requests.
 */
class TikTokSlidingLimitTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final String CLIENT_KEY = "client-key-1";

  /** A clock moved only by the sleeper. */
  static final class SteppedClock extends Clock {
    volatile Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final SteppedClock clock = new SteppedClock();
  /** The clock's time of every request the transport was given. */
  final List<Instant> sentAt = new ArrayList<>();

  CallExecutor calls() {
    Socialink socialink = Socialink.builder()
        .register(PipelineProbe.probing(new TikTokProvider()))
        .credentials(AppCredentials.confidential("tiktok", "login-kit", CLIENT_KEY, Secret.of("client-secret-1"),
            URI.create("https://app.example/tiktok/callback")))
        .clock(clock)
        .sleeper(d -> clock.now = clock.now.plus(d))
        .resilience(ResilienceSettings.ofDefaults().withMaxWait(Duration.ofMinutes(5)))
        .transport(request -> {
          sentAt.add(clock.instant());
          return ApiResponse.of(200, Headers.empty(), "{\"data\":{\"user\":{\"open_id\":\"o\"}},\"error\":{\"code\":\"ok\"}}");
        })
        .build();
    return PipelineProbe.calls(socialink, "tiktok", "login-kit");
  }

  static ApiCall call(String group, String user) {
    ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create("https://open.tiktokapis.com/v2/user/info/"))
        .build();
    return new ApiCall("tiktok", group, request, Idempotency.IDEMPOTENT, CLIENT_KEY, Optional.of(user));
  }

  static int busiestMinute(List<Instant> instants) {
    int best = 0;
    int end = 0;
    for (int start = 0; start < instants.size(); start++) {
      Instant limit = instants.get(start).plusSeconds(60);
      while (end < instants.size() && instants.get(end).isBefore(limit)) {
        end++;
      }
      best = Math.max(best, end - start);
    }
    return best;
  }

  @Test
  void userInfoCallsAcrossAMinutesBoundaryNeverExceed600InAnyMinute() {
    CallExecutor calls = calls();
    // 300 at the start of the minute, a pause, then a burst of 1,500 from three users (the limit is
    // per app) from one second before the minute ends.
    for (int i = 0; i < 300; i++) {
      calls.execute(call(TikTokEndpointGroups.USER_INFO, "tiktok:a"));
    }
    clock.now = T0.plusSeconds(59);
    for (int i = 0; i < 1500; i++) {
      calls.execute(call(TikTokEndpointGroups.USER_INFO, "tiktok:" + (char) ('a' + i % 3)));
    }

    assertThat(sentAt).hasSize(1800).isSorted();
    assertThat(busiestMinute(sentAt)).isEqualTo(600);
    assertThat(sentAt.get(sentAt.size() - 1)).isEqualTo(T0.plusSeconds(179));
  }

  @Test
  void directPostInitsOfOneUserNeverExceedSixInAnyMinute() {
    CallExecutor calls = calls();
    clock.now = T0.plusMillis(59_900);
    for (int i = 0; i < 20; i++) {
      calls.execute(call(TikTokEndpointGroups.POST_VIDEO_INIT, "tiktok:a"));
    }
    calls.execute(call(TikTokEndpointGroups.POST_VIDEO_INIT, "tiktok:b"));

    assertThat(sentAt).hasSize(21);
    assertThat(busiestMinute(sentAt.subList(0, 20))).isEqualTo(6);
    // Another user's post is not held by the first user's limit.
    assertThat(sentAt.get(20)).isEqualTo(sentAt.get(19));
  }
}
