/**
 * In-memory stores: thread-safe, for tests and single-process applications.
 */
@NullMarked
package io.socialink.store.memory;

import org.jspecify.annotations.NullMarked;
