package io.socialink.spi;

import io.socialink.Platform;
import io.socialink.auth.AppCredentials;
import io.socialink.http.CallExecutor;
import io.socialink.http.JsonCodec;
import java.time.Clock;

/**
 * What core hands a provider when it creates a client: the credentials, the call pipeline, JSON, the
 * clock and the sleeper. Thread-safe.
 */
public interface ProviderContext {
  /**
   * The platform the client is for.
   *
   * @return the platform
   */
  Platform platform();

  /**
   * The application's credentials for the client's scheme.
   *
   * @return the credentials
   */
  AppCredentials credentials();

  /**
   * The call pipeline every request must go through.
   *
   * @return the executor
   */
  CallExecutor calls();

  /**
   * The JSON codec.
   *
   * @return the codec
   */
  JsonCodec json();

  /**
   * The clock; never read the system clock directly.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * How to wait, for polling (media processing, publish status): the one sleeper of the
   * {@link io.socialink.Socialink}, so that tests pass time without sleeping. Never call
   * {@code Thread.sleep} directly.
   *
   * @return the sleeper; the real one unless the application set another
   */
  default Sleeper sleeper() {
    return Sleeper.system();
  }
}
