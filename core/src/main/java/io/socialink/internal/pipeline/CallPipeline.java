package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Transport;
import io.socialink.spi.ResponseInterpreter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The call pipeline of one platform: transport, then classification by core's generic rules refined
 * by the platform's interpreter. A failure becomes the matching {@link SocialinkException}.
 */
public final class CallPipeline implements CallExecutor {
  private final String platformId;
  private final Transport transport;
  private final ResponseInterpreter interpreter;
  private final Clock clock;

  /**
   * Creates the pipeline.
   *
   * @param platformId the platform
   * @param transport the transport
   * @param interpreter the platform's interpreter
   * @param clock the clock
   */
  public CallPipeline(String platformId, Transport transport, ResponseInterpreter interpreter, Clock clock) {
    this.platformId = Objects.requireNonNull(platformId, "platformId");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ApiResponse execute(ApiCall call) {
    if (!call.platformId().equals(platformId)) {
      throw new IllegalArgumentException("call for platform '" + call.platformId() + "' sent to the pipeline of '"
          + platformId + "'");
    }
    ApiResponse response;
    try {
      response = transport.send(call.request());
    } catch (IOException e) {
      Classification c = DefaultErrorClassifier.classify(platformId, e)
          .withMessage(DefaultErrorClassifier.classify(platformId, e).message() + " (" + call.request() + ")");
      throw SocialinkException.of(c, e, 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, platformId, 0,
          "interrupted while calling " + call.request()), e, 1);
    }
    Optional<Classification> failure = classify(platformId, interpreter, response, clock.instant());
    if (failure.isPresent()) {
      throw SocialinkException.of(failure.get(), null, 1);
    }
    return response;
  }

  /**
   * Classifies a response: core's generic rules, then the platform's refinement.
   *
   * @param platformId the platform
   * @param interpreter its interpreter
   * @param response the response
   * @param receivedAt when it arrived
   * @return the classification, or empty for a success
   */
  public static Optional<Classification> classify(
      String platformId, ResponseInterpreter interpreter, ApiResponse response, Instant receivedAt) {
    Optional<Classification> generic = DefaultErrorClassifier.classify(platformId, response, receivedAt);
    return interpreter.classify(response, generic);
  }
}
