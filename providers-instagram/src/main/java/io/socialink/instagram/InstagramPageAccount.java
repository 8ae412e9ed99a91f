package io.socialink.instagram;

import java.util.Objects;
import java.util.Optional;

/**
 * An Instagram professional account reached through a Facebook Page, as Facebook Login for Business
 * reads it from {@code GET /me/accounts?fields=id,name,instagram_business_account{id,username}}. The
 * two ids are different things and kept apart: the Instagram account id addresses the Graph endpoints
 * ({@code /<IG_ID>/media}, publishing) and is what a Facebook Login grant's account is keyed by; the
 * Page id names the Facebook Page the account is connected to.
 *
 * @param instagramAccountId {@code instagram_business_account.id}: the Instagram professional account id
 * @param username {@code instagram_business_account.username}, when sent
 * @param pageId the Facebook Page's id
 * @param pageName the Facebook Page's name, when sent
 */
public record InstagramPageAccount(String instagramAccountId, Optional<String> username, String pageId,
    Optional<String> pageName) {
  /** Validates the components. */
  public InstagramPageAccount {
    digits(instagramAccountId, "instagramAccountId");
    Objects.requireNonNull(username, "username");
    digits(pageId, "pageId");
    Objects.requireNonNull(pageName, "pageName");
  }

  private static void digits(String id, String name) {
    Objects.requireNonNull(id, name);
    if (!id.matches("[0-9]{1,40}")) {
      throw new IllegalArgumentException(name + " must be 1-40 digits");
    }
  }
}
