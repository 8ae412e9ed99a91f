package io.socialink.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parsing and checking of OAuth scope lists. A scope is a non-empty run of visible ASCII characters
 * other than {@code "}, {@code \} and the separators space and comma (RFC 6749 §3.3, with commas
 * excluded because some platforms separate scopes with them). Stateless and thread-safe.
 */
public final class Scopes {
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x5B\\x5D-\\x7E]+");

  private Scopes() {}

  /**
   * Parses a scope list separated by spaces, commas or both, as platforms send them.
   *
   * @param raw the list, e.g. {@code "tweet.read users.read"} or {@code "user.info.basic,video.list"}
   * @return the scopes, in order, without duplicates
   * @throws IllegalArgumentException if a scope has characters no scope may have
   */
  public static Set<String> parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    Set<String> out = new LinkedHashSet<>();
    for (String part : raw.split("[ ,]+")) {
      if (!part.isEmpty()) {
        out.add(checkOne(part, "scope"));
      }
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /**
   * Checks every scope of a collection and returns an unmodifiable copy.
   *
   * @param scopes the scopes
   * @param field the field name for messages
   * @return the copy
   * @throws IllegalArgumentException naming the field if a scope is malformed
   */
  public static Set<String> check(Collection<String> scopes, String field) {
    Objects.requireNonNull(scopes, field);
    Set<String> out = new LinkedHashSet<>();
    for (String s : scopes) {
      out.add(checkOne(Objects.requireNonNull(s, field + " element"), field));
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /**
   * Joins scopes with a separator, as an authorization URL wants them.
   *
   * @param scopes the scopes
   * @param separator {@code " "} or {@code ","}
   * @return the joined list
   */
  public static String join(Collection<String> scopes, String separator) {
    check(scopes, "scopes");
    return String.join(separator, scopes);
  }

  private static String checkOne(String scope, String field) {
    if (!SCOPE.matcher(scope).matches()) {
      throw new IllegalArgumentException(field + " has a malformed scope " + io.socialink.http.SafeText.quoted(scope, 80)
          + ": a scope is visible ASCII without spaces, commas, quotes or backslashes");
    }
    return scope;
  }
}
