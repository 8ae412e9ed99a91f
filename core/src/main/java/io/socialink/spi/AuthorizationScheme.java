package io.socialink.spi;

import io.socialink.auth.Scopes;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way a platform authorizes applications, each with its own credentials: TikTok has Login Kit,
 * Business accounts and the Marketing API; Instagram has Instagram Login and Facebook Login.
 *
 * @param id stable lowercase id within the platform, e.g. {@code oauth2} or {@code login-kit}
 * @param displayName the name shown to people
 * @param defaultScopes the scopes asked for when the caller names none
 * @param description one line on when to use it
 */
public record AuthorizationScheme(String id, String displayName, List<String> defaultScopes, String description) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Validates and copies the components. */
  public AuthorizationScheme {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("scheme id must be lowercase letters, digits, '.', '_' or '-'; got '" + id + "'");
    }
    Objects.requireNonNull(displayName, "displayName");
    defaultScopes = List.copyOf(Scopes.check(defaultScopes, "defaultScopes"));
    Objects.requireNonNull(description, "description");
  }
}
