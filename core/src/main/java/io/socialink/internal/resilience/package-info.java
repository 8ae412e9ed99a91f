/**
 * Internal implementation; not API. This package is exported to no module and may change without notice.
 *
 * <p>The only place Resilience4j is used: retry, circuit breaker and rate limiter engines behind the
 * public policy records of {@code io.socialink.resilience}.
 */
@NullMarked
package io.socialink.internal.resilience;

import org.jspecify.annotations.NullMarked;
