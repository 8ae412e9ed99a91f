/**
 * The TikTok provider: the platform's description, authorization schemes, manual procedures and
 * its part of unlink plans.
 */
@NullMarked
package io.socialink.tiktok;

import org.jspecify.annotations.NullMarked;
