/**
 * Not API: the shared state behind {@link io.socialink.Socialink}'s services (registry, credentials,
 * stores, clock, ids, client and pipeline caches) and the collaborators they share, such as the
 * refresh coordinator. Exported to no one.
 */
@NullMarked
package io.socialink.internal.runtime;

import org.jspecify.annotations.NullMarked;
