package io.socialink.auth;

import io.socialink.Grant;
import io.socialink.spi.PlatformClient;

/**
 * Work done with a platform's client and a fresh grant; see {@link Grants#withGrant}.
 *
 * @param <C> the client type, {@link PlatformClient} or a provider's own client class
 * @param <T> the result type
 */
@FunctionalInterface
public interface GrantOperation<C extends PlatformClient, T> {
  /**
   * Runs the operation.
   *
   * @param client the client of the grant's platform and scheme
   * @param grant the fresh grant
   * @return the result
   */
  T apply(C client, Grant grant);
}
