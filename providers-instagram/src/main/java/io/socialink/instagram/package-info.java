/**
 * The Instagram provider: the platform's description, authorization schemes, manual procedures and
 * its part of unlink plans.
 */
@NullMarked
package io.socialink.instagram;

import org.jspecify.annotations.NullMarked;
