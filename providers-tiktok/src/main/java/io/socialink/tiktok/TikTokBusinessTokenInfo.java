package io.socialink.tiktok;

import java.util.Objects;
import java.util.Set;

/**
 * What {@code POST /open_api/v1.3/tt_user/token_info/get/} says about a TikTok API for Business access
 * token. The shape comes from an SDK's test data, not from TikTok's pages ({@code [code]} in the fact
 * sheet).
 *
 * @param appId the app the token was issued to
 * @param creatorId the TikTok account's id (its {@code open_id})
 * @param scopes the scopes granted
 */
public record TikTokBusinessTokenInfo(String appId, String creatorId, Set<String> scopes) {
  /** Validates and copies the components. */
  public TikTokBusinessTokenInfo {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(creatorId, "creatorId");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
  }
}
