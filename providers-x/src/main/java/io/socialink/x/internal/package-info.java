/**
 * Internal implementation of the X provider; not API. This package is exported to no module and may
 * change without notice. ScribeJava and twitter-text types appear only here.
 */
@NullMarked
package io.socialink.x.internal;

import org.jspecify.annotations.NullMarked;
