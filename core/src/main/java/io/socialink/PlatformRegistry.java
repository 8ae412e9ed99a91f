package io.socialink;

import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.spi.PlatformProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers known to a {@link Socialink}, keyed by platform id.
 *
 * <p>Discovery never resolves a tie silently: two discovered providers for one id fail with both
 * class names. A provider that throws while loading, or was built for another SPI version, is
 * reported in {@link #failures()} and the others still load. Providers registered explicitly on the
 * builder win over discovered ones with the same id. Immutable and thread-safe.
 *
 * <pre>{@code
 * PlatformRegistry registry = PlatformRegistry.defaultRegistry();
 * registry.platforms().forEach(p -> System.out.println(p.id()));
 * }</pre>
 */
public final class PlatformRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformRegistry.class);
  private static final int MAX_LOAD_ERRORS = 64;

  private final Map<String, PlatformProvider> providers;
  private final List<ProviderLoadFailure> failures;

  private PlatformRegistry(Map<String, PlatformProvider> providers, List<ProviderLoadFailure> failures) {
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    this.failures = List.copyOf(failures);
  }

  /**
   * The registry of the providers discovered on core's class loader, discovered once and cached.
   *
   * @return the registry
   * @throws ConfigurationException if two providers claim one id
   */
  public static PlatformRegistry defaultRegistry() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Starts a registry.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The provider of a platform.
   *
   * @param platformId the platform's id
   * @return the provider
   * @throws ConfigurationException naming the known ids if none is registered
   */
  public PlatformProvider provider(String platformId) {
    Objects.requireNonNull(platformId, "platformId");
    PlatformProvider p = providers.get(platformId);
    if (p != null) {
      return p;
    }
    StringBuilder msg = new StringBuilder("no provider for platform '").append(platformId)
        .append("'; known platforms: ").append(new TreeSet<>(providers.keySet()));
    failures.stream().filter(f -> f.platformId().equals(platformId))
        .forEach(f -> msg.append("; a provider for it failed to load: ").append(f.reason()));
    throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, platformId, 0, msg.toString())
        .withRemediation("Add the provider module for '" + platformId + "' (e.g. socialink-" + platformId
            + ") to the class path or module path, or register it on the builder."), null, 1);
  }

  /**
   * Answers whether a platform has a provider.
   *
   * @param platformId the id
   * @return true if registered
   */
  public boolean contains(String platformId) {
    return providers.containsKey(platformId);
  }

  /**
   * The registered platform ids, sorted.
   *
   * @return the ids
   */
  public Set<String> ids() {
    return Collections.unmodifiableSet(new TreeSet<>(providers.keySet()));
  }

  /**
   * The registered platforms, sorted by id.
   *
   * @return the platforms
   */
  public List<Platform> platforms() {
    return ids().stream().map(id -> providers.get(id).platform()).toList();
  }

  /**
   * The providers that were declared but could not be loaded.
   *
   * @return the failures
   */
  public List<ProviderLoadFailure> failures() {
    return failures;
  }

  private static final class DefaultHolder {
    static final PlatformRegistry INSTANCE = builder().discover(ProviderLoader.serviceLoader()).build();
  }

  /** Builds a {@link PlatformRegistry}; not thread-safe. */
  public static final class Builder {
    private final Map<String, PlatformProvider> explicit = new LinkedHashMap<>();
    private final Map<String, List<PlatformProvider>> discovered = new LinkedHashMap<>();
    private final List<ProviderLoadFailure> failures = new ArrayList<>();

    private Builder() {}

    /**
     * Registers a provider explicitly; it wins over a discovered provider with the same id.
     *
     * @param provider the provider
     * @return this builder
     * @throws ConfigurationException if another provider was registered explicitly for the same id
     */
    public Builder register(PlatformProvider provider) {
      Objects.requireNonNull(provider, "provider");
      String id = provider.platform().id();
      checkVersion(provider);
      PlatformProvider previous = explicit.putIfAbsent(id, provider);
      if (previous != null && previous != provider) {
        throw duplicate(id, List.of(previous, provider));
      }
      return this;
    }

    /**
     * Discovers providers with a loader. Failures are recorded, not thrown.
     *
     * @param loader the loader
     * @return this builder
     */
    public Builder discover(ProviderLoader loader) {
      Objects.requireNonNull(loader, "loader");
      Iterator<PlatformProvider> it = loader.providers();
      int errors = 0;
      while (errors < MAX_LOAD_ERRORS) {
        PlatformProvider provider;
        try {
          if (!it.hasNext()) {
            break;
          }
          provider = it.next();
        } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
          errors++;
          fail(new ProviderLoadFailure(declaredName(e), "", describe(e)), e);
          continue;
        }
        String id;
        try {
          id = provider.platform().id();
        } catch (RuntimeException | LinkageError e) {
          errors++;
          fail(new ProviderLoadFailure(provider.getClass().getName(), "", "platform() threw " + describe(e)), e);
          continue;
        }
        try {
          checkVersion(provider);
        } catch (ConfigurationException e) {
          fail(new ProviderLoadFailure(provider.getClass().getName(), id, e.classification().message()), null);
          continue;
        }
        discovered.computeIfAbsent(id, k -> new ArrayList<>()).add(provider);
      }
      return this;
    }

    private void fail(ProviderLoadFailure failure, Throwable cause) {
      failures.add(failure);
      LOG.warn("Socialink provider {} failed to load: {}", failure.provider(), failure.reason(), cause);
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     * @throws ConfigurationException if two discovered providers claim one id that no explicit
     *     registration settles
     */
    public PlatformRegistry build() {
      Map<String, PlatformProvider> result = new LinkedHashMap<>();
      for (Map.Entry<String, List<PlatformProvider>> e : discovered.entrySet()) {
        if (explicit.containsKey(e.getKey())) {
          continue;
        }
        Set<Class<?>> seen = new java.util.HashSet<>();
        List<PlatformProvider> distinct = e.getValue().stream().filter(p -> seen.add(p.getClass())).toList();
        if (distinct.size() > 1) {
          throw duplicate(e.getKey(), distinct);
        }
        result.put(e.getKey(), distinct.get(0));
      }
      result.putAll(explicit);
      return new PlatformRegistry(result, failures);
    }

    private static void checkVersion(PlatformProvider provider) {
      int v = provider.spiVersion();
      if (v != PlatformProvider.SPI_VERSION) {
        String id = provider.platform().id();
        throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, id, 0,
            "provider " + provider.getClass().getName() + " was built for SPI version " + v
                + " but this core implements version " + PlatformProvider.SPI_VERSION)
            .withRemediation("Use versions of socialink-core and the provider that belong together (import socialink-bom)."),
            null, 1);
      }
    }

    private static ConfigurationException duplicate(String id, List<PlatformProvider> providers) {
      List<String> names = providers.stream().map(p -> p.getClass().getName() + " (" + location(p) + ")").toList();
      return new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, id, 0,
          "more than one provider for platform '" + id + "': " + String.join(", ", names))
          .withRemediation("Remove one of the jars from the class path, or choose one with "
              + "Socialink.builder().register(provider)."), null, 1);
    }

    private static String location(PlatformProvider p) {
      var source = p.getClass().getProtectionDomain().getCodeSource();
      return source == null || source.getLocation() == null ? "unknown location" : source.getLocation().toString();
    }

    private static String declaredName(Throwable e) {
      String m = String.valueOf(e.getMessage());
      int idx = m.indexOf("Provider ");
      if (idx >= 0) {
        String rest = m.substring(idx + "Provider ".length());
        int end = rest.indexOf(' ');
        return end > 0 ? rest.substring(0, end) : rest;
      }
      return "unknown provider";
    }

    private static String describe(Throwable e) {
      Throwable root = e;
      StringBuilder s = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
        s.append("; caused by ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
      }
      return s.toString();
    }
  }
}
