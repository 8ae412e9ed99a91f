package io.socialink.instagram;

import io.socialink.Capability;
import io.socialink.LinkKind;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.UnlinkStep;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.instagram.internal.GraphResponseInterpreter;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.TextRules;
import io.socialink.spi.UnlinkContributor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Instagram provider: Instagram API with Instagram Login and with Facebook Login, with the
 * procedures only the Instagram app can carry out.
 *
 * <p>It creates an {@link InstagramClient} for credentials of scheme {@link #INSTAGRAM_LOGIN}, whose
 * client id and secret are the <b>Instagram App ID and Instagram App Secret</b> (not the Meta app's);
 * and an {@link InstagramFacebookLoginClient} for {@link #FACEBOOK_LOGIN} (the Meta app's id and secret). It describes the platform
 * and its manual procedures and contributes them to unlink plans, and reads Meta's Graph API answers
 * for the call pipeline: error payloads become classifications, and the {@code X-App-Usage} and
 * {@code X-Business-Use-Case-Usage} headers become rate-limit observations (see
 * {@link #responseInterpreter()}).
 *
 * <p>{@link java.util.ServiceLoader} finds it with Instagram's own hosts. To point it elsewhere (tests,
 * an emulator) or to tune publishing waits, register one made with {@link #builder()}:
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .register(InstagramProvider.builder().endpoints(InstagramEndpoints.of(authorize, api, graph)).build())
 *     .credentials(AppCredentials.confidential("instagram", "instagram-login", instagramAppId,
 *         Secret.of(instagramAppSecret), redirectUri))
 *     .build();
 * InstagramClient instagram = socialink.client(InstagramClient.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
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

  /** The named secret holding the Meta app's secret, when webhooks are signed with it (optional). */
  public static final String META_APP_SECRET = "meta_app_secret";
  /** The named secret holding the webhook subscription's verify token (for the handshake). */
  public static final String WEBHOOK_VERIFY_TOKEN = "webhook_verify_token";
  /** The probe of an unlink's verification step: the old token must fail. */
  public static final String VERIFY_PROBE = "GET /me?fields=user_id (the old token must be refused)";
  /** The probe of an unlink's verification step for a Facebook Login grant: the old token must fail. */
  public static final String FACEBOOK_VERIFY_PROBE =
      "GET graph.facebook.com /<IG_ID>?fields=id (the old token must be refused)";

  private static final Platform PLATFORM = new Platform(ID, "Instagram",
      Set.of(Capability.TOKEN_REFRESH, Capability.PROFILE, Capability.PUBLISH_IMAGE, Capability.PUBLISH_VIDEO,
          Capability.DEAUTHORIZATION_CALLBACK, Capability.DATA_DELETION_CALLBACK, Capability.WEBHOOKS),
      List.of(REMOVE_APP_ACCESS, REMOVE_APP_ACCESS_ON_FACEBOOK));

  private final InstagramEndpoints endpoints;
  private final FacebookLoginEndpoints facebookEndpoints;
  private final Duration statusPollInterval;
  private final Duration maxPublishWait;
  private final Duration callbackTolerance;
  private final Function<List<InstagramPageAccount>, InstagramPageAccount> facebookAccountChooser;

  /** Creates the provider with Instagram's own hosts; {@link java.util.ServiceLoader} calls this. */
  public InstagramProvider() {
    this(new Builder());
  }

  private InstagramProvider(Builder b) {
    super(PLATFORM, List.of(INSTAGRAM_LOGIN, FACEBOOK_LOGIN), new GraphResponseInterpreter());
    this.endpoints = b.endpoints;
    this.facebookEndpoints = b.facebookEndpoints;
    this.statusPollInterval = b.statusPollInterval;
    this.maxPublishWait = b.maxPublishWait;
    this.callbackTolerance = b.callbackTolerance;
    this.facebookAccountChooser = b.facebookAccountChooser;
  }

  /**
   * Starts configuring a provider.
   *
   * @return a builder with Instagram's hosts, container status polls once a minute for at most five
   *     minutes (Meta's recommendation), and a 15-minute {@code issued_at} tolerance for callbacks
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The hosts this provider's clients use.
   *
   * @return the endpoints
   */
  public InstagramEndpoints endpoints() {
    return endpoints;
  }

  /**
   * The Facebook Login hosts of the {@code facebook-login} client.
   *
   * @return the endpoints
   */
  public FacebookLoginEndpoints facebookEndpoints() {
    return facebookEndpoints;
  }

  Duration statusPollInterval() {
    return statusPollInterval;
  }

  Duration maxPublishWait() {
    return maxPublishWait;
  }

  Duration callbackTolerance() {
    return callbackTolerance;
  }

  Function<List<InstagramPageAccount>, InstagramPageAccount> facebookAccountChooser() {
    return facebookAccountChooser;
  }

  /** Instagram captions hold at most 2,200 characters. */
  @Override
  public TextRules textRules() {
    return TextRules.codePoints(2200);
  }

  /**
   * Instagram's part of an unlink plan, per grant by its scheme:
   * <ul>
   *   <li>a Facebook Login grant ({@link #FACEBOOK_LOGIN}) is revoked through the API
   *       ({@link InstagramFacebookLoginClient#revoke}: Facebook's documented
   *       {@code DELETE /{user-id}/permissions}), then verified ({@value #FACEBOOK_VERIFY_PROBE});</li>
   *   <li>an Instagram Login grant is only verified ({@value #VERIFY_PROBE}): Instagram documents no
   *       revocation of such a grant, so no revoke step is planned ({@link InstagramClient#revoke} only makes
   *       best-effort calls and says so).</li>
   * </ul>
   * For a link that gave an app access to the account (a {@link LinkKind#PROFILE_LINK} such as Instagram
   * shown on a TikTok profile, an app authorization or a cross-post), the user's removal of that app in
   * Instagram ({@link #REMOVE_APP_ACCESS}), or for Facebook Login grants the user's check in Facebook's Apps
   * and Websites ({@link #REMOVE_APP_ACCESS_ON_FACEBOOK}), naming the app that holds the access.
   */
  @Override
  public UnlinkContributor unlinkContributor() {
    return context -> {
      List<UnlinkStep> steps = new ArrayList<>();
      for (Grant g : context.grants()) {
        if (g.schemeId().equals(FACEBOOK_LOGIN.id())) {
          steps.add(new UnlinkStep.RevokeGrant(context.stepId("revoke", ID, g.id()), ID, g.id()));
          steps.add(new UnlinkStep.Verify(context.stepId("verify", ID, g.id()), ID, g.id(), FACEBOOK_VERIFY_PROBE));
        } else {
          steps.add(new UnlinkStep.Verify(context.stepId("verify", ID, g.id()), ID, g.id(), VERIFY_PROBE));
        }
      }
      context.link().ifPresent(link -> {
        // Instagram offers no documented API to revoke an Instagram Login grant: the user removes the app.
        // A cross-post whose Instagram grants other live links still use leaves the app's access in place.
        boolean appAccess = link.kind() == LinkKind.PROFILE_LINK || link.kind() == LinkKind.APP_AUTHORIZATION
            || link.kind() == LinkKind.CROSS_POST && !(context.grants().isEmpty() && !context.keptGrants().isEmpty());
        if (appAccess) {
          boolean viaFacebook = context.grants().stream().anyMatch(g -> g.schemeId().equals(FACEBOOK_LOGIN.id()));
          ManualProcedure p = viaFacebook ? REMOVE_APP_ACCESS_ON_FACEBOOK : REMOVE_APP_ACCESS;
          String holder = java.util.stream.Stream.of(link.from(), link.to())
              .filter(end -> !end.platform().equals(Optional.of(ID)))
              .map(end -> end.platform().orElse("this application"))
              .findFirst().orElse("the other app");
          String extra = link.kind() == LinkKind.PROFILE_LINK
              ? " Then check that " + holder + " no longer appears under Apps and websites → Active (newer apps: Accounts"
                  + " Center) and review the account's active sessions in the security settings."
              : viaFacebook ? " The revocation through Facebook's API removes the app's permissions; check that the"
                  + " app is gone from Facebook's Apps and Websites, and remove it there if it is still listed."
                  : " Instagram documents no way for an app to revoke an Instagram Login grant, so this"
                  + " removal (or Accounts Center) is the only sure revocation.";
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, p.id(), link.id()), p,
              "Unlinking on one side can leave " + holder + "'s access to the Instagram account in place; remove it there."
                  + extra));
        }
      });
      return steps;
    };
  }

  /**
   * Creates the client of the credentials' scheme: an {@link InstagramClient} for
   * {@code instagram-login}, an {@link InstagramFacebookLoginClient} for {@code facebook-login}.
   *
   * @return the client
   * @throws ConfigurationException for credentials without their secret, for Instagram Login credentials without the Instagram App Secret, or when the Meta app's secret
   *     was given as the Instagram App Secret
   */
  @Override
  public PlatformClient createClient(ProviderContext context) {
    AuthorizationScheme scheme = scheme(context);
    if (scheme.equals(FACEBOOK_LOGIN)) {
      Secret metaSecret = context.credentials().clientSecret().orElseThrow(() -> new ConfigurationException(
          Classification.of(ErrorCategory.CONFIGURATION, ID, 0,
              "Facebook Login credentials need the Meta app's secret as their client secret")
              .withRemediation("Use the Meta app's id and secret (App Dashboard > App settings > Basic) for the '"
                  + FACEBOOK_LOGIN.id() + "' scheme."), null, 1));
      return new InstagramFacebookLoginClient(context, this, metaSecret);
    }
    Secret secret = context.credentials().clientSecret().orElseThrow(() -> new ConfigurationException(
        Classification.of(ErrorCategory.CONFIGURATION, ID, 0,
            "Instagram Login credentials need the Instagram App Secret as their client secret")
            .withRemediation(WHERE_SECRET), null, 1));
    Optional<Secret> meta = context.credentials().secret(META_APP_SECRET);
    if (meta.isPresent() && meta.get().reveal().equals(secret.reveal())) {
      throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, ID, 0,
          "the Instagram Login client secret is the same as the named secret '" + META_APP_SECRET
              + "': the Meta app's secret was given where the Instagram App Secret belongs")
          .withRemediation(WHERE_SECRET), null, 1);
    }
    return new InstagramClient(context, this, secret);
  }

  private static final String WHERE_SECRET = "Use the Instagram App ID and Instagram App Secret from App Dashboard >"
      + " Instagram > API setup with Instagram login > Business login settings as the client id and secret; the Meta"
      + " app's id and secret (App settings > Basic) are different and Instagram refuses them. Put the Meta app's"
      + " secret, if webhooks need it, in the named secret '" + META_APP_SECRET + "'.";

  @Override
  public String toString() {
    return "InstagramProvider[" + endpoints.authorizeUri() + ", " + endpoints.apiBaseUri() + ", "
        + endpoints.graphBaseUri() + "]";
  }

  /** Configures an {@link InstagramProvider}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private InstagramEndpoints endpoints = InstagramEndpoints.defaults();
    private FacebookLoginEndpoints facebookEndpoints = FacebookLoginEndpoints.defaults();
    private Duration statusPollInterval = Duration.ofMinutes(1);
    private Duration maxPublishWait = Duration.ofMinutes(5);
    private Duration callbackTolerance = Duration.ofMinutes(15);
    private Function<List<InstagramPageAccount>, InstagramPageAccount> facebookAccountChooser = accounts -> accounts.get(0);

    private Builder() {}

    /**
     * Which Instagram account a Facebook Login link targets when the user's Pages hold several: given
     * every account found (at least one, in Facebook's order of the Pages), it returns one of them. By
     * default the first. The others stay reachable with
     * {@link InstagramFacebookLoginClient#instagramAccounts}. A chooser that throws or returns an account
     * not offered fails the link with {@code CONFIGURATION}.
     *
     * @param value the chooser
     * @return this builder
     */
    public Builder facebookAccountChooser(Function<List<InstagramPageAccount>, InstagramPageAccount> value) {
      this.facebookAccountChooser = Objects.requireNonNull(value, "facebookAccountChooser");
      return this;
    }

    /**
     * The hosts; Instagram's own by default.
     *
     * @param value the endpoints
     * @return this builder
     */
    public Builder endpoints(InstagramEndpoints value) {
      this.endpoints = Objects.requireNonNull(value, "endpoints");
      return this;
    }

    /**
     * The Facebook Login hosts; Facebook's own by default.
     *
     * @param value the endpoints
     * @return this builder
     */
    public Builder facebookEndpoints(FacebookLoginEndpoints value) {
      this.facebookEndpoints = Objects.requireNonNull(value, "facebookEndpoints");
      return this;
    }

    /**
     * The wait between container status polls; one minute by default, as Meta recommends.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder statusPollInterval(Duration value) {
      this.statusPollInterval = positive(value, "statusPollInterval");
      return this;
    }

    /**
     * The longest total wait for a container to be ready; five minutes by default, as Meta recommends.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder maxPublishWait(Duration value) {
      this.maxPublishWait = positive(value, "maxPublishWait");
      return this;
    }

    /**
     * How far a callback's {@code issued_at} may be from the clock, either way; 15 minutes by default.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder callbackTolerance(Duration value) {
      this.callbackTolerance = positive(value, "callbackTolerance");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public InstagramProvider build() {
      return new InstagramProvider(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; got " + value);
      }
      return value;
    }
  }
}
