package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.spi.PlatformProvider;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Discovery works on the module path (through {@code provides} in module-info) as well as on the
 * class path (through {@code META-INF/services}), which the other tests use.
 */
class ModulePathDiscoveryTest {
  /** Libraries of the test class path that are not part of the programs' runtime. */
  private static final List<String> TEST_ONLY = List.of("junit", "opentest4j", "apiguardian", "assertj", "mockito",
      "byte-buddy", "objenesis", "archunit", "slf4j-simple", "test-classes", "surefire");

  @Test
  void serviceLoaderFindsEveryProviderInAModuleLayer() throws Exception {
    Path[] modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> TEST_ONLY.stream().noneMatch(p::contains))
        .map(Path::of)
        .filter(Files::exists)
        .toArray(Path[]::new);
    ModuleFinder finder = ModuleFinder.of(modulePath);
    Configuration config = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.socialink.examples"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());

    // The service type as the layer sees it: io.socialink.core loaded in the layer, not on the class path.
    Class<?> service = layer.findLoader("io.socialink.core").loadClass("io.socialink.spi.PlatformProvider");
    assertThat(service).isNotSameAs(PlatformProvider.class);
    assertThat(service.getModule().getName()).isEqualTo("io.socialink.core");
    List<String> ids = new java.util.ArrayList<>();
    for (Object provider : ServiceLoader.load(layer, service)) {
      Object platform = service.getMethod("platform").invoke(provider);
      ids.add((String) platform.getClass().getMethod("id").invoke(platform));
      assertThat(provider.getClass().getModule().isNamed()).isTrue();
    }
    java.util.Collections.sort(ids);
    assertThat(ids).containsExactly("instagram", "pebble", "tiktok", "x");
    assertThat(layer.findModule("io.socialink.core")).isPresent();
    assertThat(layer.findModule("io.socialink.core").orElseThrow().getDescriptor().exports())
        .noneMatch(e -> e.source().contains("internal"));
  }
}
