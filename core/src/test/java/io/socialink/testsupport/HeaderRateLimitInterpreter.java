package io.socialink.testsupport;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitScope;
import io.socialink.spi.ResponseInterpreter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A test interpreter shaped like a real provider's: reads X-style {@code x-rate-limit-*} headers
 * (reset in epoch seconds) as a per-user budget of the call's endpoint group, and a body
 * {@code {"code":40100}} in a 200 (TikTok Business style) as throttling.
 */
public final class HeaderRateLimitInterpreter implements ResponseInterpreter {
  @Override
  public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
    if (response.status() == 200 && response.bodyText().contains("\"code\":40100")) {
      return Optional.of(Classification.of(ErrorCategory.RATE_LIMITED, "test", 200, "requests made too frequently")
          .withPlatformCode("40100"));
    }
    return generic;
  }

  @Override
  public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
    Optional<String> remaining = response.headers().first("x-rate-limit-remaining");
    Optional<String> reset = response.headers().first("x-rate-limit-reset");
    if (remaining.isEmpty() || reset.isEmpty()) {
      return List.of();
    }
    OptionalLong limit = response.headers().first("x-rate-limit-limit")
        .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    return List.of(new RateLimitObservation(endpointGroup, RateLimitScope.PER_USER, limit,
        Long.parseLong(remaining.get()), Instant.ofEpochSecond(Long.parseLong(reset.get()))));
  }
}
