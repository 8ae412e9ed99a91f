package io.socialink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Capability;
import io.socialink.Platform;
import io.socialink.ProviderLoader;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.RateLimitedException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelineProbeTest {
  static final AuthorizationScheme OAUTH2 = new AuthorizationScheme("oauth2", "OAuth", List.of(), "test");

  /** A provider whose interpreter reads {"busy":true} in a 200 as throttling; its own client is never used. */
  static class BusyProvider implements PlatformProvider {
    @Override
    public Platform platform() {
      return Platform.of("busy", "Busy", Set.of(Capability.PROFILE));
    }

    @Override
    public List<AuthorizationScheme> authorizationSchemes() {
      return List.of(OAUTH2);
    }

    @Override
    public ResponseInterpreter responseInterpreter() {
      return (response, generic) -> response.bodyText().contains("\"busy\":true")
          ? Optional.of(Classification.of(ErrorCategory.RATE_LIMITED, "busy", 200, "busy"))
          : generic;
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      throw new AssertionError("the probe must not use the provider's own client");
    }
  }

  static Socialink socialink(PlatformProvider provider, AtomicInteger sent) {
    return Socialink.builder().providerLoader(ProviderLoader.of()).register(provider)
        .credentials(AppCredentials.publicClient("busy", "oauth2", "client-1", URI.create("https://app.example/cb")))
        .resilience(io.socialink.resilience.ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled()))
        .transport(request -> {
          sent.incrementAndGet();
          return ApiResponse.of(200, Headers.empty(), "{\"busy\":true}");
        })
        .build();
  }

  @Test
  void runsTheProvidersInterpreterInsideCoresPipeline() {
    AtomicInteger sent = new AtomicInteger();
    CallExecutor calls = PipelineProbe.calls(socialink(PipelineProbe.probing(new BusyProvider()), sent), "busy", "oauth2");
    ApiCall call = new ApiCall("busy", "items", ApiRequest.newBuilder(HttpMethod.GET, URI.create("https://busy.example/items"))
        .build(), Idempotency.IDEMPOTENT, "client-1", Optional.empty());

    assertThatThrownBy(() -> calls.execute(call)).isInstanceOf(RateLimitedException.class);
    assertThat(sent).hasValue(1);
  }

  @Test
  void refusesAPlatformThatWasNotRegisteredThroughTheProbe() {
    PlatformProvider plainProvider = new BusyProvider() {
      @Override
      public PlatformClient createClient(ProviderContext context) {
        return new PlatformClient() {
          @Override
          public AppCredentials credentials() {
            return context.credentials();
          }

          @Override
          public URI authorizationUrl(io.socialink.auth.AuthorizationRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public io.socialink.auth.TokenResponse exchangeCode(io.socialink.auth.CodeExchange exchange) {
            throw new UnsupportedOperationException();
          }

          @Override
          public io.socialink.auth.TokenResponse refresh(io.socialink.Grant grant) {
            throw new UnsupportedOperationException();
          }

          @Override
          public io.socialink.spi.Revocation revoke(io.socialink.Grant grant) {
            throw new UnsupportedOperationException();
          }

          @Override
          public io.socialink.Account profile(io.socialink.Grant grant) {
            throw new UnsupportedOperationException();
          }
        };
      }
    };
    Socialink plain = socialink(plainProvider, new AtomicInteger());
    assertThatThrownBy(() -> PipelineProbe.calls(plain, "busy", "oauth2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PipelineProbe.probing");
    PlatformProvider probing = PipelineProbe.probing(new BusyProvider());
    assertThat(probing.platform()).isEqualTo(new BusyProvider().platform());
    assertThat(probing.authorizationSchemes()).containsExactly(OAUTH2);
  }
}
