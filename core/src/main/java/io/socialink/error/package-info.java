/**
 * One unchecked exception hierarchy and one classification of failures across all platforms.
 *
 * <p>Every failure the library reports is a {@link io.socialink.error.SocialinkException} with an
 * {@link io.socialink.error.ErrorCategory}; the subclasses group categories by meaning so callers can
 * catch what they handle. Provider code builds them one way: a
 * {@link io.socialink.error.Classification} turned into the matching type with
 * {@link io.socialink.error.Classification#toException()} (or
 * {@link io.socialink.error.SocialinkException#of} with a cause). Only argument checks stay outside the
 * family: {@link NullPointerException} for a {@code null} argument, {@link IllegalArgumentException}
 * for a blank or out-of-range one, as the JDK does. Exceptions serialize with their classification.
 */
@NullMarked
package io.socialink.error;

import org.jspecify.annotations.NullMarked;
