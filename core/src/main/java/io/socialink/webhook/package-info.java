/**
 * Verification of platform callbacks and webhooks.
 */
@NullMarked
package io.socialink.webhook;

import org.jspecify.annotations.NullMarked;
