package io.socialink.tiktok;

import java.util.List;
import java.util.Objects;

/**
 * What {@code POST /open_api/v1.3/oauth2/revoke_token/} reports after revoking a Marketing API
 * authorization.
 *
 * @param appId the app whose authorization was revoked
 * @param advertiserIds the advertiser ids the token can no longer access
 */
public record TikTokAdvertiserRevocation(String appId, List<String> advertiserIds) {
  /** Validates and copies the components. */
  public TikTokAdvertiserRevocation {
    Objects.requireNonNull(appId, "appId");
    advertiserIds = List.copyOf(Objects.requireNonNull(advertiserIds, "advertiserIds"));
  }
}
