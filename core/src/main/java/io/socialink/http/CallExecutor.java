package io.socialink.http;

/**
 * Sends calls through the pipeline: the user's {@link Interceptor}s, retry, circuit breaker, rate
 * limiter, the platform's response interpreter and the transport. Providers receive one through
 * {@link io.socialink.spi.ProviderContext#calls()}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CallExecutor {
  /**
   * Executes a call.
   *
   * @param call the call
   * @return the successful response (the interpreter found no error in it)
   * @throws io.socialink.error.SocialinkException the classified failure, after any retries
   */
  ApiResponse execute(ApiCall call);
}
