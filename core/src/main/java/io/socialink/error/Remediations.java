package io.socialink.error;

/** Default remediation hints, one per category, written for a person. */
final class Remediations {
  private Remediations() {}

  static String forCategory(ErrorCategory category) {
    switch (category) {
      case AUTH_EXPIRED:
        return "The access token expired; refresh the grant, or ask the user to link the account again if it cannot be refreshed.";
      case AUTH_REVOKED:
        return "The user removed access or the grant is no longer valid; ask the user to link the account again.";
      case INSUFFICIENT_SCOPE:
        return "The grant lacks a permission this call needs; ask the user to link again and approve the missing scopes.";
      case PERMISSION_DENIED:
        return "The account is not allowed to do this; ask someone with the right role (such as an admin) to do it or grant access.";
      case RATE_LIMITED:
        return "Too many calls; wait until the retry time and try again.";
      case QUOTA_EXHAUSTED:
        return "A quota or usage cap is used up; wait for it to reset or raise the plan's limits.";
      case TRANSIENT:
        return "The platform or network failed for a while; try again later.";
      case INVALID_REQUEST:
        return "The request was rejected as invalid; fix the input before trying again.";
      case NOT_FOUND:
        return "The item does not exist or is no longer visible to this account.";
      case DUPLICATE:
        return "The platform already has this content; change it before posting again.";
      case CONFLICT:
        return "Someone else changed it first; read it again and apply the change to the new version.";
      case ACCOUNT_RESTRICTED:
        return "The account is suspended, locked or restricted; the user must resolve it on the platform.";
      case CONFIGURATION:
        return "The application's own settings are wrong (client id, secret, redirect URI or app permissions); fix the configuration.";
      default:
        return "The failure was not recognised; keep the request id and contact the platform if it persists.";
    }
  }
}
