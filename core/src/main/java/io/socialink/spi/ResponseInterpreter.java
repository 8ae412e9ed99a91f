package io.socialink.spi;

import io.socialink.error.Classification;
import io.socialink.error.Operation;
import io.socialink.http.ApiResponse;
import io.socialink.resilience.RateLimitObservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A platform's reading of its own responses: the second layer of classification, on top of core's
 * generic HTTP rules, and the rate-limit signals in headers or bodies. Both are pure functions of the
 * response, so they can be tested on fixtures and used without making a call
 * ({@link io.socialink.platform.Platforms#classify(String, int, java.util.Map, byte[])}). Implementations are thread-safe.
 */
public interface ResponseInterpreter {
  /**
   * Classifies a response.
   *
   * @param response the response
   * @param generic core's verdict from the HTTP status and headers alone; empty for a 2xx
   * @return the refined classification, or empty when the response is a success (a 2xx can still
   *     be an error on platforms that wrap errors in a 200)
   */
  Optional<Classification> classify(ApiResponse response, Optional<Classification> generic);

  /**
   * Classifies a response to a call that was doing a known operation. The default ignores the
   * operation and delegates to {@link #classify(ApiResponse, Optional)}; an interpreter overrides it
   * where one of its platform's answers means something else on a token call (see {@link Operation}).
   * Core applies {@link io.socialink.error.DefaultErrorClassifier#forOperation} to the result either
   * way, so an interpreter need not repeat the platform-independent rules.
   *
   * @param operation what the call was doing
   * @param response the response
   * @param generic core's verdict from the HTTP status and headers alone; empty for a 2xx
   * @return the refined classification, or empty when the response is a success
   */
  default Optional<Classification> classify(Operation operation, ApiResponse response,
      Optional<Classification> generic) {
    return classify(response, generic);
  }

  /**
   * Reads rate-limit signals from a response.
   *
   * @param endpointGroup the endpoint group of the call that got the response
   * @param response the response
   * @param receivedAt when the response arrived, for relative reset times
   * @return the observations, possibly none
   */
  default List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
    return List.of();
  }

  /**
   * An interpreter that adds nothing to core's generic rules.
   *
   * @return the interpreter
   */
  static ResponseInterpreter generic() {
    return (response, generic) -> generic;
  }
}
