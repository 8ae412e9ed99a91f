package io.socialink.internal.runtime;

import io.socialink.PlatformRegistry;
import io.socialink.auth.AppCredentials;
import io.socialink.http.Transport;
import io.socialink.internal.crosspost.CrossPostEngine;
import io.socialink.internal.crosspost.MediaFetcher;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.spi.Sleeper;
import io.socialink.internal.unlink.SyncStopper;
import io.socialink.internal.unlink.UnlinkExecutor;
import io.socialink.internal.unlink.UnlinkPlanner;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The state one {@link io.socialink.Socialink} shares among its services, and the collaborators that
 * work on it. Built once; nothing in it is static. Thread-safe.
 */
public final class SocialinkRuntime {
  private final PlatformRegistry registry;
  private final Stores stores;
  private final Clock clock;
  private final Ids ids;
  private final Settings settings;
  private final ClientCache clients;
  private final RefreshCoordinator refresher;
  private final GrantCalls grantCalls;
  private final UnlinkPlanner planner;
  private final UnlinkExecutor executor;
  private final LinkStates linkStates;
  private final CrossPostEngine crossPosts;

  /**
   * Builds the runtime and checks the configuration.
   *
   * @param registry the providers
   * @param credentials the credentials by platform and scheme
   * @param stores the stores
   * @param clock the clock
   * @param random the random source for states, PKCE verifiers and ids
   * @param settings the linking and refresh settings
   * @param transport the transport of every pipeline
   * @param pipelineConfig the pipelines' policies and seams, without declared limits
   * @param rateLimits the application's rate-limit overrides
   * @param sleeper how to wait while another instance refreshes a grant, and between cross-post passes
   * @throws io.socialink.error.ConfigurationException if credentials or rate-limit settings name
   *     unknown platforms or schemes
   */
  public SocialinkRuntime(PlatformRegistry registry, Map<ClientKey, AppCredentials> credentials, Stores stores,
      Clock clock, RandomGenerator random, Settings settings, Transport transport, PipelineConfig pipelineConfig,
      RateLimitSettings rateLimits, Sleeper sleeper) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.stores = Objects.requireNonNull(stores, "stores");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = new Ids(random, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clients = new ClientCache(registry, credentials, transport, pipelineConfig, rateLimits, clock);
    this.linkStates = new LinkStates(stores.links(), clock);
    this.refresher = new RefreshCoordinator(stores.grants(), linkStates, clients, clock,
        sleeper, settings.refreshSkew(), settings.refreshClaimTimeout(), RefreshCoordinator.DEFAULT_POLL_INTERVAL,
        "holder-" + java.util.UUID.randomUUID());
    this.grantCalls = new GrantCalls(stores.grants(), clients, refresher, clock);
    this.planner = new UnlinkPlanner(registry, stores.grants(), stores.links(), stores.crossPosts(), clock);
    this.crossPosts = new CrossPostEngine(grantCalls, clients, stores.links(), linkStates, stores.crossPosts(), registry,
        new MediaFetcher(transport), clock, sleeper);
    this.executor = new UnlinkExecutor(stores.grants(), stores.journal(), clients, grantCalls, linkStates,
        (ownerId, linkId) -> crossPosts.syncs().stopAll(ownerId, linkId) > 0, clock);
  }

  /**
   * Moves links to other states.
   *
   * @return the updater
   */
  public LinkStates linkStates() {
    return linkStates;
  }

  /**
   * The cross-post syncs' shared state and collaborators.
   *
   * @return the engine
   */
  public CrossPostEngine crossPosts() {
    return crossPosts;
  }

  /**
   * The providers.
   *
   * @return the registry
   */
  public PlatformRegistry registry() {
    return registry;
  }

  /**
   * The stores.
   *
   * @return the stores
   */
  public Stores stores() {
    return stores;
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The id and state minter.
   *
   * @return the minter
   */
  public Ids ids() {
    return ids;
  }

  /**
   * The linking and refresh settings.
   *
   * @return the settings
   */
  public Settings settings() {
    return settings;
  }

  /**
   * The clients of the configured credentials.
   *
   * @return the cache
   */
  public ClientCache clients() {
    return clients;
  }

  /**
   * The refresh coordinator.
   *
   * @return the coordinator
   */
  public RefreshCoordinator refresher() {
    return refresher;
  }

  /**
   * Runs operations with fresh grants.
   *
   * @return the runner
   */
  public GrantCalls grantCalls() {
    return grantCalls;
  }

  /**
   * The unlink planner.
   *
   * @return the planner
   */
  public UnlinkPlanner planner() {
    return planner;
  }

  /**
   * The unlink executor.
   *
   * @return the executor
   */
  public UnlinkExecutor executor() {
    return executor;
  }

  /**
   * Linking and refresh settings.
   *
   * @param authorizationTimeout how long a started authorization waits for its callback
   * @param refreshSkew how long before expiry a grant is refreshed
   * @param refreshClaimTimeout how long a refresh claim lasts unless released
   * @param applicationName the application's name as users know it, or empty for "this application"
   */
  public record Settings(Duration authorizationTimeout, Duration refreshSkew, Duration refreshClaimTimeout,
      java.util.Optional<String> applicationName) {
    /** Validates the components. */
    public Settings {
      Objects.requireNonNull(authorizationTimeout, "authorizationTimeout");
      Objects.requireNonNull(refreshSkew, "refreshSkew");
      Objects.requireNonNull(refreshClaimTimeout, "refreshClaimTimeout");
      Objects.requireNonNull(applicationName, "applicationName");
    }
  }
}
