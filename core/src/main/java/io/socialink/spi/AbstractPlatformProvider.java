package io.socialink.spi;

import io.socialink.Platform;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.resilience.RateLimitPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A {@link PlatformProvider} that holds the facts every provider states the same way: its
 * {@link Platform}, its authorization schemes, its response interpreter and its documented rate
 * limits. A subclass passes them to the constructor and writes only what differs:
 * {@link #createClient(ProviderContext)}, and where needed the text rules and its part of unlink
 * plans.
 *
 * <pre>{@code
 * public final class PebbleProvider extends AbstractPlatformProvider {
 *   public PebbleProvider() {
 *     super(Platform.of(...), List.of(OAUTH2), new PebbleInterpreter());
 *   }
 *
 *   public PlatformClient createClient(ProviderContext context) {
 *     scheme(context);                              // refuses credentials of another scheme
 *     return new PebbleClient(context);
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe when the subclass is.
 */
public abstract class AbstractPlatformProvider implements PlatformProvider {
  private final Platform platform;
  private final List<AuthorizationScheme> schemes;
  private final ResponseInterpreter interpreter;
  private final List<RateLimitPolicy> rateLimitPolicies;

  /**
   * A provider that declares no rate limits.
   *
   * @param platform the platform
   * @param schemes the authorization schemes, the default first; at least one
   * @param interpreter the platform's reading of its responses
   */
  protected AbstractPlatformProvider(Platform platform, List<AuthorizationScheme> schemes,
      ResponseInterpreter interpreter) {
    this(platform, schemes, interpreter, List.of());
  }

  /**
   * A provider with documented rate limits.
   *
   * @param platform the platform
   * @param schemes the authorization schemes, the default first; at least one, with distinct ids
   * @param interpreter the platform's reading of its responses
   * @param rateLimitPolicies the platform's documented rate limits
   */
  protected AbstractPlatformProvider(Platform platform, List<AuthorizationScheme> schemes,
      ResponseInterpreter interpreter, List<RateLimitPolicy> rateLimitPolicies) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.schemes = List.copyOf(Objects.requireNonNull(schemes, "schemes"));
    if (this.schemes.isEmpty()) {
      throw new IllegalArgumentException("a provider needs at least one authorization scheme");
    }
    if (this.schemes.stream().map(AuthorizationScheme::id).distinct().count() != this.schemes.size()) {
      throw new IllegalArgumentException("authorization scheme ids must be distinct; got "
          + this.schemes.stream().map(AuthorizationScheme::id).toList());
    }
    this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
    this.rateLimitPolicies = List.copyOf(Objects.requireNonNull(rateLimitPolicies, "rateLimitPolicies"));
  }

  @Override
  public final Platform platform() {
    return platform;
  }

  @Override
  public final List<AuthorizationScheme> authorizationSchemes() {
    return schemes;
  }

  @Override
  public final ResponseInterpreter responseInterpreter() {
    return interpreter;
  }

  @Override
  public final List<RateLimitPolicy> rateLimitPolicies() {
    return rateLimitPolicies;
  }

  /**
   * The scheme a client is being created for, checked against the schemes this provider offers.
   *
   * @param context the context given to {@link #createClient(ProviderContext)}
   * @return the scheme the context's credentials name
   * @throws ConfigurationException naming the offered schemes when the credentials name another
   */
  protected final AuthorizationScheme scheme(ProviderContext context) {
    String id = Objects.requireNonNull(context, "context").credentials().schemeId();
    return schemes.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new ConfigurationException(
        Classification.of(ErrorCategory.CONFIGURATION, platform.id(), 0, platform.displayName()
            + " credentials name scheme '" + id + "'; the " + platform.displayName() + " provider offers "
            + schemes.stream().map(s -> "'" + s.id() + "'").toList())
            .withRemediation("Give the credentials one of the offered scheme ids."), null, 1));
  }
}
