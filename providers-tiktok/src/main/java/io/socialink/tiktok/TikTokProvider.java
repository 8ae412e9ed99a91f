package io.socialink.tiktok;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.TextRules;
import io.socialink.spi.UnlinkContributor;
import io.socialink.tiktok.internal.TikTokJson;
import io.socialink.tiktok.internal.TikTokResponseInterpreter;
import io.socialink.tiktok.internal.VideoUploader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The TikTok provider: TikTok Login Kit, TikTok accounts for Business, and the Marketing API, with
 * the procedures only the TikTok app or TikTok for Business websites can carry out.
 *
 * <p>It creates a {@link TikTokClient} for credentials of scheme {@link #LOGIN_KIT} and a
 * {@link TikTokBusinessClient} for {@link #BUSINESS_ACCOUNTS}; linking Ads Manager advertisers
 * ({@link #MARKETING_API}) is not offered yet, so {@link #createClient(ProviderContext)} refuses those
 * credentials with a {@link io.socialink.error.ConfigurationException} (an advertiser authorization can
 * still be revoked with {@link TikTokBusinessClient#revokeAdvertiserAuthorization}). It reads TikTok's
 * answers for the call pipeline ({@link #responseInterpreter()}), declares TikTok's documented rate
 * limits ({@link #rateLimitPolicies()}, by the groups of {@link TikTokEndpointGroups}) and contributes
 * TikTok's steps to unlink plans ({@link #unlinkContributor()}).
 *
 * <p>{@link java.util.ServiceLoader} finds it with TikTok's own hosts. To point it elsewhere (tests, an
 * emulator) or to tune uploads and publish status polling, register one made with
 * {@link #builder()}; it wins over the discovered one:
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .register(TikTokProvider.builder().endpoints(TikTokEndpoints.of(authorize, openApi, businessApi)).build())
 *     .credentials(AppCredentials.confidential("tiktok", "login-kit", clientKey, Secret.of(clientSecret), redirectUri))
 *     .build();
 * TikTokClient tiktok = socialink.client(TikTokClient.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
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
 *   <li>Data Portability ({@link TikTokEndpointGroups#DATA_ADD}, {@link TikTokEndpointGroups#DATA_CHECK},
 *       {@link TikTokEndpointGroups#DATA_DOWNLOAD}, {@link TikTokEndpointGroups#DATA_CANCEL}): 1,000 each,
 *       per app (TikTok's FAQ: 1,000 requests of any given type per minute).</li>
 * </ul>
 *
 * <p>TikTok's windows slide, and so do these policies ({@link RateLimitPolicy#sliding()}): the
 * pipeline never lets more than the limit go in any minute, whatever its start, so a burst across a
 * minute's boundary waits instead of earning a 429. Should TikTok answer 429 anyway (other clients of
 * the same app, network delays), it holds the endpoint group for a minute
 * ({@link #responseInterpreter()}). No limit is documented for the OAuth endpoints, and those of TikTok
 * API for Business come from unverified sources, so none is declared for them.
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
  /** TikTok's documented limits; its windows slide. */
  private static final List<RateLimitPolicy> POLICIES = List.of(
      RateLimitPolicy.perApp(TikTokEndpointGroups.USER_INFO, 600, MINUTE).sliding(),
      RateLimitPolicy.perApp(TikTokEndpointGroups.VIDEO_QUERY, 600, MINUTE).sliding(),
      RateLimitPolicy.perApp(TikTokEndpointGroups.VIDEO_LIST, 600, MINUTE).sliding(),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_VIDEO_INIT, 6, MINUTE).sliding(),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_INBOX_VIDEO_INIT, 6, MINUTE).sliding(),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_CREATOR_INFO, 20, MINUTE).sliding(),
      RateLimitPolicy.perUser(TikTokEndpointGroups.POST_STATUS_FETCH, 30, MINUTE).sliding(),
      RateLimitPolicy.perApp(TikTokEndpointGroups.DATA_ADD, 1_000, MINUTE).sliding(),
      RateLimitPolicy.perApp(TikTokEndpointGroups.DATA_CHECK, 1_000, MINUTE).sliding(),
      RateLimitPolicy.perApp(TikTokEndpointGroups.DATA_DOWNLOAD, 1_000, MINUTE).sliding(),
      RateLimitPolicy.perApp(TikTokEndpointGroups.DATA_CANCEL, 1_000, MINUTE).sliding());

  /** The longest title, in UTF-16 code units. */
  public static final int MAX_TITLE = 2200;

  private static final TextRules TITLE_RULES = new TextRules() {
    @Override
    public int maxLength() {
      return MAX_TITLE;
    }

    @Override
    public int length(String text) {
      return text.length();
    }
  };

  /** The probe of an unlink's verification step for a Login Kit grant. */
  public static final String VERIFY_PROBE = "GET /v2/user/info/?fields=open_id";
  /** The probe of an unlink's verification step for a TikTok API for Business grant. */
  public static final String BUSINESS_VERIFY_PROBE = "POST /open_api/v1.3/tt_user/token_info/get/";

  private final TikTokEndpoints endpoints;
  private final long uploadChunkBytes;
  private final Duration statusPollInterval;
  private final Duration maxPublishWait;
  private final Duration webhookTolerance;
  private final Optional<String> crossPostPrivacy;

  /** Creates the provider with TikTok's own hosts; {@link java.util.ServiceLoader} calls this. */
  public TikTokProvider() {
    this(new Builder());
  }

  private TikTokProvider(Builder b) {
    super(PLATFORM, List.of(LOGIN_KIT, BUSINESS_ACCOUNTS, MARKETING_API),
        new TikTokResponseInterpreter(TikTokJson.INSTANCE, POLICIES), POLICIES);
    this.endpoints = b.endpoints;
    this.uploadChunkBytes = b.uploadChunkBytes;
    this.statusPollInterval = b.statusPollInterval;
    this.maxPublishWait = b.maxPublishWait;
    this.webhookTolerance = b.webhookTolerance;
    this.crossPostPrivacy = b.crossPostPrivacy;
  }

  /**
   * TikTok's limit on a post's title (its caption, hashtags and mentions included): 2,200 UTF-16 code
   * units, as the Content Posting API's {@code post_info.title} documents.
   *
   * @return the rules
   */
  @Override
  public TextRules textRules() {
    return TITLE_RULES;
  }

  /**
   * Starts configuring a provider.
   *
   * @return a builder with TikTok's hosts, 10,000,000-byte upload chunks,
   *     status polls every 5 seconds for at most 10 minutes, and a 5-minute webhook timestamp tolerance
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The hosts this provider's clients use.
   *
   * @return the endpoints
   */
  public TikTokEndpoints endpoints() {
    return endpoints;
  }

  long uploadChunkBytes() {
    return uploadChunkBytes;
  }

  Duration statusPollInterval() {
    return statusPollInterval;
  }

  Duration maxPublishWait() {
    return maxPublishWait;
  }

  Duration webhookTolerance() {
    return webhookTolerance;
  }

  Optional<String> crossPostPrivacy() {
    return crossPostPrivacy;
  }

  /**
   * TikTok's part of an unlink plan:
   *
   * <ul>
   *   <li>for an account deletion, first an export of the account's data through one of its grants
   *       (deleted data cannot be recovered), also for a link plan when the caller asked for an export;</li>
   *   <li>for each grant, its revocation and a verification that the old token is refused
   *       ({@value #VERIFY_PROBE} for Login Kit, {@value #BUSINESS_VERIFY_PROBE} for TikTok API for
   *       Business);</li>
   *   <li>for an {@link LinkKind#APP_AUTHORIZATION} or {@link LinkKind#CROSS_POST} link with a TikTok end,
   *       {@link #REMOVE_APP_ACCESS} (not for a cross-post whose TikTok grants other live links still use:
   *       the app keeps that access): TikTok documents that a revocation removes the app from the user's
   *       app permissions, so with a grant the step is the user's check, and without one the only way;</li>
   *   <li>for a {@link LinkKind#PROFILE_LINK}, {@link #REMOVE_INSTAGRAM_FROM_PROFILE} (no API exists);</li>
   *   <li>for a {@link LinkKind#BUSINESS_ASSET} held by a {@code business-center}, when the link names a
   *       Business Center admin's grant (a {@code business-accounts} grant of another TikTok account than
   *       the asset; kept or released, see {@link io.socialink.unlink.UnlinkContext#allGrants()}), a
   *       {@link UnlinkStep.PlatformAction} {@value TikTokBusinessClient#REMOVE_FROM_BUSINESS_CENTER} that
   *       removes the account from the Business Center through the API, before any revocation; without
   *       such a grant {@link #DISCONNECT_FROM_BUSINESS_CENTER}, which only an admin can do by hand; for an
   *       {@code ads-manager} holder {@link #REMOVE_FROM_ADS_MANAGER} (no API releases a linked account
   *       there). Each says what stops working afterwards;</li>
   *   <li>for an account deletion, {@link #DELETE_ACCOUNT}, which only the owner can do in the app.</li>
   * </ul>
   */
  @Override
  public UnlinkContributor unlinkContributor() {
    return context -> {
      List<UnlinkStep> steps = new ArrayList<>();
      boolean deletion = context.subject() instanceof UnlinkPlan.AccountDeletion;
      if ((deletion || context.exportFirst()) && !context.grants().isEmpty()) {
        Grant g = context.grants().get(0);
        steps.add(new UnlinkStep.ExportData(context.stepId("export", ID, g.id()), ID, g.id(),
            "the account's videos and profile data (TikTok's Data Portability API where the user is in the EEA or UK,"
                + " else the app's Settings and privacy → Account → Download your data)"));
      }
      for (Grant g : context.grants()) {
        steps.add(new UnlinkStep.RevokeGrant(context.stepId("revoke", ID, g.id()), ID, g.id()));
        steps.add(new UnlinkStep.Verify(context.stepId("verify", ID, g.id()), ID, g.id(),
            g.schemeId().equals(BUSINESS_ACCOUNTS.id()) ? BUSINESS_VERIFY_PROBE : VERIFY_PROBE));
      }
      context.link().ifPresent(link -> {
        boolean tiktokEnd = link.platformIds().contains(ID);
        if (link.kind() == LinkKind.PROFILE_LINK) {
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, REMOVE_INSTAGRAM_FROM_PROFILE.id(), link.id()),
              REMOVE_INSTAGRAM_FROM_PROFILE, "The link is shown on the TikTok profile and only the app can remove it."));
        } else if (link.kind() == LinkKind.BUSINESS_ASSET) {
          Optional<UnlinkStep.PlatformAction> api = businessCenterRemoval(context, link);
          if (api.isPresent()) {
            steps.add(0, api.get()); // before any revocation, while the admin's grant is alive
          } else {
            boolean adsManager = holder(link).map(h -> h.holderType().equals("ads-manager")).orElse(
                link.from().describe().contains("ads-manager") || link.to().describe().contains("ads-manager"));
            ManualProcedure p = adsManager ? REMOVE_FROM_ADS_MANAGER : DISCONNECT_FROM_BUSINESS_CENTER;
            steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, p.id(), link.id()), p,
                (adsManager ? "Ads Manager keeps its own link to the TikTok account and no API releases it."
                    : "No Business Center admin's grant is held for this link, so Socialink cannot remove the"
                        + " account through the API.")
                    + " The TikTok account is held as a business asset; only the business tool can release it, and"
                    + " only its admin can (ask the admin if the button is greyed out). " + BUSINESS_AFTERMATH
                    + " The TikTok app also lists TikTok for Business under Security and permissions, where the"
                    + " account holder can remove its access."));
          }
        } else if (tiktokEnd && (link.kind() == LinkKind.APP_AUTHORIZATION || link.kind() == LinkKind.CROSS_POST
            && !(context.grants().isEmpty() && !context.keptGrants().isEmpty()))) {
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, REMOVE_APP_ACCESS.id(), link.id()),
              REMOVE_APP_ACCESS, context.grants().isEmpty()
                  ? "No grant is held to revoke through the API; only the user can remove the app's access."
                  : "TikTok documents that revoking removes the app from the user's app permissions; check that it"
                      + " is gone, and remove it there if it is still listed."));
        }
      });
      if (deletion) {
        steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, DELETE_ACCOUNT.id()), DELETE_ACCOUNT,
            "Deleting the account is done by its owner in the TikTok app. Download the videos and data to keep"
                + " first: deleted data cannot be recovered, purchases are not refunded, and messages already sent"
                + " stay visible to their recipients."));
      }
      return steps;
    };
  }

  /** What stops working once a TikTok account leaves a business tool, and what does not. */
  static final String BUSINESS_AFTERMATH = "Access to the holder's ad accounts ends and catalogs, pixels and audiences"
      + " stop syncing; no ads can run from the account through the holder; the TikTok account, its posts and"
      + " followers are not affected.";
  private static final Pattern BUSINESS_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");

  /**
   * The API removal of a TikTok account from a Business Center, when the link names the holder, the
   * account and a grant that can act as the Business Center's admin.
   */
  private static Optional<UnlinkStep.PlatformAction> businessCenterRemoval(
      io.socialink.unlink.UnlinkContext context, Link link) {
    Optional<LinkEnd.BusinessAssetHolder> holder = holder(link).filter(h -> h.platformId().equals(ID))
        .filter(h -> h.holderType().equals("business-center"))
        .filter(h -> BUSINESS_ID.matcher(h.holderId()).matches());
    Optional<Account> asset = java.util.stream.Stream.of(link.from(), link.to())
        .filter(LinkEnd.OfAccount.class::isInstance).map(e -> ((LinkEnd.OfAccount) e).account())
        .filter(a -> a.platformId().equals(ID)).findFirst()
        .filter(a -> BUSINESS_ID.matcher(a.userId()).matches());
    if (holder.isEmpty() || asset.isEmpty()) {
      return Optional.empty();
    }
    Optional<Grant> admin = context.allGrants().stream()
        .filter(g -> g.schemeId().equals(BUSINESS_ACCOUNTS.id()))
        .filter(g -> !g.account().equals(asset.get()))
        .findFirst();
    if (admin.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put(TikTokBusinessClient.ARG_BC_ID, holder.get().holderId());
    arguments.put(TikTokBusinessClient.ARG_ACCOUNT_ID, asset.get().userId());
    String account = asset.get().handle().map(h -> "@" + h).orElse(asset.get().userId());
    return Optional.of(new UnlinkStep.PlatformAction(
        context.stepId("action", ID, TikTokBusinessClient.REMOVE_FROM_BUSINESS_CENTER, link.id()), ID,
        admin.get().id(), TikTokBusinessClient.REMOVE_FROM_BUSINESS_CENTER, arguments,
        "Remove TikTok account " + account + " from Business Center '" + holder.get().name() + "' ("
            + holder.get().holderId() + ") as its admin. " + BUSINESS_AFTERMATH));
  }

  private static Optional<LinkEnd.BusinessAssetHolder> holder(Link link) {
    return java.util.stream.Stream.of(link.from(), link.to())
        .filter(LinkEnd.BusinessAssetHolder.class::isInstance).map(LinkEnd.BusinessAssetHolder.class::cast)
        .findFirst();
  }

  /**
   * Creates the client of the credentials' scheme: a {@link TikTokClient} for {@code login-kit}, a
   * {@link TikTokBusinessClient} for {@code business-accounts}.
   *
   * @throws io.socialink.error.ConfigurationException for {@code marketing-api} credentials, whose
   *     linking is not offered yet, or credentials of a scheme TikTok does not have
   */
  @Override
  public PlatformClient createClient(ProviderContext context) {
    AuthorizationScheme scheme = scheme(context);
    if (scheme.equals(LOGIN_KIT)) {
      return new TikTokClient(context, this);
    }
    if (scheme.equals(BUSINESS_ACCOUNTS)) {
      return new TikTokBusinessClient(context, this);
    }
    throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, ID, 0,
        "linking Ads Manager advertisers (scheme '" + scheme.id() + "') is not available in this version of"
            + " socialink-tiktok")
        .withRemediation("Link TikTok accounts with the '" + LOGIN_KIT.id() + "' or '" + BUSINESS_ACCOUNTS.id()
            + "' scheme; an advertiser authorization made elsewhere can be revoked with"
            + " TikTokBusinessClient.revokeAdvertiserAuthorization."), null, 1);
  }

  @Override
  public String toString() {
    return "TikTokProvider[" + endpoints.authorizeUri() + ", " + endpoints.openApiBaseUri() + ", "
        + endpoints.businessApiBaseUri() + "]";
  }

  /** Configures a {@link TikTokProvider}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private TikTokEndpoints endpoints = TikTokEndpoints.defaults();
    private long uploadChunkBytes = 10_000_000L;
    private Duration statusPollInterval = Duration.ofSeconds(5);
    private Duration maxPublishWait = Duration.ofMinutes(10);
    private Optional<String> crossPostPrivacy = Optional.empty();
    private Duration webhookTolerance = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * The hosts; TikTok's own by default.
     *
     * @param value the endpoints
     * @return this builder
     */
    public Builder endpoints(TikTokEndpoints value) {
      this.endpoints = Objects.requireNonNull(value, "endpoints");
      return this;
    }

    /**
     * The chunk size of file uploads; 10,000,000 bytes by default (TikTok's example). A video smaller
     * than one chunk is sent whole; otherwise the final chunk carries the remainder.
     *
     * @param bytes between 5 MiB and 64,000,000 bytes, TikTok's chunk limits
     * @return this builder
     */
    public Builder uploadChunkBytes(long bytes) {
      if (bytes < VideoUploader.MIN_CHUNK_BYTES || bytes > VideoUploader.MAX_CHUNK_BYTES) {
        throw new IllegalArgumentException("uploadChunkBytes must be between " + VideoUploader.MIN_CHUNK_BYTES + " and "
            + VideoUploader.MAX_CHUNK_BYTES + "; got " + bytes);
      }
      this.uploadChunkBytes = bytes;
      return this;
    }

    /**
     * The wait between publish status polls; 5 seconds by default (TikTok allows 30 polls a minute).
     *
     * @param value at least 2 seconds
     * @return this builder
     */
    public Builder statusPollInterval(Duration value) {
      Objects.requireNonNull(value, "statusPollInterval");
      if (value.compareTo(Duration.ofSeconds(2)) < 0) {
        throw new IllegalArgumentException("statusPollInterval must be at least 2 s (TikTok allows 30 status polls a"
            + " minute); got " + value);
      }
      this.statusPollInterval = value;
      return this;
    }

    /**
     * The longest total wait for TikTok to process a post; 10 minutes by default.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder maxPublishWait(Duration value) {
      Objects.requireNonNull(value, "maxPublishWait");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("maxPublishWait must be positive; got " + value);
      }
      this.maxPublishWait = value;
      return this;
    }

    /**
     * How far a webhook's signed timestamp may be from the clock, either way; 5 minutes by default.
     * TikTok sets no tolerance of its own.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder webhookTolerance(Duration value) {
      Objects.requireNonNull(value, "webhookTolerance");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("webhookTolerance must be positive; got " + value);
      }
      this.webhookTolerance = value;
      return this;
    }

    /**
     * Makes cross-posts Direct Posts with the fitted caption as title at this privacy level, which the
     * application's user has chosen (Socialink never chooses one); it must be one of the creator's
     * {@code privacy_level_options}, checked before each post. Without it, a cross-post is a draft in
     * the user's TikTok inbox, whose caption the user writes in the app.
     *
     * @param privacyLevel one of {@link TikTokPostInfo#PRIVACY_LEVELS}
     * @return this builder
     */
    public Builder crossPostPrivacy(String privacyLevel) {
      Objects.requireNonNull(privacyLevel, "privacyLevel");
      if (!TikTokPostInfo.PRIVACY_LEVELS.contains(privacyLevel)) {
        throw new IllegalArgumentException("privacyLevel must be one of " + TikTokPostInfo.PRIVACY_LEVELS + "; got '"
            + privacyLevel + "'");
      }
      this.crossPostPrivacy = Optional.of(privacyLevel);
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public TikTokProvider build() {
      return new TikTokProvider(this);
    }
  }
}
