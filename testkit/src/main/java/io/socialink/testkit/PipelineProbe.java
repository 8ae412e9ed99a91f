package io.socialink.testkit;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.http.CallExecutor;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import io.socialink.spi.TextRules;
import io.socialink.spi.UnlinkContributor;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Runs a provider's response interpreter and rate-limit policies inside core's real call pipeline
 * (retry, circuit breaker, rate limiter), without the provider's own client: to test how a
 * platform's answers are classified, retried and held, with a scripted {@link io.socialink.http.Transport}.
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .register(PipelineProbe.probing(new MyProvider()))
 *     .credentials(AppCredentials.publicClient("my", "oauth2", "client-1", redirectUri))
 *     .transport(scriptedTransport)
 *     .build();
 * CallExecutor calls = PipelineProbe.calls(socialink, "my", "oauth2");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PipelineProbe {
  private PipelineProbe() {}

  /**
   * A provider with the same platform, schemes, interpreter, rate limits, text rules and unlink part
   * as {@code provider}, whose clients only hand out the pipeline core built for them.
   *
   * @param provider the provider under test
   * @return the probing provider
   */
  public static PlatformProvider probing(PlatformProvider provider) {
    Objects.requireNonNull(provider, "provider");
    return new PlatformProvider() {
      @Override
      public int spiVersion() {
        return provider.spiVersion();
      }

      @Override
      public Platform platform() {
        return provider.platform();
      }

      @Override
      public List<AuthorizationScheme> authorizationSchemes() {
        return provider.authorizationSchemes();
      }

      @Override
      public ResponseInterpreter responseInterpreter() {
        return provider.responseInterpreter();
      }

      @Override
      public List<RateLimitPolicy> rateLimitPolicies() {
        return provider.rateLimitPolicies();
      }

      @Override
      public TextRules textRules() {
        return provider.textRules();
      }

      @Override
      public UnlinkContributor unlinkContributor() {
        return provider.unlinkContributor();
      }

      @Override
      public PlatformClient createClient(ProviderContext context) {
        return new ProbeClient(context);
      }
    };
  }

  /**
   * The pipeline of a probing provider's platform.
   *
   * @param socialink an instance with a provider from {@link #probing(PlatformProvider)} registered
   * @param platformId the platform
   * @param schemeId a scheme with configured credentials
   * @return the pipeline's executor
   * @throws IllegalArgumentException if the platform's provider is not a probing one
   */
  public static CallExecutor calls(Socialink socialink, String platformId, String schemeId) {
    PlatformClient client = socialink.client(platformId, schemeId);
    if (!(client instanceof ProbeClient probe)) {
      throw new IllegalArgumentException("platform '" + platformId + "' was not registered through PipelineProbe.probing");
    }
    return probe.context.calls();
  }

  /** A client with no operations of its own: it keeps the context core built for it. */
  private static final class ProbeClient implements PlatformClient {
    final ProviderContext context;

    ProbeClient(ProviderContext context) {
      this.context = context;
    }

    @Override
    public AppCredentials credentials() {
      return context.credentials();
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
      throw unsupported();
    }

    @Override
    public TokenResponse exchangeCode(CodeExchange exchange) {
      throw unsupported();
    }

    @Override
    public TokenResponse refresh(Grant grant) {
      throw unsupported();
    }

    @Override
    public Revocation revoke(Grant grant) {
      throw unsupported();
    }

    @Override
    public Account profile(Grant grant) {
      throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
      return new UnsupportedOperationException("a pipeline probe has no platform operations; use PipelineProbe.calls");
    }
  }
}
