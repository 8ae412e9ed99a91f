package io.socialink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.AuthorizationException;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code AUTH_EXPIRED} leads to at most one token refresh and one replay, through the façade; the
 * pipeline itself never repeats an authorization failure.
 */
class SocialinkWithGrantTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
      .build();

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final InMemoryGrantStore grants = new InMemoryGrantStore();
  final FakeProvider provider = new FakeProvider();
  Socialink socialink;

  @BeforeEach
  void setUp() {
    socialink = Socialink.builder()
        .register(provider)
        .credentials(AppCredentials.confidential("fake", "oauth2", "client-1", Secret.of("app-secret"),
            URI.create("https://app.example/callback")))
        .stores(io.socialink.store.Stores.inMemory().withGrants(grants))
        .clock(clock)
        .sleeper(sleeper)
        .backoffRandom(new HalfRandom())
        .build();
    grants.save(new Grant("g-1", "owner-1", Account.of("fake", "42"), "oauth2", "client-1", Secret.of("old-token"),
        Optional.of(Secret.of("refresh-1")), Set.of("read"), "bearer", T0, Optional.of(T0.plus(Duration.ofHours(1))),
        Optional.empty(), 0));
  }

  @Test
  void refreshesOnceAndReplaysOnceOnAuthExpired() {
    wm.stubFor(get(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer old-token"))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(get(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer new-token"))
        .willReturn(aResponse().withStatus(200).withBody("{}")));

    Account me = socialink.grants().profile("owner-1", "g-1");

    assertThat(me.userId()).isEqualTo("42");
    assertThat(provider.refreshes.get()).isEqualTo(1);
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer old-token")));
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer new-token")));
    assertThat(grants.find("owner-1", "g-1").orElseThrow().accessToken().reveal()).isEqualTo("new-token");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void givesUpAfterOneRefreshAndOneReplay() {
    wm.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withStatus(401)));

    AuthorizationException e = catchThrowableOfType(AuthorizationException.class,
        () -> socialink.grants().profile("owner-1", "g-1"));

    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(provider.refreshes.get()).isEqualTo(1);
    wm.verify(exactly(2), getRequestedFor(urlEqualTo("/me")));
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer old-token")));
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer new-token")));
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void doesNotRefreshOnAPermissionError() {
    wm.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withStatus(403)));

    catchThrowableOfType(RuntimeException.class, () -> socialink.grants().profile("owner-1", "g-1"));

    assertThat(provider.refreshes.get()).isZero();
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me")));
  }

  @Test
  void doesNotRefreshOnARevokedGrant() {
    // The platform's interpreter reads this body as "the user removed access": AUTH_REVOKED.
    wm.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"revoked\"}")));

    AuthorizationException e = catchThrowableOfType(AuthorizationException.class, () -> socialink.grants().profile("owner-1", "g-1"));

    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED);
    assertThat(provider.refreshes.get()).isZero();
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/me")));
  }

  /** A platform whose profile read goes through the pipeline and whose refresh always yields {@code new-token}. */
  static final class FakeProvider implements PlatformProvider {
    static final AuthorizationScheme OAUTH2 = new AuthorizationScheme("oauth2", "Fake OAuth", List.of("read"), "test");
    final AtomicInteger refreshes = new AtomicInteger();

    @Override
    public Platform platform() {
      return Platform.of("fake", "Fake", Set.of(Capability.PROFILE, Capability.TOKEN_REFRESH));
    }

    @Override
    public List<AuthorizationScheme> authorizationSchemes() {
      return List.of(OAUTH2);
    }

    @Override
    public ResponseInterpreter responseInterpreter() {
      return (response, generic) -> response.bodyText().contains("\"revoked\"")
          ? generic.map(c -> c.withCategory(ErrorCategory.AUTH_REVOKED))
          : generic;
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      return new PlatformClient() {
        @Override
        public AppCredentials credentials() {
          return context.credentials();
        }

        @Override
        public URI authorizationUrl(AuthorizationRequest request) {
          return URI.create("https://fake.example/authorize");
        }

        @Override
        public TokenResponse exchangeCode(CodeExchange exchange) {
          throw new UnsupportedOperationException();
        }

        @Override
        public TokenResponse refresh(Grant grant) {
          refreshes.incrementAndGet();
          return new TokenResponse(Secret.of("new-token"), Optional.of(Secret.of("refresh-2")),
              Optional.of(Duration.ofHours(1)), Optional.empty(), Optional.empty(), "bearer", Optional.empty());
        }

        @Override
        public Revocation revoke(Grant grant) {
          return Revocation.REVOKED;
        }

        @Override
        public Account profile(Grant grant) {
          ApiRequest request = ApiRequest.newBuilder(HttpMethod.GET, URI.create(wm.baseUrl() + "/me"))
              .header("Authorization", "Bearer " + grant.accessToken().reveal())
              .build();
          context.calls().execute(new ApiCall("fake", "me", request, Idempotency.IDEMPOTENT,
              context.credentials().clientId(), Optional.of("fake:" + grant.account().userId())));
          return grant.account();
        }
      };
    }
  }
}
