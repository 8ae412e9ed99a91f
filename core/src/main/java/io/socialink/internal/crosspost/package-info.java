/**
 * Not API: the cross-post sync behind {@link io.socialink.crosspost.CrossPosting} (one pass over a
 * link, the media fetcher, finding a post after a crash, the running syncs). Exported to no one.
 */
@NullMarked
package io.socialink.internal.crosspost;

import org.jspecify.annotations.NullMarked;
