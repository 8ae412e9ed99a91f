/**
 * The provider side of unlink planning: contexts and contributions.
 */
@NullMarked
package io.socialink.unlink;

import org.jspecify.annotations.NullMarked;
