/**
 * Internal implementation; not API. This package is exported to no module and may change without notice.
 */
@NullMarked
package io.socialink.internal.json;

import org.jspecify.annotations.NullMarked;
