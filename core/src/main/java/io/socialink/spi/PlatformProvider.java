package io.socialink.spi;

import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.UnlinkStep;
import io.socialink.resilience.RateLimitPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a platform plugin, found with {@link java.util.ServiceLoader}. Declare it in
 * both {@code module-info.java} ({@code provides io.socialink.spi.PlatformProvider with ...}) and
 * {@code META-INF/services/io.socialink.spi.PlatformProvider}.
 *
 * <p>A provider carries everything platform-specific, so that core never names a platform: its
 * {@link Platform} description, authorization schemes, response interpreter, default rate limits,
 * text rules, its part of unlink plans, and a factory of API clients. Implementations need a public
 * no-argument constructor, are thread-safe, and do no I/O until a client is used.
 *
 * <p>Most providers extend {@link AbstractPlatformProvider}, which holds the platform, schemes,
 * interpreter and rate limits, and build their clients on {@link StandardOAuth2Client} when the
 * platform's OAuth 2.0 is standard; {@code examples/pebble-provider} is a complete one.
 *
 * <pre>{@code
 * public final class PebbleProvider implements PlatformProvider {
 *   public Platform platform() { return Platform.of("pebble", "Pebble", Set.of(Capability.PROFILE)); }
 *   public List<AuthorizationScheme> authorizationSchemes() { return List.of(OAUTH2); }
 *   public ResponseInterpreter responseInterpreter() { return ResponseInterpreter.generic(); }
 *   public PlatformClient createClient(ProviderContext context) { return new PebbleClient(context); }
 * }
 * }</pre>
 */
public interface PlatformProvider {
  /** The SPI version this core implements; a provider built for another version is refused at load. */
  int SPI_VERSION = 1;

  /**
   * The SPI version the provider was built for.
   *
   * @return {@link #SPI_VERSION} of the core it was compiled against
   */
  default int spiVersion() {
    return SPI_VERSION;
  }

  /**
   * The platform. Its id keys the provider in the registry.
   *
   * @return the platform
   */
  Platform platform();

  /**
   * The ways the platform authorizes applications; at least one, the first being the default.
   *
   * @return the schemes
   */
  List<AuthorizationScheme> authorizationSchemes();

  /**
   * The platform's reading of its responses.
   *
   * @return the interpreter
   */
  ResponseInterpreter responseInterpreter();

  /**
   * The platform's documented rate limits; applications may override them.
   *
   * @return the policies, possibly none
   */
  default List<RateLimitPolicy> rateLimitPolicies() {
    return List.of();
  }

  /**
   * How the platform measures text.
   *
   * @return the rules; unlimited code points by default
   */
  default TextRules textRules() {
    return TextRules.codePoints(Integer.MAX_VALUE);
  }

  /**
   * The provider's part of unlink plans. The default revokes each grant when the platform can, and
   * verifies with a profile probe when it can read profiles.
   *
   * @return the contributor
   */
  default UnlinkContributor unlinkContributor() {
    return context -> {
      Platform p = platform();
      List<UnlinkStep> steps = new ArrayList<>();
      for (Grant g : context.grants()) {
        if (p.can(Capability.TOKEN_REVOCATION)) {
          steps.add(new UnlinkStep.RevokeGrant(context.stepId("revoke", p.id(), g.id()), p.id(), g.id()));
        }
        if (p.can(Capability.PROFILE)) {
          steps.add(new UnlinkStep.Verify(context.stepId("verify", p.id(), g.id()), p.id(), g.id(), "profile read"));
        }
      }
      return steps;
    };
  }

  /**
   * Creates an API client for one credential and scheme.
   *
   * @param context the credentials, pipeline, JSON codec and clock
   * @return the client
   */
  PlatformClient createClient(ProviderContext context);
}
