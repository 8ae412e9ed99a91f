package io.socialink.internal.service;

import io.socialink.Platform;
import io.socialink.PlatformRegistry;
import io.socialink.error.Classification;
import io.socialink.error.Operation;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.internal.pipeline.CallPipeline;
import io.socialink.platform.Platforms;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link Platforms} over a registry and a clock. Thread-safe. */
public final class PlatformService implements Platforms {
  private final PlatformRegistry registry;
  private final Clock clock;

  /**
   * Creates the service.
   *
   * @param registry the providers
   * @param clock the clock, for the arrival time of classified responses
   */
  public PlatformService(PlatformRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<Platform> all() {
    return registry.platforms();
  }

  @Override
  public Platform get(String platformId) {
    return registry.provider(platformId).platform();
  }

  @Override
  public PlatformRegistry registry() {
    return registry;
  }

  @Override
  public TextRules textRules(String platformId) {
    return registry.provider(platformId).textRules();
  }

  @Override
  public Optional<Classification> classify(String platformId, int status, Map<String, List<String>> headers,
      byte[] body) {
    return classify(registry, platformId, status, headers, body, clock.instant());
  }

  @Override
  public Optional<Classification> classify(String platformId, Operation operation, int status,
      Map<String, List<String>> headers, byte[] body) {
    return classify(registry, platformId, operation, status, headers, body, clock.instant());
  }

  /**
   * Classifies a response with a registry's providers as the pipeline would.
   *
   * @param registry the registry
   * @param platformId the platform
   * @param status the HTTP status
   * @param headers the headers
   * @param body the body
   * @param receivedAt when the response arrived, for relative retry times
   * @return the classification, or empty when the response is a success
   */
  public static Optional<Classification> classify(PlatformRegistry registry, String platformId, int status,
      Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
    return classify(registry, platformId, Operation.API_CALL, status, headers, body, receivedAt);
  }

  /**
   * Classifies a response to a call doing an operation with a registry's providers as the pipeline would.
   *
   * @param registry the registry
   * @param platformId the platform
   * @param operation what the call was doing
   * @param status the HTTP status
   * @param headers the headers
   * @param body the body
   * @param receivedAt when the response arrived, for relative retry times
   * @return the classification, or empty when the response is a success
   */
  public static Optional<Classification> classify(PlatformRegistry registry, String platformId, Operation operation,
      int status, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
    Objects.requireNonNull(operation, "operation");
    ResponseInterpreter interpreter = registry.provider(platformId).responseInterpreter();
    ApiResponse response = new ApiResponse(status, new Headers(headers), body);
    List<RateLimitObservation> observations;
    try {
      observations = interpreter.rateLimits(RateLimitPolicy.ALL_ENDPOINTS, response, receivedAt);
    } catch (RuntimeException e) {
      observations = List.of();
    }
    return CallPipeline.verdict(platformId, operation, interpreter, response, receivedAt, observations);
  }
}
