package io.socialink.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the raw response: the innermost layer of the pipeline. The
 * default is built on one shared {@link java.net.http.HttpClient} per {@link io.socialink.Socialink}.
 * Implementations are thread-safe and do no retrying or classification of their own.
 */
@FunctionalInterface
public interface Transport {
  /**
   * Sends a request.
   *
   * @param request the request
   * @return the response, whatever its status
   * @throws IOException when no response arrived: connection refused or reset, timeout
   * @throws InterruptedException when the calling thread was interrupted
   */
  ApiResponse send(ApiRequest request) throws IOException, InterruptedException;
}
