package io.socialink.tiktok;

/** The kinds of Business Center assets ({@code asset_type}). */
public enum TikTokBusinessAssetType {
  /** An ad account. */
  ADVERTISER,
  /** A catalog. */
  CATALOG,
  /** A TikTok Shop. */
  TIKTOK_SHOP,
  /** A pixel. */
  PIXEL,
  /** A lead (instant form) library. */
  LEAD,
  /** A TikTok account. */
  TT_ACCOUNT,
  /** A managed business account. */
  MANAGED_BUSINESS_ACCOUNT
}
