/**
 * The Instagram provider: the platform's description, authorization schemes, manual procedures, its
 * part of unlink plans, and its reading of Meta's Graph API errors and usage headers for the call
 * pipeline.
 */
@NullMarked
package io.socialink.instagram;

import org.jspecify.annotations.NullMarked;
