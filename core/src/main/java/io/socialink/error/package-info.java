/**
 * One unchecked exception hierarchy and one classification of failures across all platforms.
 */
@NullMarked
package io.socialink.error;

import org.jspecify.annotations.NullMarked;
