package io.socialink;

import io.socialink.audit.AuditReport;
import io.socialink.audit.AuditSettings;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.Grants;
import io.socialink.auth.Linking;
import io.socialink.crosspost.CrossPosting;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.event.CallEventListener;
import io.socialink.http.Interceptor;
import io.socialink.http.Transport;
import io.socialink.http.TransportOptions;
import io.socialink.internal.http.JdkTransport;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.internal.runtime.ClientKey;
import io.socialink.internal.runtime.RefreshCoordinator;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.internal.service.CrossPostService;
import io.socialink.internal.service.AuditService;
import io.socialink.internal.service.CallbackService;
import io.socialink.internal.service.GrantService;
import io.socialink.internal.service.LinkService;
import io.socialink.internal.service.LinkingService;
import io.socialink.internal.service.PlatformService;
import io.socialink.internal.service.PublishingService;
import io.socialink.internal.service.UnlinkingService;
import io.socialink.link.Links;
import io.socialink.platform.Platforms;
import io.socialink.publish.Publishing;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.Sleeper;
import io.socialink.store.Stores;
import io.socialink.unlink.Unlinking;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.Callbacks;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The entry point: configuration, and one accessor per capability. Link accounts with
 * {@link #linking()}, keep their grants fresh and use them with {@link #grants()}, publish with
 * {@link #publishing()}, copy content between accounts with {@link #crossPosting()}, audit and record
 * links with {@link #links()}, plan how to undo them with {@link #unlinking()}, receive the platforms'
 * deauthorization, data-deletion and other callbacks with {@link #callbacks()}, and read what the
 * platforms are with {@link #platforms()}. A provider's own
 * client, such as {@code XClient}, comes from {@link #client(Class)} without a cast.
 *
 * <p>Build one per application and share it: it holds one HTTP client, one call pipeline per
 * platform and one API client per configured credential. Thread-safe.
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .credentials(AppCredentials.confidential("x", "oauth2", clientId, Secret.of(clientSecret), redirectUri))
 *     .applicationName("My App")
 *     .build();
 *
 * AuthorizationStart start = socialink.linking().authorize(userId, "x");   // redirect the browser to start.url()
 * AuthorizationResult linked = socialink.linking().complete(userId, CallbackParameters.fromUri(callbackUri));
 * Account me = socialink.grants().profile(userId, linked.grant().id());
 * UnlinkPlan plan = socialink.unlinking().plan(userId, linked.link().id());
 * }</pre>
 */
public final class Socialink {
  private final SocialinkRuntime runtime;
  private final Linking linking;
  private final Grants grants;
  private final Links links;
  private final Publishing publishing;
  private final CrossPosting crossPosting;
  private final Unlinking unlinking;
  private final Platforms platforms;
  private final Callbacks callbacks;
  private final AuditService auditing;

  private Socialink(Builder b) {
    this.runtime = b.runtime();
    this.linking = new LinkingService(runtime);
    this.grants = new GrantService(runtime);
    this.links = new LinkService(runtime);
    this.publishing = new PublishingService(runtime);
    this.crossPosting = new CrossPostService(runtime);
    this.unlinking = new UnlinkingService(runtime);
    this.platforms = new PlatformService(runtime.registry(), runtime.clock());
    this.callbacks = new CallbackService(runtime, b.callbackSettings);
    this.auditing = new AuditService(runtime);
  }

  /**
   * Starts building an instance.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Linking accounts: authorization start and callback.
   *
   * @return the service
   */
  public Linking linking() {
    return linking;
  }

  /**
   * The grants held: audit, fresh tokens, refresh, calls with a grant, profile, revocation.
   *
   * @return the service
   */
  public Grants grants() {
    return grants;
  }

  /**
   * The links known: audit, recording the links the platforms made, state changes.
   *
   * @return the service
   */
  public Links links() {
    return links;
  }

  /**
   * Publishing through linked accounts.
   *
   * @return the service
   */
  public Publishing publishing() {
    return publishing;
  }

  /**
   * Cross-posting: links that copy new content from one account to another, their syncs and journal.
   *
   * @return the service
   */
  public CrossPosting crossPosting() {
    return crossPosting;
  }

  /**
   * Unlink plans and the plan journal.
   *
   * @return the service
   */
  public Unlinking unlinking() {
    return unlinking;
  }

  /**
   * The callback intake: the platforms' webhooks and callbacks (deauthorization, data deletion,
   * revocation events, handshakes) in, the answer to send out, with the links, grants and data
   * deletions updated.
   *
   * @return the service
   */
  public Callbacks callbacks() {
    return callbacks;
  }

  /**
   * The platforms with a provider, their text rules, and classification of their responses.
   *
   * @return the service
   */
  public Platforms platforms() {
    return platforms;
  }

  /**
   * Audits what the stores hold for an owner, with {@link AuditSettings#ofDefaults()}: see
   * {@link #audit(String, AuditSettings)}.
   *
   * @param ownerId the owner
   * @return the report; {@link AuditReport#toText()} and {@link AuditReport#toJson()} render it
   */
  public AuditReport audit(String ownerId) {
    return audit(ownerId, AuditSettings.ofDefaults());
  }

  /**
   * Audits what the stores hold for an owner: every link and grant with its platform, account, kind,
   * scopes, issue and expiry instants, last use and state, flagged when a person should look at it. A
   * platform whose declared scopes the settings do not give is checked against the default scopes of
   * its authorization schemes.
   *
   * @param ownerId the owner
   * @param settings when flags are raised
   * @return the report
   */
  public AuditReport audit(String ownerId, AuditSettings settings) {
    return auditing.audit(ownerId, settings);
  }

  /**
   * The one configured client of a type, such as {@code XClient}, made once from its credentials.
   * Calls made with it directly get the pipeline but not the fresh-grant handling; use
   * {@link Grants#withGrant(String, String, Class, io.socialink.auth.GrantOperation)} for calls with a
   * user's grant.
   *
   * @param type the client type
   * @param <C> the type
   * @return the client
   * @throws ConfigurationException if no configured client, or more than one, is of that type
   */
  public <C extends PlatformClient> C client(Class<C> type) {
    return runtime.clients().client(type);
  }

  /**
   * The client of a platform and scheme as a type, for platforms configured with several schemes.
   *
   * @param type the client type
   * @param platformId the platform
   * @param schemeId the scheme
   * @param <C> the type
   * @return the client
   * @throws ConfigurationException if there are no such credentials or the client is not of that type
   */
  public <C extends PlatformClient> C client(Class<C> type, String platformId, String schemeId) {
    return runtime.clients().client(type, platformId, schemeId);
  }

  /**
   * The client of a platform and scheme, made once from the configured credentials.
   *
   * @param platformId the platform
   * @param schemeId the scheme
   * @return the client
   * @throws ConfigurationException if no credentials are configured for them
   */
  public PlatformClient client(String platformId, String schemeId) {
    return runtime.clients().client(platformId, schemeId);
  }

  /** Builds a {@link Socialink}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private PlatformRegistry registry;
    private final List<PlatformProvider> explicit = new ArrayList<>();
    private ProviderLoader loader = ProviderLoader.serviceLoader();
    private final Map<ClientKey, AppCredentials> credentials = new LinkedHashMap<>();
    private Stores stores = Stores.inMemory();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    private Duration authorizationTimeout = Duration.ofMinutes(10);
    private Duration refreshSkew = Duration.ofMinutes(2);
    private Optional<String> applicationName = Optional.empty();
    private Duration refreshClaimTimeout = RefreshCoordinator.DEFAULT_CLAIM_TIMEOUT;
    private Transport transport;
    private TransportOptions transportOptions = TransportOptions.ofDefaults();
    private ResilienceSettings resilience = ResilienceSettings.ofDefaults();
    private CallEventListener eventListener = CallEventListener.noop();
    private final List<Interceptor> interceptors = new ArrayList<>();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator backoffRandom = PipelineConfig.threadLocalRandom();
    private CallbackSettings callbackSettings = CallbackSettings.ofDefaults();

    private Builder() {}

    /**
     * How the callback intake behaves: body limit, data-deletion status page, listener;
     * {@link CallbackSettings#ofDefaults()} by default.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder callbacks(CallbackSettings settings) {
      this.callbackSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Uses a ready registry instead of discovery.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(PlatformRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Registers a provider explicitly; it wins over a discovered one with the same id.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder register(PlatformProvider provider) {
      explicit.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Discovers providers with this loader instead of core's class loader.
     *
     * @param loader the loader
     * @return this builder
     */
    public Builder providerLoader(ProviderLoader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Adds an application credential for one platform and scheme.
     *
     * @param appCredentials the credentials
     * @return this builder
     * @throws IllegalArgumentException if the platform and scheme already have credentials
     */
    public Builder credentials(AppCredentials appCredentials) {
      Objects.requireNonNull(appCredentials, "appCredentials");
      ClientKey key = new ClientKey(appCredentials.platformId(), appCredentials.schemeId());
      if (credentials.putIfAbsent(key, appCredentials) != null) {
        throw new IllegalArgumentException("credentials for " + key + " are already set");
      }
      return this;
    }

    /**
     * Where grants, links, pending authorizations and the plan journal are kept;
     * {@link Stores#inMemory()} by default.
     *
     * @param value the stores
     * @return this builder
     */
    public Builder stores(Stores value) {
      this.stores = Objects.requireNonNull(value, "stores");
      return this;
    }

    /**
     * The clock; the system UTC clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The random source for states, PKCE verifiers and ids; a {@link SecureRandom} by default.
     * Replace it only in tests.
     *
     * @param value the random source
     * @return this builder
     */
    public Builder random(RandomGenerator value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * How long a started authorization waits for its callback; 10 minutes by default.
     *
     * @param timeout positive duration
     * @return this builder
     */
    public Builder authorizationTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("authorizationTimeout must be positive; got " + timeout);
      }
      this.authorizationTimeout = timeout;
      return this;
    }

    /**
     * How long before expiry a grant is refreshed; 2 minutes by default.
     *
     * @param skew non-negative duration
     * @return this builder
     */
    public Builder refreshSkew(Duration skew) {
      this.refreshSkew = Checks.notNegative(skew, "refreshSkew");
      return this;
    }

    /**
     * The application's name as users know it, shown in links and plans; without one they say
     * "this application".
     *
     * @param name the name
     * @return this builder
     */
    public Builder applicationName(String name) {
      this.applicationName = Optional.of(Checks.notBlank(name, "applicationName"));
      return this;
    }

    /**
     * How long a refresh claim in the grant store lasts unless released, so that an instance that
     * died while refreshing does not hold the grant forever; 2 minutes by default. Make it longer than
     * a refresh call with its retries can take.
     *
     * @param timeout positive duration
     * @return this builder
     */
    public Builder refreshClaimTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("refreshClaimTimeout must be positive; got " + timeout);
      }
      this.refreshClaimTimeout = timeout;
      return this;
    }

    /**
     * Replaces the HTTP transport; the JDK {@code HttpClient} by default.
     *
     * @param value the transport
     * @return this builder
     */
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /**
     * Timeouts of the default transport.
     *
     * @param options the options
     * @return this builder
     */
    public Builder transportOptions(TransportOptions options) {
      this.transportOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * How calls to the platforms are protected: retry, circuit breaker, rate limits and the longest
     * in-process wait; {@link ResilienceSettings#ofDefaults()} by default.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder resilience(ResilienceSettings settings) {
      this.resilience = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Receives the call pipeline's events (calls started, succeeded, failed, retried, throttled,
     * circuit breaker changes); none by default.
     *
     * @param listener the listener; fast and never throwing
     * @return this builder
     */
    public Builder eventListener(CallEventListener listener) {
      this.eventListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Adds an application-level interceptor to every platform's pipeline: it sees each logical call
     * once, outside retry, circuit breaker and rate limits, and may add headers, record or trace
     * calls. The first added is the outermost. See {@link Interceptor}.
     *
     * @param interceptor the interceptor; thread-safe, calls {@code proceed} exactly once
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * How the library waits: retry backoff, rate-limit holds, providers' polling and waiting for
     * another instance's refresh; the real sleeper by default. Tests pass one that moves their clock,
     * such as {@code clock::advance} of the testkit's {@code TestClock}.
     *
     * @param value the sleeper; thread-safe
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** Test seam: the backoff jitter source; must be thread-safe. */
    Builder backoffRandom(RandomGenerator value) {
      this.backoffRandom = Objects.requireNonNull(value, "backoffRandom");
      return this;
    }

    private SocialinkRuntime runtime() {
      PlatformRegistry reg = registry != null ? registry : registryBuilder().build();
      PipelineConfig pipeline = new PipelineConfig(resilience.retry(), resilience.circuitBreaker(), List.of(),
          resilience.maxWait(), eventListener, sleeper, backoffRandom, clock, interceptors);
      return new SocialinkRuntime(reg, credentials, stores, clock, random,
          new SocialinkRuntime.Settings(authorizationTimeout, refreshSkew, refreshClaimTimeout, applicationName),
          transport != null ? transport : new JdkTransport(transportOptions), pipeline, resilience.rateLimits(), sleeper);
    }

    private PlatformRegistry.Builder registryBuilder() {
      PlatformRegistry.Builder b = PlatformRegistry.builder().discover(loader);
      explicit.forEach(b::register);
      return b;
    }

    /**
     * Builds the instance.
     *
     * @return the instance
     * @throws ConfigurationException if credentials name an unknown platform or scheme, or providers clash
     */
    public Socialink build() {
      if (registry != null && !explicit.isEmpty()) {
        throw new IllegalStateException("set either registry(...) or register(...), not both");
      }
      return new Socialink(this);
    }
  }
}
