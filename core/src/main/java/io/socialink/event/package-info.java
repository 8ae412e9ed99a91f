/**
 * Events of the call pipeline, for metrics and tracing: a {@link io.socialink.event.CallEventListener}
 * with no-op defaults receives {@link io.socialink.event.CallEvent}s. The optional
 * {@code socialink-micrometer} module binds them to Micrometer.
 */
@NullMarked
package io.socialink.event;

import org.jspecify.annotations.NullMarked;
