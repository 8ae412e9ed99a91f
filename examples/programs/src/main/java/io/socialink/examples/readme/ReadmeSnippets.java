package io.socialink.examples.readme;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.RateLimitedException;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.micrometer.MicrometerCallEventListener;
import io.socialink.publish.MediaContent;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.store.Stores;
import io.socialink.testkit.x.XEmulator;
import io.socialink.instagram.InstagramClient;
import io.socialink.instagram.InstagramMediaPage;
import io.socialink.instagram.InstagramProvider;
import io.socialink.testkit.tiktok.TikTokEmulator;
import io.socialink.tiktok.TikTokClient;
import io.socialink.tiktok.TikTokEndpoints;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.tiktok.TikTokUser;
import io.socialink.webhook.WebhookVerifier;
import io.socialink.x.XClient;
import io.socialink.x.XEndpoints;
import io.socialink.x.XPost;
import io.socialink.x.XProvider;
import io.socialink.x.XScopes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's code, as a user's project would write it against the published artifacts. Each method
 * holds one block of the README, line for line; {@code ReadmeSnippetsTest} checks that every
 * {@code java} block of the README stands here, so the README cannot drift from the API.
 */
@SuppressWarnings("unused")
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static Socialink link(String clientId, String clientSecret, String userId, URI callbackUri) {
    // README: Link an account
    Socialink socialink = Socialink.builder()
        .credentials(AppCredentials.confidential("x", "oauth2", clientId, Secret.of(clientSecret),
            URI.create("https://app.example/callback/x")))
        .applicationName("My App")
        .build();                                       // build once, share everywhere (thread-safe)

    AuthorizationStart start = socialink.linking().authorize(userId, "x");
    // redirect the user's browser to start.url(); the platform comes back to the callback:
    AuthorizationResult linked = socialink.linking().complete(userId, CallbackParameters.fromUri(callbackUri));
    linked.missingScopes();                             // scopes the user did not grant
    return socialink;
  }

  static void freshToken(Socialink socialink, String userId, String grantId) {
    // README: Use a fresh token
    Grant grant = socialink.grants().fresh(userId, grantId);         // refreshed first if it expires soon
    Account me = socialink.grants().profile(userId, grantId);        // one refresh + one replay on an expired token
  }

  static void typedClient(Socialink socialink, String userId, String grantId, Path video) {
    // README: Platform-specific calls
    XPost post = socialink.grants().withGrant(userId, grantId, XClient.class, (x, grant) ->
        x.post(grant, "New video", List.of(x.uploadMedia(grant, MediaContent.ofFile("video/mp4", video)))));
    XClient x = socialink.client(XClient.class);                       // no cast; one per configured credential
  }

  static void plan(Socialink socialink, String userId, String linkId, Account tiktok, Account instagram) {
    // README: Plan and execute an unlink
    UnlinkPlan plan = socialink.unlinking().plan(userId, linkId);
    System.out.println(plan.renderText());                            // or plan.renderJson()

    UnlinkReport report = socialink.unlinking().execute(userId, plan);
    for (StepOutcome waiting : report.withStatus(StepStatus.AWAITING_USER)) {
      // show the manual step to the user; once they say it is done:
      socialink.unlinking().confirm(userId, plan, waiting.stepId());
    }
    report = socialink.unlinking().execute(userId, plan);             // verifies, forgets, marks UNLINKED
    System.out.println(report.renderText());

    Link shown = socialink.links().record(userId, LinkKind.PROFILE_LINK,
        LinkEnd.account(tiktok), LinkEnd.account(instagram), List.of());
    System.out.println(socialink.unlinking().plan(userId, shown.id()).renderText());
  }

  static void x(String clientId, String clientSecret, String apiKeySecret, URI redirectUri, String userId) {
    // README: X
    Socialink socialink = Socialink.builder()
        .credentials(AppCredentials.confidential("x", "oauth2", clientId, Secret.of(clientSecret), redirectUri)
            .withSecret(XProvider.CONSUMER_SECRET, Secret.of(apiKeySecret)))   // only for webhooks
        .build();
    AuthorizationStart start = socialink.linking().authorize(userId, "x", "oauth2", XScopes.POSTING);
    Optional<WebhookVerifier> webhooks = socialink.client(XClient.class).webhooks();
  }

  static void tiktok(String clientKey, String clientSecret, URI redirectUri, String userId, String grantId, Path video) {
    // README: TikTok
    Socialink socialink = Socialink.builder()
        .credentials(AppCredentials.confidential("tiktok", "login-kit", clientKey, Secret.of(clientSecret), redirectUri))
        .build();
    AuthorizationStart start = socialink.linking().authorize(userId, "tiktok", "login-kit",
        List.of("user.info.basic", "video.upload"));
    TikTokUser user = socialink.grants().withGrant(userId, grantId, TikTokClient.class, TikTokClient::user);
    String publishId = socialink.grants().withGrant(userId, grantId, TikTokClient.class,
        (tiktok, grant) -> tiktok.uploadToInbox(grant, MediaContent.ofFile("video/mp4", video)));
  }

  static void instagram(String instagramAppId, String instagramAppSecret, String metaAppSecret, URI redirectUri,
      String userId, String grantId) {
    // README: Instagram
    Socialink socialink = Socialink.builder()
        .credentials(AppCredentials.confidential("instagram", "instagram-login", instagramAppId,
            Secret.of(instagramAppSecret), redirectUri)
            .withSecret(InstagramProvider.META_APP_SECRET, Secret.of(metaAppSecret)))
        .build();
    InstagramMediaPage page = socialink.grants().withGrant(userId, grantId, InstagramClient.class,
        (instagram, grant) -> instagram.media(grant, Optional.empty(), 25));
  }

  static void tiktokEmulator() {
    // README: Test against a local platform (TikTok)
    try (TikTokEmulator tiktok = TikTokEmulator.start()) {
      Socialink s = Socialink.builder()
          .register(TikTokProvider.builder()
              .endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(), tiktok.apiBaseUri())).build())
          .credentials(AppCredentials.confidential("tiktok", "login-kit", TikTokEmulator.CLIENT_KEY,
              Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
          .build();
      AuthorizationStart start = s.linking().authorize("owner-1", "tiktok");
      s.linking().complete("owner-1", CallbackParameters.fromUri(tiktok.consent(start.url())));
    }
  }

  static void emulator() {
    // README: Test against a local platform
    try (XEmulator x = XEmulator.start()) {
      Socialink s = Socialink.builder()
          .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
          .credentials(AppCredentials.confidential("x", "oauth2", XEmulator.CLIENT_ID,
              Secret.of(XEmulator.CLIENT_SECRET), XEmulator.REDIRECT_URI))
          .build();
      AuthorizationStart start = s.linking().authorize("owner-1", "x", "oauth2", XScopes.POSTING);
      s.linking().complete("owner-1", CallbackParameters.fromUri(x.consent(start.url())));
    }
  }

  static Socialink resilience() {
    // README: Retries, rate limits and circuit breakers
    Socialink socialink = Socialink.builder()
        .resilience(ResilienceSettings.ofDefaults()
            .withRetry(RetryPolicy.custom().maxAttempts(4).build())             // TRANSIENT and RATE_LIMITED only
            .withCircuitBreaker(CircuitBreakerPolicy.custom().waitInOpenState(Duration.ofMinutes(1)).build())
            .withRateLimits(RateLimitSettings.custom()
                .override("x", RateLimitPolicy.perUser("tweets.create", 50, Duration.ofMinutes(15)))
                .build())
            .withMaxWait(Duration.ofSeconds(10)))   // a longer wait fails fast with RATE_LIMITED and retryAt
        .build();
    return socialink;
  }

  static Socialink interceptors(String traceParent) {
    // README: Interceptors
    Socialink socialink = Socialink.builder()
        .addInterceptor(chain -> {
          ApiCall call = chain.call();
          System.out.println(chain.redact("calling " + call));      // tokens masked, as in the library's own logs
          return chain.proceed(call.withRequest(call.request().toBuilder().header("traceparent", traceParent).build()));
        })
        .build();
    return socialink;
  }

  static void errors(Socialink socialink, String userId, String grantId) {
    // README: Errors
    try {
      socialink.grants().profile(userId, grantId);
    } catch (AuthorizationException e) {              // AUTH_EXPIRED after a failed refresh, AUTH_REVOKED: link again
      System.out.println(e.remediation());
    } catch (RateLimitedException e) {
      System.out.println("try again at " + e.retryAt().orElseThrow());
    } catch (SocialinkException e) {                  // every failure the library reports
      System.out.println(e.category() + " " + e.requestId().orElse("-"));
    }
  }

  static void stores(io.socialink.store.GrantStore myGrantStore, io.socialink.store.LinkStore myLinkStore) {
    // README: Stores
    Socialink socialink = Socialink.builder()
        .stores(Stores.inMemory().withGrants(myGrantStore).withLinks(myLinkStore))
        .build();
  }

  static void metrics(io.micrometer.core.instrument.MeterRegistry meterRegistry) {
    // README: Metrics
    Socialink socialink = Socialink.builder()
        .eventListener(MicrometerCallEventListener.of(meterRegistry))
        .build();
  }

  static void classify(Socialink socialink, int status, Map<String, List<String>> headers, byte[] body) {
    // README: Classify a response you got yourself
    Optional<Classification> verdict = socialink.platforms().classify("x", status, headers, body);
  }
}
