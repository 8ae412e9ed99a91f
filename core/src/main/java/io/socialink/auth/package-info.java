/**
 * Running OAuth 2.0 authorization: PKCE, state, callbacks, token responses and application credentials.
 */
@NullMarked
package io.socialink.auth;

import org.jspecify.annotations.NullMarked;
