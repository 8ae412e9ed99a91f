package io.socialink.resilience;

/**
 * The syntax of endpoint groups: {@code *}, or a lowercase letter or digit followed by up to 63
 * lowercase letters, digits, {@code .}, {@code _}, {@code /} or {@code -}. Checked by hand rather than
 * with a regular expression, since an observation is made for every response.
 */
final class EndpointGroups {
  private EndpointGroups() {}

  static boolean valid(String group) {
    int n = group.length();
    if (n == 1 && group.charAt(0) == '*') {
      return true;
    }
    if (n == 0 || n > 64 || !letterOrDigit(group.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = group.charAt(i);
      if (!letterOrDigit(c) && c != '.' && c != '_' && c != '/' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean letterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
