/**
 * Unlinking: planning ({@link io.socialink.unlink.Unlinking#plan}), executing plans step by step
 * with a journal, bulk unlinking with progress ({@link io.socialink.unlink.BulkUnlink}), and the
 * provider side of planning (contexts and contributions).
 */
@NullMarked
package io.socialink.unlink;

import org.jspecify.annotations.NullMarked;
