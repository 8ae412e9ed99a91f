package io.socialink.instagram.internal;

import io.socialink.error.ErrorCategory;
import java.util.Locale;
import java.util.Optional;

/**
 * The meaning of Meta's error codes for Instagram, after the Graph API error-handling guide, the
 * Instagram error-code reference and the rate-limiting guide. Pure functions; thread-safe.
 *
 * <table>
 * <caption>Codes and categories</caption>
 * <tr><th>code (subcode)</th><th>category</th></tr>
 * <tr><td>1, 2</td><td>TRANSIENT; 1 or 101 about the client id or secret CONFIGURATION</td></tr>
 * <tr><td>4, 17, 32, 613, 341, 80002</td><td>RATE_LIMITED</td></tr>
 * <tr><td>4 (2207051)</td><td>ACCOUNT_RESTRICTED: suspected spam, not a rate limit</td></tr>
 * <tr><td>3</td><td>CONFIGURATION</td></tr>
 * <tr><td>10, 200-299</td><td>INSUFFICIENT_SCOPE</td></tr>
 * <tr><td>100</td><td>INVALID_REQUEST; (33) NOT_FOUND</td></tr>
 * <tr><td>102, 190</td><td>by subcode, then by message: (463) and "session has expired" AUTH_EXPIRED;
 *     (458, 460, 467) and "invalidated" AUTH_REVOKED; (459, 464) ACCOUNT_RESTRICTED;
 *     (492) PERMISSION_DENIED; otherwise 190 AUTH_EXPIRED and 102 AUTH_REVOKED</td></tr>
 * <tr><td>368, 25 (2207050)</td><td>ACCOUNT_RESTRICTED</td></tr>
 * <tr><td>506</td><td>DUPLICATE</td></tr>
 * <tr><td>9 (2207042)</td><td>QUOTA_EXHAUSTED</td></tr>
 * <tr><td>9007 (2207027)</td><td>INVALID_REQUEST: publish after the container is ready</td></tr>
 * <tr><td>-1, -2</td><td>TRANSIENT; (2207020) INVALID_REQUEST: the container expired</td></tr>
 * <tr><td>24 (2207008)</td><td>TRANSIENT</td></tr>
 * </table>
 *
 * The token endpoint's flat errors about the client id or secret are CONFIGURATION too.
 *
 * The error {@code type} decides nothing: Meta sends {@code OAuthException} with throttling (4),
 * permission (10) and parameter (100) errors alike.
 */
final class GraphErrors {
  /** The subcode of code 4 that means Instagram's spam restriction rather than a rate limit. */
  static final long SPAM_RESTRICTION = 2207051;

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
    /** The account's budget for all calls (X-Business-Use-Case-Usage): codes 17, 32 and 80002. */
    USER,
    /** A custom limit on the endpoint that answered, for the account: code 613. */
    ENDPOINT
  }

  /**
   * The verdict on an error answer.
   *
   * @param error the error
   * @return the verdict, or empty when the code is not known (the HTTP status then decides)
   */
  static Optional<Verdict> verdict(GraphError error) {
    if (error.shape() == GraphError.Shape.TOKEN_ENDPOINT) {
      return tokenEndpoint(error);
    }
    if (error.code().isEmpty()) {
      return Optional.empty();
    }
    long code = error.code().getAsLong();
    long sub = error.subcodeOrZero();
    if ((code == 1 || code == 101) && mentionsAppCredentials(error.message().orElse(""))) {
      return verdict(ErrorCategory.CONFIGURATION, WRONG_SECRET);
    }
    if (code == 102 || code == 190) {
      return Optional.of(session(code, sub, error.message().orElse("")));
    }
    if (code >= 200 && code <= 299) {
      return verdict(ErrorCategory.INSUFFICIENT_SCOPE, "The grant lacks a permission this call needs, or the user"
          + " removed it: ask the user to link the account again and approve it. A permission the app has not been"
          + " approved for (App Review, Advanced Access) must be approved for the app first.");
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
        if (sub == SPAM_RESTRICTION) {
          return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "Instagram restricted this activity to protect its"
              + " community (suspected spam); do not retry automatically. The user should review the account's recent"
              + " activity in the Instagram app.");
        }
        return verdict(ErrorCategory.RATE_LIMITED, "The app reached its Graph API rate limit (see X-App-Usage):"
            + " stop calling until its usage falls, spread calls evenly and request fewer fields.");
      case 10:
        return verdict(ErrorCategory.INSUFFICIENT_SCOPE, "A permission this call needs was not granted or has been"
            + " removed: ask the user to link the account again and approve it; if the app itself lacks the"
            + " permission, get it approved in App Review first.");
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
        if (sub == 1996) {
          return verdict(ErrorCategory.RATE_LIMITED, "Meta saw inconsistent request volume: slow down and spread the"
              + " calls evenly over time.");
        }
        return verdict(ErrorCategory.RATE_LIMITED, "A custom rate limit on this endpoint was reached: wait before"
            + " calling it again.");
      case 80002:
        return verdict(ErrorCategory.RATE_LIMITED, "The Instagram account's Business Use Case limit is reached"
            + " (4800 calls × impressions per 24 hours): stop calling for it until Meta's estimated time to regain"
            + " access has passed.");
      case 9:
        if (sub == 2207042) {
          return verdict(ErrorCategory.QUOTA_EXHAUSTED, "The account published as many posts through the API as"
              + " allowed in 24 hours (read content_publishing_limit for the quota); publish again once the 24-hour"
              + " window has rolled on.");
        }
        return Optional.empty();
      case 100:
        return invalidParameter(sub);
      case 368:
        return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The account is temporarily blocked for policy violations;"
            + " do not retry soon. The user should check the account's status in the Instagram app.");
      case 506:
        return verdict(ErrorCategory.DUPLICATE, "Instagram already has this post; change it before posting again.");
      case 9007:
        return verdict(ErrorCategory.INVALID_REQUEST, "The media is not ready to publish: read the container's"
            + " status_code (once a minute, for at most five minutes) and publish when it is FINISHED.");
      case 24:
        return verdict(ErrorCategory.TRANSIENT, "The media builder expired; try again in 30 seconds to 2 minutes.");
      case 25:
        return verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The Instagram account is restricted or checkpointed: the user"
            + " must sign in to the Instagram app and follow its instructions.");
      case -1:
      case -2:
        if (sub == 2207020) {
          return verdict(ErrorCategory.INVALID_REQUEST, "The media container expired (containers live 24 hours):"
              + " create a new container and publish that.");
        }
        return verdict(ErrorCategory.TRANSIENT, "Instagram failed to fetch or process the media; try again, with a"
            + " new container if it keeps failing, and check the media URL is public.");
      default:
        return Optional.empty();
    }
  }

  /**
   * The budget a throttling error says is spent.
   *
   * @param error the error
   * @return the budget, or empty when the error is not a throttling answer
   */
  static Optional<Budget> throttled(GraphError error) {
    if (error.shape() != GraphError.Shape.GRAPH || error.code().isEmpty()) {
      return Optional.empty();
    }
    switch ((int) error.code().getAsLong()) {
      case 4:
        return error.subcodeOrZero() == SPAM_RESTRICTION ? Optional.empty() : Optional.of(Budget.APP);
      case 341:
        return Optional.of(Budget.APP);
      case 17:
      case 32:
      case 80002:
        return Optional.of(Budget.USER);
      case 613:
        return Optional.of(Budget.ENDPOINT);
      default:
        return Optional.empty();
    }
  }

  /** Codes 102 and 190: the token or session is no good; the subcode says why. */
  private static Verdict session(long code, long sub, String message) {
    String link = " Ask the user to link the account again.";
    switch ((int) sub) {
      case 458:
        return new Verdict(ErrorCategory.AUTH_REVOKED, "The user removed the app or it is no longer installed for"
            + " the account." + link);
      case 459:
        return new Verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The user's account is checkpointed: they must log in"
            + " at facebook.com or in the Instagram app and follow the instructions there.");
      case 460:
        return new Verdict(ErrorCategory.AUTH_REVOKED, "The user changed their password, which ended the session."
            + link);
      case 463:
        return expired();
      case 464:
        return new Verdict(ErrorCategory.ACCOUNT_RESTRICTED, "The user's account is not confirmed: they must log in"
            + " and confirm it.");
      case 467:
        return new Verdict(ErrorCategory.AUTH_REVOKED, "The access token is not valid (revoked, logged out or"
            + " damaged)." + link);
      case 492:
        return new Verdict(ErrorCategory.PERMISSION_DENIED, "The user has no role on the Facebook Page connected to"
            + " the Instagram account: a Page admin must give them one, then the user links the account again.");
      default:
        break;
    }
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("invalidated") || m.contains("changed their password") || m.contains("changed the password")) {
      return new Verdict(ErrorCategory.AUTH_REVOKED, "The session was invalidated (a password change or a security"
          + " measure by Meta)." + link);
    }
    if (m.contains("session has expired") || code == 190) {
      return expired();
    }
    return new Verdict(ErrorCategory.AUTH_REVOKED, "The access token expired, was revoked or is not valid." + link);
  }

  private static Verdict expired() {
    return new Verdict(ErrorCategory.AUTH_EXPIRED, "The access token expired. Instagram tokens cannot be refreshed"
        + " once expired, so ask the user to link the account again; refresh long-lived tokens (60 days) well"
        + " before they expire.");
  }

  /** Code 100 and the Instagram subcodes that say which parameter is wrong. */
  private static Optional<Verdict> invalidParameter(long sub) {
    if (sub == 33) {
      return verdict(ErrorCategory.NOT_FOUND, "The object does not exist, or this token can no longer read it"
          + " (permissions removed); if it is the linked account itself, ask the user to link the account again.");
    }
    String what;
    if (sub == 2207023) {
      what = "the media type is not supported (images must be JPEG; video goes as REELS)";
    } else if (sub == 2207028) {
      what = "a carousel needs 2 to 10 items";
    } else if (sub == 2207040) {
      what = "the caption has too many @tags (at most 20)";
    } else if (sub >= 2207035 && sub <= 2207037) {
      what = "the product tags are not valid";
    } else {
      what = "a parameter is missing or not valid";
    }
    return verdict(ErrorCategory.INVALID_REQUEST, "Instagram refused the request: " + what
        + "; fix it before trying again.");
  }

  /** The flat answers of api.instagram.com/oauth/access_token, told apart by their message. */
  private static Optional<Verdict> tokenEndpoint(GraphError error) {
    String m = error.message().orElse("").toLowerCase(Locale.ROOT);
    if (m.contains("matching code was not found or was already used")) {
      return verdict(ErrorCategory.AUTH_REVOKED, "The authorization code was already used, expired (codes live one"
          + " hour and work once) or was sent with the trailing #_ still attached; ask the user to link the account"
          + " again and exchange the new code once.");
    }
    if (mentionsAppCredentials(m)) {
      return verdict(ErrorCategory.CONFIGURATION, WRONG_SECRET);
    }
    if (m.contains("invalid platform app")) {
      return verdict(ErrorCategory.CONFIGURATION, "Meta does not know this app for Instagram Login: use the Instagram"
          + " App ID and Instagram App Secret (App Dashboard > Instagram > API setup with Instagram login > Business"
          + " login settings), not the Meta app's.");
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
