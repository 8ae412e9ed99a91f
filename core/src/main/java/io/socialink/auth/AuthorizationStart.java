package io.socialink.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The start of an authorization: send the user's browser to {@link #url()}; the platform returns it
 * to the redirect URI with the same {@link #state()} before {@link #expiresAt()}.
 *
 * @param url the platform's authorization URL
 * @param state the state value the callback must carry
 * @param expiresAt when the pending authorization expires
 */
public record AuthorizationStart(URI url, String state, Instant expiresAt) {
  /** Validates the components. */
  public AuthorizationStart {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
