package io.socialink.internal.runtime;

import io.socialink.Grant;
import io.socialink.PlatformRegistry;
import io.socialink.auth.AppCredentials;
import io.socialink.error.ConfigurationException;
import io.socialink.http.CallExecutor;
import io.socialink.http.JsonCodec;
import io.socialink.http.Transport;
import io.socialink.internal.json.JacksonCodec;
import io.socialink.internal.pipeline.CallPipeline;
import io.socialink.internal.pipeline.DefaultProviderContext;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API clients of the configured credentials, made once each, and the call pipeline of each
 * platform, shared by its clients. Checks at construction that every credential names a scheme its
 * platform offers and that rate-limit settings name known platforms. Thread-safe.
 */
public final class ClientCache {
  private final PlatformRegistry registry;
  private final Map<ClientKey, AppCredentials> credentials;
  private final Transport transport;
  private final PipelineConfig pipelineConfig;
  private final RateLimitSettings rateLimits;
  private final Clock clock;
  private final Map<String, CallExecutor> pipelines = new ConcurrentHashMap<>();
  private final Map<ClientKey, PlatformClient> clients = new ConcurrentHashMap<>();

  /**
   * Creates the cache and checks the configuration.
   *
   * @param registry the providers
   * @param credentials the credentials by platform and scheme
   * @param transport the transport every pipeline sends through
   * @param pipelineConfig the pipelines' policies and seams, without declared limits
   * @param rateLimits the application's overrides of the providers' declared limits
   * @param clock the clock
   * @throws ConfigurationException if a credential names an unknown scheme or a rate-limit setting an
   *     unknown platform
   */
  public ClientCache(PlatformRegistry registry, Map<ClientKey, AppCredentials> credentials, Transport transport,
      PipelineConfig pipelineConfig, RateLimitSettings rateLimits, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.credentials = Map.copyOf(credentials);
    this.transport = Objects.requireNonNull(transport, "transport");
    this.pipelineConfig = Objects.requireNonNull(pipelineConfig, "pipelineConfig");
    this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (ClientKey key : this.credentials.keySet()) {
      PlatformProvider provider = registry.provider(key.platformId());
      boolean known = provider.authorizationSchemes().stream().anyMatch(s -> s.id().equals(key.schemeId()));
      if (!known) {
        throw Errors.configuration(key.platformId(), "credentials name scheme '" + key.schemeId() + "' but platform '"
            + key.platformId() + "' offers " + provider.authorizationSchemes().stream().map(AuthorizationScheme::id).toList());
      }
    }
    List<String> named = new ArrayList<>(rateLimits.overrides().keySet());
    named.addAll(rateLimits.defaultsIgnored());
    for (String id : named) {
      if (!registry.contains(id)) {
        throw Errors.configuration(id, "rate-limit settings name platform '" + id + "', which has no provider; "
            + "known platforms: " + registry.ids());
      }
    }
  }

  /**
   * The client of a platform and scheme, made on first use from the configured credentials.
   *
   * @param platformId the platform
   * @param schemeId the scheme
   * @return the client
   * @throws ConfigurationException if the platform is unknown or has no credentials for the scheme
   */
  public PlatformClient client(String platformId, String schemeId) {
    ClientKey key = new ClientKey(platformId, schemeId);
    PlatformClient existing = clients.get(key);
    if (existing != null) {
      return existing;
    }
    PlatformProvider provider = registry.provider(platformId);
    AppCredentials creds = credentials.get(key);
    if (creds == null) {
      throw Errors.configuration(platformId, "no credentials configured for platform '" + platformId + "' scheme '"
          + schemeId + "'; configured: " + configured());
    }
    return clients.computeIfAbsent(key, k -> provider.createClient(
        new DefaultProviderContext(provider.platform(), creds, pipeline(provider), json(), clock,
            pipelineConfig.sleeper())));
  }

  /**
   * The one configured client of a type, such as a provider's own client class.
   *
   * @param type the client type
   * @param <C> the type
   * @return the client
   * @throws ConfigurationException if no configured client, or more than one, is of that type
   */
  public <C extends PlatformClient> C client(Class<C> type) {
    Objects.requireNonNull(type, "type");
    List<C> found = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (ClientKey key : credentials.keySet().stream().sorted(java.util.Comparator.comparing(ClientKey::toString)).toList()) {
      PlatformClient c;
      try {
        c = client(key.platformId(), key.schemeId());
      } catch (ConfigurationException unavailable) {
        seen.add(key + " (unavailable)");
        continue;
      }
      seen.add(key + " (" + c.getClass().getSimpleName() + ")");
      if (type.isInstance(c)) {
        found.add(type.cast(c));
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    String clients = seen.isEmpty() ? "no credentials are configured" : "configured: " + seen;
    throw Errors.configuration("", found.isEmpty()
        ? "no configured client is a " + type.getName() + "; " + clients
        : found.size() + " configured clients are a " + type.getName() + "; name the scheme with client(type, schemeId); "
            + clients);
  }

  /**
   * The client of a platform and scheme as a type.
   *
   * @param type the client type
   * @param platformId the platform
   * @param schemeId the scheme
   * @param <C> the type
   * @return the client
   * @throws ConfigurationException if there are no such credentials or the client is not of that type
   */
  public <C extends PlatformClient> C client(Class<C> type, String platformId, String schemeId) {
    Objects.requireNonNull(type, "type");
    PlatformClient c = client(platformId, schemeId);
    if (!type.isInstance(c)) {
      throw Errors.configuration(platformId, "the client of " + new ClientKey(platformId, schemeId) + " is a "
          + c.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(c);
  }

  /**
   * The client that serves a grant, as a type.
   *
   * @param grant the grant
   * @param type the client type
   * @param <C> the type
   * @return the client of the grant's platform and scheme
   */
  public <C extends PlatformClient> C clientFor(Grant grant, Class<C> type) {
    return client(type, grant.account().platformId(), grant.schemeId());
  }

  /**
   * The platform's default scheme: the first with credentials, else its first.
   *
   * @param platformId the platform
   * @return the scheme
   */
  public AuthorizationScheme defaultScheme(String platformId) {
    List<AuthorizationScheme> schemes = registry.provider(platformId).authorizationSchemes();
    return schemes.stream()
        .filter(s -> credentials.containsKey(new ClientKey(platformId, s.id())))
        .findFirst()
        .orElse(schemes.get(0));
  }

  /**
   * The platforms and schemes with credentials, in the order {@code platform/scheme} sorts.
   *
   * @return the keys
   */
  public List<ClientKey> configuredKeys() {
    return credentials.keySet().stream().sorted(java.util.Comparator.comparing(ClientKey::toString)).toList();
  }

  private List<String> configured() {
    return credentials.keySet().stream().map(ClientKey::toString).sorted().toList();
  }

  private CallExecutor pipeline(PlatformProvider provider) {
    String id = provider.platform().id();
    return pipelines.computeIfAbsent(id, k -> new CallPipeline(id, transport, provider.responseInterpreter(),
        pipelineConfig.withRateLimits(rateLimits.policiesFor(id, provider.rateLimitPolicies()))));
  }

  private static JsonCodec json() {
    return JacksonCodec.instance();
  }
}
