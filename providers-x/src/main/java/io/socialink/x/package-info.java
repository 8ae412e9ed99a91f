/**
 * The X provider: OAuth 2.0 with PKCE, rotating refresh tokens, revocation, profile, posts and media,
 * rate limits, webhooks and the manual procedures of X.
 */
@NullMarked
package io.socialink.x;

import org.jspecify.annotations.NullMarked;
