/**
 * Internal implementation of the TikTok provider; not API. This package is exported to no module and
 * may change without notice. Jackson types appear only here.
 */
@NullMarked
package io.socialink.tiktok.internal;

import org.jspecify.annotations.NullMarked;
