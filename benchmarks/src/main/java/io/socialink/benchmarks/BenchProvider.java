package io.socialink.benchmarks;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitScope;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A provider shaped like a real one: declared per-app and per-user limits (large enough never to bind),
 * an interpreter that reads X-style rate-limit headers, and a client that reads the profile through
 * the pipeline and parses it with the codec providers use.
 */
final class BenchProvider implements PlatformProvider {
  static final String ID = "bench";
  static final AuthorizationScheme OAUTH2 = new AuthorizationScheme("oauth2", "Bench OAuth 2.0", List.of("read"),
      "benchmark");

  private final URI profileUri;
  private final boolean skeleton;

  BenchProvider(URI profileUri) {
    this(profileUri, false);
  }

  /**
   * A provider, or with {@code skeleton} one that declares no limits and reads no rate-limit headers,
   * to measure what the pipeline's stages cost with nothing to do.
   *
   * @param profileUri the profile's URI
   * @param skeleton whether to leave out the limits and the header reading
   */
  BenchProvider(URI profileUri, boolean skeleton) {
    this.profileUri = profileUri;
    this.skeleton = skeleton;
  }

  @Override
  public Platform platform() {
    return Platform.of(ID, "Bench", Set.of(Capability.PROFILE));
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(OAUTH2);
  }

  @Override
  public List<RateLimitPolicy> rateLimitPolicies() {
    if (skeleton) {
      return List.of();
    }
    return List.of(RateLimitPolicy.perUser("users.me", 1_000_000_000, Duration.ofMinutes(15)),
        RateLimitPolicy.perApp(RateLimitPolicy.ALL_ENDPOINTS, 1_000_000_000, Duration.ofMinutes(1)));
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return new ResponseInterpreter() {
      @Override
      public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
        return generic;
      }

      @Override
      public List<RateLimitObservation> rateLimits(String endpointGroup, ApiResponse response, Instant receivedAt) {
        if (skeleton) {
          return List.of();
        }
        Optional<String> remaining = response.headers().first("x-rate-limit-remaining");
        Optional<String> reset = response.headers().first("x-rate-limit-reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
          return List.of();
        }
        OptionalLong limit = response.headers().first("x-rate-limit-limit")
            .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
        return List.of(new RateLimitObservation(endpointGroup, RateLimitScope.PER_USER, limit,
            Long.parseLong(remaining.get()), Instant.ofEpochSecond(Long.parseLong(reset.get()))));
      }
    };
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    return new BenchClient(context, profileUri);
  }

  /** The client; {@link #me(String)} is what the benchmark calls. */
  static final class BenchClient implements PlatformClient {
    private final ProviderContext context;
    private final URI profileUri;

    BenchClient(ProviderContext context, URI profileUri) {
      this.context = context;
      this.profileUri = profileUri;
    }

    Profile me(String accessToken) {
      ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, profileUri)
          .header("Authorization", "Bearer " + accessToken)
          .build();
      ApiResponse response = context.calls().execute(new ApiCall(ID, "users.me", request, Idempotency.IDEMPOTENT,
          context.credentials().clientId(), Optional.of("bench:2244994945")));
      return context.json().read(response, Profile.class);
    }

    @Override
    public AppCredentials credentials() {
      return context.credentials();
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenResponse exchangeCode(CodeExchange exchange) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenResponse refresh(Grant grant) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Revocation revoke(Grant grant) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Account profile(Grant grant) {
      Profile p = me(grant.accessToken().reveal());
      return Account.of(ID, p.id(), p.username(), p.name());
    }
  }
}
