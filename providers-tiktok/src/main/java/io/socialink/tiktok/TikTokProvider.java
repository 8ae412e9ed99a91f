package io.socialink.tiktok;

import io.socialink.Capability;
import io.socialink.LinkKind;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.UnlinkContributor;
import io.socialink.spi.Unsupported;
import io.socialink.tiktok.internal.TikTokJson;
import io.socialink.tiktok.internal.TikTokResponseInterpreter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TikTok provider: TikTok Login Kit, TikTok accounts for Business, and the Marketing API, with
 * the procedures only the TikTok app or TikTok for Business websites can carry out.
 *
 * <p>This version describes the platform and its manual procedures and contributes them to unlink
 * plans, reads TikTok's answers for the call pipeline ({@link #responseInterpreter()}) and declares
 * TikTok's documented rate limits ({@link #rateLimitPolicies()}, by the groups of
 * {@link TikTokEndpointGroups}). Its API client is not available yet, so
 * {@link #createClient(ProviderContext)} fails with a {@link io.socialink.error.ConfigurationException}.
 * Thread-safe.
 *
 * <h2>Reading TikTok's answers</h2>
 *
 * <p>{@link #responseInterpreter()} reads the three answer shapes: the Login Kit / Open API v2 envelope
 * ({@code error.code}, success being {@code "ok"}), the flat OAuth error of the token and revoke
 * endpoints ({@code error}, {@code error_description}, even with HTTP 200), and the TikTok API for
 * Business envelope ({@code code}, success being 0, errors usually with HTTP 200). It maps every
 * documented code to a category with a hint for a person, and takes the request id from
 * {@code log_id}, {@code request_id} or the {@code x-tt-logid} header.
 *
 * <p>TikTok documents no rate-limit headers. A throttling answer (HTTP 429,
 * {@code rate_limit_exceeded}, or Business codes 40016, 40100 and 40133, the last counted per
 * advertiser) is therefore the only signal: it holds the call's endpoint group until
 * {@code Retry-After} when the response has one, else for one minute, TikTok's sliding window. A
 * body that is not JSON, or of no known shape, leaves core's generic verdict unchanged.
 *
 * <h2>Rate limits</h2>
 *
 * <p>{@link #rateLimitPolicies()} holds TikTok's documented defaults, each over one minute:
 *
 * <ul>
 *   <li>{@link TikTokEndpointGroups#USER_INFO}, {@link TikTokEndpointGroups#VIDEO_QUERY} and
 *       {@link TikTokEndpointGroups#VIDEO_LIST}: 600 each, <b>per app</b>. TikTok sets these limits per
 *       endpoint but does not say whether it counts them per app or per user. Counting per app is
 *       the reading that can never send more than TikTok allows: if TikTok counts per user, the only
 *       cost is that an app with many users tops out at 600 calls a minute per endpoint, which the
 *       application can raise ({@link io.socialink.resilience.RateLimitSettings}). Counting per user
 *       when TikTok counts per app would let every user's calls add up to 429s.</li>
 *   <li>Content Posting, <b>per user access token</b>:
 *       {@link TikTokEndpointGroups#POST_VIDEO_INIT} 6, {@link TikTokEndpointGroups#POST_INBOX_VIDEO_INIT}
 *       6, {@link TikTokEndpointGroups#POST_CREATOR_INFO} 20 and
 *       {@link TikTokEndpointGroups#POST_STATUS_FETCH} 30.</li>
 * </ul>
 *
 * <p>TikTok's window slides; the pipeline's is fixed, so across a window boundary up to twice a
 * limit may go out within one minute. TikTok's 429 then holds the endpoint group for a minute
 * ({@link #responseInterpreter()}). An application that must never see that 429 can declare a
 * finer limit instead, such as 9 calls per second for a 600-per-minute endpoint (at most 549 in
 * any minute). No limit is documented for the OAuth endpoints, and those of TikTok API for
 * Business come from unverified sources, so none is declared for them.
 */
public final class TikTokProvider extends AbstractPlatformProvider {
  /** The platform id. */
  public static final String ID = "tiktok";

  /** Login Kit (open.tiktokapis.com), for TikTok users. */
  public static final AuthorizationScheme LOGIN_KIT = new AuthorizationScheme("login-kit", "TikTok Login Kit",
      List.of("user.info.basic"), "TikTok users of consumer apps");
  /** TikTok accounts authorized through TikTok API for Business (Accounts API). */
  public static final AuthorizationScheme BUSINESS_ACCOUNTS = new AuthorizationScheme("business-accounts",
      "TikTok API for Business: TikTok accounts", List.of("user.info.basic"), "organic management of TikTok accounts");
  /** Ads Manager advertisers authorized through the Marketing API. */
  public static final AuthorizationScheme MARKETING_API = new AuthorizationScheme("marketing-api",
      "TikTok API for Business: Marketing API", List.of(), "Ads Manager advertiser accounts");

  /** Removing the Instagram account shown on a TikTok profile. */
  public static final ManualProcedure REMOVE_INSTAGRAM_FROM_PROFILE = new ManualProcedure(
      "remove-instagram-from-profile", ID, "Remove Instagram from your TikTok profile",
      List.of("TikTok app", "Profile", "Edit profile", "Instagram (the linked account)", "Unlink / Remove"),
      Optional.empty(), Optional.empty(),
      "TikTok offers no API to read or remove the Instagram link on a profile.",
      "Your TikTok profile no longer shows the Instagram icon or username.");
  /** Removing an app's access to a TikTok account. */
  public static final ManualProcedure REMOVE_APP_ACCESS = new ManualProcedure(
      "remove-app-access", ID, "Remove the app's access to your TikTok account",
      List.of("TikTok app", "Profile", "☰", "Settings and privacy", "Security and permissions",
          "App and service permissions (Manage app permissions)", "the app", "Remove access"),
      Optional.empty(), Optional.empty(),
      "Only you can see and remove every app connected to your TikTok account.",
      "The app no longer appears under App and service permissions.");
  /** Disconnecting a TikTok account from a Business Center. */
  public static final ManualProcedure DISCONNECT_FROM_BUSINESS_CENTER = new ManualProcedure(
      "disconnect-from-business-center", ID, "Disconnect the TikTok account from the Business Center",
      List.of("business.tiktok.com", "Assets", "TikTok accounts", "the account", "Permissions",
          "Disconnect account (or Remove)", "Confirm"),
      Optional.of(URI.create("https://business.tiktok.com/")), Optional.empty(),
      "Only a Business Center admin can remove an asset; if the button is greyed out, ask the admin.",
      "The account is no longer listed under Assets → TikTok accounts.");
  /** Removing a linked TikTok account in Ads Manager. */
  public static final ManualProcedure REMOVE_FROM_ADS_MANAGER = new ManualProcedure(
      "remove-from-ads-manager", ID, "Remove the linked TikTok account in Ads Manager",
      List.of("ads.tiktok.com", "profile picture", "Account settings", "User management",
          "Linked TikTok accounts (or Members)", "Delete / Remove", "Confirm"),
      Optional.of(URI.create("https://ads.tiktok.com/")), Optional.empty(),
      "Ads Manager keeps its own link to the TikTok account.",
      "The account is no longer listed under Linked TikTok accounts.");
  /** Deleting a TikTok account. */
  public static final ManualProcedure DELETE_ACCOUNT = new ManualProcedure(
      "delete-account", ID, "Delete the TikTok account",
      List.of("TikTok app", "Profile", "☰", "Settings and privacy", "Account (older: Manage account)",
          "Deactivate or delete account", "Delete account permanently", "verification code", "Confirm"),
      Optional.empty(), Optional.empty(),
      "No public API deletes a TikTok account; download your data first, it cannot be recovered.",
      "Logging in no longer offers the account (a login during the grace period reactivates it).");

  private static final Platform PLATFORM = new Platform(ID, "TikTok",
      Set.of(Capability.TOKEN_REFRESH, Capability.TOKEN_REVOCATION, Capability.PROFILE, Capability.PUBLISH_VIDEO,
          Capability.PUBLISH_IMAGE, Capability.DEAUTHORIZATION_CALLBACK, Capability.WEBHOOKS, Capability.DATA_EXPORT),
      List.of(REMOVE_INSTAGRAM_FROM_PROFILE, REMOVE_APP_ACCESS, DISCONNECT_FROM_BUSINESS_CENTER, REMOVE_FROM_ADS_MANAGER,
          DELETE_ACCOUNT));

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final List<RateLimitPolicy> POLICIES = List.of(
      RateLimitPolicy.perApp(TikTokEndpointGroups.USER_INFO, 600, MINUTE),
      RateLimitPolicy.perApp(TikTokEndpointGroups.VIDEO_QUERY, 600, MINUTE),
      RateLimitPolicy.perApp(TikTokEndpointGroups.VIDEO_LIST, 600, MINUTE),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_VIDEO_INIT, 6, MINUTE),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_INBOX_VIDEO_INIT, 6, MINUTE),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_CREATOR_INFO, 20, MINUTE),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_STATUS_FETCH, 30, MINUTE));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public TikTokProvider() {
    super(PLATFORM, List.of(LOGIN_KIT, BUSINESS_ACCOUNTS, MARKETING_API),
        new TikTokResponseInterpreter(TikTokJson.INSTANCE, POLICIES), POLICIES);
  }

  @Override
  public UnlinkContributor unlinkContributor() {
    return super.unlinkContributor().andThen(context -> {
      List<UnlinkStep> steps = new ArrayList<>();
      context.link().ifPresent(link -> {
        if (link.kind() == LinkKind.PROFILE_LINK) {
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, REMOVE_INSTAGRAM_FROM_PROFILE.id(), link.id()),
              REMOVE_INSTAGRAM_FROM_PROFILE, "The link is shown on the TikTok profile and only the app can remove it."));
        } else if (link.kind() == LinkKind.BUSINESS_ASSET) {
          boolean adsManager = link.from().describe().contains("ads-manager") || link.to().describe().contains("ads-manager");
          ManualProcedure p = adsManager ? REMOVE_FROM_ADS_MANAGER : DISCONNECT_FROM_BUSINESS_CENTER;
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, p.id(), link.id()), p,
              "The TikTok account is held as a business asset; only the business tool can release it."));
        }
      });
      if (context.subject() instanceof UnlinkPlan.AccountDeletion) {
        steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, DELETE_ACCOUNT.id()), DELETE_ACCOUNT,
            "Deleting the account is done by its owner in the TikTok app."));
      }
      return steps;
    });
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    throw Unsupported.client(PLATFORM, "socialink-tiktok");
  }
}
