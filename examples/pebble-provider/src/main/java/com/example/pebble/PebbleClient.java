package com.example.pebble;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.spi.OAuth2Endpoints;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.StandardOAuth2;
import io.socialink.spi.StandardOAuth2Client;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble's API client. Pebble follows standard OAuth 2.0, so {@link StandardOAuth2} does the whole
 * authorization flow (URL, code exchange, refresh, revocation); this class adds only Pebble's own
 * API, the profile. Every call goes through the Socialink pipeline.
 */
final class PebbleClient extends StandardOAuth2Client {
  private final URI base;

  PebbleClient(ProviderContext context, URI base) {
    super(StandardOAuth2.newBuilder(context, OAuth2Endpoints.of(base.resolve("oauth/authorize"),
            base.resolve("oauth/token"), base.resolve("oauth/revoke")))
        .accountIdField("user_id") // the token response names the account
        .build());
    this.base = base;
  }

  @Override
  public Account profile(Grant grant) {
    Map<String, Object> me = oauth().readObject(oauth().get("me", base.resolve("api/me"), grant), "the profile request");
    String id = text(me, "id").orElseThrow(() -> SocialinkException.of(
        Classification.of(ErrorCategory.UNKNOWN, PebbleProvider.ID, 200, "Pebble's profile has no id"), null, 1));
    return new Account(PebbleProvider.ID, id, text(me, "handle"), text(me, "name"));
  }

  private static Optional<String> text(Map<String, Object> json, String field) {
    return Optional.ofNullable(json.get(field)).filter(String.class::isInstance).map(String.class::cast);
  }
}
