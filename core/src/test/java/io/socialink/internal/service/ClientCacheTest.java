package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Capability;
import io.socialink.Platform;
import io.socialink.auth.AppCredentials;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.internal.runtime.ClientCache;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientCacheTest {
  static final URI CALLBACK = URI.create("https://app.example/cb");

  /** A provider whose clients cannot be made in this version, as TikTok's before its client existed. */
  static final class UnavailableProvider implements PlatformProvider {
    @Override
    public Platform platform() {
      return Platform.of("later", "Later", Set.of(Capability.PROFILE));
    }

    @Override
    public List<AuthorizationScheme> authorizationSchemes() {
      return List.of(new AuthorizationScheme("oauth2", "Later OAuth", List.of("read"), "test"));
    }

    @Override
    public ResponseInterpreter responseInterpreter() {
      return ResponseInterpreter.generic();
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      throw Classification.of(ErrorCategory.CONFIGURATION, "later", 0, "no client in this version").toException();
    }
  }

  @Test
  void findsTheOneClientOfATypeMadeOnceAndSkipsProvidersWithoutAClient() {
    ClientCache clients = new Fixture().register(new TypedProvider()).register(new UnavailableProvider())
        .credentials(AppCredentials.publicClient("typed", "oauth2", "t", CALLBACK))
        .credentials(AppCredentials.publicClient("later", "oauth2", "l", CALLBACK))
        .runtime().clients();

    TypedProvider.TypedClient typed = clients.client(TypedProvider.TypedClient.class);

    assertThat(clients.client(TypedProvider.TypedClient.class)).isSameAs(typed);
    assertThat(clients.client("typed", "oauth2")).isSameAs(typed);
    assertThat(clients.client(TypedProvider.TypedClient.class, "typed", "oauth2")).isSameAs(typed);
  }

  @Test
  void noneOrSeveralOfATypeIsAConfigurationErrorListingWhatIsConfigured() {
    ClientCache clients = new Fixture().register(new TypedProvider())
        .credentials(AppCredentials.publicClient("typed", "oauth2", "t", CALLBACK))
        .credentials(AppCredentials.publicClient("typed", "business", "b", CALLBACK))
        .runtime().clients();

    assertThatThrownBy(() -> clients.client(TypedProvider.TypedClient.class)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("2 configured clients").hasMessageContaining("client(type, schemeId)")
        .hasMessageContaining("typed/business (TypedClient)").hasMessageContaining("typed/oauth2 (TypedClient)");
    assertThat(clients.client(TypedProvider.TypedClient.class, "typed", "business").credentials().clientId())
        .isEqualTo("b");

    ClientCache without = new Fixture().runtime().clients();
    assertThatThrownBy(() -> without.client(TypedProvider.TypedClient.class)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no configured client is a").hasMessageContaining("fake/oauth2");
    assertThatThrownBy(() -> without.client(TypedProvider.TypedClient.class, "fake", "oauth2"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a");
  }

  @Test
  void credentialsForASchemeThePlatformDoesNotOfferFailAtBuild() {
    assertThatThrownBy(() -> new Fixture().credentials(AppCredentials.publicClient("fake", "business", "c", CALLBACK))
        .runtime()).isInstanceOf(ConfigurationException.class).hasMessageContaining("scheme 'business'")
        .hasMessageContaining("[oauth2]");
  }
}
