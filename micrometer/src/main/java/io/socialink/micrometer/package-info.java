/**
 * Micrometer metrics for Socialink's call pipeline: add
 * {@link io.socialink.micrometer.MicrometerCallEventListener} as the event listener. Applications that
 * do not want Micrometer leave this module out; core does not depend on it.
 */
@NullMarked
package io.socialink.micrometer;

import org.jspecify.annotations.NullMarked;
