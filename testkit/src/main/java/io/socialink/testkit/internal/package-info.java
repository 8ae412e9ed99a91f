/**
 * Internal implementation of the test kit; not API. This package is exported to no module and may
 * change without notice.
 */
@NullMarked
package io.socialink.testkit.internal;

import org.jspecify.annotations.NullMarked;
