/**
 * Internal implementation of the Instagram provider; not API. This package is exported to no module
 * and may change without notice. Jackson types appear only here.
 */
@NullMarked
package io.socialink.instagram.internal;

import org.jspecify.annotations.NullMarked;
