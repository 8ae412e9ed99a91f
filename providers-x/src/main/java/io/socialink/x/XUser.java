package io.socialink.x;

import io.socialink.Account;
import java.util.List;
import java.util.Objects;

/**
 * The user an X access token acts for, from {@code GET /2/users/me}.
 *
 * @param id the user id (a snowflake, kept as a string because it can exceed 2^53)
 * @param username the handle, without {@code @}
 * @param name the display name
 * @param partialErrors problems X reported beside the data, possibly none
 */
public record XUser(String id, String username, String name, List<XProblem> partialErrors) {
  /** Validates and copies the components. */
  public XUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(name, "name");
    partialErrors = List.copyOf(Objects.requireNonNull(partialErrors, "partialErrors"));
  }

  /**
   * The user as a Socialink account.
   *
   * @return the account
   */
  public Account toAccount() {
    return Account.of(XProvider.ID, id, username, name);
  }
}
