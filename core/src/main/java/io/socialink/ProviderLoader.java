package io.socialink;

import io.socialink.spi.PlatformProvider;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Finds provider declarations. The default uses {@link ServiceLoader} with an explicit class loader,
 * which finds providers declared in {@code module-info} on the module path and in
 * {@code META-INF/services} on the class path.
 */
@FunctionalInterface
public interface ProviderLoader {
  /**
   * Iterates the declared providers. {@code next()} may throw {@link java.util.ServiceConfigurationError}
   * or any runtime exception for one provider; the registry reports it and goes on.
   *
   * @return the providers
   */
  Iterator<PlatformProvider> providers();

  /**
   * The {@link ServiceLoader} over a class loader.
   *
   * @param classLoader the class loader
   * @return the loader
   */
  static ProviderLoader serviceLoader(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    return () -> ServiceLoader.load(PlatformProvider.class, classLoader).iterator();
  }

  /**
   * The {@link ServiceLoader} over the class loader that loaded core.
   *
   * @return the loader
   */
  static ProviderLoader serviceLoader() {
    return serviceLoader(ProviderLoader.class.getClassLoader());
  }

  /**
   * A fixed list of providers, for tests.
   *
   * @param providers the providers
   * @return the loader
   */
  static ProviderLoader of(PlatformProvider... providers) {
    List<PlatformProvider> list = List.of(providers);
    return list::iterator;
  }
}
