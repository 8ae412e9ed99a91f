package io.socialink.spi;

/**
 * What a platform does with the refresh token a refresh presents, which decides what happens after a
 * refresh was interrupted: its holder stopped between sending it and storing the answer, so the store
 * may still hold a refresh token the platform has already spent.
 *
 * @see PlatformClient#refreshRotation()
 */
public enum RefreshRotation {
  /**
   * The token presented stays valid after a refresh (Instagram refreshes the long-lived token itself):
   * an interrupted refresh is harmless, the next call simply refreshes again.
   */
  REUSABLE,
  /**
   * Single use, and the platform may still accept the previous token for a while (TikTok's older
   * documentation says so): after an interruption the stored token is tried once more; if the platform
   * refuses it, the grant's links become {@link io.socialink.LinkState#BROKEN} and it is not tried again.
   */
  ROTATING_LENIENT,
  /**
   * Single use, spent the moment the platform answers (X): after an interruption the stored token is
   * presumed spent and is not sent again; the grant's links become {@link io.socialink.LinkState#BROKEN}
   * ("refresh interrupted; link again").
   */
  ROTATING_STRICT
}
