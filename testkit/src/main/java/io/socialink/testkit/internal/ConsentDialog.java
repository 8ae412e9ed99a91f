package io.socialink.testkit.internal;

import io.socialink.testkit.internal.emulator.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The consent page both Meta logins share, Instagram Login's authorize page and Facebook Login's
 * dialog: it checks the app id, the registered redirect URI, {@code response_type=code} and the scopes
 * (comma or space separated, each known to the login), picks the user who consents (the
 * {@code emulator_user} parameter, else the first user added), and redirects to the redirect URI with a
 * code or, on {@code emulator_consent=deny}, with the login's refusal, then {@code state}. What differs
 * between the two logins is a {@link Wording}. Immutable.
 */
final class ConsentDialog {
  /**
   * What one login says.
   *
   * @param badClient the page's text for a {@code client_id} that is not the app's
   * @param badRedirect the text for another {@code redirect_uri}; the registered URI follows it
   * @param badScopes the text before the scopes asked, when one is unknown
   * @param knows the text between those and the known scopes
   * @param user what the login calls a user, e.g. {@code account}
   * @param refusal the redirect's query when the user declines
   * @param fragment what the redirect ends with ({@code #_} on Instagram), may be empty
   */
  record Wording(String badClient, String badRedirect, String badScopes, String knows, String user, String refusal,
      String fragment) {}

  /** Issues the code for a consent. */
  interface Codes {
    /**
     * Issues a code.
     *
     * @param user who consented
     * @param scopes the scopes granted
     * @return the code
     */
    String issue(String user, List<String> scopes);
  }

  private final String clientId;
  private final String redirectUri;
  private final Set<String> known;
  private final Wording wording;

  /**
   * Creates the page.
   *
   * @param clientId the app's id
   * @param redirectUri the registered redirect URI
   * @param known the scopes the login knows
   * @param wording what the login says
   */
  ConsentDialog(String clientId, String redirectUri, Set<String> known, Wording wording) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    this.known = Objects.requireNonNull(known, "known");
    this.wording = Objects.requireNonNull(wording, "wording");
  }

  /**
   * Answers the page.
   *
   * @param q the query
   * @param users the users who may consent, in the order added
   * @param codes issues the code
   * @return a redirect, or a 400 page saying what is wrong
   */
  Reply answer(Map<String, String> q, Set<String> users, Codes codes) {
    if (!clientId.equals(q.get("client_id"))) {
      return Reply.text(400, wording.badClient());
    }
    if (!redirectUri.equals(q.get("redirect_uri"))) {
      return Reply.text(400, wording.badRedirect() + redirectUri);
    }
    if (!"code".equals(q.get("response_type"))) {
      return Reply.text(400, "response_type must be code");
    }
    List<String> scopes = Arrays.stream(q.getOrDefault("scope", "").split("[, ]+")).filter(s -> !s.isEmpty()).toList();
    if (scopes.isEmpty() || !known.containsAll(scopes)) {
      return Reply.text(400, wording.badScopes() + scopes + wording.knows() + known);
    }
    if (users.isEmpty()) {
      return Reply.text(400, "the Instagram emulator has no " + wording.user() + "; add one first");
    }
    String user = q.getOrDefault("emulator_user", users.iterator().next());
    if (!users.contains(user)) {
      return Reply.text(400, "the Instagram emulator has no " + wording.user() + " " + user + "; add it first");
    }
    StringBuilder to = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
    if ("deny".equals(q.get("emulator_consent"))) {
      to.append(wording.refusal());
    } else {
      to.append("code=").append(codes.issue(user, scopes));
    }
    if (q.containsKey("state")) {
      to.append("&state=").append(URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    }
    return Reply.redirect(to.append(wording.fragment()).toString());
  }
}
