package io.socialink.testkit.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Instagram professional accounts on the emulator, in the order added (the first one consents
 * unless the authorize page is told otherwise). Not thread-safe: used under the platform's lock.
 */
final class InstagramAccounts {
  /**
   * A professional account.
   *
   * @param id its Instagram professional account id
   * @param appScopedId its Instagram-scoped user id, what {@code /me} calls {@code id}
   * @param username its handle
   * @param name its display name
   */
  record User(String id, String appScopedId, String username, String name) {}

  private final Map<String, User> users = new LinkedHashMap<>();

  /**
   * Adds an account.
   *
   * @param id its id, up to 18 digits
   * @param username its handle
   * @param name its display name
   */
  void add(String id, String username, String name) {
    if (!id.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("an Instagram account id is up to 18 digits");
    }
    users.put(id, new User(id, "70" + id.substring(Math.max(0, id.length() - 14)), username, name));
  }

  /** Whether the account is on the emulator. */
  boolean has(String id) {
    return users.containsKey(id);
  }

  /** An account known to be on the emulator. */
  User get(String id) {
    User u = users.get(id);
    if (u == null) {
      throw new IllegalStateException("the Instagram emulator has no account " + id);
    }
    return u;
  }

  /** The accounts' ids, in the order added; a read-only view. */
  Set<String> ids() {
    return Collections.unmodifiableSet(users.keySet());
  }

  /** Refuses an id the emulator does not know, naming the known ones. */
  void require(String userId) {
    if (!users.containsKey(Objects.requireNonNull(userId, "userId"))) {
      throw new IllegalArgumentException("the Instagram emulator has no account " + userId + "; known: " + users.keySet());
    }
  }
}
