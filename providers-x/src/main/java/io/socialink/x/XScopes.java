package io.socialink.x;

import io.socialink.Grant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * X's OAuth 2.0 scopes and what follows from them. Stateless and thread-safe.
 *
 * <p>The one that matters most is {@link #OFFLINE_ACCESS}: without it X issues no refresh token, so
 * the link ends when the access token expires, two hours after it was issued.
 */
public final class XScopes {
  /** Read posts; needed by {@code GET /2/users/me} and {@code POST /2/tweets}. */
  public static final String TWEET_READ = "tweet.read";
  /** Create and delete posts. */
  public static final String TWEET_WRITE = "tweet.write";
  /** Read user profiles; needed by {@code GET /2/users/me}. */
  public static final String USERS_READ = "users.read";
  /** The user's e-mail address ({@code confirmed_email}). */
  public static final String USERS_EMAIL = "users.email";
  /** A refresh token, so the link outlives the two-hour access token. */
  public static final String OFFLINE_ACCESS = "offline.access";
  /** Upload media through {@code /2/media/upload}. */
  public static final String MEDIA_WRITE = "media.write";

  /** The scopes X documents for OAuth 2.0 user context. */
  public static final Set<String> DOCUMENTED = Set.of(
      "tweet.read", "tweet.write", "tweet.moderate.write", "users.email", "users.read", "follows.read",
      "follows.write", "offline.access", "space.read", "mute.read", "mute.write", "like.read", "like.write",
      "list.read", "list.write", "block.read", "block.write", "bookmark.read", "bookmark.write", "dm.read",
      "dm.write", "media.write");

  /** The least a link that reads the profile, posts with media and stays linked needs. */
  public static final List<String> POSTING = List.of(TWEET_READ, TWEET_WRITE, USERS_READ, OFFLINE_ACCESS, MEDIA_WRITE);

  private XScopes() {}

  /**
   * Says what asking for these scopes means for the link's lifetime, when it is worth saying.
   *
   * @param requested the scopes to ask for
   * @return a note when {@code offline.access} is missing, else empty
   */
  public static Optional<String> lifetimeNote(Collection<String> requested) {
    Objects.requireNonNull(requested, "requested");
    if (requested.contains(OFFLINE_ACCESS)) {
      return Optional.empty();
    }
    return Optional.of("the scopes do not include offline.access, so X will issue no refresh token: the link ends"
        + " when the access token expires, two hours after linking, and the user must link again");
  }

  /**
   * Answers whether a grant ends with its access token: it has no refresh token (X issued none
   * because {@code offline.access} was not granted).
   *
   * @param grant an X grant
   * @return true if the grant cannot be refreshed
   */
  public static boolean endsWithAccessToken(Grant grant) {
    return grant.refreshToken().isEmpty();
  }

  /**
   * The requested scopes X did not grant.
   *
   * @param requested the scopes asked for
   * @param granted the scopes in the token response
   * @return the missing scopes, in the order requested
   */
  public static Set<String> missing(Collection<String> requested, Collection<String> granted) {
    Set<String> out = new LinkedHashSet<>(requested);
    out.removeAll(granted);
    return java.util.Collections.unmodifiableSet(out);
  }
}
