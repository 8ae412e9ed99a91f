package io.socialink.tiktok.internal;

import io.socialink.error.ErrorCategory;
import io.socialink.tiktok.internal.TikTokResponseInterpreter.Answer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What TikTok's error codes mean: the tables of the Open API v2, OAuth and TikTok API for Business
 * codes, each with its category and what a person can do about it, and the rules that decide a
 * generic code by its message (see {@link TikTokResponseInterpreter} for which). Stateless apart from
 * its fixed tables.
 */
final class TikTokErrorCodes {
  /**
   * What an error code means.
   *
   * @param category the category
   * @param remediation what a person can do about it
   */
  record Verdict(ErrorCategory category, String remediation) {}

  private static final Verdict BUSINESS_THROTTLED = new Verdict(ErrorCategory.RATE_LIMITED,
      "TikTok API for Business throttled the app on this endpoint; wait until the retry time and spread the calls out.");
  private static final Verdict BUSINESS_TOKEN_EXPIRED = new Verdict(ErrorCategory.AUTH_EXPIRED,
      "The access token expired; refresh the grant, and if the refresh fails ask the user to authorize the app"
          + " again.");
  private static final Verdict BUSINESS_TOKEN_INCORRECT = new Verdict(ErrorCategory.AUTH_REVOKED,
      "TikTok does not accept the access token (revoked or incorrect; an expired one has its own code); ask the user"
          + " to authorize the app again.");

  private static final Map<String, Verdict> OPEN_API_CODES = openApiCodes();
  private static final Map<String, Verdict> OAUTH_CODES = oauthCodes();
  private static final Map<Long, Verdict> BUSINESS_CODES = businessCodes();

  private TikTokErrorCodes() {}

  /**
   * What a failure means.
   *
   * @param a the failure
   * @return the verdict, or empty to keep the generic category (UNKNOWN for a 2xx)
   */
  static Optional<Verdict> verdict(Answer a) {
    switch (a.shape()) {
      case OPEN_API:
        return openApiVerdict(a.code().toLowerCase(Locale.ROOT), a.message().toLowerCase(Locale.ROOT));
      case OAUTH:
        return oauthVerdict(a.code().toLowerCase(Locale.ROOT), a.message().toLowerCase(Locale.ROOT));
      default:
        return businessVerdict(a.number(), a.message().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Open API v2 codes; the generic {@code invalid_params} / {@code invalid_param} is decided by its
   * message when that names the cause (a user or object that does not exist, a duplicate).
   */
  private static Optional<Verdict> openApiVerdict(String code, String message) {
    if (code.equals("invalid_params") || code.equals("invalid_param")) {
      if (message.contains("does not exist") || message.contains("not exist") || message.contains("not found")) {
        return Optional.of(new Verdict(ErrorCategory.NOT_FOUND,
            "TikTok says what the request names does not exist (or is not visible to this user); check the ids."));
      }
      if (message.contains("duplicate")) {
        return Optional.of(new Verdict(ErrorCategory.DUPLICATE,
            "TikTok already has this; change it before sending it again."));
      }
    }
    return Optional.ofNullable(OPEN_API_CODES.get(code));
  }

  private static Optional<Verdict> oauthVerdict(String code, String description) {
    if (code.equals("invalid_request")) {
      if (description.contains("redirect_uri") || description.contains("redirect uri")) {
        return Optional.of(new Verdict(ErrorCategory.CONFIGURATION,
            "The redirect URI differs from the one used to ask for the code or registered for the app; send exactly"
                + " the redirect URI registered in the TikTok developer portal, the same in the authorization and the"
                + " token request."));
      }
      if (description.contains("code verifier") || description.contains("code challenge")) {
        return Optional.of(new Verdict(ErrorCategory.INVALID_REQUEST,
            "TikTok rejected the PKCE pair: it expects the code challenge as the lowercase hex SHA-256 of the"
                + " verifier, not base64url. Start a new authorization with a matching verifier and challenge."));
      }
    }
    return Optional.ofNullable(OAUTH_CODES.get(code));
  }

  private static Optional<Verdict> businessVerdict(long code, String message) {
    Optional<Verdict> byMessage = businessMessage(code, message);
    if (byMessage.isPresent()) {
      return byMessage;
    }
    Verdict v = BUSINESS_CODES.get(code);
    if (v != null) {
      return Optional.of(v);
    }
    if (code >= 50000 && code <= 59999) {
      return Optional.of(new Verdict(ErrorCategory.TRANSIENT,
          "TikTok API for Business had a server error; try again later, and quote the request id to TikTok support"
              + " if it persists."));
    }
    if (message.contains("too many requests") || message.contains("too frequent")) {
      return Optional.of(BUSINESS_THROTTLED);
    }
    if (message.contains("access token has expired") || message.contains("access token is expired")) {
      return Optional.of(BUSINESS_TOKEN_EXPIRED);
    }
    if (message.contains("access token is incorrect") || message.contains("access token is invalid")) {
      return Optional.of(BUSINESS_TOKEN_INCORRECT);
    }
    return Optional.empty();
  }

  /**
   * Business codes whose message is more specific than the code: a permission error that is the app's
   * (CONFIGURATION) or the grant's scope (INSUFFICIENT_SCOPE) rather than the account's, a parameter
   * error that names a missing object or a duplicate, a throttle that is a daily cap.
   */
  private static Optional<Verdict> businessMessage(long code, String message) {
    if (code == 40101 && message.contains("auth_code")) {
      return Optional.of(new Verdict(ErrorCategory.AUTH_REVOKED,
          "The authorization code was already used or is not valid; ask the user to authorize the app again and"
              + " exchange each code once."));
    }
    if (code == 40001) {
      if (message.contains("scope")) {
        return Optional.of(new Verdict(ErrorCategory.INSUFFICIENT_SCOPE,
            "The authorizing user did not grant the scope this call needs; ask them to authorize the app again and"
                + " approve it."));
      }
      if (message.contains("app ") || message.contains("app's") || message.contains("application")
          || message.contains("developer")) {
        return Optional.of(new Verdict(ErrorCategory.CONFIGURATION,
            "The app lacks the permission for this API; request it for the app in the TikTok for Business developer"
                + " portal."));
      }
    }
    if (code == 40000 || code == 40002) {
      if (message.contains("does not exist") || message.contains("not exist") || message.contains("not found")) {
        return Optional.of(new Verdict(ErrorCategory.NOT_FOUND,
            "TikTok says what the request names does not exist or is not visible to this account; check the ids."));
      }
      if (message.contains("duplicate") || message.contains("already exist")) {
        return Optional.of(new Verdict(ErrorCategory.DUPLICATE,
            "TikTok already has this; change it before sending it again."));
      }
    }
    if ((code == 40016 || code == 40100 || code == TikTokResponseInterpreter.ADVERTISER_THROTTLE)
        && (message.contains("daily") || message.contains("per day") || message.contains("qpd"))) {
      return Optional.of(new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
          "The daily request quota is used up; it resets at 00:00 UTC, so retrying before then does not help."));
    }
    return Optional.empty();
  }

  private static Map<String, Verdict> openApiCodes() {
    Map<String, Verdict> m = new HashMap<>();
    m.put("access_token_invalid", new Verdict(ErrorCategory.AUTH_EXPIRED,
        "TikTok did not accept the access token (expired, revoked or missing); refresh the grant, and if the refresh"
            + " fails ask the user to link their TikTok account again."));
    m.put("scope_not_authorized", new Verdict(ErrorCategory.INSUFFICIENT_SCOPE,
        "The user did not grant the permission this call needs; ask them to link their TikTok account again and"
            + " approve every requested permission."));
    m.put("scope_permission_missed", new Verdict(ErrorCategory.INSUFFICIENT_SCOPE,
        "Some requested fields need a scope the grant lacks (such as user.info.profile or user.info.stats); ask only"
            + " for fields the granted scopes cover, or ask the user to link again and approve the missing scope."));
    Verdict params = new Verdict(ErrorCategory.INVALID_REQUEST,
        "TikTok rejected a request parameter; check the fields and values against TikTok's API reference before"
            + " trying again.");
    m.put("invalid_params", params);
    m.put("invalid_param", params);
    m.put("invalid_file_upload", new Verdict(ErrorCategory.INVALID_REQUEST,
        "The file does not meet TikTok's upload requirements (format, size, duration or chunk layout); fix the file"
            + " or the chunk sizes and upload again."));
    m.put("rate_limit_exceeded", new Verdict(ErrorCategory.RATE_LIMITED,
        "Too many calls to this TikTok endpoint within a minute; wait until the retry time. TikTok raises limits on"
            + " request through its developer support page."));
    m.put("internal_error", new Verdict(ErrorCategory.TRANSIENT,
        "TikTok had an internal error; try again later, and quote the log id to TikTok support if it persists."));
    m.put("spam_risk_too_many_pending_share", new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The user has too many uploads waiting in their TikTok inbox (at most 5 pending shares in 24 hours); they"
            + " must post or discard them in the TikTok app, or wait a day, before uploading again."));
    m.put("spam_risk_too_many_posts", new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The user has reached TikTok's cap on posts made through apps; retrying soon does not help, so wait a day"
            + " before posting for this user again."));
    m.put("spam_risk_user_banned_from_posting", new Verdict(ErrorCategory.ACCOUNT_RESTRICTED,
        "TikTok has banned this user from posting; only the user can resolve it with TikTok, in the TikTok app."));
    m.put("reached_active_user_cap", new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The app has reached TikTok's daily cap on users posting through it; try again the next day, or ask TikTok"
            + " to raise the cap (passing the Content Posting audit does)."));
    m.put("unaudited_client_can_only_post_to_private_accounts", new Verdict(ErrorCategory.CONFIGURATION,
        "Until TikTok audits the app, its posts can only be private (privacy level SELF_ONLY); post privately, or"
            + " submit the app for the Content Posting audit in the TikTok developer portal."));
    m.put("url_ownership_unverified", new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok pulls media only from a domain or URL prefix the app has verified; verify it in the TikTok developer"
            + " portal, or upload the file instead of passing a URL."));
    m.put("privacy_level_option_mismatch", new Verdict(ErrorCategory.INVALID_REQUEST,
        "The privacy level is not one this creator allows; use one of the privacy_level_options the creator info"
            + " query returns."));
    m.put("invalid_publish_id", new Verdict(ErrorCategory.NOT_FOUND,
        "TikTok knows no post with this publish_id; use the publish_id the post initialization returned."));
    m.put("token_not_authorized_for_specified_publish_id", new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The post was started with another user's token; check its status with the token of the user who posted it."));
    return Map.copyOf(m);
  }

  private static Map<String, Verdict> oauthCodes() {
    Map<String, Verdict> m = new HashMap<>();
    m.put("access_denied", new Verdict(ErrorCategory.AUTH_REVOKED,
        "The user refused or withdrew the app's access on TikTok; ask them to link their TikTok account again and"
            + " approve access."));
    m.put("invalid_client", new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok rejected the app's credentials; check the client key (TikTok's client id) and the client secret on"
            + " the app's page in the TikTok developer portal."));
    m.put("invalid_grant", new Verdict(ErrorCategory.AUTH_REVOKED,
        "The authorization code or refresh token is invalid, expired, already used or revoked, or was issued for"
            + " another redirect URI or app; ask the user to link their TikTok account again."));
    m.put("invalid_request", new Verdict(ErrorCategory.INVALID_REQUEST,
        "A parameter of the OAuth request is missing or malformed; check it against TikTok's OAuth reference."));
    m.put("invalid_scope", new Verdict(ErrorCategory.CONFIGURATION,
        "Ask only for scopes the app has been approved for in the TikTok developer portal, separated by commas."));
    m.put("unauthorized_client", new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok does not allow this app to use this kind of authorization; check the app's products and status in the"
            + " TikTok developer portal."));
    Verdict unsupported = new Verdict(ErrorCategory.INVALID_REQUEST,
        "The OAuth request used a grant or response type TikTok does not support; fix the request.");
    m.put("unsupported_grant_type", unsupported);
    m.put("unsupported_response_type", unsupported);
    Verdict down = new Verdict(ErrorCategory.TRANSIENT,
        "TikTok's authorization server failed for a while; try again later, and quote the log id to TikTok support"
            + " if it persists.");
    m.put("server_error", down);
    m.put("temporarily_unavailable", down);
    return Map.copyOf(m);
  }

  private static Map<Long, Verdict> businessCodes() {
    Map<Long, Verdict> m = new HashMap<>();
    Verdict params = new Verdict(ErrorCategory.INVALID_REQUEST,
        "TikTok API for Business rejected a parameter (its message says which); fix the request before trying again.");
    m.put(40000L, params);
    m.put(40002L, params);
    m.put(40001L, new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The authorizing user has no permission for this operation. For Business Center assets, ask a Business Center"
            + " admin to do it (for example to remove the account) or to give this user the needed role."));
    m.put(40007L, new Verdict(ErrorCategory.NOT_FOUND,
        "The object does not exist or is no longer visible to this account; check the ids sent."));
    m.put(40016L, BUSINESS_THROTTLED);
    m.put(40100L, BUSINESS_THROTTLED);
    m.put(TikTokResponseInterpreter.ADVERTISER_THROTTLE, new Verdict(ErrorCategory.RATE_LIMITED,
        "TikTok API for Business throttled calls for this advertiser; wait until the retry time and spread the"
            + " advertiser's calls out."));
    m.put(40101L, new Verdict(ErrorCategory.CONFIGURATION,
        "The app id and secret do not match; check both in the TikTok for Business developer portal."));
    m.put(40102L, BUSINESS_TOKEN_EXPIRED);
    m.put(40103L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The refresh token expired; ask the user to authorize the app again."));
    m.put(40104L, new Verdict(ErrorCategory.INVALID_REQUEST,
        "The request carried no access token: TikTok API for Business expects it in the Access-Token header, not in"
            + " Authorization: Bearer."));
    m.put(40105L, BUSINESS_TOKEN_INCORRECT);
    m.put(40106L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The TikTok for Business user who authorized the app is no longer valid; ask an active user to authorize the"
            + " app again."));
    m.put(40107L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The refresh token is invalid (Marketing API tokens cannot be refreshed at all); ask the user to authorize"
            + " the app again."));
    m.put(40108L, new Verdict(ErrorCategory.INVALID_REQUEST,
        "The grant_type is not one TikTok API for Business accepts; fix the token request."));
    // Only a code exchange gets 40110; there core makes this INVALID_REQUEST (no grant exists), see Operation.
    m.put(40110L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The authorization code was cancelled, already used or expired; exchange each code once and promptly, and"
            + " ask the user to authorize the app again."));
    m.put(40113L, new Verdict(ErrorCategory.CONFIGURATION,
        "TikTok says the app is blocked or does not exist; check the app id and the app's status in the TikTok for"
            + " Business developer portal."));
    m.put(40115L, new Verdict(ErrorCategory.AUTH_REVOKED,
        "The authorization is too old to be used; ask the user to authorize the app again."));
    m.put(40118L, new Verdict(ErrorCategory.CONFIGURATION,
        "The app is not on TikTok's allowlist for this feature; apply for access in the TikTok for Business"
            + " developer portal."));
    m.put(40119L, new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The developer and the advertiser do not belong to the same company; the advertiser must authorize through"
            + " an app of its own company, or move the account in Business Center."));
    m.put(40125L, new Verdict(ErrorCategory.CONFIGURATION,
        "The app lacks the permission this API needs; request it for the app in the TikTok for Business developer"
            + " portal."));
    m.put(40300L, new Verdict(ErrorCategory.NOT_FOUND,
        "The advertiser does not exist or is no longer authorized for the app; check the advertiser id."));
    m.put(60001L, new Verdict(ErrorCategory.TRANSIENT,
        "TikTok API for Business is under maintenance; try again later."));
    // The rest of TikTok's return-code list (Marketing API docs, "Return codes").
    Verdict duplicate = new Verdict(ErrorCategory.DUPLICATE,
        "TikTok already has this (a duplicated request, or material or a name that already exists); change it"
            + " before sending it again.");
    for (long code : new long[] {40050, 40052, 40911}) {
      m.put(code, duplicate);
    }
    m.put(40502L, new Verdict(ErrorCategory.QUOTA_EXHAUSTED,
        "The maximum number of ads is reached; delete ads or use another ad group before creating more."));
    m.put(40132L, new Verdict(ErrorCategory.RATE_LIMITED,
        "Too many requests for one field value (such as a pixel code); wait before sending it again."));
    Verdict later = new Verdict(ErrorCategory.TRANSIENT,
        "TikTok is still processing, or could not fetch the file for now; try again after a short wait.");
    for (long code : new long[] {40201, 40901, 40902, 40903, 40913}) {
      m.put(code, later);
    }
    m.put(40202L, new Verdict(ErrorCategory.CONFLICT,
        "Another write to the same object won; read it again and decide before writing."));
    Verdict missing = new Verdict(ErrorCategory.NOT_FOUND,
        "What the request names does not exist or cannot be matched; check the ids and file paths.");
    m.put(40301L, missing);
    m.put(40905L, missing);
    Verdict invalid = new Verdict(ErrorCategory.INVALID_REQUEST,
        "TikTok API for Business rejected the request (its message says why); fix it before trying again.");
    for (long code : new long[] {40006, 40008, 40009, 40010, 40011, 40051, 40053, 40065, 40117, 40200, 40700, 40900,
        40904, 40906, 40907, 40908, 40909, 40910, 40912, 40914, 40915, 41001, 41002}) {
      m.put(code, invalid);
    }
    Verdict app = new Verdict(ErrorCategory.CONFIGURATION,
        "The app's own set-up is refused (developer profile, signature, sandbox, or the server's country); fix it in"
            + " the TikTok for Business developer portal.");
    for (long code : new long[] {40013, 40014, 40109, 40116, 40124, 41000}) {
      m.put(code, app);
    }
    Verdict notCreator = new Verdict(ErrorCategory.PERMISSION_DENIED,
        "The account may not do this: it is not a TikTok Creator Marketplace creator, or not in a supported region.");
    m.put(40121L, notCreator);
    m.put(40122L, notCreator);
    return Map.copyOf(m);
  }
}
