/**
 * Policies of the call pipeline: {@link io.socialink.resilience.RetryPolicy},
 * {@link io.socialink.resilience.CircuitBreakerPolicy}, rate limits declared by providers
 * ({@link io.socialink.resilience.RateLimitPolicy}) and overridden by applications
 * ({@link io.socialink.resilience.RateLimitSettings}), and the rate-limit signals read from responses
 * ({@link io.socialink.resilience.RateLimitObservation}). These are plain values; the engine behind
 * them is internal.
 */
@NullMarked
package io.socialink.resilience;

import org.jspecify.annotations.NullMarked;
