package io.socialink.instagram;

import io.socialink.error.Classification;
import io.socialink.error.PermissionException;

/**
 * Facebook Login succeeded but none of the Facebook Pages the user shared has an Instagram professional
 * account connected, so there is no Instagram account to link. Category {@code PERMISSION_DENIED};
 * nothing was stored. The remediation tells the user what to do: connect an Instagram professional
 * (Business or Creator) account to a Facebook Page, choose that Page in the login dialog, and link again.
 */
public final class InstagramAccountNotConnectedException extends PermissionException {
  private static final long serialVersionUID = 1L;

  /** What the user does about it. */
  public static final String REMEDIATION = "Connect an Instagram professional (Business or Creator) account to a"
      + " Facebook Page (in the Page's settings: Linked accounts > Instagram > Connect, or in Instagram's Accounts"
      + " Center), choose that Page when Facebook Login asks which Pages to share, grant pages_show_list and"
      + " instagram_basic, then link again.";

  InstagramAccountNotConnectedException(Classification classification) {
    super(classification.withRemediation(REMEDIATION), null, 1);
  }
}
