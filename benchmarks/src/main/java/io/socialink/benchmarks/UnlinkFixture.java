package io.socialink.benchmarks;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.store.Stores;
import io.socialink.tiktok.TikTokEndpointGroups;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.x.XEndpoints;
import io.socialink.x.XProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the unlink benchmarks share: a {@link Socialink} on the X and TikTok emulators whose declared
 * limits match the emulators' revoke limits, and app-authorization links put straight into the stores
 * with tokens the emulators issued (no browser flow, so that 10,000 accounts link in a second).
 */
final class UnlinkFixture {
  /** The owner of every link: an agency offboarding its clients. */
  static final String OWNER = "agency-1";
  /** X's endpoint group of {@code POST /2/oauth2/revoke} (the X provider's internal name). */
  static final String X_REVOKE = "oauth2.revoke";
  private static final Set<String> X_SCOPES = Set.of("tweet.read", "users.read", "offline.access");
  private static final Set<String> TIKTOK_SCOPES = Set.of("user.info.basic");

  private UnlinkFixture() {}

  /**
   * One seeded link.
   *
   * @param linkId the link
   * @param grantId its grant
   * @param platformId {@code x} or {@code tiktok}
   * @param tokens the tokens a revocation names: X's refresh and access token, TikTok's access token
   */
  record Seeded(String linkId, String grantId, String platformId, List<String> tokens) {
    Seeded {
      tokens = List.copyOf(tokens);
    }

    /** Names the ids only. */
    @Override
    public String toString() {
      return "Seeded[" + linkId + ", " + grantId + ", " + platformId + "]";
    }
  }

  /**
   * Builds Socialink against the emulators: revoke endpoints (and TikTok's user info, which the
   * verification calls) declared at {@code perSecond} in a sliding window of one second plus
   * {@code margin}, so that the requests the pipeline lets go never exceed the emulators' limits even
   * when their arrival is delayed by up to the margin.
   *
   * @param xAuthorize the X emulator's authorize page
   * @param xApi the X emulator's API origin
   * @param tiktokAuthorize the TikTok emulator's authorize page
   * @param tiktokApi the TikTok emulator's API origin
   * @param stores the stores
   * @param perSecond the limit R
   * @param margin added to each one-second window
   * @return the instance
   */
  static Socialink socialink(URI xAuthorize, URI xApi, URI tiktokAuthorize, URI tiktokApi, Stores stores,
      int perSecond, Duration margin) {
    Duration window = Duration.ofSeconds(1).plus(margin);
    RateLimitSettings limits = RateLimitSettings.custom()
        .override(XProvider.ID, RateLimitPolicy.perApp(X_REVOKE, perSecond, window).sliding())
        .override(TikTokProvider.ID, RateLimitPolicy.perApp(TikTokEndpointGroups.OAUTH_REVOKE, perSecond, window)
            .sliding())
        .override(TikTokProvider.ID, RateLimitPolicy.perApp(TikTokEndpointGroups.USER_INFO, perSecond, window)
            .sliding())
        .build();
    return Socialink.builder()
        .register(XProvider.withEndpoints(XEndpoints.of(xAuthorize, xApi)))
        .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktokAuthorize, tiktokApi, tiktokApi))
            .build())
        .credentials(AppCredentials.confidential(XProvider.ID, "oauth2", io.socialink.testkit.x.XEmulator.CLIENT_ID,
            Secret.of(io.socialink.testkit.x.XEmulator.CLIENT_SECRET), io.socialink.testkit.x.XEmulator.REDIRECT_URI))
        .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
            io.socialink.testkit.tiktok.TikTokEmulator.CLIENT_KEY,
            Secret.of(io.socialink.testkit.tiktok.TikTokEmulator.CLIENT_SECRET),
            io.socialink.testkit.tiktok.TikTokEmulator.REDIRECT_URI))
        .applicationName("Acme Agency Tools")
        .resilience(ResilienceSettings.ofDefaults().withRateLimits(limits))
        .stores(stores)
        .build();
  }

  /**
   * Links {@code count} accounts, even ones on X and odd ones on TikTok: the emulators issue the
   * tokens, and the grants and links are saved straight into the stores, as a completed
   * authorization would save them.
   *
   * @param x the X emulator
   * @param tiktok the TikTok emulator
   * @param stores where to save
   * @param count how many links
   * @param clock the clock
   * @return the links, in order
   */
  static List<Seeded> seed(io.socialink.testkit.x.XEmulator x, io.socialink.testkit.tiktok.TikTokEmulator tiktok,
      Stores stores, int count, Clock clock) {
    Objects.requireNonNull(stores, "stores");
    List<Seeded> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant now = clock.instant();
      String grantId = "g-" + i;
      String linkId = "l-" + i;
      Grant grant;
      List<String> tokens;
      if (i % 2 == 0) {
        String userId = Long.toString(3_000_000_000L + i);
        var t = x.issueTokens(io.socialink.testkit.x.XEmulator.CLIENT_ID,
            new io.socialink.testkit.x.XEmulator.User(userId, "client" + i, "Client " + i), X_SCOPES);
        String refresh = t.refreshToken().orElseThrow();
        grant = new Grant(grantId, OWNER, Account.of(XProvider.ID, userId, "client" + i, "Client " + i), "oauth2",
            io.socialink.testkit.x.XEmulator.CLIENT_ID, Secret.of(t.accessToken()), Optional.of(Secret.of(refresh)),
            X_SCOPES, "bearer", now, Optional.of(now.plus(t.expiresIn())), Optional.empty(), 0);
        tokens = List.of(refresh, t.accessToken());
      } else {
        String openId = "open-id-" + i;
        var t = tiktok.issueTokens(new io.socialink.testkit.tiktok.TikTokEmulator.User(openId, "client" + i,
            "Client " + i), TIKTOK_SCOPES);
        grant = new Grant(grantId, OWNER, Account.of(TikTokProvider.ID, openId, "client" + i, "Client " + i),
            TikTokProvider.LOGIN_KIT.id(), io.socialink.testkit.tiktok.TikTokEmulator.CLIENT_KEY,
            Secret.of(t.accessToken()), Optional.of(Secret.of(t.refreshToken())), TIKTOK_SCOPES, "Bearer", now,
            Optional.of(now.plus(Duration.ofHours(2))), Optional.of(now.plus(Duration.ofDays(180))), 0);
        tokens = List.of(t.accessToken());
      }
      stores.grants().save(grant);
      stores.links().save(Link.create(linkId, OWNER, LinkKind.APP_AUTHORIZATION, LinkEnd.application("Acme Agency Tools"),
          LinkEnd.account(grant.account()), List.of(grantId), clock));
      out.add(new Seeded(linkId, grantId, grant.account().platformId(), tokens));
    }
    return out;
  }
}
