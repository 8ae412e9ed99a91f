package io.socialink.instagram;

import io.socialink.Capability;
import io.socialink.LinkKind;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.UnlinkStep;
import io.socialink.instagram.internal.GraphResponseInterpreter;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.TextRules;
import io.socialink.spi.UnlinkContributor;
import io.socialink.spi.Unsupported;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Instagram provider: Instagram API with Instagram Login and with Facebook Login, with the
 * procedures only the Instagram app can carry out.
 *
 * <p>This version describes the platform and its manual procedures and contributes them to unlink
 * plans, and reads Meta's Graph API answers for the call pipeline: error payloads become
 * classifications, and the {@code X-App-Usage} and {@code X-Business-Use-Case-Usage} headers become
 * rate-limit observations (see {@link #responseInterpreter()}). Its API client is not available yet,
 * so {@link #createClient(ProviderContext)} fails with a {@link io.socialink.error.ConfigurationException}.
 * Thread-safe.
 *
 * <h2>Reading Meta's answers</h2>
 *
 * <p>{@link #responseInterpreter()} is Meta's Graph API reading of Instagram answers.
 *
 * <p>Errors are classified by the payload's {@code code} and {@code error_subcode}, whatever the
 * HTTP status (Meta answers errors with 400, sometimes 200): an expired token (190/463) is
 * {@code AUTH_EXPIRED}; a removed app, changed password or invalidated session (190/458, /460, /467)
 * {@code AUTH_REVOKED}; a missing permission (10, 200-299) {@code INSUFFICIENT_SCOPE}; throttling
 * (4, 17, 32, 341, 613, 80002) {@code RATE_LIMITED}; temporary failures (1, 2) {@code TRANSIENT};
 * blocks and restrictions (368, 4/2207051, 190/459, 190/464) {@code ACCOUNT_RESTRICTED}; a bad
 * parameter (100) {@code INVALID_REQUEST}; a missing app capability (3) {@code CONFIGURATION}. The
 * platform code is {@code code/subcode}, the request id Meta's {@code fbtrace_id}. A body Meta did
 * not document keeps core's verdict from the HTTP status.
 *
 * <p>{@code X-App-Usage} (per app) and each {@code X-Business-Use-Case-Usage} entry (per account)
 * become observations for all endpoints: the highest of the reported percentages, spent from 95%,
 * reset after Meta's {@code estimated_time_to_regain_access} or else after one hour; a throttling
 * error spends its budget until then too. The pipeline then holds further calls on that budget
 * instead of spending them on throttled answers.
 *
 * <h2>Rate limits</h2>
 *
 * <p>{@link #rateLimitPolicies()} is empty: Instagram's limits are not fixed numbers, so the provider
 * declares none and the limiter follows what Meta's usage headers report. Calls for an account
 * may number 4800 × the account's impressions per rolling 24 hours, per app and account; Business
 * Discovery and Hashtag Search share 200 × the app's users per hour across the app; both grow and
 * shrink with the audience. The publishing quota is stated as 100, 50 and 25 posts a day by Meta's
 * own pages and is read from {@code content_publishing_limit} instead. The static messaging limits
 * concern calls this provider does not make. Applications may still declare their own limits
 * through {@link io.socialink.resilience.RateLimitSettings}.
 */
public final class InstagramProvider extends AbstractPlatformProvider {
  /** The platform id. */
  public static final String ID = "instagram";

  /** Business Login for Instagram (instagram.com/oauth/authorize). */
  public static final AuthorizationScheme INSTAGRAM_LOGIN = new AuthorizationScheme("instagram-login",
      "Instagram Login", List.of("instagram_business_basic"), "professional accounts without a Facebook Page");
  /** Facebook Login for professional accounts linked to a Facebook Page. */
  public static final AuthorizationScheme FACEBOOK_LOGIN = new AuthorizationScheme("facebook-login",
      "Facebook Login", List.of("instagram_basic", "pages_show_list"), "accounts managed through a Facebook Page");

  /** Removing an app's access to an Instagram account. */
  public static final ManualProcedure REMOVE_APP_ACCESS = new ManualProcedure(
      "remove-app-access", ID, "Remove the app's access to your Instagram account",
      List.of("Instagram app", "your profile picture", "More options (☰)", "Settings", "Security",
          "Apps and websites", "Active", "the app", "Remove"),
      Optional.empty(), Optional.empty(),
      "Unlinking on one side alone can leave the other app's access to Instagram data in place.",
      "The app is no longer listed under Apps and websites → Active (it may show under Removed).");
  /** Removing an app's access through Facebook, for accounts linked with Facebook Login. */
  public static final ManualProcedure REMOVE_APP_ACCESS_ON_FACEBOOK = new ManualProcedure(
      "remove-app-access-on-facebook", ID, "Remove the app in Facebook's Apps and Websites",
      List.of("Facebook", "Settings & Privacy", "Settings", "Apps and Websites", "the app", "Remove"),
      Optional.of(URI.create("https://www.facebook.com/settings?tab=applications")), Optional.empty(),
      "Accounts linked through Facebook Login are authorized on the Facebook side.",
      "The app is no longer listed under Apps and Websites.");

  private static final Platform PLATFORM = new Platform(ID, "Instagram",
      Set.of(Capability.TOKEN_REFRESH, Capability.PROFILE, Capability.PUBLISH_IMAGE, Capability.PUBLISH_VIDEO,
          Capability.DEAUTHORIZATION_CALLBACK, Capability.DATA_DELETION_CALLBACK, Capability.WEBHOOKS),
      List.of(REMOVE_APP_ACCESS, REMOVE_APP_ACCESS_ON_FACEBOOK));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public InstagramProvider() {
    super(PLATFORM, List.of(INSTAGRAM_LOGIN, FACEBOOK_LOGIN), new GraphResponseInterpreter());
  }

  /** Instagram captions hold at most 2,200 characters. */
  @Override
  public TextRules textRules() {
    return TextRules.codePoints(2200);
  }

  @Override
  public UnlinkContributor unlinkContributor() {
    return super.unlinkContributor().andThen(context -> {
      List<UnlinkStep> steps = new ArrayList<>();
      context.link().ifPresent(link -> {
        // Instagram offers no documented API to revoke an Instagram Login grant: the user removes the app.
        boolean appAccess = link.kind() == LinkKind.PROFILE_LINK || link.kind() == LinkKind.APP_AUTHORIZATION
            || link.kind() == LinkKind.CROSS_POST;
        if (appAccess) {
          boolean viaFacebook = context.grants().stream().anyMatch(g -> g.schemeId().equals(FACEBOOK_LOGIN.id()));
          ManualProcedure p = viaFacebook ? REMOVE_APP_ACCESS_ON_FACEBOOK : REMOVE_APP_ACCESS;
          String holder = java.util.stream.Stream.of(link.from(), link.to())
              .filter(end -> !end.platform().equals(Optional.of(ID)))
              .map(end -> end.platform().orElse("this application"))
              .findFirst().orElse("the other app");
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, p.id(), link.id()), p,
              "Unlinking on one side can leave " + holder + "'s access to the Instagram account in place; remove it there."));
        }
      });
      return steps;
    });
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    throw Unsupported.client(PLATFORM, "socialink-instagram");
  }
}
