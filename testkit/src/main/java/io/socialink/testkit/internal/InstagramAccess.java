package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Reply;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may make a Graph call. The token comes from an {@code Authorization: Bearer} header, else the
 * {@code access_token} parameter. An Instagram Login token reaches its own account; a Facebook Login
 * token reaches the Facebook user's edges and the Instagram accounts behind the user's Pages, and has no
 * Instagram-only edge (nor an Instagram token a Facebook one). A refused token is answered with its
 * Graph error; an admitted call is {@link InstagramUsage#metered metered} against the account (or the
 * Facebook user) it is made for. Not thread-safe: used under the platform's lock.
 */
final class InstagramAccess {
  private final InstagramLogin login;
  private final FacebookLogin facebook;
  private final InstagramAccounts accounts;
  private final InstagramUsage usage;
  private final GraphReplies replies;

  InstagramAccess(InstagramLogin login, FacebookLogin facebook, InstagramAccounts accounts, InstagramUsage usage,
      GraphReplies replies) {
    this.login = login;
    this.facebook = facebook;
    this.accounts = accounts;
    this.usage = usage;
    this.replies = replies;
  }

  /** Whether the call presents a Facebook Login token. */
  boolean facebookToken(Call c) {
    return facebook.tokens().holds(presented(c));
  }

  /** A call that needs an Instagram Login token: answered for the token's account. */
  Reply graph(Call c, Function<InstagramAccounts.User, Reply> then) {
    String presented = presented(c);
    Optional<Reply> refused = login.tokens().refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    InstagramAccounts.User u = accounts.get(login.tokens().userOf(presented).orElseThrow());
    return usage.metered(u.id(), () -> then.apply(u));
  }

  /** A call that needs a Facebook user token: answered for the token's Facebook user (their id). */
  Reply facebook(Call c, Function<String, Reply> then) {
    String presented = presented(c);
    if (!facebook.tokens().holds(presented) && login.tokens().holds(presented)) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "Tried accessing nonexisting field on an Instagram"
          + " user token");
    }
    Optional<Reply> refused = facebook.tokens().refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    String userId = facebook.tokens().userOf(presented).orElseThrow();
    return usage.metered(userId, () -> then.apply(userId));
  }

  /**
   * A call on {@code /<IG_ID>/...}: with an Instagram Login token for its own account, or with a
   * Facebook Login token for an account behind one of the user's Pages.
   */
  Reply account(Call c, Function<InstagramAccounts.User, Reply> then) {
    if (!facebookToken(c)) {
      return graph(c, u -> u.id().equals(c.params().get("ig")) ? then.apply(u)
          : replies.error(400, InstagramPayloads.OBJECT_MISSING, null));
    }
    return onAccount(c, Optional.ofNullable(c.params().get("ig")), then);
  }

  /**
   * A call on an Instagram account with a Facebook user token: refused unless the account is behind one
   * of the user's Pages; counted against the account's usage, as Meta counts Instagram calls.
   */
  Reply onAccount(Call c, Optional<String> igId, Function<InstagramAccounts.User, Reply> then) {
    String presented = presented(c);
    Optional<Reply> refused = facebook.tokens().refusal(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    String user = facebook.tokens().userOf(presented).orElseThrow();
    if (igId.isEmpty() || !facebook.managed(user).contains(igId.get()) || !accounts.has(igId.get())) {
      return replies.error(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    return usage.metered(igId.get(), () -> then.apply(accounts.get(igId.get())));
  }

  private static String presented(Call c) {
    return c.bearer().orElse(c.query().getOrDefault("access_token", ""));
  }
}
