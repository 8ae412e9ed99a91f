package io.socialink.http;

/**
 * Observes or changes the calls a {@link io.socialink.Socialink} sends: add a header, record calls,
 * trace them, without editing core. Modelled on OkHttp's application interceptors.
 *
 * <p>Interceptors are <em>application-level</em>: each runs once per logical call, outside the
 * pipeline's retry, circuit breaker and rate limiter, in the order they were added (the first added is
 * the outermost). What {@link Chain#proceed} returns is the final successful response, after any
 * retries; what it throws is the final {@link io.socialink.error.SocialinkException}, already free of
 * the call's secrets. The pipeline's order is: events, interceptors, retry, circuit breaker, rate
 * limiter, interpretation, transport.
 *
 * <p>An interceptor calls {@link Chain#proceed} exactly once, on the thread that called it and before
 * it returns; calling it twice, or returning without calling it, fails the call. Anything an interceptor throws reaches the caller as a
 * {@link io.socialink.error.SocialinkException} of category {@code UNKNOWN} with its message and
 * cause chain redacted.
 *
 * <p>Secrets: a call's secret values travel only in its {@link ApiRequest}'s headers, query and body,
 * which the transport reads; every {@code toString()} of {@link ApiCall}, {@link ApiRequest} and
 * {@link Headers} is redacted. An interceptor that logs should pass its text through
 * {@link Chain#redact(String)}, which applies the same redaction the pipeline applies to its own
 * messages, including the exact secret values the call carries.
 *
 * <pre>{@code
 * Interceptor tracing = chain -> {
 *   ApiCall call = chain.call();
 *   log.debug("calling {}", call);  // toString() is redacted
 *   return chain.proceed(call.withRequest(
 *       call.request().toBuilder().header("traceparent", currentTraceParent()).build()));
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance serves every call of every thread.
 */
@FunctionalInterface
public interface Interceptor {
  /**
   * Intercepts one call.
   *
   * @param chain the call and the rest of the pipeline
   * @return the response, normally what {@link Chain#proceed} returned
   */
  ApiResponse intercept(Chain chain);

  /** The call being made and the rest of the pipeline. Used by the thread running the call. */
  interface Chain {
    /**
     * The call as it reaches this interceptor.
     *
     * @return the call
     */
    ApiCall call();

    /**
     * Passes a call on to the rest of the pipeline: the call itself or a changed copy for the same
     * platform. Call exactly once.
     *
     * @param call the call to send
     * @return the successful response, after any retries
     * @throws io.socialink.error.SocialinkException the classified failure, already redacted
     * @throws IllegalStateException if called a second time, or with a call for another platform
     */
    ApiResponse proceed(ApiCall call);

    /**
     * Text made safe to log: secret parameters, credentials and the exact secret values this call
     * carries are masked, as in the pipeline's own log lines.
     *
     * @param text the text
     * @return the redacted text
     */
    String redact(String text);
  }
}
