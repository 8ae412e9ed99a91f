/**
 * What the application knows of the platforms: their descriptions, text rules, and the
 * classification of their responses.
 */
@NullMarked
package io.socialink.platform;

import org.jspecify.annotations.NullMarked;
