package io.socialink.webhook;

import io.socialink.http.Headers;
import java.util.Optional;

/**
 * The callback intake: one entry for every platform's webhooks and callbacks (deauthorization,
 * data-deletion requests, revocation events, handshakes), whatever web framework received them. Get
 * it from {@code Socialink.callbacks()}; mount it with {@link JdkHttpCallbackHandler}, the servlet
 * adapter of {@code socialink-servlet}, or a few lines of any framework's code.
 *
 * <p>{@link #handle} picks the platform by route or, on the intake's root, by what the request
 * carries (the signature that verifies); runs the platform's verifier (signature in constant time,
 * timestamp tolerance against the injected clock, handshakes such as Meta's {@code hub.challenge} and
 * X's CRC); de-duplicates repeated deliveries through the {@link io.socialink.store.CallbackStore};
 * and acts on what was verified:
 *
 * <ul>
 *   <li>a deauthorization marks the links that use the account's grants {@code REVOKED}, forgets the
 *       grants and tells the {@link CallbackListener}; when the event names a
 *       {@linkplain WebhookEvent#userAttribute() grant attribute} (Meta's Facebook Login callbacks name
 *       the Facebook user, kept as an attribute of the Instagram account's grant), the grants whose
 *       attribute holds the user id are acted on as well;</li>
 *   <li>an account deletion does the same for every grant of the account and also marks every link
 *       whose end is the account;</li>
 *   <li>a data-deletion request becomes a tracked {@link DataDeletion} and is answered with its
 *       status URL and confirmation code in the JSON Meta expects;</li>
 *   <li>any other verified event goes to the listener.</li>
 * </ul>
 *
 * <p>Routes, relative to where the intake is mounted: {@code /<platform>} (every configured scheme of
 * the platform is tried), {@code /<platform>/<scheme>}, and {@code /} (every configured platform is
 * tried). A deauthorize callback URL for Instagram Login is then {@code https://app.example/callbacks/instagram},
 * its data-deletion URL {@code https://app.example/callbacks/instagram?callback=data-deletion}.
 *
 * <p>Refusals never change state and are answered at once: 404 for an unknown route, 405 for another
 * method, 413 for a body over {@link CallbackSettings#maxBodyBytes()}, 401 for a missing or forged
 * signature or a stale timestamp, 400 for a signed but malformed body, 403 for a handshake with the
 * wrong verify token; each is logged with its reason, never with a secret, a body or a header. A
 * repeated delivery is answered 200 (with the same data-deletion answer) and changes nothing.
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .credentials(...)
 *     .callbacks(CallbackSettings.ofDefaults()
 *         .withDeletionStatusUrl(URI.create("https://app.example/deletion"))
 *         .withListener(myListener))
 *     .build();
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/callbacks", new JdkHttpCallbackHandler(socialink.callbacks()));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface Callbacks {
  /**
   * Handles one delivery and returns the answer to send. Never throws for anything a request can
   * carry: every refusal is a response.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param path the path relative to where the intake is mounted, with the query string if any,
   *     e.g. {@code /instagram?callback=data-deletion}
   * @param headers the request headers
   * @param body the raw body bytes, exactly as received
   * @return the response to send
   */
  WebhookResponse handle(String method, String path, Headers headers, byte[] body);

  /**
   * The intake's settings; adapters read {@link CallbackSettings#maxBodyBytes()} to stop reading a
   * body early.
   *
   * @return the settings
   */
  CallbackSettings settings();

  /**
   * A data deletion, for the application's status page.
   *
   * @param confirmationCode the code given to the platform
   * @return the deletion, or empty when no request has that code
   */
  Optional<DataDeletion> deletion(String confirmationCode);

  /**
   * Moves a data deletion to another status, as the application deletes the data.
   *
   * @param confirmationCode the code given to the platform
   * @param status the new status
   * @return the updated deletion
   * @throws io.socialink.error.NotFoundException if no request has that code
   */
  DataDeletion updateDeletion(String confirmationCode, DataDeletion.Status status);
}
