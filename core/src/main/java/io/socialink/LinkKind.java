package io.socialink;

/** What kind of connection a {@link Link} is. */
public enum LinkKind {
  /** This application holds a grant for an account. */
  APP_AUTHORIZATION,
  /** One platform shows another platform's account (Instagram on a TikTok profile); made and removed by the platforms. */
  PROFILE_LINK,
  /** This application copies content from one linked account to another. */
  CROSS_POST,
  /** An account attached to a business tool, such as a TikTok Business Center or an Ads Manager account. */
  BUSINESS_ASSET
}
