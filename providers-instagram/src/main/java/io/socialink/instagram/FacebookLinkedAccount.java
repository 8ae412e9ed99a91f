package io.socialink.instagram;

import java.util.Objects;

/**
 * The ids behind a Facebook Login grant, kept apart: the grant's account is the Instagram professional
 * account ({@link InstagramPageAccount#instagramAccountId()}, the id the Graph endpoints take); the
 * Facebook user is the person who logged in (the app-scoped id that {@code debug_token},
 * {@code DELETE /{user-id}/permissions} and Facebook's deauthorize and data-deletion callbacks use); the
 * Page is where the Instagram account is connected.
 *
 * @param facebookUserId the Facebook user's app-scoped id
 * @param account the Instagram account and its Page
 */
public record FacebookLinkedAccount(String facebookUserId, InstagramPageAccount account) {
  /** Validates the components. */
  public FacebookLinkedAccount {
    Objects.requireNonNull(facebookUserId, "facebookUserId");
    if (!facebookUserId.matches("[0-9]{1,40}")) {
      throw new IllegalArgumentException("facebookUserId must be 1-40 digits");
    }
    Objects.requireNonNull(account, "account");
  }
}
