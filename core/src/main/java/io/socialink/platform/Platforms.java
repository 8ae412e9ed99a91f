package io.socialink.platform;

import io.socialink.Platform;
import io.socialink.PlatformRegistry;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.Operation;
import io.socialink.spi.TextRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms with a provider. Get it from {@link io.socialink.Socialink#platforms()}. Thread-safe.
 *
 * <pre>{@code
 * socialink.platforms().all();                                 // sorted by id
 * String caption = socialink.platforms().textRules("x").fit(text, "…");
 * Optional<Classification> verdict = socialink.platforms().classify("x", status, headers, body);
 * }</pre>
 */
public interface Platforms {
  /**
   * The platforms with a provider, sorted by id.
   *
   * @return the platforms
   */
  List<Platform> all();

  /**
   * A platform by id.
   *
   * @param platformId the id
   * @return the platform
   * @throws ConfigurationException naming the known ids if unknown
   */
  Platform get(String platformId);

  /**
   * The registry of providers.
   *
   * @return the registry
   */
  PlatformRegistry registry();

  /**
   * The text rules of a platform, for fitting captions.
   *
   * @param platformId the platform
   * @return the rules
   * @throws ConfigurationException naming the known ids if unknown
   */
  TextRules textRules(String platformId);

  /**
   * Classifies a platform's response without making a call, exactly as the pipeline would: core's
   * generic HTTP rules refined by the platform's interpreter. Use it for calls you make yourself.
   *
   * @param platformId the platform
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body
   * @return the classification, or empty when the response is a success
   * @throws ConfigurationException naming the known ids if the platform is unknown
   */
  Optional<Classification> classify(String platformId, int status, Map<String, List<String>> headers, byte[] body);

  /**
   * Classifies a platform's response to a call that was doing a known operation, exactly as the
   * pipeline would: the same answer can mean different things on different calls ({@code invalid_grant}
   * on a code exchange is an authorization to start again, on a refresh a dead grant). See
   * {@link Operation} for what each operation changes; {@link Operation#API_CALL} gives the same verdict
   * as {@link #classify(String, int, Map, byte[])}.
   *
   * <pre>{@code
   * Optional<Classification> verdict = socialink.platforms()
   *     .classify("tiktok", Operation.CODE_EXCHANGE, 200, headers, body);
   * }</pre>
   *
   * @param platformId the platform
   * @param operation what the call was doing
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body
   * @return the classification, or empty when the response is a success
   * @throws ConfigurationException naming the known ids if the platform is unknown
   */
  Optional<Classification> classify(String platformId, Operation operation, int status,
      Map<String, List<String>> headers, byte[] body);
}
