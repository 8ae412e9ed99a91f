package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.error.ConfigurationException;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformRegistryTest {

  /** Discoverable through META-INF/services: public with a public no-argument constructor. */
  public static final class Alpha extends Base {
    public Alpha() {
      super("alpha");
    }
  }

  /** A second provider claiming the id "alpha". */
  public static final class OtherAlpha extends Base {
    public OtherAlpha() {
      super("alpha");
    }
  }

  /** A provider whose constructor throws. */
  public static final class Broken extends Base {
    public Broken() {
      super("broken");
      throw new IllegalStateException("missing configuration file");
    }
  }

  /** A provider built for a future SPI. */
  public static final class Future extends Base {
    public Future() {
      super("future");
    }

    @Override
    public int spiVersion() {
      return PlatformProvider.SPI_VERSION + 1;
    }
  }

  abstract static class Base implements PlatformProvider {
    private final String id;

    Base(String id) {
      this.id = id;
    }

    @Override
    public Platform platform() {
      return Platform.of(id, id, Set.of());
    }

    @Override
    public List<AuthorizationScheme> authorizationSchemes() {
      return List.of(FakeProvider.SCHEME);
    }

    @Override
    public ResponseInterpreter responseInterpreter() {
      return ResponseInterpreter.generic();
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      throw new UnsupportedOperationException();
    }
  }

  private static ProviderLoader servicesFile(Path dir, String... classNames) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.write(services.resolve(PlatformProvider.class.getName()), List.of(classNames));
    URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, PlatformRegistryTest.class.getClassLoader());
    return ProviderLoader.serviceLoader(loader);
  }

  @Test
  void discoversThroughServiceLoaderAndReportsBrokenProvidersWhileOthersLoad(@TempDir Path dir) throws IOException {
    PlatformRegistry registry = PlatformRegistry.builder()
        .discover(servicesFile(dir, Alpha.class.getName(), "com.example.Missing", Broken.class.getName(), Future.class.getName()))
        .build();
    assertThat(registry.ids()).containsExactly("alpha");
    assertThat(registry.failures()).hasSize(3);
    assertThat(registry.failures()).anySatisfy(f -> assertThat(f.reason()).contains("com.example.Missing"));
    assertThat(registry.failures()).anySatisfy(f -> assertThat(f.reason()).contains("missing configuration file"));
    assertThat(registry.failures()).anySatisfy(f -> {
      assertThat(f.platformId()).isEqualTo("future");
      assertThat(f.reason()).contains("SPI version " + (PlatformProvider.SPI_VERSION + 1));
    });
  }

  @Test
  void twoDiscoveredProvidersForOneIdFailNamingBoth(@TempDir Path dir) throws IOException {
    PlatformRegistry.Builder b = PlatformRegistry.builder()
        .discover(servicesFile(dir, Alpha.class.getName(), OtherAlpha.class.getName()));
    assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("more than one provider for platform 'alpha'")
        .hasMessageContaining(Alpha.class.getName()).hasMessageContaining(OtherAlpha.class.getName())
        .hasMessageContaining("register(provider)");
  }

  @Test
  void explicitRegistrationBeatsDiscoveryAndSettlesATie(@TempDir Path dir) throws IOException {
    OtherAlpha chosen = new OtherAlpha();
    PlatformRegistry registry = PlatformRegistry.builder()
        .discover(servicesFile(dir, Alpha.class.getName(), OtherAlpha.class.getName()))
        .register(chosen)
        .build();
    assertThat(registry.provider("alpha")).isSameAs(chosen);
  }

  @Test
  void twoExplicitProvidersForOneIdFail() {
    PlatformRegistry.Builder b = PlatformRegistry.builder().register(new Alpha());
    assertThatThrownBy(() -> b.register(new OtherAlpha())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(OtherAlpha.class.getName());
  }

  @Test
  void explicitProviderOfAnotherSpiVersionIsRefused() {
    assertThatThrownBy(() -> PlatformRegistry.builder().register(new Future()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("SPI version");
  }

  @Test
  void unknownIdListsTheKnownOnesAndAnyLoadFailure(@TempDir Path dir) throws IOException {
    PlatformRegistry registry = PlatformRegistry.builder()
        .discover(servicesFile(dir, Alpha.class.getName(), Future.class.getName())).build();
    assertThatThrownBy(() -> registry.provider("beta")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no provider for platform 'beta'").hasMessageContaining("[alpha]");
    assertThatThrownBy(() -> registry.provider("future")).hasMessageContaining("failed to load");
  }

  @Test
  void aLoaderWhoseIteratorKeepsFailingStopsAfterABound() {
    ProviderLoader endless = () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public PlatformProvider next() {
        throw new ServiceConfigurationError("bad declaration");
      }
    };
    PlatformRegistry registry = PlatformRegistry.builder().discover(endless).build();
    assertThat(registry.ids()).isEmpty();
    assertThat(registry.failures()).hasSize(64);
  }

  @Test
  void fixedLoaderIsUsedAsIs() {
    PlatformRegistry registry = PlatformRegistry.builder().discover(ProviderLoader.of(new Alpha())).build();
    assertThat(registry.platforms()).extracting(Platform::id).containsExactly("alpha");
    assertThat(registry.contains("alpha")).isTrue();
    assertThatThrownBy(() -> ProviderLoader.of().providers().next()).isInstanceOf(NoSuchElementException.class);
  }
}
