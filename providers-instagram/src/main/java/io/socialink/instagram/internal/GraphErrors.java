package io.socialink.instagram.internal;

import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meaning of Meta's error codes for Instagram, after the Graph API error-handling guide, the
 * Instagram error-code reference and the rate-limiting guide. Pure functions; thread-safe.
 *
 * <p>A code is refined in this order, and the first rule that knows the answer decides:
 *
 * <ol>
 *   <li>the {@code error_subcode} (the session subcodes of 190 and 102, the 2207xxx content-publishing
 *       subcodes whatever code carries them, 33 "object missing", the OAuth code-exchange subcodes
 *       36007-36009, 1996);</li>
 *   <li>the message: phrases Meta documents for the generic codes ("Session has expired", "has not
 *       authorized application", "changed the password", "Object ... does not exist", "duplicate", the
 *       app's own id, secret or redirect URI, app review against the user's grant against the account's
 *       role);</li>
 *   <li>the code itself (the table below);</li>
 *   <li>{@code is_transient}: {@code true} makes an otherwise unknown or invalid-request verdict
 *       {@code TRANSIENT}; {@code false} is never retried: a {@code TRANSIENT} verdict becomes
 *       {@code UNKNOWN} and a {@code RATE_LIMITED} one {@code QUOTA_EXHAUSTED}, except for a container
 *       still processing ({@link #NOT_READY_SUBCODE}), whose flag Meta's own message contradicts.</li>
 * </ol>
 *
 * An answer with no {@code code} at all (older and edge responses) is read by the number in its
 * message's {@code (#n)} prefix, and failing that by its phrases alone.
 *
 * <table>
 * <caption>Codes and categories</caption>
 * <tr><th>code (subcode)</th><th>category</th></tr>
 * <tr><td>1, 2, -1, -2, 24</td><td>TRANSIENT; 1 or 101 about the client id or secret CONFIGURATION</td></tr>
 * <tr><td>4, 17, 32, 613, 341, 8000x</td><td>RATE_LIMITED</td></tr>
 * <tr><td>4 (2207051)</td><td>ACCOUNT_RESTRICTED: suspected spam, not a rate limit</td></tr>
 * <tr><td>3</td><td>CONFIGURATION</td></tr>
 * <tr><td>10, 200-299</td><td>by message: the app lacks review, access or the product CONFIGURATION; the
 *     account lacks a role PERMISSION_DENIED; otherwise (the user did not grant it) INSUFFICIENT_SCOPE</td></tr>
 * <tr><td>100</td><td>INVALID_REQUEST; (33) and "does not exist" NOT_FOUND; redirect URI CONFIGURATION;
 *     (36007, 36009) the authorization code is spent: INVALID_REQUEST, link again</td></tr>
 * <tr><td>803</td><td>NOT_FOUND</td></tr>
 * <tr><td>102, 190</td><td>by subcode, then by message: (463) and "session has expired" AUTH_EXPIRED;
 *     (458, 460, 467), a token that is malformed, cannot be decrypted or parsed, a password change, a
 *     logout, "has not authorized application" or "invalidated" AUTH_REVOKED; (459, 464) ACCOUNT_RESTRICTED;
 *     (492) PERMISSION_DENIED; otherwise 190 AUTH_EXPIRED when its message says "expired" or is empty, else
 *     AUTH_REVOKED, and 102 AUTH_REVOKED</td></tr>
 * <tr><td>368, 25</td><td>ACCOUNT_RESTRICTED</td></tr>
 * <tr><td>506, or a message about a duplicate</td><td>DUPLICATE</td></tr>
 * <tr><td>9 (2207042)</td><td>QUOTA_EXHAUSTED</td></tr>
 * <tr><td>9007 (2207027)</td><td>TRANSIENT: the container is still processing; publish after a wait</td></tr>
 * <tr><td>9004 (2207052)</td><td>INVALID_REQUEST: Meta could not fetch the media from its URL</td></tr>
 * <tr><td>2207xxx</td><td>see {@link #PUBLISHING}</td></tr>
 * </table>
 *
 * The token endpoint's flat errors ({@code api.instagram.com}) are told apart by their message: a used
 * or unknown code is INVALID_REQUEST (link again), a wrong id, secret, redirect URI or platform app is
 * CONFIGURATION, an invalid token AUTH_REVOKED.
 *
 * The error {@code type} decides nothing: Meta sends {@code OAuthException} with throttling (4),
 * permission (10) and parameter (100) errors alike.
 */
final class GraphErrors {
  /** The subcode of code 4 that means Instagram's spam restriction rather than a rate limit. */
  static final long SPAM_RESTRICTION = 2207051;

  /**
   * The subcode of a media container still processing (9007/2207027). Meta sends it with
   * {@code is_transient: false} and the user message "The media is not ready to be published. Please
   * wait a moment.": the one subcode whose own words override the flag, so it stays worth retrying
   * after a wait.
   */
  static final long NOT_READY_SUBCODE = 2207027;

  /** The number in a legacy message's {@code (#n)} prefix. */
  private static final Pattern LEGACY_CODE = Pattern.compile("^\\s*\\(#(-?\\d{1,9})\\)");

  private static final String LINK = " Ask the user to link the account again.";

  /**
   * The content-publishing subcodes (the 2207xxx family of the Instagram error-code reference), each
   * with its own verdict, whatever code carries them.
   */
  static final Map<Long, Verdict> PUBLISHING = publishing();

  private GraphErrors() {}

  /**
   * What an error means.
   *
   * @param category the category
   * @param remediation what a person can do about it
   */
  record Verdict(ErrorCategory category, String remediation) {}

  /** The budget a throttling code says is spent. */
  enum Budget {
    /** The app's budget for all calls (X-App-Usage): codes 4 and 341. */
    APP,
    /** The account's budget for all calls (X-Business-Use-Case-Usage): codes 17, 32 and 8000x. */
    USER,
    /** A custom limit on the endpoint that answered, for the account: code 613. */
    ENDPOINT
  }

  /**
   * The code of an error: its {@code code}, or for a legacy answer without one the number in its
   * message's {@code (#n)} prefix.
   *
   * @param error the error
   * @return the code, or empty
   */
  static OptionalLong effectiveCode(GraphError error) {
    if (error.code().isPresent()) {
      return error.code();
    }
    Matcher m = LEGACY_CODE.matcher(error.message().orElse(""));
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /**
   * The verdict on an error answer: subcode, then message, then code, then {@code is_transient}.
   *
   * @param error the error
   * @return the verdict, or empty when nothing is known (the HTTP status then decides, made
   *     {@code TRANSIENT} when Meta marks it transient)
   */
  static Optional<Verdict> verdict(GraphError error) {
    if (error.shape() == GraphError.Shape.TOKEN_ENDPOINT) {
      return tokenEndpoint(error);
    }
    String m = error.message().orElse("").toLowerCase(Locale.ROOT);
    OptionalLong effective = effectiveCode(error);
    Optional<Verdict> v;
    if (effective.isEmpty()) {
      v = byPhrase(m, true);
    } else {
      long code = effective.getAsLong();
      long sub = error.subcodeOrZero();
      v = bySubcode(code, sub).or(() -> byMessage(code, m)).or(() -> byCode(code, sub, m));
    }
    if (v.isPresent() && error.transientFlag().isPresent() && !error.transientFlag().get()
        && error.subcodeOrZero() != NOT_READY_SUBCODE) {
      return Optional.of(notTransient(v.get()));
    }
    return v;
  }

  /** Meta said the error is not transient: never retried. */
  private static Verdict notTransient(Verdict v) {
    if (v.category() == ErrorCategory.TRANSIENT) {
      return new Verdict(ErrorCategory.UNKNOWN, v.remediation() + " Meta marked this error as not transient, so it is"
          + " not retried: keep the request id and check the request and the account before trying again.");
    }
    if (v.category() == ErrorCategory.RATE_LIMITED) {
      return new Verdict(ErrorCategory.QUOTA_EXHAUSTED, v.remediation() + " Meta marked this limit as not transient,"
          + " so retrying soon does not help.");
    }
    return v;
  }

  private static Optional<Verdict> bySubcode(long code, long sub) {
    if (sub == 0) {
      return Optional.empty();
    }
    Verdict publishing = PUBLISHING.get(sub);
    if (publishing != null) {
      return Optional.of(publishing);
    }
    if (code == 190 || code == 102) {
      return session(sub);
    }
    if (code == 100) {
      if (sub == 33) {
        return verdict(ErrorCategory.NOT_FOUND, "The object does not exist, or this token can no longer read it"
            + " (permissions removed); if it is the linked account itself, ask the user to link the account again.");
      }
      if (sub == 36007 || sub == 36009) {
        return verdict(ErrorCategory.INVALID_REQUEST, DefaultErrorClassifier.CODE_NOT_USABLE);
      }
      if (sub == 36008) {
        return verdict(ErrorCategory.CONFIGURATION, REDIRECT_URI);
      }
    }
    if (code == 613 && sub == 1996) {
      return verdict(ErrorCategory.RATE_LIMITED, "Meta saw inconsistent request volume: slow down and spread the"
          + " calls evenly over time.");
    }
    return Optional.empty();
  }

  /** The message decides where a generic code has a documented specific phrase. */
  private static Optional<Verdict> byMessage(long code, String m) {
    if ((code == 1 || code == 101 || code == 100) && mentionsAppCredentials(m)) {
      return verdict(ErrorCategory.CONFIGURATION, WRONG_SECRET);
    }
    if (code == 100 && m.contains("redirect_uri")) {
      return verdict(ErrorCategory.CONFIGURATION, REDIRECT_URI);
    }
    if (code == 100 && m.contains("authorization code") && (m.contains("expired") || m.contains("been used"))) {
      return verdict(ErrorCategory.INVALID_REQUEST, DefaultErrorClassifier.CODE_NOT_USABLE);
    }
    if (code == 190 || code == 102) {
      return byPhrase(m, false);
    }
    if (code == 10 || (code >= 200 && code <= 299)) {
      return Optional.of(permission(m));
    }
    if (code == 4 || code == 17 || code == 32 || code == 341 || code == 613 || (code >= 80000 && code <= 80099)) {
      return Optional.empty(); // throttling: the code decides
    }
    if (m.contains("does not exist") || m.contains("do not exist")) {
      return verdict(ErrorCategory.NOT_FOUND, "The object does not exist, was deleted, or this token cannot see it;"
          + " check the id.");
    }
    if (m.contains("duplicate")) {
      return verdict(ErrorCategory.DUPLICATE, DUPLICATE);
    }
    return Optional.empty();
  }

  /**
   * The documented phrases of token and session errors, used for 190 and 102 and for answers with no
   * code at all.
   *
   * @param m the lowercase message
   * @param noCode whether the answer had no code, so that other documented phrases count too
   */
  private static Optional<Verdict> byPhrase(String m, boolean noCode) {
    if (m.contains("been revoked") || m.contains("otherwise invalid")) {
      // "has expired, been revoked, or is otherwise invalid": not merely expired.
      return verdict(ErrorCategory.AUTH_REVOKED, "The access token expired, was revoked or is not valid." + LINK);
    }
    if (m.contains("session has expired") || m.contains("access token has expired")) {
      return Optional.of(expired());
    }
    if (m.contains("changed the password") || m.contains("changed their password")) {
      return verdict(ErrorCategory.AUTH_REVOKED, "The user changed their password, which ended the session." + LINK);
    }
    if (m.contains("has not authorized application") || m.contains("not authorized application")) {
      return verdict(ErrorCategory.AUTH_REVOKED, "The user removed the app or never authorized it." + LINK);
    }
    if (m.contains("logged out")) {
      return verdict(ErrorCategory.AUTH_REVOKED, "The user logged out, which ended the session." + LINK);
    }
    if (m.contains("invalidated") || m.contains("malformed access token") || m.contains("cannot be decrypted")
        || m.contains("could not be decrypted") || m.contains("cannot parse access token")
        || m.contains("invalid oauth access token") || m.contains("access token provided is invalid")
        || m.contains("session is invalid") || m.contains("does not match current stored session")) {
      return verdict(ErrorCategory.AUTH_REVOKED, "The access token can never work again (malformed, revoked,"
          + " invalidated or for a removed app)." + LINK);
    }
    if (noCode) {
      if (m.contains("does not exist") || m.contains("do not exist")) {
        return verdict(ErrorCategory.NOT_FOUND, "The object does not exist or this token cannot see it.");
      }
      if (m.contains("duplicate")) {
        return verdict(ErrorCategory.DUPLICATE, DUPLICATE);
      }
    }
    return Optional.empty();
  }

  /**
   * Codes 10 and 200-299: whose rights are missing. The app's (review, access level, a product, a
   * blocked app) is CONFIGURATION; the account's (a role on the Page) PERMISSION_DENIED; otherwise the
   * user did not grant the permission: INSUFFICIENT_SCOPE.
   */
  private static Verdict permission(String m) {
    if (m.contains("review") || m.contains("advanced access") || m.contains("application does not have")
        || m.contains("app does not have") || m.contains("api access blocked") || m.contains("not approved")
        || m.contains("application has been") || m.contains("app is not") || m.contains("capability")) {
      return new Verdict(ErrorCategory.CONFIGURATION, "The app itself lacks this permission, access level or product:"
          + " get it approved (App Review, Advanced Access) or add the product in the App Dashboard; the user cannot"
          + " fix it by linking again.");
    }
    if (m.contains("administrator") || m.contains("admin") || m.contains("editor") || m.contains("moderator")
        || m.contains("role") || m.contains("subject does not have permission") || m.contains("not allowed to post")) {
      return new Verdict(ErrorCategory.PERMISSION_DENIED, "The account may not do this: it needs a role (such as admin)"
          + " on the Page or business the call acts on; a Page admin must grant it.");
    }
    return new Verdict(ErrorCategory.INSUFFICIENT_SCOPE, "The grant lacks a permission this call needs, or the user"
        + " removed it: ask the user to link the account again and approve it. A permission the app has not been"
        + " approved for (App Review, Advanced Access) must be approved for the app first.");
  }

  private static Optional<Verdict> byCode(long code, long sub, String m) {
    if (code == 102 || code == 190) {
      if (code == 190 && (m.isBlank() || m.contains("expired"))) {
        return Optional.of(expired());
      }
      return verdict(ErrorCategory.AUTH_REVOKED, "The access token expired, was revoked or is not valid." + LINK);
    }
    if (code >= 80000 && code <= 80099) {
      return verdict(ErrorCategory.RATE_LIMITED, "The Instagram account's Business Use Case limit is reached"
          + " (4800 calls × impressions per 24 hours): stop calling for it until Meta's estimated time to regain"
          + " access has passed.");
    }
    switch ((int) code) {
      case 1:
        return verdict(ErrorCategory.TRANSIENT, "Meta reported an unknown, possibly temporary problem; try again"
            + " a few times with backoff and keep the request id if it persists.");
      case 2:
        return verdict(ErrorCategory.TRANSIENT, "Meta reported a temporary service problem; try again later.");
      case 3:
        return verdict(ErrorCategory.CONFIGURATION, "The app lacks the capability this call needs; add the product or"
            + " permission to the app in the App Dashboard (and get it approved) before calling again.");
      case 4:
        return verdict(ErrorCategory.RATE_LIMITED, "The app reached its Graph API rate limit (see X-App-Usage):"
            + " stop calling until its usage falls, spread calls evenly and request fewer fields.");
      case 17:
        return verdict(ErrorCategory.RATE_LIMITED, "The account reached its rate limit for this app: stop calling for"
            + " this account until Meta's estimated time to regain access has passed.");
      case 32:
        return verdict(ErrorCategory.RATE_LIMITED, "The Page connected to the account reached its rate limit: stop"
            + " calling for this account until Meta's estimated time to regain access has passed.");
      case 341:
        return verdict(ErrorCategory.RATE_LIMITED, "The application limit was reached: wait before calling again"
            + " and spread calls out.");
      case 613:
        return verdict(ErrorCategory.RATE_LIMITED, "A custom rate limit on this endpoint was reached: wait before"
            + " calling it again.");
      case 9:
        return Optional.empty();
      case 100:
        return verdict(ErrorCategory.INVALID_REQUEST, "Instagram refused the request: a parameter is missing or not"
            + " valid; fix it before trying again.");
      case 101:
        return verdict(ErrorCategory.CONFIGURATION, WRONG_SECRET);
      case 368:
        return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The account is temporarily blocked for policy violations;"
            + " do not retry soon. The user should check the account's status in the Instagram app.");
      case 506:
        return verdict(ErrorCategory.DUPLICATE, DUPLICATE);
      case 803:
        return verdict(ErrorCategory.NOT_FOUND, "Some of the aliases or ids asked for do not exist; check them.");
      case 9004:
        return verdict(ErrorCategory.INVALID_REQUEST, MEDIA_URI);
      case 9007:
        return verdict(ErrorCategory.TRANSIENT, NOT_READY);
      case 24:
        return verdict(ErrorCategory.TRANSIENT, "The media builder expired; try again in 30 seconds to 2 minutes.");
      case 25:
        return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The Instagram account is restricted or checkpointed: the user"
            + " must sign in to the Instagram app and follow its instructions.");
      case -1:
      case -2:
        return verdict(ErrorCategory.TRANSIENT, "Instagram failed to fetch or process the media; try again, with a"
            + " new container if it keeps failing, and check the media URL is public.");
      default:
        return Optional.empty();
    }
  }

  private static final String DUPLICATE = "Instagram already has this; change it before posting again.";
  private static final String NOT_READY = "The media container is still processing: read its status_code (once a"
      + " minute, for at most five minutes) and publish when it is FINISHED.";
  private static final String MEDIA_URI = "Meta could not fetch the media from its URL, or the file there is not a"
      + " photo or video it accepts: host it on a public HTTPS URL that serves the file itself (no redirect, no"
      + " login, no crawler block) in a supported format, then create a new container.";
  private static final String REDIRECT_URI = "The redirect URI differs from the one in the authorization request or"
      + " is not registered for the app: send exactly the registered redirect URI in both requests.";

  private static Map<Long, Verdict> publishing() {
    Map<Long, Verdict> m = new HashMap<>();
    Verdict retry = new Verdict(ErrorCategory.TRANSIENT, "Instagram failed while creating or uploading the media; try"
        + " again after a short wait, with a new container if it keeps failing.");
    m.put(2207001L, retry);
    m.put(2207032L, retry);
    m.put(2207053L, retry);
    m.put(2207003L, new Verdict(ErrorCategory.TRANSIENT, "Instagram timed out downloading the media; try again, and"
        + " make sure the host answers quickly."));
    m.put(2207008L, new Verdict(ErrorCategory.TRANSIENT, "The media builder expired; try again in 30 seconds to"
        + " 2 minutes."));
    m.put(2207027L, new Verdict(ErrorCategory.TRANSIENT, NOT_READY));
    m.put(2207004L, invalid("the image is too large (at most 8 MB)"));
    m.put(2207005L, invalid("the image format is not supported (JPEG only)"));
    m.put(2207009L, invalid("the aspect ratio is not supported (4:5 to 1.91:1)"));
    m.put(2207010L, invalid("the caption is too long (at most 2,200 characters, 30 hashtags, 20 @tags)"));
    m.put(2207023L, invalid("the media type is not supported (images must be JPEG; video goes as REELS)"));
    m.put(2207026L, invalid("the video format is not supported (see the video specification)"));
    m.put(2207028L, invalid("a carousel needs 2 to 10 items"));
    m.put(2207035L, invalid("the product tags are not valid"));
    m.put(2207036L, invalid("the product tags are not valid"));
    m.put(2207037L, invalid("the product tags are not valid"));
    m.put(2207040L, invalid("the caption has too many @tags (at most 20)"));
    m.put(2207057L, invalid("the thumbnail offset is not within the video"));
    m.put(2207052L, new Verdict(ErrorCategory.INVALID_REQUEST, MEDIA_URI));
    m.put(2207020L, new Verdict(ErrorCategory.INVALID_REQUEST, "The media container expired (containers live 24"
        + " hours): create a new container and publish that."));
    m.put(2207006L, new Verdict(ErrorCategory.NOT_FOUND, "The media was not found: it may have been deleted, or the"
        + " token lost the permission to read it."));
    m.put(2207042L, new Verdict(ErrorCategory.QUOTA_EXHAUSTED, "The account published as many posts through the API"
        + " as allowed in 24 hours (read content_publishing_limit for the quota); publish again once the 24-hour"
        + " window has rolled on."));
    m.put(2207050L, new Verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The Instagram account is restricted or inactive:"
        + " the user must sign in to the Instagram app and follow its instructions."));
    m.put(SPAM_RESTRICTION, new Verdict(ErrorCategory.ACCOUNT_RESTRICTED, "Instagram restricted this activity to"
        + " protect its community (suspected spam); do not retry automatically. The user should review the account's"
        + " recent activity in the Instagram app."));
    return Map.copyOf(m);
  }

  private static Verdict invalid(String what) {
    return new Verdict(ErrorCategory.INVALID_REQUEST, "Instagram refused the media: " + what
        + "; fix it before trying again.");
  }

  /**
   * The budget a throttling error says is spent.
   *
   * @param error the error
   * @return the budget, or empty when the error is not a throttling answer
   */
  static Optional<Budget> throttled(GraphError error) {
    if (error.shape() != GraphError.Shape.GRAPH) {
      return Optional.empty();
    }
    OptionalLong code = effectiveCode(error);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    long c = code.getAsLong();
    if (c >= 80000 && c <= 80099) {
      return Optional.of(Budget.USER);
    }
    switch ((int) c) {
      case 4:
        return error.subcodeOrZero() == SPAM_RESTRICTION ? Optional.empty() : Optional.of(Budget.APP);
      case 341:
        return Optional.of(Budget.APP);
      case 17:
      case 32:
        return Optional.of(Budget.USER);
      case 613:
        return Optional.of(Budget.ENDPOINT);
      default:
        return Optional.empty();
    }
  }

  /** Codes 102 and 190: the subcode says why the token or session is no good. */
  private static Optional<Verdict> session(long sub) {
    switch ((int) sub) {
      case 458:
        return verdict(ErrorCategory.AUTH_REVOKED, "The user removed the app or it is no longer installed for"
            + " the account." + LINK);
      case 459:
        return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The user's account is checkpointed: they must log in"
            + " at facebook.com or in the Instagram app and follow the instructions there.");
      case 460:
        return verdict(ErrorCategory.AUTH_REVOKED, "The user changed their password, which ended the session." + LINK);
      case 463:
        return Optional.of(expired());
      case 464:
        return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The user's account is not confirmed: they must log in"
            + " and confirm it.");
      case 467:
        return verdict(ErrorCategory.AUTH_REVOKED, "The access token is not valid (revoked, logged out or"
            + " damaged)." + LINK);
      case 492:
        return verdict(ErrorCategory.PERMISSION_DENIED, "The user has no role on the Facebook Page connected to"
            + " the Instagram account: a Page admin must give them one, then the user links the account again.");
      default:
        return Optional.empty();
    }
  }

  private static Verdict expired() {
    return new Verdict(ErrorCategory.AUTH_EXPIRED, "The access token expired. Instagram tokens cannot be refreshed"
        + " once expired, so ask the user to link the account again; refresh long-lived tokens (60 days) well"
        + " before they expire.");
  }

  /** The flat answers of api.instagram.com/oauth/access_token, told apart by their message. */
  private static Optional<Verdict> tokenEndpoint(GraphError error) {
    String m = error.message().orElse("").toLowerCase(Locale.ROOT);
    if (m.contains("matching code was not found") || m.contains("already used") || m.contains("code has expired")
        || m.contains("invalid authorization code") || m.contains("code is invalid")) {
      return verdict(ErrorCategory.INVALID_REQUEST, "The authorization code was already used, expired (codes live one"
          + " hour and work once) or was sent with the trailing #_ still attached; no grant exists, so start the"
          + " link again and exchange the new code once.");
    }
    if (mentionsAppCredentials(m)) {
      return verdict(ErrorCategory.CONFIGURATION, WRONG_SECRET);
    }
    if (m.contains("redirect_uri") || m.contains("redirect uri")) {
      return verdict(ErrorCategory.CONFIGURATION, REDIRECT_URI);
    }
    if (m.contains("invalid platform app") || m.contains("insufficient developer role")) {
      return verdict(ErrorCategory.CONFIGURATION, "Meta does not let this app use Instagram Login this way: use the"
          + " Instagram App ID and Instagram App Secret (App Dashboard > Instagram > API setup with Instagram login >"
          + " Business login settings), not the Meta app's, and while the app is in development add the account as a"
          + " tester.");
    }
    if (m.contains("access token") || m.contains("access_token")) {
      return verdict(ErrorCategory.AUTH_REVOKED, "Instagram does not accept the access token (invalid, expired or"
          + " revoked)." + LINK);
    }
    if (m.contains("unsupported request") || m.contains("method type")) {
      return verdict(ErrorCategory.INVALID_REQUEST, "Instagram does not support this request or method; check the"
          + " endpoint and the HTTP method (the refresh is a GET).");
    }
    return Optional.empty();
  }

  /** What a person does about a refused app id or secret. */
  private static final String WRONG_SECRET = "Meta refused the app's id or secret: the Instagram Login exchanges need"
      + " the Instagram App ID and Instagram App Secret (App Dashboard > Instagram > API setup with Instagram login >"
      + " Business login settings), not the Meta app's; check the configured client id and secret.";

  /**
   * Whether an error message is about the app's own id or secret ("Error validating client secret.", "Invalid
   * Client Secret", "Missing client_id parameter."), which Meta also sends with code 1 (otherwise "unknown,
   * retry"): such an answer is a configuration error, never retried.
   */
  private static boolean mentionsAppCredentials(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("client secret") || m.contains("client_secret") || m.contains("client_id")
        || m.contains("client id");
  }

  private static Optional<Verdict> verdict(ErrorCategory category, String remediation) {
    return Optional.of(new Verdict(category, remediation));
  }
}
