/**
 * Policies of the call pipeline: retry, rate limiting and circuit breaking.
 */
@NullMarked
package io.socialink.resilience;

import org.jspecify.annotations.NullMarked;
