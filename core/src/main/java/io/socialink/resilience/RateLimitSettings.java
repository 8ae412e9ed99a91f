package io.socialink.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The application's say over the rate limits providers declare
 * ({@link io.socialink.spi.PlatformProvider#rateLimitPolicies()}): an override replaces the
 * provider's policy for the same endpoint group and scope, or adds one, with its own
 * {@link RateLimitPolicy#windowKind()} (so an override of a sliding default should be
 * {@link RateLimitPolicy#sliding()} too); a platform's defaults can also be dropped altogether. Limits the platforms announce in their responses apply whatever is set
 * here.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RateLimitSettings limits = RateLimitSettings.custom()
 *     .override("x", RateLimitPolicy.perUser("tweets.create", 50, Duration.ofMinutes(15)))
 *     .build();
 * }</pre>
 *
 * @param overrides per platform id, the policies that replace or add to the provider's
 * @param defaultsIgnored the platform ids whose provider defaults are not used
 */
public record RateLimitSettings(Map<String, List<RateLimitPolicy>> overrides, Set<String> defaultsIgnored) {

  /** Validates and copies the components; one policy per endpoint group and scope within a platform. */
  public RateLimitSettings {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, List<RateLimitPolicy>> copy = new LinkedHashMap<>();
    overrides.forEach((platformId, policies) -> {
      Objects.requireNonNull(platformId, "overrides platform id");
      List<RateLimitPolicy> list = List.copyOf(Objects.requireNonNull(policies, "overrides policies"));
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          if (sameKey(list.get(i), list.get(j))) {
            throw new IllegalArgumentException("overrides for '" + platformId + "' hold two policies for "
                + list.get(i).endpointGroup() + " " + list.get(i).scope());
          }
        }
      }
      copy.put(platformId, list);
    });
    overrides = Map.copyOf(copy);
    defaultsIgnored = Set.copyOf(Objects.requireNonNull(defaultsIgnored, "defaultsIgnored"));
  }

  private static boolean sameKey(RateLimitPolicy a, RateLimitPolicy b) {
    return a.endpointGroup().equals(b.endpointGroup()) && a.scope() == b.scope();
  }

  /**
   * No overrides: every provider's defaults apply.
   *
   * @return the settings
   */
  public static RateLimitSettings ofDefaults() {
    return new RateLimitSettings(Map.of(), Set.of());
  }

  /**
   * A builder with no overrides.
   *
   * @return the builder
   */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * The policies in force for a platform: the provider's defaults (unless ignored) with this
   * platform's overrides replacing those of the same endpoint group and scope, then the remaining
   * overrides.
   *
   * @param platformId the platform
   * @param providerDefaults the provider's declared policies
   * @return the merged policies
   */
  public List<RateLimitPolicy> policiesFor(String platformId, List<RateLimitPolicy> providerDefaults) {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(providerDefaults, "providerDefaults");
    List<RateLimitPolicy> mine = overrides.getOrDefault(platformId, List.of());
    List<RateLimitPolicy> merged = new ArrayList<>();
    if (!defaultsIgnored.contains(platformId)) {
      for (RateLimitPolicy d : providerDefaults) {
        if (mine.stream().noneMatch(o -> sameKey(o, d))) {
          merged.add(d);
        }
      }
    }
    merged.addAll(mine);
    return List.copyOf(merged);
  }

  /** Builds {@link RateLimitSettings}; not thread-safe. */
  public static final class Builder {
    private final Map<String, List<RateLimitPolicy>> overrides = new LinkedHashMap<>();
    private final Set<String> defaultsIgnored = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Replaces a platform's policy for the same endpoint group and scope, or adds one. A later
     * override for the same key replaces an earlier one.
     *
     * @param platformId the platform
     * @param policy the policy
     * @return this builder
     */
    public Builder override(String platformId, RateLimitPolicy policy) {
      Objects.requireNonNull(platformId, "platformId");
      Objects.requireNonNull(policy, "policy");
      List<RateLimitPolicy> list = overrides.computeIfAbsent(platformId, k -> new ArrayList<>());
      list.removeIf(p -> sameKey(p, policy));
      list.add(policy);
      return this;
    }

    /**
     * Drops a platform's provider defaults; only its overrides and the limits its responses announce
     * apply.
     *
     * @param platformId the platform
     * @return this builder
     */
    public Builder ignoreDefaults(String platformId) {
      defaultsIgnored.add(Objects.requireNonNull(platformId, "platformId"));
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public RateLimitSettings build() {
      return new RateLimitSettings(overrides, defaultsIgnored);
    }
  }
}
