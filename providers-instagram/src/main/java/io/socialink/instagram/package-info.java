/**
 * The Instagram provider: the Instagram API with Instagram Login client ({@link io.socialink.instagram.InstagramClient}:
 * linking with the short- and long-lived token exchanges, refresh under Instagram's rules, profile, media,
 * content publishing, best-effort unlink calls, callbacks and webhooks), the platform's description,
 * authorization schemes, manual procedures, its part of unlink plans, and its reading of Meta's Graph API
 * errors and usage headers for the call pipeline.
 */
@NullMarked
package io.socialink.instagram;

import org.jspecify.annotations.NullMarked;
